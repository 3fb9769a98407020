using System.Globalization;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Tests;

/// <summary>Schema constructs whose parts cannot all hold: each is one located diagnostic, never code.</summary>
public class SchemaShapeDiagnosticTests
{
    private const string SpecPath = "/project/contracts/shapes.openapi.json";

    private static string Spec(string schemas) => $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Shapes", "version": "1" },
          "paths": {},
          "components": { "schemas": { {{schemas}} } }
        }
        """;

    [Fact]
    public void AllOf_parts_of_different_types_are_EVS105()
    {
        AssertDiagnostic(
            Spec("""
                "Code": { "type": "string" },
                "Pet": { "type": "object", "properties": { "id": { [|"allOf"|]: [{ "type": "integer" }, { "$ref": "#/components/schemas/Code" }] } } }
                """),
            "EVS105",
            "Contradictory constraints at /components/schemas/Pet/properties/id: its allOf parts are of type integer and of type string; left out: schema Pet");
    }

    [Fact]
    public void AllOf_enums_without_a_common_value_are_EVS105()
    {
        AssertDiagnostic(
            Spec("""
                "Kind": { [|"allOf"|]: [{ "type": "string", "enum": ["a", "b"] }, { "enum": ["c"] }] }
                """),
            "EVS105",
            "Contradictory constraints at /components/schemas/Kind: the enums of its allOf parts share no value; left out: schema Kind");
    }

    [Fact]
    public void AllOf_with_two_patterns_is_EVS102()
    {
        AssertDiagnostic(
            Spec("""
                "Code": { [|"allOf"|]: [{ "type": "string", "pattern": "^a" }, { "pattern": "b$" }] },
                "Pet": { "type": "object", "properties": { "code": { "$ref": "#/components/schemas/Code" } } }
                """),
            "EVS102",
            "The allOf parts of /components/schemas/Code have two different patterns; one pattern per value is supported; left out: schemas Code, Pet");
    }

    [Fact]
    public void AllOf_that_is_not_an_array_is_EVS101()
    {
        AssertDiagnostic(
            Spec("""
                "Pet": { "allOf": [|{ "type": "object" }|] }
                """),
            "EVS101",
            "/components/schemas/Pet/allOf must be a non-empty array of schemas; left out: schema Pet");
    }

    private static void AssertDiagnostic(string markup, string id, string message)
    {
        SpecMarkup spec = SpecMarkup.Parse(markup);
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, spec.Text));
        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(SpecPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(spec.Span, diagnostic.Location.GetLineSpan().Span);
    }
}
