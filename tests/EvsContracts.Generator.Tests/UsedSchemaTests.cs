using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// A schema becomes a type when an operation uses it: what the operations send and answer (errors included), and
/// every schema those reach. Large specs declare many schemas that no operation names (GitHub's REST spec, hundreds
/// of webhook payloads: most of its code), and compiling them is most of the build. A spec of schemas alone, or an
/// item with <c>GenerateAllSchemas="true"</c>, generates every one. Names are given over all of them, so a type keeps
/// its name whichever schemas are used.
/// </summary>
public class UsedSchemaTests
{
    private const string SpecPath = "/project/contracts/pets.openapi.json";

    private const string Schemas = """
        "PetPage": { "type": "object", "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } },
        "Pet": {
          "type": "object",
          "properties": {
            "owner": { "$ref": "#/components/schemas/Owner" },
            "kind": { "$ref": "#/components/schemas/PetKind" },
            "labels": { "type": "object", "additionalProperties": { "$ref": "#/components/schemas/Label" } }
          }
        },
        "Owner": { "type": "object", "properties": { "name": { "type": "string" } } },
        "PetKind": { "type": "string", "enum": ["cat", "dog"] },
        "Label": { "type": "object", "properties": { "text": { "type": "string" } } },
        "NewPet": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } },
        "Status": { "type": "string", "enum": ["available", "sold"] },
        "Problem": { "type": "object", "properties": { "message": { "type": "string" } } },
        "PetCreated": { "type": "object", "properties": { "pet": { "$ref": "#/components/schemas/Pet" }, "by": { "$ref": "#/components/schemas/Actor" } } },
        "Actor": { "type": "object", "properties": { "login": { "type": "string" } } },
        "Shelter": { "type": "string", "enum": ["north", "south"] }
        """;

    private const string Paths = """
        "/pets": {
          "get": {
            "operationId": "listPets",
            "parameters": [ { "name": "status", "in": "query", "schema": { "$ref": "#/components/schemas/Status" } } ],
            "responses": {
              "200": { "description": "Pets.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PetPage" } } } },
              "default": { "description": "Error.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Problem" } } } }
            }
          },
          "post": {
            "operationId": "addPet",
            "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewPet" } } } },
            "responses": { "204": { "description": "Added." } }
          }
        }
        """;

    private static readonly string[] s_used = ["PetPage", "Pet", "Owner", "PetKind", "Label", "NewPet", "Status", "Problem"];

    private static readonly string[] s_unused = ["PetCreated", "Actor", "Shelter"];

    [Fact]
    public void Only_the_schemas_the_operations_use_become_types()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, PetsSpec.Of(Paths, Schemas)));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        Assert.All(s_used, name => Assert.NotNull(Type(run, name)));
        Assert.All(s_unused, name => Assert.Null(Type(run, name)));
    }

    [Fact]
    public void GenerateAllSchemas_makes_a_type_of_every_schema()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, PetsSpec.Of(Paths, Schemas)) with { AllSchemas = true });

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        GeneratorHarness.AssertCompilesCleanly(run);
        Assert.All(s_used.Concat(s_unused), name => Assert.NotNull(Type(run, name)));
    }

    [Fact]
    public void A_spec_of_schemas_alone_makes_a_type_of_every_schema()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, PetsSpec.Of(string.Empty, Schemas)));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        GeneratorHarness.AssertCompilesCleanly(run);
        Assert.All(s_used.Concat(s_unused), name => Assert.NotNull(Type(run, name)));
    }

    [Fact]
    public void A_type_keeps_its_name_when_a_schema_that_takes_it_first_is_not_used()
    {
        // "Pet" is written as its C# name, so it takes Pet before "pet", used or not: "pet" is Pet2 either way.
        const string Named = """
            "Pet": { "type": "object", "properties": { "name": { "type": "string" } } },
            "pet": { "type": "object", "properties": { "id": { "type": "integer" } } }
            """;
        const string UsesLowerCase = """
            "/pets/{id}": {
              "get": {
                "operationId": "getPet",
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ],
                "responses": { "200": { "description": "The pet.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/pet" } } } } }
              }
            }
            """;

        GeneratorRun used = GeneratorHarness.Run(TestSpec.FromText(SpecPath, PetsSpec.Of(UsesLowerCase, Named)));
        GeneratorRun all = GeneratorHarness.Run(TestSpec.FromText(SpecPath, PetsSpec.Of(UsesLowerCase, Named)) with { AllSchemas = true });

        GeneratorHarness.AssertCompilesCleanly(used);
        Assert.NotNull(Type(used, "Pet2"));
        Assert.Null(Type(used, "Pet"));
        Assert.NotNull(Type(all, "Pet2"));
        Assert.NotNull(Type(all, "Pet"));
    }

    [Fact]
    public void The_problems_of_a_schema_no_operation_uses_are_not_told_unless_it_is_generated()
    {
        // An unsupported construct (EVS102) and a contradiction (EVS105, an error) in schemas that are not generated.
        const string Broken = """
            ,
            "Legacy": { "type": "object", "properties": { "code": { "type": "string", "not": { "enum": ["x"] } } } },
            "Strict": { "type": "object", "properties": { "name": { "type": "string", "minLength": 9, "maxLength": 3 } } }
            """;

        GeneratorRun used = GeneratorHarness.Run(TestSpec.FromText(SpecPath, PetsSpec.Of(Paths, Schemas + Broken)));
        GeneratorRun all = GeneratorHarness.Run(TestSpec.FromText(SpecPath, PetsSpec.Of(Paths, Schemas + Broken)) with { AllSchemas = true });

        Assert.Empty(used.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(used);
        Assert.NotNull(Type(used, "PetPage"));
        Assert.Equal(["EVS102", "EVS105"], all.Single.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_problem_in_a_schema_an_operation_needs_is_told_however_indirectly()
    {
        // Owner is used through PetPage and Pet; its problem leaves out all three and the operation.
        string schemas = Schemas.Replace(
            """
            "name": { "type": "string" } } },
            "PetKind"
            """,
            """
            "name": { "type": "string", "not": { "enum": ["x"] } } } },
            "PetKind"
            """,
            StringComparison.Ordinal);
        Assert.NotEqual(Schemas, schemas);

        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, PetsSpec.Of(Paths, schemas)));

        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal("EVS102", diagnostic.Id);
        Assert.Contains("operation listPets", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    private static INamedTypeSymbol? Type(GeneratorRun run, string name) => run.Output.GetTypeByMetadataName("Pets." + name);
}
