using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using EvsContracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Benchmarks.Compiler;

/// <summary>What the compiler gives the generator in a build: compilations, a spec file with its MSBuild metadata.</summary>
public static class CompilerHost
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_lazyReferences = new(LoadReferences);

    /// <summary>The running framework's assemblies and the EvsContracts runtime.</summary>
    public static ImmutableArray<MetadataReference> References => s_lazyReferences.Value;

    public static CSharpCompilation Compilation(string name, IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            name,
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    /// <summary>A driver for the generator with one spec declared as <c>&lt;EvsContract Include="..." /&gt;</c> does.</summary>
    public static GeneratorDriver Driver(AdditionalText spec) =>
        CSharpGeneratorDriver.Create(
            [new EvsContractGenerator().AsSourceGenerator()],
            [spec],
            ParseOptions,
            new Options(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    public static AdditionalText Spec(string path, string text) => new InMemoryText(path, text);

    /// <summary>Runs the generator once and returns its sources; throws on any diagnostic.</summary>
    public static ImmutableArray<GeneratedSourceResult> Generate(Compilation compilation, AdditionalText spec)
    {
        GeneratorDriverRunResult result = Driver(spec).RunGenerators(compilation).GetRunResult();
        if (!result.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException("The generator reported: " + string.Join("; ", result.Diagnostics));
        }

        return result.Results.Single().GeneratedSources;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        var paths = trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .ToList();
        paths.Add(typeof(ContractViolation).Assembly.Location);
        return [.. paths.Distinct(StringComparer.Ordinal).Select(path => MetadataReference.CreateFromFile(path))];
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The MSBuild properties and item metadata that EvsContracts.props makes visible to the compiler.</summary>
    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions s_global = new(new Dictionary<string, string>
        {
            ["build_property.EvsContractsBuiltInSpec"] = "true",
            ["build_property.RootNamespace"] = "Consumer",
        });

        private static readonly DictionaryOptions s_contract = new(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.EvsContract"] = "true",
        });

        public override AnalyzerConfigOptions GlobalOptions => s_global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => s_contract;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new([]);

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
