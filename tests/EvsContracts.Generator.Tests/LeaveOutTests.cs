using System.Globalization;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// A construct the generator cannot express leaves out only what it touches: the schema or operation it is in, and
/// every schema and operation that needs that one, however indirectly. It is one EVS102 warning at the construct
/// that says what is left out; everything else is generated and compiles. Other problems leave out the same way,
/// and stay errors.
/// </summary>
public class LeaveOutTests
{
    private const string SpecPath = "/project/contracts/pets.openapi.json";

    [Fact]
    public void A_construct_in_a_schema_leaves_out_that_schema_and_the_operation_that_needs_it()
    {
        GeneratorRun run = AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    "/pets": {
                      "get": { "operationId": "listOwners", "responses": { "200": { "description": "Owners.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Owners" } } } } } }
                    },
                    "/pets/{id}": {
                      "get": {
                        "operationId": "getPet",
                        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                        "responses": { "200": { "description": "The pet.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } }
                      },
                      "delete": {
                        "operationId": "deletePet",
                        "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                        "responses": { "204": { "description": "Deleted." } }
                      }
                    }
                    """,
                schemas: """
                    "Pet": { "type": "object", "properties": { "name": { "type": "string", [|"not"|]: { "const": "" } } } },
                    "Owners": { "type": "object", "properties": { "names": { "type": "array", "items": { "type": "string" } } } }
                    """),
            "\"not\" is not supported (/components/schemas/Pet/properties/name/not); left out: operation getPet; schema Pet",
            kept: ["ListOwnersAsync(", "DeletePetAsync(", "class Owners "],
            leftOut: ["GetPetAsync(", "class Pet "]);

        Assert.Equal(2, run.Sources.Count);
    }

    [Fact]
    public void A_schema_is_left_out_with_every_schema_and_operation_that_needs_it_through_references()
    {
        // Pet → Owner (property) → Address (array items) → Street (map value), which has the construct.
        AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    "/pets": {
                      "get": { "operationId": "listPets", "responses": { "200": { "description": "Pets.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } } },
                      "post": { "operationId": "addOwner", "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "owner": { "$ref": "#/components/schemas/Owner" } } } } } }, "responses": { "204": { "description": "Added." } } }
                    },
                    "/tags": {
                      "get": { "operationId": "listTags", "responses": { "200": { "description": "Tags.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Tag" } } } } } }
                    }
                    """,
                schemas: """
                    "Pet": { "type": "object", "properties": { "owner": { "$ref": "#/components/schemas/Owner" } } },
                    "Owner": { "type": "object", "properties": { "addresses": { "type": "array", "items": { "$ref": "#/components/schemas/Address" } } } },
                    "Address": { "type": "object", "properties": { "streets": { "type": "object", "additionalProperties": { "$ref": "#/components/schemas/Street" } } } },
                    "Street": { "type": "object", [|"if"|]: { "required": ["name"] }, "properties": { "name": { "type": "string" } } },
                    "Tag": { "type": "object", "properties": { "label": { "type": "string" } } }
                    """),
            "\"if\" is not supported (/components/schemas/Street/if); left out: operations addOwner, listPets; schemas Address, Owner, Pet, Street",
            kept: ["ListTagsAsync(", "class Tag "],
            leftOut: ["ListPetsAsync(", "AddOwnerAsync(", "class Pet ", "class Owner ", "class Address ", "class Street ", "AddOwnerRequest"]);
    }

    [Fact]
    public void Schemas_that_refer_to_each_other_in_a_cycle_are_left_out_together()
    {
        AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    "/trees": {
                      "get": { "operationId": "getTree", "responses": { "200": { "description": "A tree.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Tree" } } } } } }
                    },
                    "/nodes": {
                      "get": { "operationId": "getNode", "responses": { "200": { "description": "A node.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Node" } } } } } }
                    }
                    """,
                schemas: """
                    "Tree": { "type": "object", "properties": { "root": { "$ref": "#/components/schemas/Branch" } } },
                    "Branch": { "type": "object", "properties": { "leaves": { "type": "array", "items": { "$ref": "#/components/schemas/Leaf" } }, "tree": { "$ref": "#/components/schemas/Tree" } } },
                    "Leaf": { "type": "object", "properties": { "branch": { "$ref": "#/components/schemas/Branch" }, "color": { "type": "string", [|"not"|]: { "enum": ["black"] } } } },
                    "Node": { "type": "object", "properties": { "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } } } }
                    """),
            "\"not\" is not supported (/components/schemas/Leaf/properties/color/not); left out: operation getTree; schemas Branch, Leaf, Tree",
            kept: ["GetNodeAsync(", "class Node "],
            leftOut: ["GetTreeAsync(", "class Tree ", "class Branch ", "class Leaf "]);
    }

    [Fact]
    public void A_cookie_parameter_leaves_out_its_operation_only()
    {
        AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    "/pets": {
                      "get": {
                        "operationId": "listPets",
                        "parameters": [ { "name": "session", "in": [|"cookie"|], "schema": { "type": "string" } } ],
                        "responses": { "200": { "description": "Pets.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } }
                      },
                      "post": {
                        "operationId": "addPet",
                        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } },
                        "responses": { "204": { "description": "Added." } }
                      }
                    }
                    """,
                schemas: """
                    "Pet": { "type": "object", "properties": { "name": { "type": "string" } } }
                    """),
            "Parameters in \"cookie\" are not supported (/paths/~1pets/get/parameters/0/in); supported: path, query, header; left out: operation listPets",
            kept: ["AddPetAsync(", "class Pet "],
            leftOut: ["ListPetsAsync("]);
    }

    [Fact]
    public void A_cookie_parameter_shared_by_a_path_leaves_out_every_operation_of_the_path()
    {
        AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    "/pets": {
                      "parameters": [ { "name": "session", "in": [|"cookie"|], "schema": { "type": "string" } } ],
                      "get": { "operationId": "listPets", "responses": { "204": { "description": "None." } } },
                      "delete": { "operationId": "deletePets", "responses": { "204": { "description": "None." } } }
                    },
                    "/owners": {
                      "get": { "operationId": "listOwners", "responses": { "204": { "description": "None." } } }
                    }
                    """,
                schemas: string.Empty),
            "Parameters in \"cookie\" are not supported (/paths/~1pets/parameters/0/in); supported: path, query, header; left out: path /pets; operations deletePets, listPets",
            kept: ["ListOwnersAsync("],
            leftOut: ["ListPetsAsync(", "DeletePetsAsync("]);
    }

    [Fact]
    public void A_remote_path_item_reference_leaves_out_its_path_and_a_local_one_serves_the_operations_it_names()
    {
        AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    "/pets": {
                      "get": { "operationId": "listPets", "responses": { "204": { "description": "None." } } }
                    },
                    "/v2/pets": { "$ref": "#/paths/~1pets" },
                    "/owners": { "$ref": [|"owners.json#/paths/~1owners"|] }
                    """,
                schemas: string.Empty),
            "The remote reference \"owners.json#/paths/~1owners\" is not supported (/paths/~1owners/$ref); only local references are; left out: path /owners",
            kept: ["ListPetsAsync(", "ListPets2Async(", "\"v2/pets\""],
            leftOut: ["owners"]);
    }

    [Fact]
    public void A_query_keyed_by_a_parameter_leaves_out_its_path()
    {
        AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    [|"/numbers/{country}?{search}=1"|]: {
                      "get": {
                        "operationId": "searchNumbers",
                        "parameters": [ { "name": "country", "in": "path", "required": true, "schema": { "type": "string" } } ],
                        "responses": { "204": { "description": "None." } }
                      }
                    },
                    "/alerts?lat={lat}": {
                      "get": {
                        "operationId": "listAlerts",
                        "parameters": [ { "name": "lat", "in": "query", "schema": { "type": "number" } } ],
                        "responses": { "204": { "description": "None." } }
                      }
                    }
                    """,
                schemas: string.Empty),
            "The path \"/numbers/{country}?{search}=1\" carries a query with a '{parameter}' that is not the whole value of a 'key={parameter}' pair, which is not supported; declare it as a query parameter; left out: path /numbers/{country}?{search}=1",
            kept: ["ListAlertsAsync("],
            leftOut: ["SearchNumbersAsync("]);
    }

    [Fact]
    public void A_referenced_parameter_is_one_warning_for_every_operation_that_uses_it()
    {
        string text = PetsSpec.Of(
            paths: """
                "/pets": {
                  "get": { "operationId": "listPets", "parameters": [ { "$ref": "#/components/parameters/Session" } ], "responses": { "204": { "description": "None." } } },
                  "delete": { "operationId": "deletePets", "parameters": [ { "$ref": "#/components/parameters/Session" } ], "responses": { "204": { "description": "None." } } },
                  "put": { "operationId": "putPets", "responses": { "204": { "description": "None." } } }
                }
                """,
            schemas: string.Empty).Replace(
                "\"components\": {",
                "\"components\": { \"parameters\": { \"Session\": { \"name\": \"session\", \"in\": [|\"cookie\"|], \"schema\": { \"type\": \"string\" } } },",
                StringComparison.Ordinal);

        AssertLeftOut(
            text,
            "Parameters in \"cookie\" are not supported (/components/parameters/Session/in); supported: path, query, header; left out: operations deletePets, listPets",
            kept: ["PutPetsAsync("],
            leftOut: ["ListPetsAsync(", "DeletePetsAsync("]);
    }

    [Fact]
    public void A_schema_no_operation_uses_is_left_out_alone_when_every_schema_is_generated()
    {
        AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    "/pets": {
                      "get": { "operationId": "listPets", "responses": { "200": { "description": "Pets.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } } }
                    }
                    """,
                schemas: """
                    "Pet": { "type": "object", "properties": { "name": { "type": "string" } } },
                    "Legacy": { "type": "object", "properties": { "code": { "$ref": [|"legacy.json#/Code"|] } } }
                    """),
            "The remote reference \"legacy.json#/Code\" is not supported (/components/schemas/Legacy/properties/code/$ref); only local references (#/components/schemas/...) are; left out: schema Legacy",
            kept: ["ListPetsAsync(", "class Pet "],
            leftOut: ["class Legacy "],
            allSchemas: true);
    }

    [Fact]
    public void An_error_schema_that_is_left_out_leaves_the_operation_and_drops_only_that_response()
    {
        // The client reads error responses into EvsApiException, not into their schema's type.
        AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    "/pets": {
                      "get": {
                        "operationId": "listPets",
                        "responses": {
                          "200": { "description": "Pets.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } },
                          "404": { "description": "None.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
                          "default": { "description": "Error.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                        }
                      }
                    }
                    """,
                schemas: """
                    "Pet": { "type": "object", "properties": { "name": { "type": "string" } } },
                    "Problem": { "type": "object", [|"not"|]: { "required": ["title"] }, "properties": { "title": { "type": "string" } } },
                    "Error": { "type": "object", "properties": { "message": { "type": "string" } } }
                    """),
            "\"not\" is not supported (/components/schemas/Problem/not); left out: schema Problem; response 404 of listPets",
            kept: ["ListPetsAsync(", "class Pet ", "class Error "],
            leftOut: ["class Problem "]);
    }

    [Fact]
    public void Callbacks_are_a_note_and_the_operation_is_generated_without_them()
    {
        // A callback is a request the service makes: nothing a client sends, so nothing of the operation is missing.
        AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    "/hooks": {
                      "post": {
                        "operationId": "subscribe",
                        "responses": { "201": { "description": "Subscribed." } },
                        [|"callbacks"|]: { "onEvent": { "{$request.query.url}": { "post": { "responses": { "204": { "description": "Received." } } } } } }
                      }
                    }
                    """,
                schemas: string.Empty),
            "The callbacks of subscribe (requests the service makes to the caller) are not generated (/paths/~1hooks/post/callbacks); the operation is",
            kept: ["SubscribeAsync("],
            leftOut: []);
    }

    [Fact]
    public void An_unresolved_reference_is_an_error_that_leaves_out_only_what_needs_it()
    {
        AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    "/pets": {
                      "get": { "operationId": "listPets", "responses": { "200": { "description": "Pets.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } } },
                      "delete": { "operationId": "deletePets", "responses": { "204": { "description": "None." } } }
                    }
                    """,
                schemas: """
                    "Pet": { "type": "object", "properties": { "owner": { "$ref": [|"#/components/schemas/Owner"|] } } }
                    """),
            "The reference \"#/components/schemas/Owner\" does not resolve: there is no schema \"Owner\" in components.schemas (/components/schemas/Pet/properties/owner/$ref); left out: operation listPets; schema Pet",
            kept: ["DeletePetsAsync("],
            leftOut: ["ListPetsAsync(", "class Pet "],
            id: "EVS103");
    }

    [Fact]
    public void A_contradiction_the_model_builder_finds_leaves_out_its_schema_and_what_needs_it()
    {
        // Found only when the model is built, after the reader decided what to leave out: built again without them.
        AssertLeftOut(
            PetsSpec.Of(
                paths: """
                    "/pets": {
                      "get": { "operationId": "listPets", "responses": { "200": { "description": "Pets.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pets" } } } } } },
                      "put": { "operationId": "putPet", "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } }, "responses": { "204": { "description": "None." } } }
                    },
                    "/tags": {
                      "get": { "operationId": "listTags", "responses": { "200": { "description": "Tags.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Tag" } } } } } }
                    }
                    """,
                schemas: """
                    "Pets": { "type": "object", "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } },
                    "Pet": { "type": "object", "properties": { "name": { "type": "string", [|"minLength"|]: 9, "maxLength": 3 } } },
                    "Tag": { "type": "object", "properties": { "label": { "type": "string" } } }
                    """),
            "Contradictory constraints at /components/schemas/Pet/properties/name: minLength 9 is greater than maxLength 3; left out: operations listPets, putPet; schemas Pet, Pets",
            kept: ["class Tag ", "ListTagsAsync("],
            leftOut: ["ListPetsAsync(", "PutPetAsync(", "class Pets ", "class Pet "],
            id: "EVS105");
    }

    [Fact]
    public void Leaving_out_is_the_same_on_every_run()
    {
        string text = SpecMarkup.Parse(PetsSpec.Of(
            paths: """
                "/a": { "get": { "operationId": "getA", "responses": { "200": { "description": "A.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/A" } } } } } } },
                "/b": { "get": { "operationId": "getB", "responses": { "200": { "description": "B.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/B" } } } } } } }
                """,
            schemas: """
                "A": { "type": "object", "properties": { "b": { "$ref": "#/components/schemas/B" } } },
                "B": { "type": "object", "properties": { "a": { "$ref": "#/components/schemas/A" }, "c": { "type": "string", [|"not"|]: {} } } }
                """)).Text;

        SpecResult first = SpecParser.Parse(new SpecInput(SpecPath, text, null, null, "Pets"));
        SpecResult second = SpecParser.Parse(new SpecInput(SpecPath, text, null, null, "Pets"));

        Assert.Equal(first, second);
        Assert.NotNull(first.Model);
        Assert.True(first.Model.Operations.IsEmpty);
        Assert.Equal(
            "\"not\" is not supported (/components/schemas/B/properties/c/not); left out: operations getA, getB; schemas A, B",
            Assert.Single(first.Diagnostics).Message);
    }

    [Theory]
    [InlineData("NoWarn", null)]
    [InlineData("globalconfig none", null)]
    [InlineData("globalconfig error", DiagnosticSeverity.Error)]
    [InlineData("WarningsAsErrors", DiagnosticSeverity.Error)]
    public void The_warning_is_configured_project_wide_and_the_rest_is_generated_either_way(string how, DiagnosticSeverity? expected)
    {
        // docs/diagnostics/EVS102.md: NoWarn and WarningsAsErrors become the compilation's specific options, a
        // .globalconfig the global severities; an .editorconfig section does not reach a spec, which is no source file.
        string text = SpecMarkup.Parse(PetsSpec.Of(
            paths: """
                "/pets": {
                  "get": { "operationId": "listPets", "parameters": [ { "name": "session", "in": [|"cookie"|], "schema": { "type": "string" } } ], "responses": { "204": { "description": "None." } } },
                  "delete": { "operationId": "deletePets", "responses": { "204": { "description": "None." } } }
                }
                """,
            schemas: string.Empty)).Text;
        var compilation = GeneratorHarness.CreateCompilation();
        compilation = how switch
        {
            "NoWarn" => compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("EVS102", ReportDiagnostic.Suppress)])),
            "WarningsAsErrors" => compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("EVS102", ReportDiagnostic.Error)])),
            "globalconfig none" => compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new GlobalSeverity("EVS102", ReportDiagnostic.Suppress))),
            _ => compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new GlobalSeverity("EVS102", ReportDiagnostic.Error))),
        };

        GeneratorRun run = GeneratorHarness.Run([TestSpec.FromText(SpecPath, text)], compilation);

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        if (expected is { } severity)
        {
            Assert.Equal(severity, Assert.Single(run.Single.Diagnostics).Severity);
        }
        else
        {
            Assert.Empty(run.Single.Diagnostics);
        }

        string client = run.Sources.Single(s => s.Key == "Pets.PetsClient.g.cs").Value;
        Assert.Contains("DeletePetsAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("ListPetsAsync(", client, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_lowered_to_a_warning_builds_the_rest_of_a_spec_one_cannot_mend_yet()
    {
        // docs/diagnostics/EVS105.md: a vendor's spec with a contradiction in one schema still yields the operations
        // that do not need it once dotnet_diagnostic.EVS105.severity = warning; the message says what that costs.
        string text = PetsSpec.Of(
            paths: """
                "/pets": {
                  "get": { "operationId": "listPets", "responses": { "200": { "description": "Pets.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } } },
                  "delete": { "operationId": "deletePets", "responses": { "204": { "description": "None." } } }
                }
                """,
            schemas: """
                "Pet": { "type": "object", "properties": { "kind": { "type": "object", "allOf": [ { "type": "string" } ] } } }
                """);
        var compilation = GeneratorHarness.CreateCompilation();
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new GlobalSeverity("EVS105", ReportDiagnostic.Warn)));

        GeneratorRun run = GeneratorHarness.Run([TestSpec.FromText(SpecPath, text)], compilation);

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal(("EVS105", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.EndsWith("; left out: operation listPets; schema Pet", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        string client = run.Sources.Single(s => s.Key == "Pets.PetsClient.g.cs").Value;
        Assert.Contains("DeletePetsAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("ListPetsAsync(", client, StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void Another_tools_extension_is_never_generated_so_its_long_strings_are_no_problem_but_ours_are()
    {
        // Bitbucket's spec carries its narrative documentation, pages long, in x-atlassian-narrative; that once left
        // out the whole document as a literal too long to generate.
        const int Limit = 16 * 1024;
        string narrative = new('n', Limit + 1);
        string prefix = new('p', Limit + 1);
        string spec = PetsSpec.Of(
            paths: """
                "/pets": { "get": { "operationId": "listPets", "responses": { "200": { "description": "Pets.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } } } },
                "/tags": { "get": { "operationId": "listTags", "responses": { "200": { "description": "Tags.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Tag" } } } } } } }
                """,
            schemas: """
                "Pet": { "type": "object", "properties": { "name": { "type": "string", "x-vendor-note": "NARRATIVE" } } },
                "Tag": { "type": "object", "properties": { "label": { "type": "string", "x-reserved-prefixes": ["PREFIX"] } } }
                """).Replace("NARRATIVE", narrative, StringComparison.Ordinal).Replace("PREFIX", prefix, StringComparison.Ordinal);
        spec = spec.Replace("\"openapi\": \"3.1.0\",", "\"openapi\": \"3.1.0\", \"x-atlassian-narrative\": { \"documents\": [ { \"body\": \"" + narrative + "\" } ] },", StringComparison.Ordinal);

        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, spec));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.StartsWith("A string of 16385 characters is too long to generate as code (/components/schemas/Tag/properties/label/x-reserved-prefixes/0)", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(run.Sources, s => s.Value.Contains("ListPetsAsync(", StringComparison.Ordinal));
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    /// <summary>
    /// Runs the spec (with the construct marked <c>[|...|]</c>) and checks the one diagnostic, its place, and that
    /// what is generated compiles, holds <paramref name="kept"/> and none of <paramref name="leftOut"/>.
    /// </summary>
    private static GeneratorRun AssertLeftOut(string markup, string message, string[] kept, string[] leftOut, string id = "EVS102", bool allSchemas = false)
    {
        SpecMarkup spec = SpecMarkup.Parse(markup);
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, spec.Text) with { AllSchemas = allSchemas });

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(id == "EVS102" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(SpecPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(new TextSpan(spec.Start, spec.End - spec.Start), diagnostic.Location.SourceSpan);
        Assert.Equal(spec.Span, diagnostic.Location.GetLineSpan().Span);

        string generated = string.Concat(run.Sources.Select(s => s.Value));
        Assert.All(kept, text => Assert.Contains(text, generated, StringComparison.Ordinal));
        Assert.All(leftOut, text => Assert.DoesNotContain(text, generated, StringComparison.Ordinal));
        GeneratorHarness.AssertCompilesCleanly(run);
        return run;
    }

    /// <summary>What a <c>.globalconfig</c> with <c>dotnet_diagnostic.{id}.severity</c> gives the compiler.</summary>
    private sealed class GlobalSeverity(string id, ReportDiagnostic severity) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic value)
        {
            value = default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic value)
        {
            value = severity;
            return diagnosticId == id;
        }
    }
}
