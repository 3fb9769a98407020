using System.Globalization;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// EVS900: an exception in the generator's own code is reported on the spec as a defect to report, naming the
/// exception, never as a spec problem (EVS1xx) and never as a failed generator (CS8785).
/// </summary>
public class GeneratorDefectTests
{
    private const string SpecPath = "/project/contracts/pets.openapi.json";

    [Fact]
    public void An_exception_while_building_the_model_is_EVS900_naming_it()
    {
        string text = File.ReadAllText(TestPaths.Output("Specs/nullable-30.openapi.json"));
        var input = new SpecInput(SpecPath, text, null, null, "Consumer");

        SpecResult result = SpecParser.Parse(input, (_, _, _) => throw new InvalidOperationException("the builder broke"));

        Assert.Null(result.Model);
        SpecDiagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Same(DiagnosticDescriptors.InternalError, diagnostic.Descriptor);
        Assert.Equal(
            "The generator failed with System.InvalidOperationException: the builder broke; this is a defect in EvsContracts, please report it with the spec that caused it",
            diagnostic.Message);
        AssertIsDefect(diagnostic.ToDiagnostic());
        Assert.Equal(new SpecLocation(SpecPath, 0, 1, 0, 0, 0, 1), diagnostic.Location);
    }

    [Fact]
    public void An_exception_while_writing_the_sources_is_EVS900_at_the_spec()
    {
        var generator = new EvsContractGenerator((_, _, _) => throw new FormatException("the emitter broke"));
        TestSpec spec = TestSpec.FromFile("Specs/nullable-30.openapi.json");

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { spec }, generator: generator), GeneratorHarness.CreateCompilation());

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Sources);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        AssertIsDefect(diagnostic);
        Assert.Contains("System.FormatException: the emitter broke", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(spec.Path, diagnostic.Location.GetLineSpan().Path);
    }

    private static void AssertIsDefect(Diagnostic diagnostic)
    {
        Assert.Equal("EVS900", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("EvsContracts.Generator", diagnostic.Descriptor.Category);
        Assert.EndsWith("/docs/diagnostics/EVS900.md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Contains("please report it", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
