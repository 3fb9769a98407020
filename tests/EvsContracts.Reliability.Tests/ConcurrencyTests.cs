using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EvsContracts.Generator;
using EvsContracts.Reliability.Tests.Infrastructure;
using EvsContracts.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace EvsContracts.Reliability.Tests;

/// <summary>Shared state under load: one client used by many tasks, and one generator used by many compilations at once.</summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    public const int Calls = 5_000;
    public const int Workers = 64;
    public const int Compilations = 8;

    [Fact]
    public async Task One_client_shared_by_64_tasks_gives_5000_correct_and_distinct_answers()
    {
        int served = 0;
        await using KestrelServer server = await KestrelServer.StartAsync(async (HttpContext context, SeenRequest request) =>
        {
            // Each answer echoes the request's name and carries an id no other answer has.
            using JsonDocument body = JsonDocument.Parse(request.Body);
            string name = body.RootElement.GetProperty("snapshot").GetProperty("name").GetString()!;
            int n = Interlocked.Increment(ref served);
            string id = new Guid(n, 0, 0, new byte[8]).ToString();
            await HostileServerTests.Answer(context, 202, "application/json", HostileServerTests.Snapshot(id: id, name: name));
        });
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Workers };
        using HttpClient http = server.CreateClient(handler: handler);
        var client = new EvsClient(http, Secrets.Options());

        var answers = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        int next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            for (int i = Interlocked.Increment(ref next); i < Calls; i = Interlocked.Increment(ref next))
            {
                string name = "snap-" + i.ToString(CultureInfo.InvariantCulture);
                CreateSnapshotResponseBody answer = await client.CreateSnapshotAsync("project-" + (i % 7).ToString(CultureInfo.InvariantCulture), HostileServerTests.Request(name));
                Assert.Equal(name, answer.Snapshot.Name);
                Assert.True(answers.TryAdd(answer.Snapshot.Id, name), $"The id {answer.Snapshot.Id} came back twice");
            }
        })));
        output.WriteLine($"{Calls} calls by {Workers} tasks in {watch.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(Calls, answers.Count);
        Assert.Equal(Calls, server.Requests.Count);
        Assert.Equal(Calls, answers.Values.Distinct(StringComparer.Ordinal).Count());

        // Each request went to its own project's path with the token, and carried its own body.
        Assert.All(server.Requests, r =>
        {
            Assert.Equal(Secrets.Token, r.Header("X-Auth-Token"));
            using JsonDocument body = JsonDocument.Parse(r.Body);
            int i = int.Parse(body.RootElement.GetProperty("snapshot").GetProperty("name").GetString()!["snap-".Length..], CultureInfo.InvariantCulture);
            Assert.Equal($"/v2/project-{i % 7}/snapshots", r.Path);
        });
    }

    [Fact]
    public void One_generator_run_on_8_compilations_at_once_gives_identical_output()
    {
        // One generator instance, as a host shares it between the projects it loads.
        IIncrementalGenerator generator = new EvsContractGenerator();
        for (int spec = 0; spec < SpecCorpus.Names.Length; spec++)
        {
            string path = SpecCorpus.PathOf(SpecCorpus.Names[spec]);
            SourceText text = GeneratorHost.Decode(SpecCorpus.Bytes[spec]);
            List<KeyValuePair<string, string>> expected = Run(generator, path, text, 0);
            Assert.NotEmpty(expected);

            // Threads of their own, released together: the thread pool would start them one by one.
            using var start = new Barrier(Compilations);
            var results = new List<KeyValuePair<string, string>>?[Compilations];
            var failures = new ConcurrentQueue<Exception>();
            Thread[] threads = Enumerable.Range(0, Compilations).Select(i => new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    results[i] = Run(generator, path, text, i + 1);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            })).ToArray();
            Array.ForEach(threads, t => t.Start());
            Array.ForEach(threads, t => t.Join());

            Assert.Empty(failures);
            Assert.All(results, result => Assert.Equal(expected, result));
        }
    }

    /// <summary>The generator over one spec in a consumer compilation of its own (different code, different name).</summary>
    private static List<KeyValuePair<string, string>> Run(IIncrementalGenerator generator, string path, SourceText text, int consumer)
    {
        string code = $"namespace Consumer{consumer};\n\n/// <summary>Consumer {consumer}.</summary>\npublic static class Code{consumer}\n{{\n    /// <summary>A value.</summary>\n    public const int Value = {consumer};\n}}\n";
        CSharpCompilation compilation = GeneratorHost.CreateCompilation(code, "Consumer" + consumer.ToString(CultureInfo.InvariantCulture));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            additionalTexts: [new SpecText(path, text)],
            parseOptions: GeneratorHost.ParseOptions,
            optionsProvider: new SpecOptions(path));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return driver.GetRunResult().Results.Single().GeneratedSources
            .Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()))
            .ToList();
    }

    private sealed class SpecText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }

    private sealed class SpecOptions(string path) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile.Path == path ? new Options(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.EvsContract", "true")) : GlobalOptions;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
