using System.Globalization;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// What real specs write that C# cannot take as it is, and the generator still generates: names that collide or
/// give no identifier get stable names (the name-repairs golden spec), and what cannot be expressed at all is an
/// EVS102 note that leaves out only that one check, not the schema or operation it is in.
/// </summary>
public class NameRepairTests
{
    private const string SpecPath = "/project/contracts/repairs.openapi.json";

    private const string Usage = """
        using System.Linq;
        using NameRepairs;

        namespace Usage;

        public static class Scenario
        {
            public static string Names() => string.Join(",", new[]
            {
                EventType.Asterisk, EventType.Empty, EventType.Minus, EventType.Plus1, EventType.Minus1, EventType._1,
                EventType.Created, EventType.Created2, EventType.GreaterThanEquals,
            }.Select(v => "[" + v.Value + "]"));

            public static string RoundTrip(string json) => Page.FromJson(json).ToJson();

            public static string Read(string json)
            {
                Page page = Page.FromJson(json);
                return (page.Event == EventType.Asterisk) + "|" + (page.Level == ValueModel.High) + "|" + page.Key?.Id + "|" + page.Items?.Single().Size
                    + "|" + string.Join(",", page.Validate().Select(v => v.Path + " " + v.Rule));
            }

            public static string Entries(string json)
            {
                Page page = Page.FromJson(json);
                System.Collections.Generic.IReadOnlyList<ContentDirectoryItem> entries = page.Entries!;
                System.Collections.Generic.IReadOnlyList<ContentDirectoryItem> previous = page.PreviousEntries!;
                return entries.Single().Name + ":" + previous.Single().Size + "|" + page.ToJson();
            }

            public static string Nested(string json) => string.Join(",", Page.FromJson(json).Configurations!.Select(c => c.Classification + ":" + c.Configurations?.Count));

            public static string Empty() => new Page { Event = EventType.Empty }.ToJson();

            public static string Orderings() => string.Join(",", new[]
            {
                ListRepositoriesOrdering.LastActivity, ListRepositoriesOrdering.LastActivity2, ListRepositoriesOrdering.Name, ListRepositoriesOrdering.Name2,
            }.Select(v => v.Value));

            public static string Body() => new TagResourceRequest2 { Tags = new System.Collections.Generic.Dictionary<string, string> { ["team"] = "a" } }.ToJson();
        }
        """;

    [Fact]
    public void Enum_values_without_a_CSharp_name_keep_their_wire_value_exactly()
    {
        using LoadedScenario scenario = Load();

        Assert.Equal("[*],[],[-],[+1],[-1],[1],[created],[Created],[>=]", scenario.Call("Names"));
        Assert.Equal("last_activity,-last_activity,name,-name", scenario.Call("Orderings"));
    }

    [Fact]
    public void Renamed_types_and_values_round_trip_as_the_spec_writes_them()
    {
        using LoadedScenario scenario = Load();

        const string Json = """{"items":[{"size":2}],"level":"high","key":{"id":"k"},"event":"*"}""";
        Assert.Equal(Json, scenario.Call("RoundTrip", Json));
        Assert.Equal("True|True|k|2|", scenario.Call("Read", Json));
        Assert.Equal("""{"event":""}""", scenario.Call("Empty"));
        Assert.Equal("""{"event":""}""", scenario.Call("RoundTrip", """{"event":""}"""));
        Assert.Equal("""{"tags":{"team":"a"}}""", scenario.Call("Body"));
    }

    [Fact]
    public void A_type_that_holds_a_list_alias_of_itself_round_trips_nested()
    {
        using LoadedScenario scenario = Load();

        const string Json = """{"configurations":[{"Classification":"a","Configurations":[{"Classification":"b","Configurations":[]}]},{"Classification":"c"}]}""";
        Assert.Equal(Json, scenario.Call("RoundTrip", Json));
        Assert.Equal("a:1,c:", scenario.Call("Nested", Json));
    }

    [Fact]
    public void The_items_of_an_alias_with_no_CSharp_name_are_one_type_named_after_it()
    {
        using LoadedScenario scenario = Load();

        const string Json = """{"entries":[{"name":"a","size":1}],"previousEntries":[{"name":"b","size":2}]}""";
        Assert.Equal("a:2|" + Json, scenario.Call("Entries", Json));
    }

    [Fact]
    public void Aliases_that_name_each_other_with_no_type_between_are_EVS103()
    {
        SpecMarkup spec = SpecMarkup.Parse("""
            {
              "openapi": "3.1.0",
              "info": { "title": "Loops", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Holder": { "type": "object", "properties": { "a": { "$ref": "#/components/schemas/A" } } },
                  "A": { "type": "array", "items": { "$ref": "#/components/schemas/B" } },
                  "B": { "type": "array", "items": [|{ "$ref": "#/components/schemas/A" }|] }
                }
              }
            }
            """);
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, spec.Text));

        // Each alias is found going round from itself.
        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Equal(2, run.Single.Diagnostics.Length);
        Assert.All(run.Single.Diagnostics, d => Assert.Equal("EVS103", d.Id));
        Diagnostic diagnostic = run.Single.Diagnostics.Single(d => d.Location.SourceSpan == new TextSpan(spec.Start, spec.End - spec.Start));
        Assert.Equal("The reference to \"A\" goes round in a circle (/components/schemas/B/items/$ref); left out: schemas A, B, Holder", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_path_parameter_the_operation_does_not_declare_is_a_required_string_with_a_note()
    {
        GeneratorRun run = AssertNote(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Lists", "version": "1" },
              "paths": {
                "/blocklists/{name}": {
                  [|"delete"|]: {
                    "operationId": "deleteBlockList",
                    "responses": { "204": { "description": "Deleted." } }
                  }
                }
              }
            }
            """,
            "The path /blocklists/{name} names {name} but delete declares no path parameter \"name\"; it is generated as a required string parameter");

        string client = run.Sources.Single(s => s.Key.EndsWith("Client.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("DeleteBlockListAsync(string name,", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_parameter_the_path_does_not_name_is_not_taken_with_a_note()
    {
        GeneratorRun run = AssertNote(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Lists", "version": "1" },
              "paths": {
                "/send/": {
                  "post": {
                    "operationId": "send",
                    "parameters": [ [|{ "name": "partnerId", "in": "path", "required": true, "schema": { "type": "string" } }|] ],
                    "responses": { "204": { "description": "Sent." } }
                  }
                }
              }
            }
            """,
            "The path parameter \"partnerId\" does not appear in /send/, so the method does not take it");

        string client = run.Sources.Single(s => s.Key.EndsWith("Client.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("SendAsync(global::System.Threading.CancellationToken cancellationToken = default)", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_is_not_a_string_is_not_checked_with_a_note()
    {
        GeneratorRun run = AssertNote(
            """
            {
              "openapi": "3.0.0",
              "info": { "title": "Thumbs", "version": "1" },
              "paths": {},
              "components": { "schemas": { "Pick": { "type": "object", "properties": { "timecode": { "type": "string", "pattern": [|0|] } } } } }
            }
            """,
            "The pattern is not a string (/components/schemas/Pick/properties/timecode/pattern); values are not checked against it");

        Assert.Contains("public string? Timecode", run.Sources.Single(s => s.Key.EndsWith("Models.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_parameter_declared_but_refused_is_reported_where_it_is_declared_only()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, """
            {
              "openapi": "3.1.0",
              "info": { "title": "Lists", "version": "1" },
              "paths": {
                "/blocklists/{name}": {
                  "delete": {
                    "operationId": "deleteBlockList",
                    "parameters": [{ "name": "name", "in": "path", "required": true, "content": { "text/plain": { "schema": { "type": "string" } } } }],
                    "responses": { "204": { "description": "Deleted." } }
                  }
                }
              }
            }
            """));

        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.DoesNotContain("declares no path parameter", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_dotNet_cannot_run_leaves_out_only_its_check()
    {
        GeneratorRun run = AssertNote(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {
                "/pets": {
                  "post": {
                    "operationId": "addPet",
                    "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } },
                    "responses": { "204": { "description": "Added." } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Pet": {
                    "type": "object",
                    "properties": {
                      "name": { "type": "string", "pattern": [|"(?<=a"|] }
                    }
                  }
                }
              }
            }
            """,
            "The pattern is not a regular expression .NET can run (/components/schemas/Pet/properties/name/pattern): Invalid pattern '(?<=a' at offset 5. Not enough )'s.; values are not checked against it");

        Assert.Contains("AddPetAsync(", run.Sources.Single(s => s.Key.EndsWith("Client.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_described_by_default_alone_returns_its_body()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, """
            {
              "openapi": "3.0.3",
              "info": { "title": "Nutrition", "version": "1" },
              "paths": {
                "/v1/nutrition": {
                  "get": {
                    "operationId": "getNutrition",
                    "responses": {
                      "default": {
                        "description": "The items.",
                        "content": { "application/json": { "schema": { "type": "object", "properties": { "calories": { "type": "number" } } } } }
                      }
                    }
                  }
                },
                "/v1/ping": {
                  "post": { "operationId": "ping", "responses": { "default": { "description": "Pinged." } } }
                }
              }
            }
            """));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        string client = run.Sources.Single(s => s.Key.EndsWith("Client.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("GetNutritionResponse> GetNutritionAsync(", client, StringComparison.Ordinal);
        Assert.Contains("Task PingAsync(", client, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_with_neither_a_success_nor_a_default_is_left_out_with_EVS102()
    {
        SpecMarkup spec = SpecMarkup.Parse("""
            {
              "openapi": "3.0.3",
              "info": { "title": "Channels", "version": "1" },
              "paths": {
                "/streams/channel": {
                  "get": { "operationId": [|"getChannel"|], "responses": { "101": { "description": "Switching protocols." } } }
                },
                "/streams": {
                  "get": { "operationId": "listStreams", "responses": { "204": { "description": "None." } } }
                }
              }
            }
            """);
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, spec.Text));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        GeneratorHarness.AssertCompilesCleanly(run);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal("EVS102", diagnostic.Id);
        Assert.Equal("The operation getChannel declares neither a success (2xx) response nor a default one (/paths/~1streams~1channel/get/responses); left out: operation getChannel", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(new TextSpan(spec.Start, spec.End - spec.Start), diagnostic.Location.SourceSpan);
        string client = run.Sources.Single(s => s.Key.EndsWith("Client.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("ListStreamsAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("GetChannelAsync(", client, StringComparison.Ordinal);
    }

    [Fact]
    public void An_integer_enum_that_lists_names_keeps_the_integer_unchecked()
    {
        GeneratorRun run = AssertNote(
            """
            {
              "openapi": "3.0.3",
              "info": { "title": "Members", "version": "1" },
              "paths": {
                "/members": {
                  "get": {
                    "operationId": "listMembers",
                    "parameters": [{ "name": "pageSize", "in": "query", "schema": { "type": "integer", "enum": [[|"BASIC"|], "FULL"] } }],
                    "responses": { "204": { "description": "None." } }
                  }
                }
              }
            }
            """,
            "The enum lists a value that is not an integer (/paths/~1members/get/parameters/0/schema/enum); values are not checked against it");

        Assert.Contains("ListMembersAsync(int? pageSize = null,", run.Sources.Single(s => s.Key.EndsWith("Client.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_enum_with_a_stray_object_keeps_the_string_unchecked()
    {
        GeneratorRun run = AssertNote(
            """
            {
              "openapi": "3.0.3",
              "info": { "title": "Charge", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "ChargeState": {
                    "type": "object",
                    "properties": {
                      "reasons": { "type": "array", "items": { "type": "string", "enum": [[|{ "override": true }|], "DEFAULT"] } }
                    }
                  }
                }
              }
            }
            """,
            "The enum lists a value that is not a string (/components/schemas/ChargeState/properties/reasons/items/enum); values are not checked against it");

        Assert.Contains("IReadOnlyList<string>? Reasons", run.Sources.Single(s => s.Key.EndsWith("Models.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boolean_enum_keeps_the_boolean_unchecked()
    {
        AssertNote(
            """
            {
              "openapi": "3.0.3",
              "info": { "title": "Flags", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Flag": { "type": "object", "properties": { "on": { "type": "boolean", [|"enum"|]: [true] } } }
                }
              }
            }
            """,
            "An enum of type boolean is not checked (/components/schemas/Flag/properties/on/enum); only string and integer enums are");
    }

    [Fact]
    public void Null_in_an_enum_makes_the_value_nullable()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, """
            {
              "openapi": "3.0.3",
              "info": { "title": "Levels", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Level": { "type": "string", "enum": ["low", "high", null] },
                  "Holder": { "type": "object", "required": ["level", "count"], "properties": {
                    "level": { "$ref": "#/components/schemas/Level" },
                    "count": { "type": "integer", "enum": [1, 2, null] }
                  } }
                }
              }
            }
            """));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        string models = run.Sources.Single(s => s.Key.EndsWith("Models.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("Level High { get; }", models, StringComparison.Ordinal);
        Assert.Contains("int? Count", models, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_into_another_schema_or_an_operation_is_the_schema_there()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, """
            {
              "openapi": "3.0.3",
              "info": { "title": "Pointers", "version": "1" },
              "paths": {
                "/owners": {
                  "get": {
                    "operationId": "listOwners",
                    "responses": {
                      "200": { "description": "Owners.", "content": { "application/json": { "schema": {
                        "type": "object", "properties": { "names": { "type": "array", "items": { "type": "string", "maxLength": 5 } } }
                      } } } }
                    }
                  }
                },
                "/pets": {
                  "get": {
                    "operationId": "listPets",
                    "responses": {
                      "200": { "description": "Pets.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } }
                    }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Owner": { "type": "object", "properties": { "id": { "type": "string", "pattern": "^o[0-9]+$" } } },
                  "Pet": {
                    "type": "object",
                    "properties": {
                      "ownerId": { "$ref": "#/components/schemas/Owner/properties/id" },
                      "ownerNames": { "$ref": "#/paths/~1owners/get/responses/200/content/application~1json/schema/properties/names" }
                    }
                  }
                }
              }
            }
            """));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        string models = run.Sources.Single(s => s.Key.EndsWith("Models.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("public string? OwnerId { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("IReadOnlyList<string>? OwnerNames { get; init; }", models, StringComparison.Ordinal);
        Assert.Contains("^o[0-9]+$", models, StringComparison.Ordinal);
    }

    [Fact]
    public void A_place_that_a_reference_reaches_again_inside_itself_is_a_type_of_its_own()
    {
        const string Usage = """
            using Pointers;

            namespace Usage;

            public static class Scenario
            {
                public static string Run(string json)
                {
                    Tree tree = Tree.FromJson(json);
                    var violation = tree.Validate()[0];
                    TreeNode leaf = tree.Root!.Children![0].Children![0];
                    return tree.ToJson() + " " + leaf.Name + " " + violation.Path + " " + violation.Rule;
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(
            new[]
            {
                TestSpec.FromText(SpecPath, """
                    {
                      "openapi": "3.0.3",
                      "info": { "title": "Pointers", "version": "1" },
                      "paths": {},
                      "components": {
                        "schemas": {
                          "Tree": {
                            "type": "object",
                            "properties": { "root": { "$ref": "#/components/schemas/Tree/definitions/node" } },
                            "definitions": {
                              "node": {
                                "type": "object",
                                "properties": {
                                  "name": { "type": "string", "maxLength": 3 },
                                  "children": { "type": "array", "items": { "$ref": "#/components/schemas/Tree/definitions/node" } }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                    """, @namespace: "Pointers"),
            },
            GeneratorHarness.CreateCompilation(Usage));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        using LoadedScenario scenario = LoadedScenario.Load(run, "recursive pointer usage");
        const string Json = """{"root":{"name":"a","children":[{"name":"b","children":[{"name":"long"}]}]}}""";
        Assert.Equal(Json + " long root.children.0.children.0.name maxLength", scenario.Call("Run", Json));
    }

    [Fact]
    public void A_place_that_is_only_a_reference_to_itself_is_EVS103()
    {
        SpecMarkup spec = SpecMarkup.Parse("""
            {
              "openapi": "3.0.3",
              "info": { "title": "Pointers", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Node": { "type": "object", "properties": { "next": [|{ "$ref": "#/components/schemas/Node/properties/next" }|] } }
                }
              }
            }
            """);
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, spec.Text));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal("EVS103", diagnostic.Id);
        Assert.Equal("The reference to \"Node/next\" goes round in a circle (/components/schemas/Node/properties/next/$ref); left out: schemas Node, Node/next", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(new TextSpan(spec.Start, spec.End - spec.Start), diagnostic.Location.SourceSpan);
    }

    private static LoadedScenario Load()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { TestSpec.FromFile("Specs/name-repairs.openapi.json") }, GeneratorHarness.CreateCompilation(Usage));
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        return LoadedScenario.Load(run, "name repairs usage");
    }

    /// <summary>Asserts the spec gives one EVS102 warning, at the marked place, and generates code that compiles.</summary>
    private static GeneratorRun AssertNote(string markup, string message)
    {
        SpecMarkup spec = SpecMarkup.Parse(markup);
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, spec.Text));
        GeneratorHarness.AssertGeneratorDidNotFail(run);
        GeneratorHarness.AssertCompilesCleanly(run);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal("EVS102", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(new TextSpan(spec.Start, spec.End - spec.Start), diagnostic.Location.SourceSpan);
        return run;
    }
}
