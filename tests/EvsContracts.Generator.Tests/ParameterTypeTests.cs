using System.Globalization;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// Every parameter type the spec subset allows (a string, integer, number or boolean, a string enum, and each of
/// those through a <c>$ref</c>) gives a client that compiles, in the path, the query and a header, required and
/// optional; an object, array or map, written inline or reached through a <c>$ref</c>, is EVS102 at the schema, and
/// the operation is left out.
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
        "Thing": { "type": "object", "properties": { "name": { "type": "string" } } }
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
    [InlineData("""{ "$ref": "#/components/schemas/Thing" }""", "object", "path query header")]
    [InlineData("""{ "$ref": "#/components/schemas/Names" }""", "array", "path")]
    [InlineData("""{ "$ref": "#/components/schemas/Labels" }""", "object", "path query header")]
    [InlineData("""{ "type": "array", "items": { "type": "string" } }""", "array", "path")]
    [InlineData("""{ "type": "array", "items": { "$ref": "#/components/schemas/Thing" } }""", "array", "query header")]
    [InlineData("""{ "type": "object", "additionalProperties": { "type": "string" } }""", "object", "path query header")]
    public void An_object_or_map_parameter_or_an_array_in_the_path_is_EVS102_at_its_schema_and_leaves_out_the_operation(string schema, string type, string locations)
    {
        foreach (string location in locations.Split(' '))
        {
            string text = Spec(schema, location, required: true);
            string pathPointer = location == "path" ? "~1things~1{id}" : "~1things";
            GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, text));

            GeneratorHarness.AssertGeneratorDidNotFail(run);
            Assert.DoesNotContain(run.Sources, s => s.Key == "Params.ParamsClient.g.cs");
            GeneratorHarness.AssertCompilesCleanly(run);

            // A refused inline path parameter also leaves its {id} undeclared (EVS101).
            Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics, d => d.Id == "EVS102");
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            Assert.Equal(
                $"Parameters of type {type} are not supported (/paths/{pathPointer}/get/parameters/0/schema); use a string, integer, number or boolean, or an array of them in the query or a header; left out: operation getThing",
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(new TextSpan(text.IndexOf(schema, StringComparison.Ordinal), schema.Length), diagnostic.Location.SourceSpan);
        }
    }

    [Theory]
    [InlineData("""{ "$ref": "#/components/schemas/Names" }""")]
    [InlineData("""{ "type": "array", "items": { "type": "integer", "format": "int64" } }""")]
    public void An_array_parameter_in_the_query_or_a_header_is_a_list(string schema)
    {
        foreach (string location in new[] { "query", "header" })
        {
            GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, Spec(schema, location, required: false)));

            Assert.Empty(run.Single.Diagnostics);
            Assert.Contains("global::System.Collections.Generic.IList<", run.Sources.Single(s => s.Key == "Params.ParamsClient.g.cs").Value, StringComparison.Ordinal);
            GeneratorHarness.AssertCompilesCleanly(run);
        }
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
