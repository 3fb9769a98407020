using System.Diagnostics;
using CsCheck;
using EvsContracts.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EvsContracts.Reliability.Tests;

/// <summary>
/// The fuzzer starting from real specs of the OpenAPI corpus rather than the project's own: the same invariants
/// (no generator failure; code that compiles cleanly, or diagnostics located in the spec) on documents written by
/// other people's tools.
/// </summary>
public sealed class RealSpecFuzzTests(ITestOutputHelper output)
{
    /// <summary>Damaged real specs through the parser and emitter, output syntax-checked.</summary>
    public const int ParseCases = 300;

    /// <summary>Damaged real specs through <c>CSharpGeneratorDriver</c>, output compiled with every warning on.</summary>
    public const int DriverCases = 40;

    [RealSpecFact]
    public void Each_real_seed_generates_code_that_compiles_cleanly()
    {
        for (int spec = 0; spec < RealSpecs.Names.Length; spec++)
        {
            GeneratorOutcome outcome = GeneratorHost.Run(RealSpecs.PathOf(RealSpecs.Names[spec]), GeneratorHost.Decode(RealSpecs.Bytes[spec]));

            SpecInvariants.CheckOutcome(outcome);
            Assert.True(outcome.Sources.Count > 0, RealSpecs.Names[spec] + " generated nothing: it is no seed for the fuzzer");
        }
    }

    [RealSpecFact]
    public void Damaged_real_specs_never_crash_the_parser_and_every_failure_is_located()
    {
        var stats = new FuzzStats();
        var watch = Stopwatch.StartNew();
        Cases(SpecMutator.Kinds, maxMutations: 3).Sample(
            fuzzCase =>
            {
                byte[] bytes = SpecMutator.Apply(RealSpecs.Bytes[fuzzCase.Spec], fuzzCase.Mutations);
                SpecInvariants.ParseAndCheck(RealSpecs.PathOf(RealSpecs.Names[fuzzCase.Spec]), GeneratorHost.Decode(bytes), stats);
            },
            iter: ParseCases,
            print: Describe);
        output.WriteLine($"parse: {stats} in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(ParseCases, stats.Cases);
    }

    [RealSpecFact]
    public void Damaged_real_specs_through_the_driver_compile_cleanly_or_report_located_diagnostics()
    {
        var stats = new FuzzStats();
        var watch = Stopwatch.StartNew();
        Cases(SpecMutator.StructuralKinds, maxMutations: 2).Sample(
            fuzzCase =>
            {
                byte[] bytes = SpecMutator.Apply(RealSpecs.Bytes[fuzzCase.Spec], fuzzCase.Mutations);
                SpecInvariants.CheckOutcome(GeneratorHost.Run(RealSpecs.PathOf(RealSpecs.Names[fuzzCase.Spec]), GeneratorHost.Decode(bytes)), stats);
            },
            iter: DriverCases,
            print: Describe);
        output.WriteLine($"driver: {stats} in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(DriverCases, stats.Cases);

        // Structural damage to one member of a real spec leaves most of it usable; if nothing compiled, the check
        // above proved little.
        Assert.True(stats.Compiled > DriverCases / 4, $"Only {stats.Compiled} of {DriverCases} cases generated code");
    }

    private static Gen<FuzzCase> Cases(Gen<MutationKind> kinds, int maxMutations) =>
        Gen.Select(
            Gen.Int[0, RealSpecs.Names.Length - 1],
            SpecMutator.Mutations(kinds, maxMutations),
            (spec, mutations) => new FuzzCase(spec, mutations));

    private static string Describe(FuzzCase fuzzCase) => $"{RealSpecs.Names[fuzzCase.Spec]}: {string.Join(", ", fuzzCase.Mutations)}";
}
