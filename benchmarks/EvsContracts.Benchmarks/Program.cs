using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using EvsContracts.Benchmarks.Client;
using EvsContracts.Benchmarks.Compiler;
using EvsContracts.Benchmarks.Json;
using EvsContracts.Benchmarks.Pairing;
using EvsContracts.Snapshots;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Benchmarks;

internal static class Program
{
    /// <summary>
    /// BenchmarkDotNet's command line (<c>--filter '*'</c>, <c>--job dry</c>, ...), plus four commands of this suite:
    /// <c>--serve-seed</c> (the client benchmarks' server), <c>write-spec FILE</c> (the 300-operation spec) and
    /// <c>write-models SPEC DIR</c> (what the generator makes of a spec, as plain files), and <c>body-sizes</c>.
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
            case ["body-sizes"]:
                Console.WriteLine(BodySizes());
                return 0;
        }

        IConfig config = DefaultConfig.Instance
            .AddExporter(JsonExporter.Full)
            .AddDiagnoser(PairedRatioDiagnoser.Default)
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

    /// <summary>The CJK request body's size as the generated code writes it and with System.Text.Json's default escaper.</summary>
    private static string BodySizes()
    {
        CreateSnapshotRequestBody body = PeerModels.Generated(Sample.For(Payload.Cjk));
        var generated = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(generated, EvsJson.WriterOptions))
        {
            body.WriteJson(writer);
        }

        var escaped = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(escaped))
        {
            HandWritten.Write(writer, body);
        }

        return $"{{\"generated\": {generated.WrittenCount}, \"defaultEscaper\": {escaped.WrittenCount}}}";
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
