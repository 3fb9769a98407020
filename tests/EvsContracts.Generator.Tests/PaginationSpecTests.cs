using System.Globalization;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// <c>x-pagination</c> and the array form of <c>x-status-waiter</c>: what they generate, and a located diagnostic
/// for each way to get them wrong.
/// </summary>
public class PaginationSpecTests
{
    private const string SpecPath = "/project/contracts/pets.openapi.json";

    /// <summary>A pet list; <c>PAGINATION</c> is replaced by each case's extension.</summary>
    private const string Template = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Pets", "version": "1" },
          "paths": {
            "/pets": {
              "get": {
                "operationId": "listPets",
                "parameters": [
                  { "name": "size", "in": "query", "schema": { "type": "integer", "minimum": 1 } },
                  { "name": "from", "in": "query", "schema": { "type": "string" } },
                  { "name": "skip", "in": "query", "schema": { "type": "integer", "format": "int64" } },
                  { "name": "kind", "in": "query", "schema": { "type": "string" } }
                ],
                "responses": {
                  "200": { "description": "A page.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PetPage" } } } }
                },
                "x-pagination": PAGINATION
              }
            },
            "/pets/{pet_id}": {
              "get": {
                "operationId": "getPet",
                "parameters": [ { "name": "pet_id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": {
                  "200": { "description": "The pet.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } }
                },
                "x-status-waiter": [
                  { "method": "WaitForPetStatus", "property": "status", "failureValues": ["lost"] },
                  { "method": "WaitForPetGone", "untilNotFound": true, "property": "status", "failureValues": ["stuck"] }
                ]
              }
            }
          },
          "components": {
            "schemas": {
              "Pet": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "status": { "type": "string" } } },
              "PetPage": {
                "type": "object",
                "required": ["pets"],
                "properties": {
                  "pets": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } },
                  "total": { "type": "integer" },
                  "links": { "type": "array", "items": { "$ref": "#/components/schemas/PageLink" } },
                  "next": { "type": "string" },
                  "tags": { "type": "array", "items": { "type": "string" } }
                }
              },
              "PageLink": { "type": "object", "properties": { "rel": { "type": "string" }, "href": { "type": "string" } } }
            }
          }
        }
        """;

    [Theory]
    [InlineData("""{ "style": "marker", "items": "pets", "pageSize": "size", "marker": "from", "nextLink": "links", "omitParameters": ["skip"] }""", "ByMarkerAsync")]
    [InlineData("""{ "style": "marker", "items": "pets", "pageSize": "size", "marker": "from", "markerProperty": "id" }""", "ByMarkerAsync")]
    [InlineData("""{ "style": "marker", "items": "tags", "marker": "from", "nextLink": "links" }""", "ByMarkerAsync", "string")]
    [InlineData("""{ "style": "offset", "items": "pets", "pageSize": "size", "offset": "skip", "omitParameters": ["from"] }""", "ByOffsetAsync")]
    [InlineData("""{ "style": "offset", "items": "tags", "offset": "skip" }""", "ByOffsetAsync", "string")]
    [InlineData("""{ "style": "nextLink", "items": "pets", "nextLink": "next", "omitParameters": ["from", "skip"] }""", "ByNextLinkAsync")]
    public void Each_style_generates_an_enumeration_that_compiles(string pagination, string walk, string item = "global::EvsContracts.Generated.Pet")
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, Template.Replace("PAGINATION", pagination, StringComparison.Ordinal)));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Single.Diagnostics);
        string client = run.Sources.Single(s => s.Key.EndsWith("Client.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains($"IAsyncEnumerable<{item}> EnumeratePetsAsync(", client, StringComparison.Ordinal);
        Assert.Contains("EvsPaging." + walk + "<", client, StringComparison.Ordinal);
        Assert.Contains("global::System.Threading.Tasks.Task WaitForPetGoneAsync(string petId, global::System.TimeSpan? timeout = null", client, StringComparison.Ordinal);
        Assert.Contains("WaitForPetStatusAsync(string petId, string status,", client, StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Theory]
    [InlineData(
        """{ "style": [|"cursor"|], "items": "pets" }""",
        "x-pagination.style must be \"marker\", \"offset\" or \"nextLink\", not \"cursor\" (/paths/~1pets/get/x-pagination/style); left out: operation listPets")]
    [InlineData(
        """{ "style": [|"marker"|], "items": "pets", "pageSize": "size" }""",
        "x-pagination with style \"marker\" needs \"marker\" (/paths/~1pets/get/x-pagination); left out: operation listPets")]
    [InlineData(
        """{ "style": "offset", "items": "pets", "pageSize": [|"limit"|], "offset": "skip" }""",
        "x-pagination.pageSize: \"limit\" is not a query parameter of listPets; left out: operation listPets")]
    [InlineData(
        """{ "style": "offset", "items": "pets", "pageSize": [|"from"|], "offset": "skip" }""",
        "x-pagination.pageSize: the query parameter \"from\" must be an optional integer (listPets); left out: operation listPets")]
    [InlineData(
        """{ "style": "offset", "items": [|"total"|], "offset": "skip" }""",
        "x-pagination.items must lead to an array property of the answer (listPets); left out: operation listPets")]
    [InlineData(
        """{ "style": "offset", "items": [|"data.pets"|], "offset": "skip" }""",
        "x-pagination.items: \"data\" is not a property on the way (listPets); left out: operation listPets")]
    [InlineData(
        """{ "style": "nextLink", "items": "pets", "nextLink": [|"total"|] }""",
        "x-pagination.nextLink must lead to a string, or to an array of objects with string properties rel and href (listPets); left out: operation listPets")]
    [InlineData(
        """{ "style": "offset", "items": "pets", "offset": "skip", [|"cursor"|]: "from" }""",
        "x-pagination has no member \"cursor\"; it knows method, style, items, pageSize, marker, markerProperty, offset, nextLink and omitParameters (/paths/~1pets/get/x-pagination); left out: operation listPets")]
    [InlineData(
        """{ "style": "offset", "items": "pets", "offset": "skip", "omitParameters": [[|"sort"|]] }""",
        "x-pagination.omitParameters: \"sort\" is not a query parameter of listPets; left out: operation listPets")]
    [InlineData(
        """[|[ "marker" ]|]""",
        "/paths/~1pets/get/x-pagination must be an object with style, items and the query parameters the style needs; left out: operation listPets")]
    public void A_broken_extension_is_EVS101_at_its_place(string pagination, string message)
    {
        SpecMarkup spec = SpecMarkup.Parse(Template.Replace("PAGINATION", pagination, StringComparison.Ordinal));

        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, spec.Text));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal("EVS101", diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(SpecPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(spec.Span, diagnostic.Location.GetLineSpan().Span);
    }

    [Fact]
    public void An_invalid_method_name_is_EVS104()
    {
        SpecMarkup spec = SpecMarkup.Parse(Template.Replace("PAGINATION", """{ "method": [|"Every pet"|], "style": "offset", "items": "pets", "offset": "skip" }""", StringComparison.Ordinal));

        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, spec.Text));

        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal("EVS104", diagnostic.Id);
        Assert.Equal("x-pagination.method \"Every pet\" is not a valid C# method name; left out: operation listPets", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(spec.Span, diagnostic.Location.GetLineSpan().Span);
    }
}
