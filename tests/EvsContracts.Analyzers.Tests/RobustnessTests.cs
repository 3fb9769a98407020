using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Net80 = Basic.Reference.Assemblies.Net80.References;

namespace EvsContracts.Analyzers.Tests;

/// <summary>
/// The analyzers run on every keystroke of an editor, so they see incomplete code far more often than complete
/// code. Every prefix of a realistic file, cut at each token boundary, must analyze without an exception.
/// </summary>
public sealed class RobustnessTests
{
    internal const string Realistic = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using EvsContracts;

        namespace Realistic;

        public sealed class CreateSnapshotOption
        {
            [UuidFormat] public required string VolumeId { get; set; }
            public bool? Force { get; set; }
            [MaxUtf8Bytes(255)] public IDictionary<string, string>? Metadata { get; set; }
            [MaxUtf8Bytes(255)] public string? Description { get; set; }
            [MaxUtf8Bytes(255), ReservedPrefixes("autobk_snapshot_")] public string? Name { get; set; } = "autobk_snapshot_default";
            [EnumValues("creating", "available"), Pattern("^[a-z]+$")] public string? Status { get; init; }
            [Minimum(1), Maximum(1024)] public int Size { get; set; }
        }

        public sealed record CreateSnapshotRequestBody
        {
            public required CreateSnapshotOption Snapshot { get; init; }
        }

        public interface IEvsClient
        {
            Task<string> CreateSnapshotAsync([Pattern("^[0-9a-f]{32}$")] string projectId, CreateSnapshotRequestBody body, CancellationToken cancellationToken = default);
        }

        public static class Usage
        {
            private const string Prefix = "autobk_snapshot_";

            public static async Task RunAsync(IEvsClient client, string projectId, bool nightly)
            {
                var name = Prefix + "nightly";
                if (!nightly)
                {
                    name = "manual";
                }

                name += "-1";
                var option = new CreateSnapshotOption
                {
                    VolumeId = "{5AA119A8-D25B-45A7-8D1B-88E127885635}",
                    Name = name,
                    Description = $"{Prefix}created by {nameof(Usage)}",
                    Metadata = new Dictionary<string, string> { { "purpose", "backup" }, { "owner", "ops" } },
                    Force = nightly,
                    Size = 2048,
                    Status = "Available",
                };
                option.Metadata["note"] = "x";
                option.Metadata.Add("more", "y");
                option.Description += "!";
                var body = new CreateSnapshotRequestBody { Snapshot = option };
                var copy = body with { Snapshot = new CreateSnapshotOption { VolumeId = "v", Metadata = new Dictionary<string, string> { ["k"] = "v" } } };
                string result = await client.CreateSnapshotAsync("0123456789abcdef0123456789abcdef", copy, CancellationToken.None).ConfigureAwait(false);
                Console.WriteLine(result);

                string other = "vol";
                Touch(ref other);
                var (left, right) = ("autobk_snapshot_l", 1);
                Func<string, string> rename = s => { var t = s; t = "autobk_snapshot_lambda"; return t; };
                Retry(count: 0);
                Retry(11, "b", "abcd");
                Console.WriteLine(left + right + rename(other));

                void Local() => option.Name = "autobk_snapshot_local";
                Local();
            }

            private static void Touch(ref string value) => value += "!";

            private static void Retry([Minimum(1), Maximum(10)] int count, [EnumValues("a", "b")] string mode = "c", [MinCodePoints(1), MaxCodePoints(3)] string tag = "")
            {
            }
        }
        """;

    [Fact]
    public async Task Every_token_prefix_of_a_realistic_file_analyzes_without_an_exception()
    {
        ImmutableArray<DiagnosticAnalyzer> analyzers = ConfigurationTests.AllAnalyzers().ToImmutableArray();
        Assert.Single(analyzers);

        // What makes each run cheap: the attributes come from the runtime library as metadata, and only the few
        // reference assemblies the file needs are referenced, so each prefix only binds itself.
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        CSharpCompilation baseline = CSharpCompilation.Create(
            "Prefixes",
            [],
            [
                Net80.SystemRuntime, Net80.SystemCollections, Net80.SystemConsole, Net80.SystemThreadingTasks,
                MetadataReference.CreateFromFile(typeof(EvsContracts.MaxUtf8BytesAttribute).Assembly.Location),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        Assert.Empty(baseline.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Realistic, parseOptions)).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        SyntaxNode full = CSharpSyntaxTree.ParseText(Realistic, parseOptions).GetRoot();
        int[] cuts = full.DescendantTokens().Select(token => token.FullSpan.End).Distinct().ToArray();
        Assert.True(cuts.Length > 400, $"only {cuts.Length} tokens");

        var failures = new ConcurrentBag<string>();
        var complete = new ConcurrentBag<Diagnostic>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, cuts.Length + 1),
            new ParallelOptions { MaxDegreeOfParallelism = 2 },
            async (i, cancellationToken) =>
            {
                // i == cuts.Length is the whole file; the others end right after a token.
                string text = i == cuts.Length ? Realistic : Realistic[..cuts[i]];
                CSharpCompilation compilation = baseline.AddSyntaxTrees(CSharpSyntaxTree.ParseText(text, parseOptions, "Realistic.cs", cancellationToken: cancellationToken));
                var options = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name} at {text.Length} chars: {exception}"),
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: false);
                ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers, options)
                    .GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                foreach (Diagnostic diagnostic in diagnostics)
                {
                    if (diagnostic.Id == "AD0001")
                    {
                        failures.Add($"AD0001 at {text.Length} chars: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                    }
                    else if (i == cuts.Length)
                    {
                        complete.Add(diagnostic);
                    }
                }
            });

        Assert.Empty(failures);

        // The complete file does have findings, so the runs above analyzed something.
        string[] ids = complete.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("EVS001", ids);
        Assert.Contains("EVS003", ids);
        Assert.Contains("EVS004", ids);
    }
}
