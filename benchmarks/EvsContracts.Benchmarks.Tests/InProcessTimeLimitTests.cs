using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Validators;
using EvsContracts.Benchmarks.Compiler;
using EvsContracts.Benchmarks.Pairing;

namespace EvsContracts.Benchmarks.Tests;

public class InProcessTimeLimitTests
{
    [Fact]
    public void The_analyzer_benchmarks_run_in_process_with_a_30_minute_limit_and_no_job_of_their_own()
    {
        BenchmarkRunInfo run = BenchmarkConverter.TypeToBenchmarks(typeof(AnalyzerBenchmarks), InProcessDry());

        Assert.Single(run.BenchmarksCases.Select(c => c.Job.Id).Distinct());
        Assert.All(run.BenchmarksCases, c => Assert.Equal(TimeSpan.FromMinutes(30), Executor(c.Job).ExecutionTimeout));
    }

    [Fact]
    public void Other_benchmarks_keep_the_toolchain_the_command_line_gives()
    {
        BenchmarkRunInfo run = BenchmarkConverter.TypeToBenchmarks(typeof(GeneratorBenchmarks), InProcessDry());

        Assert.All(run.BenchmarksCases, c => Assert.Same(InProcessEmitToolchain.Instance, c.Job.Infrastructure.Toolchain));
    }

    [Fact]
    public void Paired_benchmarks_are_refused_outside_the_process_and_others_are_not()
    {
        ManualConfig outOfProcess = ManualConfig.CreateEmpty().AddJob(Job.Dry);
        BenchmarkRunInfo run = BenchmarkConverter.TypeToBenchmarks(typeof(TwoCases), outOfProcess);

        ValidationError error = Assert.Single(PairedRatioDiagnoser.Default.Validate(new ValidationParameters(run.BenchmarksCases, run.Config)));
        Assert.True(error.IsCritical);
        Assert.Equal(nameof(TwoCases.Paired), error.BenchmarkCase!.Descriptor.WorkloadMethod.Name);

        BenchmarkRunInfo inProcess = BenchmarkConverter.TypeToBenchmarks(typeof(TwoCases), InProcessDry());
        Assert.Empty(PairedRatioDiagnoser.Default.Validate(new ValidationParameters(inProcess.BenchmarksCases, inProcess.Config)));
    }

    private static ManualConfig InProcessDry() => ManualConfig.CreateEmpty().AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance));

    private static InProcessEmitExecutor Executor(Job job) =>
        Assert.IsType<InProcessEmitExecutor>(Assert.IsAssignableFrom<IToolchain>(job.Infrastructure.Toolchain).Executor);

    public class TwoCases
    {
        [Benchmark]
        public void Plain()
        {
        }

        [Benchmark]
        [Paired]
        public void Paired() => PairedTimer.Run(() => 0, () => 1, collect: false);
    }
}
