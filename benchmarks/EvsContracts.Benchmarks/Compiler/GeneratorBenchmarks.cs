using System.IO;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsContracts.Benchmarks.Compiler;

/// <summary>Which spec the generator reads.</summary>
public enum GeneratorSpec
{
    /// <summary>spec/evs-snapshots.openapi.json: 3 operations, 8 schemas.</summary>
    Shipped,

    /// <summary><see cref="SyntheticSpec"/>: 300 operations, 600 schemas.</summary>
    Synthetic300,
}

/// <summary>
/// The generator under <c>CSharpGeneratorDriver</c>, as the compiler and the IDE run it: a cold run (a new driver),
/// and warm runs of a driver that has run before, after an edit to unrelated C# and after an edit to the spec.
/// Each warm run sees a new edit: two versions alternate.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Generator")]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private AdditionalText _spec = null!;
    private AdditionalText _editedSpec = null!;
    private GeneratorDriver _codeDriver = null!;
    private GeneratorDriver _specDriver = null!;
    private GeneratorDriver _emptyDriver = null!;
    private GeneratorDriver _replayDriver = null!;
    private bool _codeFlip;
    private bool _specFlip;

    [Params(GeneratorSpec.Shipped, GeneratorSpec.Synthetic300)]
    public GeneratorSpec Spec { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string text = Spec == GeneratorSpec.Shipped ? ShippedSpecText() : SyntheticSpec.Create();

        // An edit that changes the model: one description more, so every file is emitted again.
        string edited = Spec == GeneratorSpec.Shipped
            ? text.Replace("\"title\": \"Huawei Cloud EVS snapshots\"", "\"title\": \"Huawei Cloud EVS snapshots (edited)\"", System.StringComparison.Ordinal)
            : SyntheticSpec.Create(descriptionSuffix: " (edited)");
        if (edited == text)
        {
            throw new System.InvalidOperationException("The spec edit changed nothing.");
        }

        _spec = CompilerHost.Spec("/consumer/contracts/api.openapi.json", text);
        _editedSpec = CompilerHost.Spec("/consumer/contracts/api.openapi.json", edited);

        SyntaxTree program = CompilerHost.Parse("namespace Consumer; public static class Program { public static int Main() => 0; }", "/consumer/Program.cs");
        SyntaxTree unrelated = CompilerHost.Parse(Unrelated(1), "/consumer/Unrelated.cs");
        _compilation = CompilerHost.Compilation("Consumer", [program, unrelated]);
        _edited = _compilation.ReplaceSyntaxTree(unrelated, CompilerHost.Parse(Unrelated(2), "/consumer/Unrelated.cs"));

        // Both warm drivers have seen the project once, as an IDE's has after opening it.
        _codeDriver = CompilerHost.Driver(_spec).RunGenerators(_compilation);
        _specDriver = CompilerHost.Driver(_spec).RunGenerators(_compilation);
        _emptyDriver = CompilerHost.Driver(_spec, new EmptyGenerator()).RunGenerators(_compilation);
        if (_codeDriver.GetRunResult().GeneratedTrees.Length == 0 || !_codeDriver.GetRunResult().Diagnostics.IsEmpty)
        {
            throw new System.InvalidOperationException("The generator produced nothing, or reported a problem.");
        }

        // The same files as ours, written by a generator that does nothing else.
        var ours = _codeDriver.GetRunResult().Results[0].GeneratedSources;
        _replayDriver = CompilerHost.Driver(_spec, new ReplayGenerator(ours)).RunGenerators(_compilation);
        if (_replayDriver.GetRunResult().GeneratedTrees.Length != ours.Length)
        {
            throw new System.InvalidOperationException("The replaying generator wrote other files than ours.");
        }
    }

    [Benchmark(Baseline = true, Description = "Cold run")]
    public GeneratorDriver Cold() => CompilerHost.Driver(_spec).RunGenerators(_compilation);

    [Benchmark(Description = "Warm run, unrelated C# edit")]
    public GeneratorDriver WarmAfterCodeEdit()
    {
        _codeFlip = !_codeFlip;
        _codeDriver = _codeDriver.RunGenerators(_codeFlip ? _edited : _compilation);
        return _codeDriver;
    }

    [Benchmark(Description = "Warm run of an empty generator, unrelated C# edit")]
    public GeneratorDriver EmptyWarmAfterCodeEdit()
    {
        _codeFlip = !_codeFlip;
        _emptyDriver = _emptyDriver.RunGenerators(_codeFlip ? _edited : _compilation);
        return _emptyDriver;
    }

    [Benchmark(Description = "Warm run of a generator writing the same files, unrelated C# edit")]
    public GeneratorDriver ReplayWarmAfterCodeEdit()
    {
        _codeFlip = !_codeFlip;
        _replayDriver = _replayDriver.RunGenerators(_codeFlip ? _edited : _compilation);
        return _replayDriver;
    }

    [Benchmark(Description = "Warm run, spec edit")]
    public GeneratorDriver WarmAfterSpecEdit()
    {
        _specFlip = !_specFlip;
        _specDriver = _specFlip
            ? _specDriver.ReplaceAdditionalText(_spec, _editedSpec).RunGenerators(_compilation)
            : _specDriver.ReplaceAdditionalText(_editedSpec, _spec).RunGenerators(_compilation);
        return _specDriver;
    }

    internal static string ShippedSpecText()
    {
        // Copied next to the benchmarks at build time, so a BenchmarkDotNet child process finds it too.
        string path = Path.Combine(System.AppContext.BaseDirectory, "evs-snapshots.openapi.json");
        if (!File.Exists(path))
        {
            path = Path.Combine(Path.GetDirectoryName(typeof(GeneratorBenchmarks).Assembly.Location)!, "evs-snapshots.openapi.json");
        }

        return File.ReadAllText(path);
    }

    private static string Unrelated(int version) =>
        $"namespace Consumer; internal static class Unrelated {{ internal static int Answer() => {version}; }}";
}
