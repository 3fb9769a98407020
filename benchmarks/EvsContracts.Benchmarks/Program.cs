using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using EvsContracts.Benchmarks.Compiler;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsContracts.Benchmarks;

internal static class Program
{
    /// <summary>
    /// BenchmarkDotNet's command line (<c>--filter '*'</c>, <c>--job dry</c>, ...), plus two commands for
    /// <c>build-time.py</c>: <c>write-spec FILE</c> (the 300-operation spec) and <c>write-models SPEC DIR</c> (what the
    /// generator makes of a spec, as plain files); and <c>analyzer-times ROUNDS</c>, the analyzer driver's own timing of
    /// EVS001-EVS004 in the analyzer benchmark's compilation.
    /// </summary>
    private static int Main(string[] args)
    {
        switch (args)
        {
            case ["write-spec", string path]:
                File.WriteAllText(path, SyntheticSpec.Create());
                return 0;
            case ["write-models", string spec, string directory]:
                Directory.CreateDirectory(directory);
                AdditionalText text = CompilerHost.Spec(Path.GetFullPath(spec), File.ReadAllText(spec));
                foreach (GeneratedSourceResult source in CompilerHost.Generate(CompilerHost.Compilation("Models", []), text))
                {
                    File.WriteAllText(Path.Combine(directory, source.HintName), source.SourceText.ToString());
                }

                return 0;
            case ["analyzer-times", string rounds]:
                var analyzers = new AnalyzerBenchmarks();
                analyzers.Setup();
                analyzers.WriteAnalyzerTimes(int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture));
                analyzers.Cleanup();
                return 0;
            case ["scale-once", string spec]:
                ScaleOnce(spec);
                return 0;
        }

        IConfig config = DefaultConfig.Instance.AddExporter(JsonExporter.Full);
        // The scale benchmarks need the OpenAPI corpus and take minutes: they run only when a filter names them.
        bool scale = args.Any(a => a.Contains("Scale", StringComparison.OrdinalIgnoreCase));
        Type[] benchmarks = [.. typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute), inherit: false)))
            .Where(t => scale || t != typeof(ScaleBenchmarks))];
        Summary[] summaries = [.. BenchmarkSwitcher.FromTypes(benchmarks).Run(args, config)];

        // A benchmark that threw (a peer that wrote or read the wrong thing) fails the run.
        foreach (BenchmarkReport failed in summaries.SelectMany(s => s.Reports).Where(r => !r.Success))
        {
            Console.Error.WriteLine($"FAILED: {failed.BenchmarkCase.DisplayInfo}");
        }

        bool ok = summaries.Length > 0 && summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.All(r => r.Success));
        return ok ? 0 : 1;
    }

    /// <summary>
    /// For <c>scale.py</c>, which reads this process's peak memory: one cold generator run on a corpus spec and the
    /// compile of its output, with their times, as one JSON line.
    /// </summary>
    private static void ScaleOnce(string spec)
    {
        string path = ScaleSpecs.PathOf(spec);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        CSharpCompilation compilation = CompilerHost.Compilation("Consumer", []);
        GeneratorDriverRunResult result = CompilerHost.Driver(CompilerHost.Spec(path, File.ReadAllText(path))).RunGenerators(compilation).GetRunResult();
        double generate = clock.Elapsed.TotalSeconds;
        clock.Restart();
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.AddSyntaxTrees(result.GeneratedTrees).Emit(stream);
        bool compiled = emitted.Success;
        double compile = clock.Elapsed.TotalSeconds;
        int lines = result.GeneratedTrees.Sum(t => t.GetText().Lines.Count);
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            spec,
            generateSeconds = generate,
            compileSeconds = compile,
            compiled,
            files = result.GeneratedTrees.Length,
            lines,
            warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
            errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
        }));
        foreach (Diagnostic error in emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10))
        {
            Console.Error.WriteLine(error);
        }
    }

}
