using EvsContracts.CorpusRunner;

namespace EvsContracts.Corpus.Tests;

/// <summary>The runner's reading of specs, generated code and messages, on small specs of its own: no corpus needed.</summary>
public sealed class RunnerTests : IDisposable
{
    private const string TwoOperations = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Pets", "version": "1.0.0" },
          "paths": {
            "/pets/{id}": {
              "get": {
                "operationId": "showPet",
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } }
              },
              "delete": {
                "operationId": "deletePet",
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "204": { "description": "gone" } }
              }
            }
          },
          "components": { "schemas": { "Pet": { "type": "object", "properties": { "name": { "type": "string" } } } } }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("evs-corpus-tests").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_supported_spec_compiles_with_every_operation_read_back_from_the_generated_client()
    {
        File.WriteAllText(Path.Combine(_folder, "pets.json"), TwoOperations);

        SpecOutcome outcome = SpecRunner.Run(_folder, "pets.json", CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.True(outcome.Compiles, CoverageReport.FirstError(outcome));
        Assert.Equal(2, outcome.SpecOperations);
        Assert.Equal(2, outcome.GeneratedOperations);
        Assert.Equal(0, outcome.ForeignOperations);
        Assert.Empty(outcome.LeftOut);
    }

    [Fact]
    public void An_unreadable_spec_generates_nothing_and_counts_no_operation()
    {
        File.WriteAllText(Path.Combine(_folder, "broken.json"), "{ \"openapi\": ");

        SpecOutcome outcome = SpecRunner.Run(_folder, "broken.json", CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.False(outcome.Compiles);
        Assert.Contains(outcome.Diagnostics, d => d.Id == "EVS100" && d.Located);
        Assert.Equal(0, outcome.SpecOperations);
    }

    [Fact]
    public void Operations_are_every_method_under_paths_including_a_referenced_path_item()
    {
        const string Spec = """
            { "paths": {
                "/a": { "get": {}, "trace": {}, "parameters": [], "summary": "x" },
                "/b": { "$ref": "#/components/pathItems/B" } },
              "components": { "pathItems": { "B": { "post": { "operationId": "makeB" } } } } }
            """;

        var operations = SpecOperations.Read(Spec);

        Assert.Equal(
            ["GET /a", "TRACE /a", "POST /b"],
            operations.Select(o => o.Operation.ToString()));
        Assert.Equal("makeB", operations[2].OperationId);
    }

    [Theory]
    [InlineData("/#X-Amz-Target=Shield.Associate", "/")]
    [InlineData("/?Action=Run#Version=2", "/?Action=Run")]
    [InlineData("/pets", "/pets")]
    public void A_path_is_matched_without_its_fragment_as_the_client_documents_it(string path, string documented)
    {
        Assert.Equal(documented, new SpecOperation("post", path).AsDocumented.Path);
    }

    [Theory]
    [InlineData("Parameters in cookie are not supported (/paths/~1pets~1{id}/get/parameters/0/in)", true)]
    [InlineData("\"not\" is not supported (/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema/not)", true)]
    [InlineData("The operation GET /pets/{id} is left out", true)]
    [InlineData("The operation GET /pets/{id}. It is left out", true)]
    [InlineData("The success response of showPet must be an object schema", true)]
    [InlineData("Parameters in cookie are not supported (/paths/~1pets~1{id}~1toys/get/parameters/0/in)", false)]
    [InlineData("The operation GET /pets/{id}/toys is left out", false)]
    [InlineData("The success response of showPets must be an object schema", false)]
    public void A_message_names_an_operation_by_pointer_method_and_path_or_operationId(string message, bool names)
    {
        Assert.Equal(names, SpecRunner.Names(message, new SpecOperation("get", "/pets/{id}"), "showPet"));
    }

    [Fact]
    public void The_left_out_clause_tells_which_operations_of_a_shared_text_are_missing_and_names_a_whole_path()
    {
        var said = new LeftOutClauses(
        [
            new GeneratorDiagnostic("EVS102", "Warning", "The parameter \"Tag\" is an array of objects (/paths/~1#Action=CreateTags/get/parameters/2/schema); left out: operation GET_CreateTags", true, 1),
            new GeneratorDiagnostic("EVS102", "Warning", "The remote reference \"other.yaml#/paths/~1help\" is not supported (/paths/~1support/$ref); only local references are; left out: path /support", true, 2),
            new GeneratorDiagnostic("EVS102", "Warning", "\"not\" is not supported (/components/schemas/Pet/not); left out: operations addPet, GET /pets; schema Pet", true, 3),
            new GeneratorDiagnostic("EVS102", "Warning", "The optional parameter \"Filter\" is an array of objects (/paths/~1#Action=DescribeTags/get/parameters/1/schema); the operation is generated without it", true, 4),
        ]);

        Assert.True(said.LeftOut(new SpecOperation("get", "/#Action=CreateTags"), "GET_CreateTags"));
        Assert.False(said.LeftOut(new SpecOperation("get", "/#Action=DescribeTags"), "GET_DescribeTags"));
        Assert.True(said.LeftOut(new SpecOperation("get", "/pets"), null));
        Assert.True(said.LeftOut(new SpecOperation("post", "/pets"), "addPet"));
        Assert.False(said.LeftOut(new SpecOperation("get", "/pets/{id}"), "getPet"));
        Assert.Equal(2, said.PathLeftOut(new SpecOperation("delete", "/support"))?.Line);
        Assert.Null(said.PathLeftOut(new SpecOperation("get", "/pets")));
    }

    [Fact]
    public void The_indexed_namer_finds_the_first_message_a_plain_scan_finds()
    {
        GeneratorDiagnostic[] warnings =
        [
            Warning("Parameters in cookie are not supported (/paths/~1pets~1{id}~1toys/get/parameters/0/in); left out: operation listToys"),
            Warning("\"not\" is not supported (/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema/not); left out: operation showPet"),
            Warning("The media type \"text/plain\" is not supported (/components/schemas/Pet); left out: operations deletePet, showPet; schema Pet"),
            Warning("The operation GET /v1/{name}:cancel. It is left out"),
            Warning("The operation POST /pets is left out"),
            Warning("Nothing here names an operation: /paths/~1other/get-ish, showPet2x"),
        ];
        (SpecOperation Operation, string? Id)[] operations =
        [
            (new SpecOperation("get", "/pets/{id}"), "showPet"),
            (new SpecOperation("delete", "/pets/{id}"), "deletePet"),
            (new SpecOperation("get", "/pets/{id}/toys"), "listToys"),
            (new SpecOperation("get", "/pets/{id}/toys"), null),
            (new SpecOperation("get", "/v1/{name}:cancel"), null),
            (new SpecOperation("post", "/pets"), "makePet"),
            (new SpecOperation("get", "/other"), "showPet2"),
            (new SpecOperation("put", "/pets"), "putPet"),
        ];

        var namer = new LeftOutNamer(warnings);

        foreach ((SpecOperation operation, string? id) in operations)
        {
            GeneratorDiagnostic? scanned = warnings.FirstOrDefault(w => SpecRunner.Names(w.Message, operation, id));
            Assert.Same(scanned, namer.Find(operation, id));
        }

        Assert.Equal(
            [1, 2, 0, 0, 3, 4, -1, -1],
            operations.Select(o => Array.IndexOf(warnings, namer.Find(o.Operation, o.Id))));
    }

    private static GeneratorDiagnostic Warning(string message) => new("EVS102", "Warning", message, Located: true, Line: 1);

    [Theory]
    [InlineData("Parameters in cookie are not supported (/paths/~1a/get/parameters/0/in); supported: path, query, header", "in: cookie")]
    [InlineData("\"not\" is not supported (/components/schemas/Pet/properties/kind/not)", "not")]
    [InlineData("The schema /components/schemas/Error has no \"type\"; a value of any type is not supported", "schema with no type")]
    [InlineData("The media type \"text/plain\" is not supported (/paths/~1a/get/responses/200/content); supported: JSON, text, binary and application/x-www-form-urlencoded bodies", "media type text/plain")]
    [InlineData("The path /a?b=1 has 3 problems", "The path /a?b=N has N problems")]
    [InlineData("\"not\" is not supported (/components/schemas/Pet/properties/kind/not); left out: operation getPet; schema Pet", "not")]
    [InlineData("Contradictory constraints at /components/schemas/User/properties/subscriptions/items: its allOf parts are of type array and of type object; left out: operation getMe; schema User", "contradiction: its allOf parts are of type array and of type object")]
    [InlineData("The required member \"info.title\" is missing; nothing is generated", "The required member \"…\" is missing")]
    public void A_message_is_counted_under_its_construct(string message, string construct)
    {
        Assert.Equal(construct, Constructs.Of(message));
    }
}
