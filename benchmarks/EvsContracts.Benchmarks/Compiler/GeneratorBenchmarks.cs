using System;
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
/// and a warm run of a driver that has run before, after an edit to unrelated C# (each run sees a new edit: two
/// versions of the file alternate).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Generator")]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private AdditionalText _spec = null!;
    private GeneratorDriver _driver = null!;
    private bool _flip;

    [Params(GeneratorSpec.Shipped, GeneratorSpec.Synthetic300)]
    public GeneratorSpec Spec { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _spec = CompilerHost.Spec("/consumer/contracts/api.openapi.json", Spec == GeneratorSpec.Shipped ? ShippedSpecText() : SyntheticSpec.Create());
        SyntaxTree program = CompilerHost.Parse("namespace Consumer; public static class Program { public static int Main() => 0; }", "/consumer/Program.cs");
        SyntaxTree unrelated = CompilerHost.Parse(Unrelated(1), "/consumer/Unrelated.cs");
        _compilation = CompilerHost.Compilation("Consumer", [program, unrelated]);
        _edited = _compilation.ReplaceSyntaxTree(unrelated, CompilerHost.Parse(Unrelated(2), "/consumer/Unrelated.cs"));

        // The warm driver has seen the project once, as an IDE's has after opening it.
        _driver = Cold();
        if (_driver.GetRunResult().GeneratedTrees.Length == 0 || !_driver.GetRunResult().Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException("The generator produced nothing, or reported a problem.");
        }
    }

    [Benchmark(Baseline = true, Description = "Cold run")]
    public GeneratorDriver Cold() => CompilerHost.Driver(_spec).RunGenerators(_compilation);

    [Benchmark(Description = "Warm run, unrelated C# edit")]
    public GeneratorDriver WarmAfterCodeEdit()
    {
        _flip = !_flip;
        _driver = _driver.RunGenerators(_flip ? _edited : _compilation);
        return _driver;
    }

    /// <summary>The shipped spec, copied next to the suite at build time.</summary>
    internal static string ShippedSpecText() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "evs-snapshots.openapi.json"));

    private static string Unrelated(int version) =>
        $"namespace Consumer; internal static class Unrelated {{ internal static int Answer() => {version}; }}";
}
