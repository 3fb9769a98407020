using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using BenchmarkDotNet.Attributes;
using EvsContracts.Benchmarks.Pairing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Benchmarks.Compiler;

/// <summary>
/// What the four analyzers (EVS001-EVS004) add to a compilation of 1,000 files, a tenth of which build requests
/// with the generated types: all diagnostics of a fresh copy of the compilation, with and without them, on one core.
/// <list type="bullet">
/// <item>The bar: through the analyzer driver with an analyzer that registers nothing, and with EVS001-EVS004
/// alone. The driver's cost of a per-file semantic-model hook falls on them alone here: the strictest view. Two
/// analyzers that do nothing are reference points: one with operation actions (what the EVS analyzers cost when
/// they used them) and one with the semantic-model action they use now.</item>
/// <item>A reference point: with the analyzers the SDK passes to every net10.0 build (the .NET analyzers and the
/// targeting pack's, at the default analysis level), with and without EVS001-EVS004.</item>
/// </list>
/// Each case runs on its own, in a block of iterations (times, allocations), and the comparisons the figures rest on
/// also run paired (<see cref="PairedTimer"/>): a compilation's time drifts by a tenth over minutes on a shared
/// machine, more than the few percent measured.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Analyzers")]
[InProcessTimeLimit(30)]
public class AnalyzerBenchmarks
{
    public const int Files = 1000;

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private ImmutableArray<DiagnosticAnalyzer> _emptyAnalyzer;
    private ImmutableArray<DiagnosticAnalyzer> _emptySemanticModelAnalyzer;
    private ImmutableArray<DiagnosticAnalyzer> _nothingAnalyzer;
    private ImmutableArray<DiagnosticAnalyzer> _sdkAnalyzers;
    private ImmutableArray<DiagnosticAnalyzer> _sdkAndEvsAnalyzers;
    private CSharpCompilation _sdkCompilation = null!;
    private CompilationWithAnalyzersOptions _options = null!;
    private Func<ImmutableArray<Diagnostic>> _nothing = null!;
    private Func<ImmutableArray<Diagnostic>> _evs = null!;
    private Func<ImmutableArray<Diagnostic>> _emptySemanticModel = null!;
    private Func<ImmutableArray<Diagnostic>> _sdk = null!;
    private Func<ImmutableArray<Diagnostic>> _sdkAndEvs = null!;
    private Func<ImmutableArray<Diagnostic>> _timedEvs = null!;
    private Func<long> _timedEvsTicks = null!;
    private nint? _affinity;

    [GlobalSetup]
    public void Setup()
    {
        // One core for the whole process. The analyzer driver consumes the compiler's events on a thread of its own;
        // on two cores shared with other machines' work, how much of its work overlaps the compiler's depends on the
        // scheduling, and the iterations of one case spread by a third. On one core an operation takes the work of
        // both threads, which is what the analyzers add at most: a build with cores to spare hides some of it.
        _affinity = CoreAffinity.Pin(Process.GetCurrentProcess(), (nint)(1L << (Environment.ProcessorCount - 1)));

        var trees = new List<SyntaxTree>(Files + 16);
        for (int i = 0; i < Files; i++)
        {
            trees.Add(CompilerHost.Parse(i % 10 == 0 ? UsesContract(i) : Ordinary(i), $"/consumer/File{i:D4}.cs"));
        }

        // The generated types are part of the compilation, as in a build.
        CSharpCompilation withoutModels = CompilerHost.Compilation("Consumer", trees);
        AdditionalText spec = CompilerHost.Spec("/consumer/evs-snapshots.openapi.json", GeneratorBenchmarks.ShippedSpecText());
        // One thread, for the compiler and the analyzer driver alike: on two shared cores a concurrent compilation's
        // time depends on the scheduling more than on the analyzers (iterations spread by a third), a sequential one
        // measures the work.
        _compilation = withoutModels.AddSyntaxTrees(CompilerHost.Generate(withoutModels, spec).Select(source => source.SyntaxTree))
            .WithOptions(withoutModels.Options.WithConcurrentBuild(false));
        // Every analyzer the analyzer assembly ships, found as a host finds them.
        _analyzers = [.. typeof(EvsContracts.Generator.EvsContractGenerator).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)];
        _emptyAnalyzer = [new EmptyOperationAnalyzer()];
        _emptySemanticModelAnalyzer = [new EmptySemanticModelAnalyzer()];
        _nothingAnalyzer = [new NothingAnalyzer()];
        _sdkAnalyzers = SdkAnalyzers.Load();
        _sdkAndEvsAnalyzers = _sdkAnalyzers.AddRange(_analyzers);
        _sdkCompilation = _compilation.WithOptions(_compilation.Options.WithSpecificDiagnosticOptions(SdkAnalyzers.DefaultSeverities()));
        _options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        _nothing = CompileWithNothingAnalyzer;
        _evs = CompileWithAnalyzers;
        _emptySemanticModel = CompileWithEmptySemanticModelAnalyzer;
        _sdk = CompileWithSdkAnalyzers;
        _sdkAndEvs = CompileWithSdkAndEvsAnalyzers;
        ImmutableArray<DiagnosticAnalyzer> timed = [.. _analyzers.Select(analyzer => new TimedAnalyzer(analyzer))];
        _timedEvs = () => Diagnose(_compilation, timed);
        _timedEvsTicks = () => TimedAnalyzer.Ticks;

        Diagnostic[] errors = [.. Compile().Where(d => d.Severity == DiagnosticSeverity.Error)];
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("The synthetic compilation does not compile: " + errors[0]);
        }

        // One misuse per contract file, and nothing else: the analyzers looked at every file, in both settings.
        CountEvs(CompileWithAnalyzers());
        CountEvs(CompileWithSdkAndEvsAnalyzers());
        CountEvs(_timedEvs());

        // The SDK's analyzers ran: the synthetic code gives the .NET analyzers something to say.
        if (!CompileWithSdkAnalyzers().Any(d => d.Id.StartsWith("CA", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("The SDK's analyzers reported nothing: they did not run.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => CoreAffinity.Restore(_affinity);

    [Benchmark(Baseline = true, Description = "Compilation, no analyzers")]
    public ImmutableArray<Diagnostic> Compile() => _compilation.Clone().GetDiagnostics();

    [Benchmark(Description = "Compilation through the analyzer driver, an analyzer that registers nothing")]
    public ImmutableArray<Diagnostic> CompileWithNothingAnalyzer() =>
        Diagnose(_compilation, _nothingAnalyzer);

    [Benchmark(Description = "Compilation + EVS analyzers")]
    public ImmutableArray<Diagnostic> CompileWithAnalyzers() =>
        Diagnose(_compilation, _analyzers);

    [Benchmark(Description = "Compilation + an empty operation analyzer")]
    public ImmutableArray<Diagnostic> CompileWithEmptyAnalyzer() =>
        Diagnose(_compilation, _emptyAnalyzer);

    [Benchmark(Description = "Compilation + an empty semantic-model analyzer")]
    public ImmutableArray<Diagnostic> CompileWithEmptySemanticModelAnalyzer() =>
        Diagnose(_compilation, _emptySemanticModelAnalyzer);

    [Benchmark(Description = "Compilation + the SDK's default analyzers")]
    public ImmutableArray<Diagnostic> CompileWithSdkAnalyzers() =>
        Diagnose(_sdkCompilation, _sdkAnalyzers);

    [Benchmark(Description = "Compilation + the SDK's default analyzers + EVS analyzers")]
    public ImmutableArray<Diagnostic> CompileWithSdkAndEvsAnalyzers() =>
        Diagnose(_sdkCompilation, _sdkAndEvsAnalyzers);

    [Benchmark(Description = "Paired: A = the driver with an analyzer that registers nothing, B = EVS analyzers")]
    [Paired]
    public void PairedEvsAnalyzers() => PairedTimer.Run(_nothing, _evs, collect: true);

    [Benchmark(Description = "Paired: A = the driver with an analyzer that registers nothing, B = an empty semantic-model analyzer")]
    [Paired]
    public void PairedEmptySemanticModelAnalyzer() => PairedTimer.Run(_nothing, _emptySemanticModel, collect: true);

    [Benchmark(Description = "Paired: A = the compilation + EVS analyzers, B = the CPU time of their callbacks within it")]
    [Paired]
    public void PairedEvsOwnTime() => PairedTimer.RunWithin(_timedEvs, _timedEvsTicks, collect: true);

    [Benchmark(Description = "Paired: A = the SDK's default analyzers, B = the same + EVS analyzers")]
    [Paired]
    public void PairedSdkAndEvsAnalyzers() => PairedTimer.Run(_sdk, _sdkAndEvs, collect: true);

    /// <summary>All diagnostics of a fresh copy of <paramref name="compilation"/>, with <paramref name="analyzers"/>.</summary>
    private ImmutableArray<Diagnostic> Diagnose(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        compilation.Clone().WithAnalyzers(analyzers, _options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    private static void CountEvs(ImmutableArray<Diagnostic> diagnostics)
    {
        int reported = diagnostics.Count(d => d.Id.StartsWith("EVS", StringComparison.Ordinal));
        if (reported != Files / 10)
        {
            throw new InvalidOperationException($"The analyzers reported {reported} diagnostics, not {Files / 10}.");
        }
    }

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
