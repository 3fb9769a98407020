using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using EvsContracts.Benchmarks.Client;
using EvsContracts.Benchmarks.Compiler;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Benchmarks;

internal static class Program
{
    /// <summary>
    /// BenchmarkDotNet's command line (<c>--filter '*'</c>, <c>--job dry</c>, ...), plus three commands of this suite:
    /// <c>--serve-seed</c> (the client benchmarks' server), <c>write-spec FILE</c> (the 300-operation spec) and
    /// <c>write-models SPEC DIR</c> (what the generator makes of a spec, as plain files).
    /// </summary>
    private static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case [SeedServer.Command]:
                return await SeedServer.RunAsync().ConfigureAwait(false);
            case ["write-spec", string path]:
                await File.WriteAllTextAsync(path, SyntheticSpec.Create()).ConfigureAwait(false);
                return 0;
            case ["write-models", string spec, string directory]:
                return WriteModels(spec, directory);
        }

        IConfig config = DefaultConfig.Instance
            .AddExporter(JsonExporter.Full)
            .AddExporter(CsvExporter.Default)
            .WithOption(ConfigOptions.JoinSummary, false);
        Summary[] summaries = [.. BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config)];

        // A benchmark that threw (a peer that wrote or read the wrong thing, a server that did not start) fails the run.
        BenchmarkReport[] failed = [.. summaries.SelectMany(s => s.Reports).Where(r => !r.Success)];
        bool invalid = summaries.Any(s => s.HasCriticalValidationErrors);
        foreach (BenchmarkReport report in failed)
        {
            Console.Error.WriteLine($"FAILED: {report.BenchmarkCase.DisplayInfo}");
        }

        return failed.Length == 0 && !invalid && summaries.Length > 0 ? 0 : 1;
    }

    private static int WriteModels(string specPath, string directory)
    {
        AdditionalText spec = CompilerHost.Spec(Path.GetFullPath(specPath), File.ReadAllText(specPath));
        Directory.CreateDirectory(directory);
        foreach (GeneratedSourceResult source in CompilerHost.Generate(CompilerHost.Compilation("Models", []), spec))
        {
            File.WriteAllText(Path.Combine(directory, source.HintName), source.SourceText.ToString());
        }

        return 0;
    }
}
