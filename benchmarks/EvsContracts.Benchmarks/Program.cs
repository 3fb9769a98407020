using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using EvsContracts.Benchmarks.Compiler;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Benchmarks;

internal static class Program
{
    /// <summary>
    /// BenchmarkDotNet's command line (<c>--filter '*'</c>, <c>--job dry</c>, ...), plus two commands for
    /// <c>build-time.py</c>: <c>write-spec FILE</c> (the 300-operation spec) and <c>write-models SPEC DIR</c> (what the
    /// generator makes of a spec, as plain files).
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
        }

        IConfig config = DefaultConfig.Instance.AddExporter(JsonExporter.Full);
        Summary[] summaries = [.. BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config)];

        // A benchmark that threw (a peer that wrote or read the wrong thing) fails the run.
        foreach (BenchmarkReport failed in summaries.SelectMany(s => s.Reports).Where(r => !r.Success))
        {
            Console.Error.WriteLine($"FAILED: {failed.BenchmarkCase.DisplayInfo}");
        }

        bool ok = summaries.Length > 0 && summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.All(r => r.Success));
        return ok ? 0 : 1;
    }
}
