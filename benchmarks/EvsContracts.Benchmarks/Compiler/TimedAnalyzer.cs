using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Benchmarks.Compiler;

// Wraps analyzers for a driver in this process, never loaded by a compiler: the packaging rules for shipped
// analyzers do not apply.
#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS1036, RS1041

/// <summary>
/// Runs an analyzer with its callbacks timed: the CPU time of the thread that runs each callback, summed over all of
/// them. The time a callback spends preempted by the compiler's own thread on the same core is not counted; the
/// work it triggers in the compiler (binding for its semantic-model queries) is.
/// <para>Wraps only what EVS001-EVS004 register (a compilation-start action with semantic-model or operation
/// actions) and fails loudly on anything else.</para>
/// </summary>
public sealed class TimedAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private static long s_ticks;

    /// <summary>The callbacks' time so far, in <see cref="Stopwatch"/> ticks, over every timed analyzer.</summary>
    public static long Ticks => Interlocked.Read(ref s_ticks);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => inner.Initialize(new TimedContext(context));

    private static void Timed<T>(Action<T> action, T argument)
    {
        long start = ThreadTime.Now();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref s_ticks, ThreadTime.Now() - start);
        }
    }

    private sealed class TimedContext(AnalysisContext context) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            context.RegisterCompilationStartAction(start => Timed(action, new TimedStartContext(start)));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unwrapped();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unwrapped();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unwrapped();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unwrapped();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unwrapped();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unwrapped();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unwrapped();
    }

    private sealed class TimedStartContext(CompilationStartAnalysisContext context)
        : CompilationStartAnalysisContext(context.Compilation, context.Options, context.CancellationToken)
    {
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            context.RegisterSemanticModelAction(model => Timed(action, model));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            context.RegisterOperationAction(operation => Timed(action, operation), operationKinds);

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unwrapped();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unwrapped();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unwrapped();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unwrapped();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unwrapped();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unwrapped();
    }

    private static NotSupportedException Unwrapped() =>
        new("TimedAnalyzer times compilation-start, semantic-model and operation actions only: time the new kind of action too.");

    /// <summary>The calling thread's CPU time in <see cref="Stopwatch"/> ticks (wall time where Linux's clock is missing).</summary>
    private static class ThreadTime
    {
        private const int ClockThreadCpuTime = 3;

        public static long Now()
        {
            if (OperatingSystem.IsLinux() && clock_gettime(ClockThreadCpuTime, out TimeSpec time) == 0)
            {
                long nanoseconds = (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
                return (long)(nanoseconds * (Stopwatch.Frequency / 1e9));
            }

            return Stopwatch.GetTimestamp();
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int clock_gettime(int clock, out TimeSpec time);
    }
}
