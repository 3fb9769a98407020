using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using EvsContracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Reliability.Tests.Infrastructure;

/// <summary>One run of the generator over one spec, as a build runs it, and the compilation it produced.</summary>
internal sealed record GeneratorOutcome(string SpecPath, SourceText? SpecText, GeneratorDriverRunResult Result, Compilation Output)
{
    public GeneratorRunResult Single => Result.Results.Single();

    public IReadOnlyList<GeneratedSourceResult> Sources => Single.GeneratedSources;

    /// <summary>The generator's own diagnostics (EVS1xx, and CS8785 when it failed).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>What a warnings-as-errors build of the output would stop on.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Hint name → text, in hint-name order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SourceTexts() =>
        Sources.Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
}

/// <summary>
/// Runs <see cref="EvsContractGenerator"/> through <see cref="CSharpGeneratorDriver"/> on .NET 8 reference
/// assemblies, with documentation diagnostics on and every warning wave enabled: the strictest build a consumer
/// could have.
/// </summary>
internal static class GeneratorHost
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net80.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(ContractViolation).Assembly.Location))
            .ToImmutableArray();

    private static readonly CSharpCompilationOptions s_options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        deterministic: true);

    /// <summary>A consumer project with one file of its own.</summary>
    public static CSharpCompilation CreateCompilation(string source = "namespace Consumer;\n\n/// <summary>The consumer's own code.</summary>\npublic static class Anchor\n{\n}\n", string assemblyName = "Consumer") =>
        CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Anchor.cs")],
            References,
            s_options);

    /// <summary>Decodes spec bytes as the compiler decodes an additional file: a BOM picks the encoding, else UTF-8 with replacement characters.</summary>
    public static SourceText Decode(byte[] bytes) => SourceText.From(bytes, bytes.Length, System.Text.Encoding.UTF8);

    public static GeneratorDriver CreateDriver(string specPath, SourceText? text, string? @namespace = null, string? clientName = null, bool allSchemas = false) =>
        CSharpGeneratorDriver.Create(
            [new EvsContractGenerator().AsSourceGenerator()],
            additionalTexts: [new MemoryAdditionalText(specPath, text)],
            parseOptions: ParseOptions,
            optionsProvider: new ContractOptionsProvider(specPath, @namespace, clientName, allSchemas));

    public static GeneratorOutcome Run(string specPath, SourceText? text, string? @namespace = null, string? clientName = null, Compilation? compilation = null, bool allSchemas = false)
    {
        GeneratorDriver driver = CreateDriver(specPath, text, @namespace, clientName, allSchemas);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation ?? CreateCompilation(), out Compilation output, out _);
        return new GeneratorOutcome(specPath, text, driver.GetRunResult(), output);
    }

    /// <summary>Runs the generator on one spec; <paramref name="allSchemas"/> is the item's <c>GenerateAllSchemas="true"</c>.</summary>
    public static GeneratorOutcome Run(string specPath, string json, string? @namespace = null, string? clientName = null, bool allSchemas = false) =>
        Run(specPath, SourceText.From(json, System.Text.Encoding.UTF8), @namespace, clientName, allSchemas: allSchemas);

    /// <summary>The generator neither threw nor was reported as failed (CS8785).</summary>
    public static void AssertDidNotFail(GeneratorOutcome outcome)
    {
        Exception? exception = outcome.Single.Exception;
        Assert.True(exception is null, $"The generator threw: {exception}");
        Assert.DoesNotContain(outcome.Diagnostics, d => d.Id == "CS8785");
    }

    public static void AssertCompilesCleanly(GeneratorOutcome outcome)
    {
        AssertDidNotFail(outcome);
        Assert.True(outcome.Diagnostics.Count == 0, "The generator reported:\n" + string.Join("\n", outcome.Diagnostics));
        IReadOnlyList<Diagnostic> problems = outcome.CompilationProblems();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
    }

    /// <summary>Compiles the output and loads it into a collectible context of its own; the runtime library is shared with the tests.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        Assert.True(result.Success, "Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    private sealed class MemoryAdditionalText(string path, SourceText? text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>The metadata MSBuild attaches to an <c>EvsContract</c> item.</summary>
    private sealed class ContractOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions s_empty = new(ImmutableDictionary<string, string>.Empty);
        private readonly string _specPath;
        private readonly DictionaryOptions _spec;

        public ContractOptionsProvider(string specPath, string? @namespace, string? clientName, bool allSchemas)
        {
            _specPath = specPath;
            ImmutableDictionary<string, string>.Builder values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            values["build_metadata.AdditionalFiles.EvsContract"] = "true";
            if (@namespace is not null)
            {
                values["build_metadata.AdditionalFiles.Namespace"] = @namespace;
            }

            if (clientName is not null)
            {
                values["build_metadata.AdditionalFiles.ClientName"] = clientName;
            }

            if (allSchemas)
            {
                values["build_metadata.AdditionalFiles.GenerateAllSchemas"] = "true";
            }

            _spec = new DictionaryOptions(values.ToImmutable());
            GlobalOptions = new DictionaryOptions(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", "Consumer"));
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == _specPath ? _spec : s_empty;
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
