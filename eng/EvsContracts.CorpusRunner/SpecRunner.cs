using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using EvsContracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.CorpusRunner;

/// <summary>
/// One spec through the generator alone, as the compiler runs it for a project whose only <c>EvsContract</c> item
/// is that spec, and the output compiled against the .NET 8 reference assemblies and the runtime.
/// </summary>
public static class SpecRunner
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> s_references =
        Basic.Reference.Assemblies.Net80.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(ContractViolation).Assembly.Location))
            .ToImmutableArray();

    private static readonly CSharpCompilationOptions s_compilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true);

    /// <summary>
    /// Runs <paramref name="spec"/>, a path relative to the corpus's <paramref name="apiFolder"/> with '/' separators,
    /// and writes the generated sources under <paramref name="sourcesFolder"/> when one is given. Without
    /// <paramref name="compile"/>, the output is not compiled and counts as compiling.
    /// </summary>
    public static SpecOutcome Run(string apiFolder, string spec, CancellationToken cancellationToken, string? sourcesFolder = null, bool compile = true)
    {
        string path = Path.GetFullPath(Path.Combine(apiFolder, spec));
        string text = File.ReadAllText(path);
        long bytes = new FileInfo(path).Length;

        IReadOnlyList<(SpecOperation Operation, string? OperationId)> declared;
        try
        {
            declared = SpecOperations.Read(text);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the generator says so (EVS100); there is no operation to count.
            declared = [];
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new EvsContractGenerator().AsSourceGenerator()],
            additionalTexts: [new SpecFile(path, SourceText.From(text, Encoding.UTF8))],
            parseOptions: s_parseOptions,
            optionsProvider: new ContractOptions(path));
        Compilation compilation = CSharpCompilation.Create("Consumer", [], s_references, s_compilationOptions);

        var clock = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics, cancellationToken);
        double generateSeconds = clock.Elapsed.TotalSeconds;
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        string? failure = result.Exception is { } exception
            ? "exception: " + exception.GetType().FullName + ": " + FirstLine(exception.Message)
            : driverDiagnostics.FirstOrDefault(d => d.Id == "CS8785") is { } cs8785
                ? "CS8785: " + FirstLine(cs8785.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                : null;

        List<GeneratorDiagnostic> diagnostics = result.Diagnostics.Select(d => Describe(d, path)).ToList();
        string[] sources = result.GeneratedSources.Select(s => s.SourceText.ToString()).ToArray();
        int lines = result.GeneratedSources.Sum(s => s.SourceText.Lines.Count);
        if (sourcesFolder is not null && sources.Length > 0)
        {
            string folder = Path.Combine(sourcesFolder, Path.ChangeExtension(spec, null));
            Directory.CreateDirectory(folder);
            foreach (GeneratedSourceResult source in result.GeneratedSources)
            {
                File.WriteAllText(Path.Combine(folder, source.HintName), source.SourceText.ToString());
            }
        }

        clock.Restart();
        List<Diagnostic> errors = sources.Length == 0 || !compile
            ? []
            : output.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        double compileSeconds = clock.Elapsed.TotalSeconds;

        // The interface and the class both document an operation; fragments make several operations share a text.
        Dictionary<SpecOperation, int> generated = GeneratedOperations.Read(sources.Where(s => s.Contains("partial interface", StringComparison.Ordinal)));
        var declaredSet = declared.Select(d => d.Operation.AsDocumented).ToHashSet();
        int foreign = generated.Keys.Count(g => !declaredSet.Contains(g));
        int generatedCount = 0;
        List<GeneratorDiagnostic> located = diagnostics.Where(d => d.IsSpecProblem && d.Located).ToList();
        var namer = new LeftOutNamer(located);
        var said = new LeftOutClauses(located);
        var leftOut = new List<LeftOutOperation>();

        // Operations that share a documented text take its count in order, so those the generator says it left out
        // come last and are the ones found missing.
        foreach ((SpecOperation operation, string? operationId) in declared.OrderBy(d => said.LeftOut(d.Operation, d.OperationId) ? 1 : 0))
        {
            if (generated.GetValueOrDefault(operation.AsDocumented) > 0)
            {
                generated[operation.AsDocumented]--;
                generatedCount++;
                continue;
            }

            GeneratorDiagnostic? naming = namer.Find(operation, operationId) ?? said.PathLeftOut(operation);
            leftOut.Add(new LeftOutOperation(operation.ToString(), naming?.Id, naming?.Message, naming?.Construct));
        }

        return new SpecOutcome(
            spec,
            bytes,
            failure,
            diagnostics,
            errors.Count,
            errors.Take(5).Select(e => DescribeError(e)).ToList(),
            sources.Length,
            lines,
            declared.Count,
            generatedCount,
            foreign,
            leftOut,
            generateSeconds,
            compileSeconds);
    }

    /// <summary>
    /// Whether a message names the operation: by its JSON Pointer (or a pointer inside it), by <c>GET /path</c>, or
    /// by its operationId as a whole word.
    /// </summary>
    public static bool Names(string message, SpecOperation operation, string? operationId) =>
        ContainsWhole(message, operation.JsonPointer, allowChildren: true)
        || ContainsWhole(message, operation.ToString(), allowChildren: false)
        || (operationId is { Length: > 0 } && Regex.IsMatch(message, @"(?<![\w.])" + Regex.Escape(operationId) + @"(?![\w])", RegexOptions.CultureInvariant));

    private static bool ContainsWhole(string message, string value, bool allowChildren)
    {
        for (int at = message.IndexOf(value, StringComparison.Ordinal); at >= 0; at = message.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            int end = at + value.Length;
            if (end == message.Length)
            {
                return true;
            }

            char next = message[end];
            if ((allowChildren && next == '/') || char.IsWhiteSpace(next) || next is ')' or ',' or ';' or '"' or '\'' or ':'
                || (next == '.' && (end + 1 == message.Length || char.IsWhiteSpace(message[end + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    private static GeneratorDiagnostic Describe(Diagnostic diagnostic, string specPath)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        bool located = diagnostic.Location.Kind == LocationKind.ExternalFile
            && string.Equals(span.Path, specPath, StringComparison.Ordinal)
            && span.IsValid;
        return new GeneratorDiagnostic(
            diagnostic.Id,
            diagnostic.Severity.ToString(),
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            located,
            located ? span.StartLinePosition.Line + 1 : 0);
    }

    private static CompileError DescribeError(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return new CompileError(
            diagnostic.Id,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            Path.GetFileName(span.Path),
            span.StartLinePosition.Line + 1);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>The spec file as the compiler hands an additional file over.</summary>
    private sealed class SpecFile(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>Marks the one file as an <c>EvsContract</c> item; no other property is set, so defaults apply.</summary>
    private sealed class ContractOptions(string specPath) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options s_none = new(ImmutableDictionary<string, string>.Empty);
        private static readonly Options s_contract = new(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.EvsContract", "true"));

        public override AnalyzerConfigOptions GlobalOptions => s_none;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_none;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            string.Equals(textFile.Path, specPath, StringComparison.Ordinal) ? s_contract : s_none;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }
}
