using EvsContracts.Generator.Tests.Infrastructure;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// Patterns are compiled once, into static fields, wherever a value can carry one: a parameter, a keyed envelope's
/// value, strings nested in collections. The code must compile and the checks must use the right field.
/// </summary>
public class PatternTests
{
    private const string Spec = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Patterns", "version": "1", "x-namespace": "Patterns", "x-client-name": "PatternsClient" },
          "paths": {
            "/grids/{code}": {
              "get": {
                "operationId": "getGrid",
                "parameters": [
                  { "name": "code", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^g[0-9]+$" } }
                ],
                "responses": {
                  "200": { "description": "A grid.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Grid" } } } }
                }
              }
            },
            "/codes/{code}": {
              "get": {
                "operationId": "getCodes",
                "parameters": [
                  { "name": "code", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^c[0-9]+$" } }
                ],
                "responses": {
                  "200": { "description": "A code.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Codes" } } } }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Grid": {
                "type": "object",
                "properties": {
                  "rows": { "type": "array", "items": { "type": "array", "items": { "type": "string", "pattern": "^[01]+$" } } }
                }
              },
              "Codes": {
                "type": "object",
                "additionalProperties": { "type": "string", "pattern": "^[A-Z]{3}$" },
                "maxProperties": 1
              }
            }
          }
        }
        """;

    private const string Usage = """"
        using System.Linq;
        using EvsContracts;
        using Patterns;

        namespace Usage;

        public static class Scenario
        {
            public static string GridViolations() =>
                Describe(Grid.FromJson("""{"rows":[["01","10"],["2"]]}""").Validate());

            public static string CodesViolations(string json) => Describe(Codes.FromJson(json).Validate());

            public static string Refused(string operation, string code)
            {
                // Nothing listens here: a request that got past validation would fail to connect instead.
                using var http = new System.Net.Http.HttpClient { BaseAddress = new System.Uri("http://127.0.0.1:9/") };
                var client = new PatternsClient(http);
                try
                {
                    if (operation == "grid")
                    {
                        client.GetGridAsync(code).GetAwaiter().GetResult();
                    }
                    else
                    {
                        client.GetCodesAsync(code).GetAwaiter().GetResult();
                    }

                    return "sent";
                }
                catch (EvsValidationException refused)
                {
                    return Describe(refused.Violations);
                }
            }

            private static string Describe(System.Collections.Generic.IReadOnlyList<ContractViolation> violations) =>
                string.Join("\n", violations.Select(v => v.Path + " " + v.Rule));
        }
        """";

    [Fact]
    public void Each_pattern_is_a_static_field_and_no_method_builds_a_regex()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText("/project/patterns.openapi.json", Spec));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        Dictionary<string, string> sources = run.Sources.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);

        string client = sources["Patterns.PatternsClient.g.cs"];
        Assert.Contains("private static readonly global::System.Text.RegularExpressions.Regex s_getGridCodePattern = new(\"^g[0-9]+\\\\z\", global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));", client, StringComparison.Ordinal);
        Assert.Contains("private static readonly global::System.Text.RegularExpressions.Regex s_getCodesCodePattern = new(\"^c[0-9]+\\\\z\", global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));", client, StringComparison.Ordinal);
        Assert.Contains("global::EvsContracts.ContractCheck.Pattern(code, s_getGridCodePattern, string.Empty, \"code\", ref __violations);", client, StringComparison.Ordinal);
        Assert.Contains("global::EvsContracts.ContractCheck.Pattern(code, s_getCodesCodePattern, string.Empty, \"code\", ref __violations);", client, StringComparison.Ordinal);

        foreach ((string hintName, string text) in sources)
        {
            // A Regex built anywhere but a static field initializer would be built on every call.
            Assert.DoesNotContain("new global::System.Text.RegularExpressions.Regex(", text, StringComparison.Ordinal);
            int declared = text.Split('\n').Count(line => line.Contains("private static readonly global::System.Text.RegularExpressions.Regex ", StringComparison.Ordinal));
            int expected = hintName switch { "Patterns.PatternsClient.g.cs" => 2, "Patterns.PatternsClient.Models.g.cs" => 2, _ => 0 };
            Assert.True(expected == declared, $"{hintName} declares {declared} pattern fields, expected {expected}");
        }
    }

    [Fact]
    public void The_checks_use_each_value_s_own_pattern()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[] { TestSpec.FromText("/project/patterns.openapi.json", Spec) },
            GeneratorHarness.CreateCompilation(Usage));
        using LoadedScenario scenario = LoadedScenario.Load(run, "pattern usage");

        Assert.Equal("rows.1.0 pattern", scenario.Call("GridViolations"));
        Assert.Equal(string.Empty, scenario.Call("CodesViolations", """{"eur":"EUR"}"""));
        Assert.Equal("usd pattern", scenario.Call("CodesViolations", """{"usd":"usd"}"""));

        // The same parameter name in two operations, each with its own pattern.
        Assert.Equal("code pattern", scenario.Call("Refused", "grid", "c1"));
        Assert.Equal("code pattern", scenario.Call("Refused", "codes", "g1"));

        // ECMA-262's '$' is the very end: a trailing newline, which .NET's own '$' lets through, is refused.
        Assert.Equal("code pattern", scenario.Call("Refused", "grid", "g1\n"));
    }
}
