using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// Inline schemas written alike are one type: real specs repeat an object at every place that uses it, and a type per
/// place made GitHub's REST spec twice the code it needs. What counts is what the schema says; where it is, its
/// examples and its title do not.
/// </summary>
public class SchemaSharingTests
{
    private const string Spec = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Sharing", "version": "1" },
          "paths": {
            "/a": { "get": { "operationId": "listA", "responses": { "200": { "description": "ok", "content": { "application/json": {
              "schema": { "type": "object", "properties": { "total": { "type": "integer" } } } } } } } } },
            "/b": { "get": { "operationId": "listB", "responses": { "200": { "description": "ok", "content": { "application/json": {
              "schema": { "type": "object", "properties": { "total": { "type": "integer" } } } } } } } } }
          },
          "components": {
            "schemas": {
              "User": { "type": "object", "properties": { "login": { "type": "string" } } },
              "Repo": {
                "type": "object",
                "properties": {
                  "owner": { "type": "object", "properties": { "login": { "type": "string" } } },
                  "license": { "type": "object", "required": ["key"], "properties": { "key": { "type": "string", "maxLength": 5 } }, "example": { "key": "mit" } }
                }
              },
              "Gist": {
                "type": "object",
                "properties": {
                  "license": { "title": "License", "type": "object", "required": ["key"], "properties": { "key": { "type": "string", "maxLength": 5 } } },
                  "file": { "type": "object", "required": ["key"], "properties": { "key": { "type": "string", "maxLength": 6 } } }
                }
              },
              "Merged": {
                "allOf": [
                  { "type": "object", "properties": { "spec": { "type": "object", "properties": { "a": { "type": "string" } } } } },
                  { "type": "object", "properties": { "spec": { "type": "object", "properties": { "b": { "type": "string" } } } } }
                ]
              },
              "Other": { "type": "object", "properties": { "spec": { "type": "object", "properties": { "b": { "type": "string" } } } } }
            }
          }
        }
        """;

    private const string Usage = """
        using System.Linq;
        using Sharing;

        namespace Usage;

        public static class Scenario
        {
            public static string Owner(string json)
            {
                User owner = Repo.FromJson(json).Owner!;
                return owner.Login + "|" + new Repo { Owner = new User { Login = "b" } }.ToJson();
            }

            public static string License(string json)
            {
                RepoLicense license = Gist.FromJson(json).License!;
                Repo repo = new() { License = license };
                return license.Key + "|" + repo.ToJson() + "|" + string.Join(",", new Gist { License = new RepoLicense { Key = "abcdef" } }.Validate().Select(v => v.Path + " " + v.Rule));
            }

            public static string File() =>
                string.Join(",", new GistFile { Key = "abcdef" }.Validate().Select(v => v.Path)) + "|" + string.Join(",", new RepoLicense { Key = "abcdef" }.Validate().Select(v => v.Path));

            public static string Specs() =>
                new Merged { Spec = new MergedSpec { A = "1", B = "2" } }.ToJson() + "|" + new Other { Spec = new OtherSpec { B = "3" } }.ToJson();
        }
        """;

    [Fact]
    public void An_inline_schema_written_like_a_named_one_is_that_type()
    {
        (GeneratorRun run, LoadedScenario scenario) = Load();
        using (scenario)
        {
            Assert.Null(TypeNamed(run, "RepoOwner"));
            Assert.Equal("""a|{"owner":{"login":"b"}}""", scenario.Call("Owner", """{"owner":{"login":"a"}}"""));
        }
    }

    [Fact]
    public void Inline_schemas_written_alike_are_one_type_named_after_the_first_place()
    {
        (GeneratorRun run, LoadedScenario scenario) = Load();
        using (scenario)
        {
            // Gist's license differs only in its title and Repo's in its example: neither is generated.
            Assert.Null(TypeNamed(run, "GistLicense"));
            Assert.Equal("""mit|{"license":{"key":"mit"}}|license.key maxLength""", scenario.Call("License", """{"license":{"key":"mit"}}"""));
        }
    }

    [Fact]
    public void Inline_schemas_that_differ_in_a_rule_are_types_of_their_own()
    {
        (GeneratorRun run, LoadedScenario scenario) = Load();
        using (scenario)
        {
            Assert.NotNull(TypeNamed(run, "GistFile"));
            Assert.Equal("|key", scenario.Call("File"));
        }
    }

    [Fact]
    public void Operation_bodies_written_alike_keep_the_names_of_their_operations()
    {
        (GeneratorRun run, LoadedScenario scenario) = Load();
        using (scenario)
        {
            Assert.NotNull(TypeNamed(run, "ListAResponse"));
            Assert.NotNull(TypeNamed(run, "ListBResponse"));
        }
    }

    [Fact]
    public void A_member_two_allOf_parts_declare_is_not_taken_for_the_one_written_like_either_part()
    {
        // Merged's spec is both parts' spec at once, though the spec text of its second part is written like
        // Other's spec: Other's spec must not take a member from the first part.
        (GeneratorRun run, LoadedScenario scenario) = Load();
        using (scenario)
        {
            Assert.Empty(TypeNamed(run, "OtherSpec")!.GetMembers("A"));
            Assert.Equal("""{"spec":{"a":"1","b":"2"}}|{"spec":{"b":"3"}}""", scenario.Call("Specs"));
        }
    }

    private static INamedTypeSymbol? TypeNamed(GeneratorRun run, string name) => run.Output.GetTypeByMetadataName("Sharing." + name);

    private static (GeneratorRun Run, LoadedScenario Scenario) Load()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[] { TestSpec.FromText("/project/contracts/sharing.openapi.json", Spec, @namespace: "Sharing") with { AllSchemas = true } },
            GeneratorHarness.CreateCompilation(Usage));
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        return (run, LoadedScenario.Load(run, "schema sharing usage"));
    }
}
