using System.Globalization;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// A spec may hold huge strings; a diagnostic that quotes one keeps its start and its length, so a build log line
/// stays readable, and it still points at the spec's own place.
/// </summary>
public class DiagnosticMessageTests
{
    private const string SpecPath = "/project/contracts/huge.openapi.json";

    [Fact]
    public void A_ten_thousand_character_schema_name_is_quoted_by_its_start_and_its_length()
    {
        string name = "-" + new string('x', 9_999);
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, SpecWithSchema(name)));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal("EVS104", diagnostic.Id);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Equal($"The schema name \"-{new string('x', 59)}…\" (10,000 characters) does not give a C# type name; left out: schema -{new string('x', 59)}…", message);
        Assert.Equal(SpecPath, diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_name_at_the_limit_is_quoted_whole()
    {
        // Punctuation only: no C# name can come of it, whatever its length.
        string name = new string('-', 80);
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, SpecWithSchema(name)));

        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal($"The schema name \"{name}\" does not give a C# type name; left out: schema {name}", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        // 59 ASCII characters, then emoji: the 60th kept character would be the first half of a pair.
        string name = new string('-', 59) + string.Concat(Enumerable.Repeat("\U0001F600", 40));
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, SpecWithSchema(name)));

        string message = Assert.Single(run.Single.Diagnostics).GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains($"\"{new string('-', 59)}…\" ({name.Length} characters)", message, StringComparison.Ordinal);
        Assert.EndsWith($"; left out: schema {new string('-', 59)}…", message, StringComparison.Ordinal);
    }

    private static string SpecWithSchema(string name) => $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Huge", "version": "1" },
          "paths": {},
          "components": { "schemas": { "{{name}}": { "type": "object", "properties": { "a": { "type": "string" } } } } }
        }
        """;
}
