using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Tests.Infrastructure;

/// <summary>A spec file handed to the generator the way MSBuild hands over an <c>EvsContract</c> item.</summary>
internal sealed record TestSpec(string Path, SourceText? Text, string? Namespace = null, string? ClientName = null, bool IsContract = true)
{
    /// <summary>One instance per spec, so a test can replace it in a driver that was given it.</summary>
    public AdditionalText AdditionalText { get; } = new InMemoryAdditionalText(Path, Text);

    /// <summary>The item's <c>GenerateAllSchemas="true"</c>: schemas no operation uses are generated too.</summary>
    public bool AllSchemas { get; init; }

    public static TestSpec FromText(string path, string text, string? @namespace = null, string? clientName = null) =>
        new(path, SourceText.From(text, System.Text.Encoding.UTF8), @namespace, clientName);

    /// <summary>A spec under the test output folder, by its path relative to that folder (e.g. <c>Specs/kitchen-sink.openapi.json</c>).</summary>
    public static TestSpec FromFile(string relativePath)
    {
        string path = TestPaths.Output(relativePath);
        using FileStream stream = File.OpenRead(path);

        // Decoded as the compiler decodes additional files: a BOM picks the encoding, UTF-8 otherwise.
        return new TestSpec(path, SourceText.From(stream, System.Text.Encoding.UTF8));
    }
}

/// <summary>An additional file held in memory; a null text is a file the host could not read.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText? _text;

    public InMemoryAdditionalText(string path, SourceText? text)
    {
        Path = path;
        _text = text;
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Answers the MSBuild properties and item metadata the generator asks for.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions s_empty = new(ImmutableDictionary<string, string>.Empty);
    private readonly ImmutableDictionary<string, DictionaryOptions> _perFile;

    public TestOptionsProvider(IEnumerable<TestSpec> specs, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        GlobalOptions = new DictionaryOptions((globalOptions ?? new Dictionary<string, string>()).ToImmutableDictionary(StringComparer.OrdinalIgnoreCase));
        var perFile = ImmutableDictionary.CreateBuilder<string, DictionaryOptions>(StringComparer.Ordinal);
        foreach (TestSpec spec in specs)
        {
            var options = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            if (spec.IsContract)
            {
                options["build_metadata.AdditionalFiles.EvsContract"] = "true";
            }

            if (spec.Namespace is not null)
            {
                options["build_metadata.AdditionalFiles.Namespace"] = spec.Namespace;
            }

            if (spec.ClientName is not null)
            {
                options["build_metadata.AdditionalFiles.ClientName"] = spec.ClientName;
            }

            if (spec.AllSchemas)
            {
                options["build_metadata.AdditionalFiles.GenerateAllSchemas"] = "true";
            }

            perFile[spec.Path] = new DictionaryOptions(options.ToImmutable());
        }

        _perFile = perFile.ToImmutable();
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _perFile.TryGetValue(textFile.Path, out DictionaryOptions? options) ? options : s_empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}

/// <summary>One run of the generator: the driver (to run again), its result and the compilation with the generated sources.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output)
{
    public GeneratorRunResult Single => Assert.Single(Result.Results);

    /// <summary>Hint name → text, in the order the generator added them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Sources =>
        Single.GeneratedSources.Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString())).ToList();

    /// <summary>Compiler diagnostics of the output compilation that a warnings-as-errors build would stop on.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

/// <summary>Drives <see cref="EvsContractGenerator"/> the way the compiler does, on .NET 8 reference assemblies.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> s_references =
        Basic.Reference.Assemblies.Net80.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(ContractViolation).Assembly.Location))
            .ToImmutableArray();

    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
        s_references,
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            deterministic: true));

    public static GeneratorDriver CreateDriver(
        IReadOnlyList<TestSpec> specs, IReadOnlyDictionary<string, string>? globalOptions = null, EvsContractGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            new[] { (generator ?? new EvsContractGenerator()).AsSourceGenerator() },
            additionalTexts: specs.Select(s => s.AdditionalText),
            parseOptions: ParseOptions,
            optionsProvider: new TestOptionsProvider(specs, globalOptions),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(IReadOnlyList<TestSpec> specs, Compilation? compilation = null, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        Run(CreateDriver(specs, globalOptions), compilation ?? CreateCompilation());

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorRun(driver, driver.GetRunResult(), output);
    }

    public static GeneratorRun Run(params TestSpec[] specs) => Run((IReadOnlyList<TestSpec>)specs);

    /// <summary>Fails with the compiler's own text when the output would not build warning-free.</summary>
    public static void AssertCompilesCleanly(GeneratorRun run)
    {
        IReadOnlyList<Diagnostic> problems = run.CompilationProblems();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
    }

    /// <summary>The generator neither threw nor was reported as failed (CS8785).</summary>
    public static void AssertGeneratorDidNotFail(GeneratorRun run)
    {
        GeneratorRunResult result = run.Single;
        Assert.Null(result.Exception);
        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Id == "CS8785");
    }
}
