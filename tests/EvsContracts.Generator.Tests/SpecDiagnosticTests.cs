using System.Globalization;
using System.Text;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// EVS100–EVS105: each broken spec gives exactly one diagnostic, with its message and its place in the spec file
/// (marked <c>[|...|]</c> in the spec text), and never makes the generator fail. A file that is not JSON generates
/// nothing; any other problem leaves out the part of the spec it is in, and what needs it (LeaveOutTests), and what
/// is generated compiles.
/// </summary>
public class SpecDiagnosticTests
{
    private const string SpecPath = "/project/contracts/broken.openapi.json";

    private const string Valid = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Pets", "version": "1" },
          "paths": {
            "/pets/{pet_id}": {
              "get": {
                "operationId": "getPet",
                "parameters": [
                  { "name": "pet_id", "in": "path", "required": true, "schema": { "type": "string" } }
                ],
                "responses": {
                  "200": { "description": "The pet.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Pet": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": { "type": "string", "minLength": 1, "maxLength": 64 },
                  "age": { "type": "integer", "minimum": 0, "maximum": 600 }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void The_valid_spec_these_cases_break_generates_code()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, Valid));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Single.Diagnostics);
        Assert.Contains(run.Sources, s => s.Key.StartsWith("EvsContracts.Generated.", StringComparison.Ordinal)
            && s.Key.EndsWith(".Models.g.cs", StringComparison.Ordinal)
            && s.Value.Contains("public sealed partial class Pet ", StringComparison.Ordinal));
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    // ---- EVS100: not JSON ------------------------------------------------------------------------------------------

    [Fact]
    public void Truncated_json_is_EVS100_at_the_end()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": {
                "title": "Truncated",
                "version": "1"[||]
            """,
            "EVS100",
            "The spec is not valid JSON: Unexpected end of the document; ',' or '}' was expected");
    }

    [Fact]
    public void A_trailing_comma_in_an_object_is_EVS100()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": {
                "title": "Trailing comma",
                "version": "1",
              [|}|],
              "paths": {}
            }
            """,
            "EVS100",
            "The spec is not valid JSON: Unexpected character '}'; a property name in double quotes was expected");
    }

    [Fact]
    public void A_trailing_comma_in_an_array_is_EVS100()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Trailing comma", "version": "1" },
              "paths": {},
              "components": { "schemas": { "Pet": { "type": "object", "required": ["name",[|]|] } } }
            }
            """,
            "EVS100",
            "The spec is not valid JSON: Unexpected character ']'; a value was expected");
    }

    [Fact]
    public void A_duplicate_key_is_EVS100_on_the_second_name()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": {
                "title": "First",
                [|"title"|]: "Second",
                "version": "1"
              },
              "paths": {}
            }
            """,
            "EVS100",
            "The spec is not valid JSON: Duplicate property name \"title\"");
    }

    [Fact]
    public void An_invalid_escape_is_EVS100_on_the_escape()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "C:[|\q|]uotas", "version": "1" },
              "paths": {}
            }
            """,
            "EVS100",
            "The spec is not valid JSON: Invalid escape sequence '\\q'");
    }

    [Fact]
    public void A_unicode_escape_without_four_hex_digits_is_EVS100()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "[|\u12G4|]", "version": "1" },
              "paths": {}
            }
            """,
            "EVS100",
            "The spec is not valid JSON: \\u must be followed by four hexadecimal digits");
    }

    [Fact]
    public void An_empty_file_is_EVS100()
    {
        AssertDiagnostic("[||]", "EVS100", "The spec is not valid JSON: Unexpected end of the document; a value was expected");
    }

    [Fact]
    public void A_file_of_white_space_is_EVS100_at_its_end()
    {
        AssertDiagnostic("\n  \n[||]", "EVS100", "The spec is not valid JSON: Unexpected end of the document; a value was expected");
    }

    [Fact]
    public void Arrays_nested_ten_thousand_deep_are_EVS100_not_a_crash()
    {
        string text = new string('[', 10_000) + new string(']', 10_000);

        // The 257th bracket is the first one too deep.
        AssertDiagnostic(text, "EVS100", "The spec is not valid JSON: The document nests deeper than 256 levels", new LinePositionSpan(new(0, 256), new(0, 257)));
    }

    [Fact]
    public void Objects_nested_ten_thousand_deep_are_EVS100_not_a_crash()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 10_000; i++)
        {
            text.Append("{\"a\":\n");
        }

        text.Append('1').Append('}', 10_000);

        AssertDiagnostic(text.ToString(), "EVS100", "The spec is not valid JSON: The document nests deeper than 256 levels", new LinePositionSpan(new(256, 0), new(256, 1)));
    }

    [Fact]
    public void Nesting_within_the_limit_is_accepted()
    {
        string deep = new string('[', 200) + new string(']', 200);
        string text = Valid.Replace("\"version\": \"1\" }", "\"version\": \"1\", \"x-deep\": " + deep + " }", StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, text));

        Assert.Empty(run.Single.Diagnostics);
        Assert.NotEmpty(run.Sources);
    }

    [Fact]
    public void A_replacement_character_in_the_spec_is_text_like_any_other()
    {
        // Real specs (codat.io, epa.gov, googleapis.com/bigquery in the APIs.guru corpus) carry U+FFFD in descriptions.
        string text = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {
                "/pets": {
                  "get": {
                    "operationId": "listPets",
                    "summary": "Lists pets # all of them.",
                    "responses": { "204": { "description": "none" } }
                  }
                }
              }
            }
            """.Replace('#', '\uFFFD');

        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, text));

        Assert.Empty(run.Single.Diagnostics);
        Assert.Contains(run.Sources, source => source.Value.Contains("Lists pets \uFFFD all of them.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_the_host_cannot_read_is_EVS100()
    {
        GeneratorRun run = GeneratorHarness.Run(new TestSpec(SpecPath, Text: null));

        AssertOnly(run, "EVS100", "The spec file could not be read", new LinePositionSpan(default, default));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    public void A_byte_order_mark_is_accepted(string encodingName)
    {
        string text = File.ReadAllText(TestPaths.Output("Specs/nullable-30.openapi.json"));
        Encoding encoding = Encoding.GetEncoding(encodingName);
        byte[] bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        using var stream = new MemoryStream(bytes);

        GeneratorRun withMark = GeneratorHarness.Run(new TestSpec(SpecPath, SourceText.From(stream, Encoding.UTF8)));
        GeneratorRun without = GeneratorHarness.Run(TestSpec.FromText(SpecPath, text));

        Assert.Empty(withMark.Single.Diagnostics);
        Assert.NotEmpty(withMark.Sources);
        Assert.Equal(without.Sources, withMark.Sources);
    }

    [Fact]
    public void A_byte_order_mark_the_host_left_in_the_text_is_accepted()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, "\uFEFF" + Valid));

        Assert.Empty(run.Single.Diagnostics);
        Assert.NotEmpty(run.Sources);
    }

    // ---- EVS101: not a supported OpenAPI document --------------------------------------------------------------

    [Fact]
    public void A_document_without_openapi_is_EVS101()
    {
        AssertDiagnostic(
            """
            [|{|]
              "info": { "title": "No version", "version": "1" },
              "paths": {}
            }
            """,
            "EVS101",
            "The spec has no \"openapi\" member: it is not an OpenAPI 3.0/3.1 document; nothing is generated");
    }

    [Fact]
    public void Version_2_0_is_EVS101_on_the_version()
    {
        AssertDiagnostic(
            """
            {
              "openapi": [|"2.0"|],
              "info": { "title": "Swagger", "version": "1" },
              "paths": {}
            }
            """,
            "EVS101",
            "\"openapi\" must be a 3.0.x or 3.1.x version string; nothing is generated");
    }

    [Fact]
    public void A_3_1_document_with_neither_paths_nor_components_is_EVS101()
    {
        AssertDiagnostic(
            """
            [|{|]
              "openapi": "3.1.0",
              "info": { "title": "Empty", "version": "1" },
              "x-paths": {}
            }
            """,
            "EVS101",
            "An OpenAPI 3.1 document must have \"paths\", \"components\" or \"webhooks\"; nothing is generated");
    }

    [Fact]
    public void A_3_1_document_with_only_webhooks_is_EVS102()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Hooks", "version": "1" },
              [|"webhooks"|]: { "ping": {} }
            }
            """,
            "EVS102",
            "The document has only \"webhooks\", which are not supported, and neither \"paths\" nor \"components\"; nothing is generated");
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_EVS101()
    {
        AssertDiagnostic("[|[\"openapi\", \"3.1.0\"]|]", "EVS101", "The spec must be a JSON object (an OpenAPI document), not an array; nothing is generated");
    }

    [Fact]
    public void A_missing_info_title_is_EVS101_on_info()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": [|{|] "version": "1" },
              "paths": {}
            }
            """,
            "EVS101",
            "The required member \"info.title\" is missing; nothing is generated");
    }

    [Fact]
    public void OneOf_in_a_component_is_EVS102_with_its_pointer()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Pet": {
                    "type": "object",
                    [|"not"|]: { "type": "object" }
                  }
                }
              }
            }
            """,
            "EVS102",
            "\"not\" is not supported (/components/schemas/Pet/not); left out: schema Pet");
    }

    [Fact]
    public void OneOf_in_a_request_body_is_EVS102_with_an_escaped_pointer()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {
                "/pets": {
                  "post": {
                    "operationId": "addPet",
                    "requestBody": {
                      "content": {
                        "application/json": {
                          "schema": { "type": "object", [|"not"|]: {} }
                        }
                      }
                    },
                    "responses": { "204": { "description": "Added." } }
                  }
                }
              }
            }
            """,
            "EVS102",
            "\"not\" is not supported (/paths/~1pets/post/requestBody/content/application~1json/schema/not); left out: operation addPet");
    }

    [Fact]
    public void A_remote_ref_is_EVS102()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Pet": {
                    "type": "object",
                    "properties": {
                      "owner": { "$ref": [|"https://example.com/schemas/owner.json"|] }
                    }
                  }
                }
              }
            }
            """,
            "EVS102",
            "The remote reference \"https://example.com/schemas/owner.json\" is not supported (/components/schemas/Pet/properties/owner/$ref); only local references (#/components/schemas/...) are; left out: schema Pet");
    }

    [Fact]
    public void A_multipart_body_other_than_form_data_is_EVS102_on_the_media_type()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Notes", "version": "1" },
              "paths": {
                "/notes": {
                  "post": {
                    "operationId": "addNote",
                    "requestBody": {
                      "content": {
                        [|"multipart/mixed"|]: { "schema": { "type": "object" } }
                      }
                    },
                    "responses": { "204": { "description": "Added." } }
                  }
                }
              }
            }
            """,
            "EVS102",
            "The media type \"multipart/mixed\" is not supported (/paths/~1notes/post/requestBody/content); supported: JSON, text, binary, application/x-www-form-urlencoded and multipart/form-data bodies; left out: operation addNote");
    }

    [Fact]
    public void A_multipart_form_without_fields_is_EVS102_on_its_schema()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Notes", "version": "1" },
              "paths": {
                "/notes": {
                  "post": {
                    "operationId": "addNote",
                    "requestBody": {
                      "content": {
                        "multipart/form-data": { "schema": [|{ "type": "string", "format": "binary" }|] }
                      }
                    },
                    "responses": { "204": { "description": "Added." } }
                  }
                }
              }
            }
            """,
            "EVS102",
            "The multipart/form-data body of addNote must be an object schema with properties, which are the fields (/paths/~1notes/post/requestBody/content/multipart~1form-data/schema); left out: operation addNote");
    }

    [Fact]
    public void A_cookie_parameter_is_EVS102_on_its_location()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {
                "/pets": {
                  "get": {
                    "operationId": "listPets",
                    "parameters": [
                      { "name": "session", "in": [|"cookie"|], "schema": { "type": "string" } }
                    ],
                    "responses": { "204": { "description": "None." } }
                  }
                }
              }
            }
            """,
            "EVS102",
            "Parameters in \"cookie\" are not supported (/paths/~1pets/get/parameters/0/in); supported: path, query, header; left out: operation listPets");
    }

    [Fact]
    public void Every_problem_of_a_spec_is_reported_in_one_run()
    {
        const string Text = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {
                "/pets": {
                  "get": {
                    "operationId": "listPets",
                    "parameters": [ { "name": "session", "in": "cookie", "schema": { "type": "string" } } ],
                    "responses": { "204": { "description": "None." } }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Pet": { "type": "object", "not": {} },
                  "Owner": { "type": "object", "properties": { "pet": { "$ref": "#/components/schemas/Nope" } } }
                }
              }
            }
            """;

        // Every schema generated, used or not, so every schema's problems are told.
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, Text) with { AllSchemas = true });

        GeneratorHarness.AssertGeneratorDidNotFail(run);

        // Everything is left out but the client, which has no operation.
        Assert.Equal(new[] { "EvsContracts.Generated.PetsClient.g.cs" }, run.Sources.Select(s => s.Key));
        Assert.Equal(
            new[] { ("EVS102", 14), ("EVS103", 15), ("EVS102", 7) },
            run.Single.Diagnostics.Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line)));
    }

    // ---- EVS103: references that do not resolve -----------------------------------------------------------------

    [Fact]
    public void A_ref_to_a_missing_schema_is_EVS103()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Pet": {
                    "type": "object",
                    "properties": {
                      "owner": { "$ref": [|"#/components/schemas/Owner"|] }
                    }
                  }
                }
              }
            }
            """,
            "EVS103",
            "The reference \"#/components/schemas/Owner\" does not resolve: there is no schema \"Owner\" in components.schemas (/components/schemas/Pet/properties/owner/$ref); left out: schema Pet");
    }

    [Fact]
    public void A_ref_to_a_missing_parameter_is_EVS103()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {
                "/pets": {
                  "get": {
                    "operationId": "listPets",
                    "parameters": [ { "$ref": [|"#/components/parameters/Limit"|] } ],
                    "responses": { "204": { "description": "None." } }
                  }
                }
              }
            }
            """,
            "EVS103",
            "The reference \"#/components/parameters/Limit\" does not resolve (/paths/~1pets/get/parameters/0/$ref); left out: operation listPets");
    }

    // ---- EVS104: names ---------------------------------------------------------------------------------------------

    [Fact]
    public void An_inline_request_body_named_like_the_client_is_numbered()
    {
        // Once an EVS104, before that an EVS900 beside it: the refused body type was then looked up by its name.
        const string Text = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1", "x-client-name": "AddPetRequest" },
              "paths": {
                "/pets": {
                  "post": {
                    "operationId": "addPet",
                    "requestBody": { "content": { "application/json": { "schema": { "type": "object" } } } },
                    "responses": { "204": { "description": "Added." } }
                  }
                }
              }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, Text));

        Assert.Empty(run.Single.Diagnostics);
        Assert.Contains("public sealed partial class AddPetRequest2 ", run.Sources.Single(s => s.Key.EndsWith("Models.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void A_numeric_operationId_gets_a_leading_underscore_as_documented()
    {
        // spec/README.md: a name that starts with a digit gets a leading "_" rather than an error.
        string text = Valid.Replace("\"operationId\": \"getPet\"", "\"operationId\": \"123\"", StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, text));

        Assert.Empty(run.Single.Diagnostics);
        Assert.Contains("_123Async(", run.Sources.Single(s => s.Key.EndsWith("Client.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    // ---- EVS105: contradictions ------------------------------------------------------------------------------------

    [Fact]
    public void MinLength_over_maxLength_is_EVS105()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Pet": {
                    "type": "object",
                    "properties": {
                      "name": { "type": "string", [|"minLength"|]: 10, "maxLength": 5 }
                    }
                  }
                }
              }
            }
            """,
            "EVS105",
            "Contradictory constraints at /components/schemas/Pet/properties/name: minLength 10 is greater than maxLength 5; left out: schema Pet");
    }

    [Fact]
    public void Minimum_over_maximum_is_EVS105()
    {
        AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Pet": {
                    "type": "object",
                    "properties": {
                      "weight": { "type": "number", "maximum": 0.5, [|"minimum"|]: 1.25 }
                    }
                  }
                }
              }
            }
            """,
            "EVS105",
            "Contradictory constraints at /components/schemas/Pet/properties/weight: minimum 1.25 is greater than maximum 0.5; left out: schema Pet");
    }

    [Fact]
    public void Required_naming_a_missing_property_is_an_EVS102_note_at_the_name()
    {
        // Real specs do this (a member described elsewhere, or nowhere); JSON Schema lets it be an undeclared member,
        // so the type is generated and only the requirement is not checked.
        GeneratorRun run = AssertDiagnostic(
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Pet": {
                    "type": "object",
                    "required": ["name", [|"nickname"|]],
                    "properties": {
                      "name": { "type": "string" }
                    }
                  }
                }
              }
            }
            """,
            "EVS102",
            "\"nickname\" is required but is not one of the properties of Pet (/components/schemas/Pet/required); the requirement is not checked");
        Assert.Contains("public sealed partial class Pet ", run.Sources.Single(s => s.Key.EndsWith("Models.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    // ---- more than one spec ----------------------------------------------------------------------------------------

    [Fact]
    public void A_broken_spec_does_not_stop_another_from_generating()
    {
        GeneratorRun run = GeneratorHarness.Run(
            TestSpec.FromText("/project/contracts/broken.openapi.json", "{"),
            TestSpec.FromFile("Specs/nullable-30.openapi.json"));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal("EVS100", diagnostic.Id);
        Assert.Equal("/project/contracts/broken.openapi.json", diagnostic.Location.GetLineSpan().Path);
        Assert.NotEmpty(run.Sources);
        Assert.All(run.Sources, s => Assert.StartsWith("Nullable30.", s.Key, StringComparison.Ordinal));
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void Two_specs_generating_the_same_files_are_each_EVS104_at_their_namespace()
    {
        const string Text = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1", "x-namespace": "Shared.Pets" },
              "paths": {}
            }
            """;
        var first = TestSpec.FromText("/project/contracts/a.openapi.json", Text);
        var second = TestSpec.FromText("/project/contracts/b.openapi.json", Text);

        GeneratorRun run = GeneratorHarness.Run(first, second);

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Sources);
        Assert.Equal(2, run.Single.Diagnostics.Length);
        int at = Text.IndexOf("\"Shared.Pets\"", StringComparison.Ordinal);
        foreach ((Diagnostic diagnostic, TestSpec spec) in run.Single.Diagnostics.OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).Zip(new[] { first, second }))
        {
            Assert.Equal("EVS104", diagnostic.Id);
            Assert.Equal(
                "Two specs generate Shared.Pets.PetsClient.*.cs; give them different namespaces (EvsContract Namespace=\"...\"); nothing is generated",
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(spec.Path, diagnostic.Location.GetLineSpan().Path);
            Assert.Equal(new TextSpan(at, "\"Shared.Pets\"".Length), diagnostic.Location.SourceSpan);
        }
    }

    [Fact]
    public void Specs_given_one_namespace_by_the_project_clash_at_their_client_names()
    {
        // The project names the namespace, so the spec's part of the clash is the client name, from the title.
        const string First = """{ "openapi": "3.1.0", "info": { "title": "Pets", "version": "1" }, "paths": {} }""";
        var first = TestSpec.FromText("/project/contracts/a.openapi.json", First, @namespace: "Shared");
        var second = TestSpec.FromText("/project/contracts/b.openapi.json", First.Replace("Pets", "pets", StringComparison.Ordinal), @namespace: "Shared");

        GeneratorRun run = GeneratorHarness.Run(first, second);

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Sources);
        Assert.Equal(2, run.Single.Diagnostics.Length);
        Assert.All(run.Single.Diagnostics, d =>
        {
            Assert.Equal("EVS104", d.Id);
            Assert.Equal(new TextSpan(First.IndexOf("\"Pets\"", StringComparison.Ordinal), "\"Pets\"".Length), d.Location.SourceSpan);
        });
    }

    [Fact]
    public void A_file_without_EvsContract_metadata_is_not_read()
    {
        var notAContract = new TestSpec("/project/readme.json", SourceText.From("not json"), IsContract: false);

        GeneratorRun run = GeneratorHarness.Run(notAContract);

        Assert.Empty(run.Single.Diagnostics);

        // With no EvsContract item the built-in spec is generated.
        Assert.Contains(run.Sources, s => s.Key == "EvsContracts.Snapshots.EvsClient.g.cs");
    }

    private static GeneratorRun AssertDiagnostic(string markup, string id, string message)
    {
        SpecMarkup spec = SpecMarkup.Parse(markup);
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, spec.Text));
        AssertOnly(run, id, message, spec.Span);
        Assert.Equal(new TextSpan(spec.Start, spec.End - spec.Start), run.Single.Diagnostics[0].Location.SourceSpan);
        return run;
    }

    private static void AssertDiagnostic(string text, string id, string message, LinePositionSpan span) =>
        AssertOnly(GeneratorHarness.Run(TestSpec.FromText(SpecPath, text)), id, message, span);

    private static void AssertOnly(GeneratorRun run, string id, string message, LinePositionSpan span)
    {
        GeneratorHarness.AssertGeneratorDidNotFail(run);
        if (id == "EVS100")
        {
            Assert.Empty(run.Sources);
        }
        else
        {
            GeneratorHarness.AssertCompilesCleanly(run);
        }

        Diagnostic diagnostic = Assert.Single(run.Single.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(id == "EVS102" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("EvsContracts.Spec", diagnostic.Descriptor.Category);
        Assert.EndsWith($"/docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        FileLinePositionSpan location = diagnostic.Location.GetLineSpan();
        Assert.Equal(SpecPath, location.Path);
        Assert.Equal(span, location.Span);
    }
}
