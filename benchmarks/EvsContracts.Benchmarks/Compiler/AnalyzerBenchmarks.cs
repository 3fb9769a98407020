using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using BenchmarkDotNet.Attributes;
using EvsContracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Benchmarks.Compiler;

/// <summary>
/// What EVS001-EVS004 add to a real build: all diagnostics of a fresh copy of a 1,000-file compilation (a tenth of
/// the files build requests with the generated types) with the analyzers the SDK runs in every net10.0 build, with
/// and without ours. The process runs on one core and the compiler and the analyzer driver sequentially: on two
/// cores shared with other work, how much of the driver's thread overlapped the compiler's was a matter of
/// scheduling, and the iterations spread by a third.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Analyzers")]
[InProcessTimeLimit(30)]
public class AnalyzerBenchmarks
{
    public const int Files = 1000;

    private static readonly string[] s_evsIds = ["EVS001", "EVS002", "EVS003", "EVS004"];

    private static readonly CompilationWithAnalyzersOptions s_options = new(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _sdk;
    private ImmutableArray<DiagnosticAnalyzer> _sdkAndEvs;
    private nint _affinity;

    [GlobalSetup]
    public void Setup()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            _affinity = Process.GetCurrentProcess().ProcessorAffinity;
            Process.GetCurrentProcess().ProcessorAffinity = (nint)(1L << (Environment.ProcessorCount - 1));
        }

        var trees = new List<SyntaxTree>(Files);
        for (int i = 0; i < Files; i++)
        {
            trees.Add(CompilerHost.Parse(i % 10 == 0 ? UsesContract(i) : Ordinary(i), $"/consumer/File{i:D4}.cs"));
        }

        // The generated models are part of the compilation, as in a build; the severities are the SDK's defaults.
        CSharpCompilation consumer = CompilerHost.Compilation("Consumer", trees);
        AdditionalText spec = CompilerHost.Spec("/consumer/evs-snapshots.openapi.json", GeneratorBenchmarks.ShippedSpecText());
        _compilation = consumer.AddSyntaxTrees(CompilerHost.Generate(consumer, spec).Select(source => source.SyntaxTree))
            .WithOptions(consumer.Options.WithConcurrentBuild(false).WithSpecificDiagnosticOptions(SdkAnalyzers.DefaultSeverities()));
        _sdk = SdkAnalyzers.Load();
        _sdkAndEvs = _sdk.AddRange(EvsAnalyzers());

        // The compilation compiles, the SDK's analyzers have something to say, and ours report the one misuse in
        // each contract file and nothing else.
        ImmutableArray<Diagnostic> sdk = WithSdkAnalyzers();
        if (sdk.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            throw new InvalidOperationException("The synthetic compilation does not compile: " + error);
        }

        if (!sdk.Any(d => d.Id.StartsWith("CA", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("The SDK's analyzers reported nothing: they did not run.");
        }

        int reported = WithSdkAndEvsAnalyzers().Count(d => d.Id.StartsWith("EVS", StringComparison.Ordinal));
        if (reported != Files / 10)
        {
            throw new InvalidOperationException($"The analyzers reported {reported} diagnostics, not {Files / 10}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_affinity != 0 && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            Process.GetCurrentProcess().ProcessorAffinity = _affinity;
        }
    }

    [Benchmark(Baseline = true, Description = "SDK analyzers")]
    public ImmutableArray<Diagnostic> WithSdkAnalyzers() => Diagnose(_sdk);

    [Benchmark(Description = "SDK analyzers + EVS001-EVS004")]
    public ImmutableArray<Diagnostic> WithSdkAndEvsAnalyzers() => Diagnose(_sdkAndEvs);

    /// <summary>
    /// EVS001-EVS004 as the package ships them: every analyzer of the generator's assembly, found as the compiler
    /// finds them, whatever they are called.
    /// </summary>
    private static DiagnosticAnalyzer[] EvsAnalyzers()
    {
        DiagnosticAnalyzer[] analyzers = [.. typeof(EvsContractGenerator).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.IsSubclassOf(typeof(DiagnosticAnalyzer)) && type.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)];
        string[] ids = [.. analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(descriptor => descriptor.Id)];
        if (!s_evsIds.All(ids.Contains))
        {
            throw new InvalidOperationException("The generator's assembly has no analyzer for each of EVS001-EVS004: " + string.Join(", ", ids));
        }

        return analyzers;
    }

    /// <summary>
    /// For <c>analyzer-times</c>: the driver's own account of each analyzer's time (its callbacks, not the driver's
    /// work around them) over <paramref name="rounds"/> analyses with the SDK's analyzers and ours, with the whole
    /// analysis's time. Machine load that drifts between BenchmarkDotNet's two cases does not enter this share.
    /// </summary>
    internal void WriteAnalyzerTimes(int rounds)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var evs = new HashSet<DiagnosticAnalyzer>(EvsAnalyzersOf(_sdkAndEvs));
        for (int round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            CompilationWithAnalyzers analysis = _compilation.Clone().WithAnalyzers(_sdkAndEvs, options);
            analysis.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            TimeSpan whole = clock.Elapsed;
            var times = analysis.GetAnalysisResultAsync(default).GetAwaiter().GetResult().AnalyzerTelemetryInfo;
            double all = times.Values.Sum(t => t.ExecutionTime.TotalMilliseconds);
            double ours = times.Where(t => evs.Contains(t.Key)).Sum(t => t.Value.ExecutionTime.TotalMilliseconds);
            Console.WriteLine(FormattableString.Invariant(
                $"round {round}: whole {whole.TotalMilliseconds:F0} ms, all analyzers {all:F0} ms, EVS001-EVS004 {ours:F1} ms ({100 * ours / whole.TotalMilliseconds:F2} % of the whole)"));
        }
    }

    private static IEnumerable<DiagnosticAnalyzer> EvsAnalyzersOf(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        analyzers.Where(analyzer => analyzer.GetType().Assembly == typeof(EvsContractGenerator).Assembly);

    private ImmutableArray<Diagnostic> Diagnose(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.Clone().WithAnalyzers(analyzers, s_options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    private static string UsesContract(int i) => $$"""
        using System.Collections.Generic;
        using EvsContracts.Snapshots;

        namespace Consumer.Area{{i / 100}};

        public sealed class SnapshotPlan{{i}}
        {
            private const string Prefix = "plan-{{i}}";

            public CreateSnapshotRequestBody Build(string volumeId, bool force) => new()
            {
                Snapshot = new CreateSnapshotOption
                {
                    VolumeId = volumeId,
                    Name = Prefix + "-nightly",
                    Description = "Nightly snapshot of " + nameof(SnapshotPlan{{i}}),
                    Force = force,
                    Metadata = new Dictionary<string, string> { ["owner"] = "team-{{i % 7}}" },
                },
            };

            public CreateSnapshotOption Fixed() => new() { VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635", Name = "fixed-{{i}}" };

            public void Rename(CreateSnapshotOption option, int day)
            {
                option.Description = day > 3 ? "late" : "early";
                option.Name = "autobk_snapshot_{{i}}";
            }
        }
        """;

    private static string Ordinary(int i) => $$"""
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;

        namespace Consumer.Area{{i / 100}};

        public sealed class Worker{{i}}
        {
            private readonly List<int> _values = new();

            public string Name { get; set; } = "worker-{{i}}";

            public int Total { get; private set; }

            public int Sum(int[] input)
            {
                int total = 0;
                foreach (int value in input)
                {
                    total += value % 2 == 0 ? value : -value;
                }

                Total = total;
                return total;
            }

            public string Describe(int count) => string.Concat(Name, ":", count.ToString(CultureInfo.InvariantCulture));

            public IEnumerable<string> Names(IEnumerable<Worker{{i}}> others) =>
                others.Where(other => other.Name.Length > 3).Select(other => other.Describe(other._values.Count));

            public void Fill(int count)
            {
                for (int k = 0; k < count; k++)
                {
                    _values.Add(k * {{i}});
                }

                Name = Describe(count);
                Total = Sum(_values.ToArray());
            }
        }
        """;
}
