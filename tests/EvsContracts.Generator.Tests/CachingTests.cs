using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// The pipeline is incremental: editing C# leaves every step cached, editing one spec redoes only that spec, and no
/// step output holds a Roslyn object that would keep a compilation alive or defeat the cache.
/// </summary>
public class CachingTests
{
    private static readonly string[] s_allSteps =
    {
        EvsContractGenerator.Steps.Options,
        EvsContractGenerator.Steps.SpecInputs,
        EvsContractGenerator.Steps.Contracts,
        EvsContractGenerator.Steps.BuiltInContract,
        EvsContractGenerator.Steps.FileNameClashes,
    };

    private static readonly TestSpec[] s_twoSpecs =
    {
        TestSpec.FromFile("Specs/kitchen-sink.openapi.json"),
        TestSpec.FromFile("Specs/nullable-30.openapi.json"),
    };

    /// <summary>A spec with a warning beside its model: the operation with a cookie parameter is left out (EVS102).</summary>
    private static readonly TestSpec[] s_leftOut =
    {
        TestSpec.FromText(
            "/project/contracts/left-out.openapi.json",
            """
            {
              "openapi": "3.1.0",
              "info": { "title": "Pets", "version": "1" },
              "paths": {
                "/pets": {
                  "get": { "operationId": "listPets", "parameters": [ { "name": "s", "in": "cookie", "schema": { "type": "string" } } ], "responses": { "204": { "description": "None." } } },
                  "delete": { "operationId": "deletePets", "responses": { "200": { "description": "The last.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } } }
                }
              },
              "components": { "schemas": { "Pet": { "type": "object", "properties": { "name": { "type": "string", "maxLength": 10 } } } } }
            }
            """),
    };

    public static TheoryData<string> Scenarios => new() { "two specs", "built-in spec", "a part left out" };

    private static TestSpec[] SpecsOf(string scenario) => scenario switch
    {
        "two specs" => s_twoSpecs,
        "a part left out" => s_leftOut,
        _ => Array.Empty<TestSpec>(),
    };

    /// <summary>Steps over spec files run once per file, or once over them all; with none (the built-in spec) they never run.</summary>
    private static string[] StepsOf(string scenario) => scenario != "built-in spec"
        ? s_allSteps
        : s_allSteps.Except(new[] { EvsContractGenerator.Steps.SpecInputs, EvsContractGenerator.Steps.Contracts, EvsContractGenerator.Steps.FileNameClashes }).ToArray();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_step_is_tracked(string scenario)
    {
        GeneratorRunResult result = GeneratorHarness.Run(SpecsOf(scenario)).Single;

        Assert.Equal(StepsOf(scenario).Order(StringComparer.Ordinal), result.TrackedSteps.Keys.Where(s_allSteps.Contains).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Adding_a_syntax_tree_leaves_every_step_cached(string scenario)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace App; public class Existing { }");
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(SpecsOf(scenario)), compilation);
        Assert.NotEmpty(first.Sources);

        GeneratorRun second = GeneratorHarness.Run(
            first.Driver,
            compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public class Added { }", GeneratorHarness.ParseOptions)));

        AssertAllCached(second.Single, StepsOf(scenario));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Editing_a_syntax_tree_leaves_every_step_cached(string scenario)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace App; public class Existing { public int A; }");
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(SpecsOf(scenario)), compilation);

        SyntaxTree old = compilation.SyntaxTrees.Single();
        SyntaxTree edited = old.WithChangedText(SourceText.From("namespace App; public class Existing { public string B = \"x\"; }"));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(old, edited));

        AssertAllCached(second.Single, StepsOf(scenario));
    }

    [Fact]
    public void Editing_one_spec_regenerates_only_that_spec()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(s_twoSpecs), compilation);
        TestSpec kitchenSink = s_twoSpecs[0];
        string text = kitchenSink.Text!.ToString();
        string editedText = text.Replace("A pet in a store.", "A pet in a shop.", StringComparison.Ordinal);
        Assert.NotEqual(text, editedText);

        GeneratorDriver driver = first.Driver.ReplaceAdditionalText(
            kitchenSink.AdditionalText,
            new InMemoryAdditionalText(kitchenSink.Path, SourceText.From(editedText)));
        GeneratorRun second = GeneratorHarness.Run(driver, compilation);

        List<(string Path, IncrementalStepRunReason Reason)> inputs = second.Single.TrackedSteps[EvsContractGenerator.Steps.SpecInputs]
            .SelectMany(step => step.Outputs)
            .Select(output => (((SpecInput)output.Value).FilePath, output.Reason))
            .ToList();
        Assert.Contains((kitchenSink.Path, IncrementalStepRunReason.Modified), inputs);
        Assert.Contains((s_twoSpecs[1].Path, IncrementalStepRunReason.Cached), inputs);

        List<(string Namespace, IncrementalStepRunReason Reason)> contracts = second.Single.TrackedSteps[EvsContractGenerator.Steps.Contracts]
            .SelectMany(step => step.Outputs)
            .Select(output => (((SpecResult)output.Value).Model!.Namespace, output.Reason))
            .OrderBy(pair => pair.Namespace, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(2, contracts.Count);
        Assert.Equal(("KitchenSink", IncrementalStepRunReason.Modified), contracts[0]);
        Assert.Equal("Nullable30", contracts[1].Namespace);
        Assert.Contains(contracts[1].Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });

        // The edit shows in the models' file of the spec it is in, and nowhere else.
        const string Models = "KitchenSink.KitchenSinkClient.Models.g.cs";
        Dictionary<string, string> before = first.Sources.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        Dictionary<string, string> after = second.Sources.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("A pet in a shop.", after[Models], StringComparison.Ordinal);
        Assert.DoesNotContain("A pet in a shop.", before[Models], StringComparison.Ordinal);
        Assert.All(after.Where(s => s.Key != Models), s => Assert.Equal(before[s.Key], s.Value));
    }

    [Fact]
    public void An_edit_that_changes_nothing_in_the_spec_leaves_its_contract_unchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(s_twoSpecs), compilation);
        TestSpec kitchenSink = s_twoSpecs[0];

        // Same text, new SourceText instance: the spec input compares equal, so nothing after it runs again.
        GeneratorDriver driver = first.Driver.ReplaceAdditionalText(
            kitchenSink.AdditionalText,
            new InMemoryAdditionalText(kitchenSink.Path, SourceText.From(kitchenSink.Text!.ToString())));
        GeneratorRun second = GeneratorHarness.Run(driver, compilation);

        Assert.All(
            second.Single.TrackedSteps[EvsContractGenerator.Steps.Contracts].SelectMany(step => step.Outputs),
            output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(
            second.Single.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs),
            output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void No_step_output_holds_a_Roslyn_symbol_syntax_compilation_or_location(string scenario)
    {
        GeneratorRunResult result = GeneratorHarness.Run(SpecsOf(scenario)).Single;
        var walker = new PipelineValueWalker();

        foreach (string step in StepsOf(scenario))
        {
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
            {
                foreach ((object value, _) in run.Outputs)
                {
                    walker.Walk(value, $"{step} output");
                }
            }
        }

        Assert.Empty(walker.Problems);

        // The walk went through the models themselves, not just their outer shells.
        Assert.Contains(typeof(Model.PropertyModel), walker.VisitedTypes);
        Assert.Contains(typeof(Model.Constraints), walker.VisitedTypes);
        Assert.Contains(typeof(GeneratorOptions), walker.VisitedTypes);
    }

    [Fact]
    public void Spec_diagnostics_in_a_step_output_are_plain_data()
    {
        GeneratorRunResult result = GeneratorHarness.Run(TestSpec.FromText("/broken.json", "{\"openapi\": \"2.0\"}")).Single;
        var walker = new PipelineValueWalker();

        foreach ((object value, _) in result.TrackedSteps[EvsContractGenerator.Steps.Contracts].SelectMany(step => step.Outputs))
        {
            walker.Walk(value, "Contracts output");
        }

        Assert.Empty(walker.Problems);
        Assert.Contains(typeof(Diagnostics.SpecDiagnostic), walker.VisitedTypes);
    }

    [Fact]
    public void The_walker_finds_a_Roslyn_object_hidden_in_a_value()
    {
        Location location = Location.Create("/x.json", new TextSpan(0, 1), new LinePositionSpan(default, new LinePosition(0, 1)));
        SyntaxTree tree = CSharpSyntaxTree.ParseText("class C { }");
        var walker = new PipelineValueWalker();

        walker.Walk((1, new[] { new KeyValuePair<string, object>("at", location) }), "tuple");
        walker.Walk(ImmutableArray.Create<object>(tree.GetRoot()), "array");
        walker.Walk(new Holder(GeneratorHarness.CreateCompilation()), "holder");

        Assert.Equal(3, walker.Problems.Count);
    }

    private static void AssertAllCached(GeneratorRunResult result, string[] steps)
    {
        foreach (string step in steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"The step {step} was not tracked");
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
            {
                foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"The step {step} gave an output that is {reason}");
                }
            }
        }

        Assert.NotEmpty(result.TrackedOutputSteps);
        foreach ((string name, ImmutableArray<IncrementalGeneratorRunStep> runs) in result.TrackedOutputSteps)
        {
            foreach (IncrementalGeneratorRunStep run in runs)
            {
                Assert.All(run.Outputs, output => Assert.True(output.Reason == IncrementalStepRunReason.Cached, $"The output step {name} is {output.Reason}"));
            }
        }
    }

    private sealed record Holder(object Value);

    /// <summary>
    /// Walks a value through its fields (records, tuples, EquatableArray's backing array) and its items, and notes
    /// every Roslyn object that must not be cached: it would root a compilation and never compare equal.
    /// </summary>
    private sealed class PipelineValueWalker
    {
        private static readonly Type[] s_forbidden =
        {
            typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel),
        };

        private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);

        public List<string> Problems { get; } = new();

        public HashSet<Type> VisitedTypes { get; } = new();

        public void Walk(object? value, string path)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
            {
                return;
            }

            Type type = value.GetType();
            if (!type.IsValueType && !_seen.Add(value))
            {
                return;
            }

            VisitedTypes.Add(type);
            if (Array.Find(s_forbidden, f => f.IsAssignableFrom(type)) is { } forbidden)
            {
                Problems.Add($"{path} is a {forbidden.Name} ({type.FullName})");
                return;
            }

            if (value is IEnumerable items)
            {
                int index = 0;
                foreach (object? item in items)
                {
                    Walk(item, $"{path}[{index++}]");
                }
            }

            if (type.IsArray)
            {
                return;
            }

            for (Type? t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            {
                foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                    {
                        Walk(field.GetValue(value), $"{path}.{field.Name}");
                    }
                }
            }
        }
    }
}
