using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EvsContracts.Benchmarks;

/// <summary>
/// Gives each benchmark of a class <paramref name="minutes"/> in process instead of the in-process toolchain's five,
/// for compilations of seconds each. A job mutator: it changes every job the command line makes, and adds none.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class InProcessTimeLimitAttribute(int minutes)
    : JobMutatorConfigBaseAttribute(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(minutes), logOutput: true)))
{
    public int Minutes { get; } = minutes;
}
