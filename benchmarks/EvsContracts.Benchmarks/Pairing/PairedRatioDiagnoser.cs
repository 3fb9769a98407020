using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using BenchmarkDotNet.Validators;

namespace EvsContracts.Benchmarks.Pairing;

/// <summary>
/// Keeps the <see cref="PairedTimer"/> pairs of a benchmark's actual iterations and reports them as metrics (columns
/// of the summary, and <c>Metrics</c> of the full JSON export): see <see cref="PairedRatio"/>, plus the number of
/// operations kept. Benchmarks that time no pairs get no metrics.
/// </summary>
public sealed class PairedRatioDiagnoser : IDiagnoser
{
    public static readonly PairedRatioDiagnoser Default = new();

    // The operations of the benchmark run last, taken once when its actual iterations end (none for a benchmark that
    // times no pairs). BenchmarkDotNet runs benchmarks one at a time and asks for their metrics before the next.
    private (double A, double B)[] _kept = [];

    private PairedRatioDiagnoser()
    {
    }

    public IEnumerable<string> Ids => ["PairedRatio"];

    public IEnumerable<IExporter> Exporters => [];

    public IEnumerable<IAnalyser> Analysers => [];

    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

    public bool RequiresBlockingAcknowledgments(BenchmarkCase benchmarkCase) => false;

    public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        // In process, BenchmarkDotNet sends these around the actual iterations of the workload, after its warm-up.
        if (signal == HostSignal.BeforeActualRun)
        {
            PairedTimer.Start();
        }
        else if (signal == HostSignal.AfterActualRun)
        {
            PairedTimer.Stop();
            _kept = PairedTimer.Kept();
            WriteOperations(parameters, _kept);
        }
    }

    /// <summary>The kept operations as they ran, one line each, under the artifacts' <c>pairs</c> folder: the figures' evidence.</summary>
    private static void WriteOperations(DiagnoserActionParameters parameters, (double A, double B)[] operations)
    {
        if (operations.Length == 0)
        {
            return;
        }

        BenchmarkCase benchmark = parameters.BenchmarkCase;
        string directory = Path.Combine(parameters.Config.ArtifactsPath, "pairs");
        Directory.CreateDirectory(directory);
        string parameterPart = benchmark.HasParameters ? "-" + benchmark.Parameters.FolderInfo : string.Empty;
        string path = Path.Combine(directory, $"{benchmark.Descriptor.Type.Name}.{benchmark.Descriptor.WorkloadMethod.Name}{parameterPart}.csv");
        File.WriteAllLines(path, ["a_ns,b_ns,a_first", .. operations.Select((o, i) => string.Create(CultureInfo.InvariantCulture, $"{o.A:F0},{o.B:F0},{i % 2 == 0}"))]);
    }

    public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        (double A, double B)[] operations = _kept;
        if (operations.Length < 2)
        {
            yield break;
        }

        PairedRatio ratio = PairedRatio.Of(operations);
        yield return new Metric(Descriptor.Ratio, ratio.Median);
        yield return new Metric(Descriptor.RatioLow, ratio.Low);
        yield return new Metric(Descriptor.RatioHigh, ratio.High);
        yield return new Metric(Descriptor.MinimumRatio, ratio.MinimumRatio);
        yield return new Metric(Descriptor.FastTenth, ratio.FastTenth);
        if (!double.IsNaN(ratio.FastTenthLow))
        {
            yield return new Metric(Descriptor.FastTenthLow, ratio.FastTenthLow);
            yield return new Metric(Descriptor.FastTenthHigh, ratio.FastTenthHigh);
        }
        yield return new Metric(Descriptor.MedianA, ratio.MedianA);
        yield return new Metric(Descriptor.MedianB, ratio.MedianB);
        yield return new Metric(Descriptor.Operations, operations.Length);
    }

    public void DisplayResults(ILogger logger)
    {
    }

    /// <summary>The halves' order and timing rely on running in the benchmark's own process.</summary>
    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) =>
        validationParameters.Benchmarks
            .Where(b => b.Job.Infrastructure.Toolchain is not (InProcessEmitToolchain or InProcessNoEmitToolchain))
            .Where(b => b.Descriptor.WorkloadMethod.GetCustomAttributes(typeof(PairedAttribute), inherit: false).Length > 0)
            .Select(b => new ValidationError(true, "Paired benchmarks time their halves in process: run them with --inProcess.", b));

    private sealed class Descriptor(string id, string name, string legend, UnitType unit, string format) : IMetricDescriptor
    {
        public static readonly Descriptor Ratio = new("PairedRatio", "B/A", "Median of the ratios B / A over blocks of two paired operations, one in each order", UnitType.Dimensionless, "0.0000");
        public static readonly Descriptor RatioLow = new("PairedRatioLow", "B/A low", "Lower end of the 95 % confidence interval of that median", UnitType.Dimensionless, "0.0000");
        public static readonly Descriptor RatioHigh = new("PairedRatioHigh", "B/A high", "Upper end of the 95 % confidence interval of that median", UnitType.Dimensionless, "0.0000");
        public static readonly Descriptor MinimumRatio = new("PairedMinimumRatio", "B/A min", "B's fastest operation over A's", UnitType.Dimensionless, "0.0000");
        public static readonly Descriptor FastTenth = new("PairedFastTenthRatio", "B/A tenth", "B's time over A's at each half's fastest tenth of operations", UnitType.Dimensionless, "0.0000");
        public static readonly Descriptor FastTenthLow = new("PairedFastTenthRatioLow", "B/A tenth low", "Lower end of the 95 % bootstrap interval of that ratio (resampled blocks)", UnitType.Dimensionless, "0.0000");
        public static readonly Descriptor FastTenthHigh = new("PairedFastTenthRatioHigh", "B/A tenth high", "Upper end of the 95 % bootstrap interval of that ratio (resampled blocks)", UnitType.Dimensionless, "0.0000");
        public static readonly Descriptor MedianA = new("PairedMedianA", "A", "Median time of half A of a paired benchmark", UnitType.Time, "N0");
        public static readonly Descriptor MedianB = new("PairedMedianB", "B", "Median time of half B of a paired benchmark", UnitType.Time, "N0");
        public static readonly Descriptor Operations = new("PairedOperations", "Pairs", "Paired operations timed in the actual iterations", UnitType.Dimensionless, "N0");

        public string Id => id;

        public string DisplayName => name;

        public string Legend => legend;

        public string NumberFormat => format;

        public UnitType UnitType => unit;

        public string Unit => unit == UnitType.Time ? "ns" : string.Empty;

        public bool TheGreaterTheBetter => false;

        public int PriorityInCategory => 0;

        public bool GetIsAvailable(Metric metric) => true;
    }
}
