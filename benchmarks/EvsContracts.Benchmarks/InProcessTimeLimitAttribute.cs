using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EvsContracts.Benchmarks;

/// <summary>
/// Runs a class's benchmarks in process with a time limit of <c>minutes</c> per benchmark instead of the in-process
/// toolchain's default, which aborts the run of a benchmark after five minutes: a paired compilation takes seconds, and
/// its interval narrows with the square root of the number of operations.
/// </summary>
/// <remarks>
/// A job mutator: it changes the toolchain of every job the command line or the config makes (the suite always runs
/// in process, see <c>benchmarks/run.sh</c>), and adds no job of its own.
/// </remarks>
[AttributeUsage(AttributeTargets.Class)]
public sealed class InProcessTimeLimitAttribute : JobMutatorConfigBaseAttribute
{
    public InProcessTimeLimitAttribute(int minutes)
        : base(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(minutes), logOutput: true)))
    {
        Minutes = minutes;
    }

    public int Minutes { get; }
}
