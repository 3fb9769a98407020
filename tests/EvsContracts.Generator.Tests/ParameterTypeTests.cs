using System.Globalization;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// Every parameter type OpenAPI's styles can write (a value of any type, a list of values, an object or a map of
/// values, inline or through a <c>$ref</c>) gives a client that compiles, in the path, the query and a header,
/// required and optional; a list of objects or an object that nests one, for which OpenAPI defines no wire form, is
/// EVS102 at the schema: the operation is left out for a required parameter, the parameter alone for an optional one.
/// </summary>
public class ParameterTypeTests
{
    private const string SpecPath = "/project/contracts/params.openapi.json";

    /// <summary>Named schemas a parameter may reference: an enum type, aliases of allowed and refused types, an object.</summary>
    private const string Schemas = """
        "Kind": { "type": "string", "enum": ["a", "b"] },
        "Code": { "type": "string", "pattern": "^[a-z]+$" },
        "Count": { "type": "integer", "format": "int64" },
        "Flag": { "type": ["boolean", "null"] },
        "Names": { "type": "array", "items": { "type": "string" } },
        "Labels": { "type": "object", "additionalProperties": { "type": "string" } },
        "Thing": { "type": "object", "properties": { "name": { "type": "string" } } },
        "Nested": { "type": "object", "properties": { "thing": { "$ref": "#/components/schemas/Thing" } } }
        """;

    public static TheoryData<string, string, bool> Allowed()
    {
        string[] schemas =
        [
            """{ "type": "string" }""",
            """{ "type": "string", "format": "uuid" }""",
            """{ "type": "string", "format": "date-time" }""",
            """{ "type": "string", "enum": ["x", "y"] }""",
            """{ "type": ["string", "integer"] }""",
            """{ "type": "integer" }""",
            """{ "type": "integer", "format": "int64" }""",
            """{ "type": ["integer", "null"], "format": "int32" }""",
            """{ "type": "number" }""",
            """{ "type": "boolean" }""",
            """{ "type": "boolean", "nullable": true }""",
            """{ "$ref": "#/components/schemas/Kind" }""",
            """{ "$ref": "#/components/schemas/Code" }""",
            """{ "$ref": "#/components/schemas/Count" }""",
            """{ "$ref": "#/components/schemas/Flag" }""",
            """{ "type": "string", "format": "byte" }""",
            """{ "oneOf": [{ "type": "string" }, { "type": "integer" }] }""",
            """{ "$ref": "#/components/schemas/Names" }""",
            """{ "type": "array", "items": { "type": "integer", "format": "int64" } }""",
            """{ "$ref": "#/components/schemas/Labels" }""",
            """{ "$ref": "#/components/schemas/Thing" }""",
            """{ "type": "object", "additionalProperties": { "type": "integer" } }""",
        ];
        var data = new TheoryData<string, string, bool>();
        foreach (string schema in schemas)
        {
            data.Add(schema, "path", true);
            foreach (string location in new[] { "query", "header" })
            {
                data.Add(schema, location, true);
                data.Add(schema, location, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void An_allowed_parameter_type_gives_a_client_that_compiles(string schema, string location, bool required)
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, Spec(schema, location, required)));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Single.Diagnostics);
        Assert.Contains(run.Sources, s => s.Key == "Params.ParamsClient.g.cs");
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Theory]
    [InlineData("""{ "type": "array", "items": { "$ref": "#/components/schemas/Thing" } }""", "an array of objects")]
    [InlineData("""{ "type": "array", "items": { "$ref": "#/components/schemas/Names" } }""", "an array of arrays")]
    [InlineData("""{ "$ref": "#/components/schemas/Nested" }""", "an object whose members are not all values")]
    public void A_required_parameter_no_style_can_write_is_EVS102_at_its_schema_and_leaves_out_the_operation(string schema, string type)
    {
        foreach (string location in new[] { "path", "query", "header" })
        {
            string text = Spec(schema, location, required: true);
            string pathPointer = location == "path" ? "~1things~1{id}" : "~1things";
            string name = location == "path" ? "id" : "X-Id";
            string where = location switch { "path" => "the path", "query" => "the query", _ => "a header" };
            GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, text));

            GeneratorHarness.AssertGeneratorDidNotFail(run);
            Assert.DoesNotContain("GetThingAsync", run.Sources.Single(s => s.Key == "Params.ParamsClient.g.cs").Value, StringComparison.Ordinal);
            GeneratorHarness.AssertCompilesCleanly(run);

            Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics, d => d.Id == "EVS102");
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            Assert.Equal(
                $"The parameter \"{name}\" is {type}, which OpenAPI gives no way to write in {where} (/paths/{pathPointer}/get/parameters/0/schema); a value, a list of values or an object of values can be, and anything as JSON content; left out: operation getThing",
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(new TextSpan(text.IndexOf(schema, StringComparison.Ordinal), schema.Length), diagnostic.Location.SourceSpan);
        }
    }

    [Fact]
    public void An_optional_parameter_no_style_can_write_is_left_out_alone_with_a_note()
    {
        const string Schema = """{ "type": "array", "items": { "$ref": "#/components/schemas/Thing" } }""";
        foreach (string location in new[] { "query", "header" })
        {
            string text = Spec(Schema, location, required: false);
            GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, text));

            GeneratorHarness.AssertGeneratorDidNotFail(run);
            GeneratorHarness.AssertCompilesCleanly(run);
            Assert.Contains("Task GetThingAsync(global::System.Threading.CancellationToken cancellationToken = default);", run.Sources.Single(s => s.Key == "Params.ParamsClient.g.cs").Value, StringComparison.Ordinal);
            Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics, d => d.Id == "EVS102");
            Assert.Equal(
                $"The optional parameter \"X-Id\" is an array of objects, which OpenAPI gives no way to write in {(location == "query" ? "the query" : "a header")} (/paths/~1things/get/parameters/0/schema); the operation is generated without it",
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(new TextSpan(text.IndexOf(Schema, StringComparison.Ordinal), Schema.Length), diagnostic.Location.SourceSpan);
        }
    }

    [Theory]
    [InlineData("path", "form")]
    [InlineData("path", "deepObject")]
    [InlineData("query", "matrix")]
    [InlineData("header", "label")]
    public void A_style_OpenAPI_does_not_define_in_its_location_is_EVS102_at_the_style(string location, string style)
    {
        string text = Spec("""{ "type": "string" }""", location, required: true).Replace("\"schema\": {", $"\"style\": \"{style}\", \"schema\": {{", StringComparison.Ordinal);
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, text));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics, d => d.Id == "EVS102");
        Assert.StartsWith($"The parameter style \"{style}\" is not one OpenAPI defines in the {location} (", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.EndsWith("; left out: operation getThing", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal($"\"{style}\"", text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    /// <summary>One operation with one parameter of the given schema; only a path parameter appears in the path.</summary>
    private static string Spec(string schema, string location, bool required) => $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Params", "version": "1", "x-namespace": "Params", "x-client-name": "ParamsClient" },
          "paths": {
            "{{(location == "path" ? "/things/{id}" : "/things")}}": {
              "get": {
                "operationId": "getThing",
                "parameters": [
                  { "name": "{{(location == "path" ? "id" : "X-Id")}}", "in": "{{location}}", "required": {{(required ? "true" : "false")}}, "schema": {{schema}} }
                ],
                "responses": { "204": { "description": "None." } }
              }
            }
          },
          "components": {
            "schemas": {
              {{Schemas}}
            }
          }
        }
        """;
}
