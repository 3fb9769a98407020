using System.Diagnostics;
using System.Text;
using CsCheck;
using EvsContracts.Generator;
using EvsContracts.Reliability.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace EvsContracts.Reliability.Tests;

/// <summary>
/// Damaged YAML specs: as for JSON, whatever the file holds, the generator does not fail, and either its code
/// compiles or EVS1xx diagnostics point into the spec file. Cases are random per run (CsCheck prints the seed of a
/// failure; set <c>CsCheck_Seed</c> to replay it).
/// </summary>
public sealed class YamlFuzzTests(ITestOutputHelper output)
{
    /// <summary>YAML text damaged as a person editing it would: indentation, tabs, indicators, lines, bytes.</summary>
    public const int TextCases = 5_000;

    /// <summary>JSON specs damaged in their structure, then written as YAML.</summary>
    public const int StructuralCases = 1_000;

    /// <summary>Through the driver, output compiled.</summary>
    public const int DriverCases = 500;

    [Fact]
    public void Damaged_YAML_never_crashes_the_parser_and_every_failure_is_located()
    {
        var stats = new FuzzStats();
        var watch = Stopwatch.StartNew();
        YamlMutator.Cases(maxMutations: 3).Sample(
            fuzzCase =>
            {
                byte[] bytes = YamlMutator.Apply(fuzzCase);
                SpecInvariants.ParseAndCheck(SpecCorpus.PathOf(SpecCorpus.YamlNames[fuzzCase.Spec]), GeneratorHost.Decode(bytes), stats);
            },
            iter: TextCases,
            print: fuzzCase => fuzzCase.ToString());
        output.WriteLine($"yaml text: {stats} in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(TextCases, stats.Cases);

        // Much of the damage leaves valid YAML, or an OpenAPI document that still generates: both sides are seen.
        Assert.True(stats.Models > TextCases / 20, $"Only {stats.Models} of {TextCases} cases generated code");
    }

    [Fact]
    public void Structurally_damaged_specs_written_as_YAML_generate_as_their_JSON_does()
    {
        var watch = Stopwatch.StartNew();
        int cases = 0;
        SpecMutator.Cases(SpecMutator.StructuralKinds, maxMutations: 2).Sample(
            fuzzCase =>
            {
                if (YamlMutator.StructuralAsYaml(fuzzCase) is not { } yaml)
                {
                    return;
                }

                string jsonPath = SpecCorpus.PathOf(SpecCorpus.Names[fuzzCase.Spec]);
                SpecResult fromYaml = SpecInvariants.ParseAndCheck(Path.ChangeExtension(jsonPath, ".yaml"), SourceText.From(yaml));
                SpecResult fromJson = SpecParser.Parse(new SpecInput(jsonPath, Encoding.UTF8.GetString(SpecMutator.Apply(fuzzCase)), null, null, "Fuzz.Default"));

                // The same document: the same model, and the same problems (their places differ with the text).
                Assert.Equal(fromJson.Model, fromYaml.Model);
                Assert.Equal(fromJson.Diagnostics.Select(d => d.Message), fromYaml.Diagnostics.Select(d => d.Message));
                Interlocked.Increment(ref cases);
            },
            iter: StructuralCases,
            print: fuzzCase => fuzzCase.ToString());
        output.WriteLine($"yaml structural: {cases} cases in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(cases > StructuralCases / 2, $"Only {cases} of {StructuralCases} cases could be written as YAML");
    }

    [Fact]
    public void Damaged_YAML_through_the_driver_compiles_cleanly_or_reports_located_diagnostics()
    {
        var stats = new FuzzStats();
        YamlMutator.Cases(maxMutations: 2).Sample(
            fuzzCase =>
            {
                byte[] bytes = YamlMutator.Apply(fuzzCase);
                GeneratorOutcome outcome = GeneratorHost.Run(SpecCorpus.PathOf(SpecCorpus.YamlNames[fuzzCase.Spec]), GeneratorHost.Decode(bytes));
                SpecInvariants.CheckOutcome(outcome, stats);
            },
            iter: DriverCases,
            print: fuzzCase => fuzzCase.ToString());
        output.WriteLine($"yaml driver: {stats}");
        Assert.Equal(DriverCases, stats.Cases);
    }

    public static TheoryData<string> Specs() => new(SpecCorpus.YamlNames);

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_truncation_parses_or_is_located(string spec)
    {
        byte[] bytes = SpecCorpus.YamlBytes[Array.IndexOf(SpecCorpus.YamlNames, spec)];
        string path = SpecCorpus.PathOf(spec);
        int cases = 0;
        for (int length = 0; length <= bytes.Length; length += 13)
        {
            // A cut YAML file is often still YAML; whatever it is, nothing may throw and every problem is located.
            SpecInvariants.ParseAndCheck(path, GeneratorHost.Decode(bytes[..length]));
            cases++;
        }

        output.WriteLine($"{spec}: {cases} truncations");
    }
}
