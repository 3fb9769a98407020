using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Benchmarks.Compiler;

// Reference points handed to a driver in this process, never loaded by a compiler: the packaging rules for
// shipped analyzers do not apply.
#pragma warning disable RS1001, RS1036, RS1041, RS2008

/// <summary>
/// An incremental generator that reads the same inputs as ours (spec files and the MSBuild options) and generates
/// nothing: what a warm driver run costs before any generator does any work.
/// </summary>
public sealed class EmptyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) =>
        context.RegisterSourceOutput(
            context.AdditionalTextsProvider.Combine(context.AnalyzerConfigOptionsProvider),
            static (_, _) => { });
}

/// <summary>
/// What the reference analyzers share: a diagnostic they never report, no look at generated code, concurrent
/// execution, as EVS001-EVS004 are set up. Each registers its hook and does nothing in it.
/// </summary>
public abstract class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        Register(context);
    }

    protected abstract void Register(AnalysisContext context);
}

/// <summary>
/// An analyzer that asks for the operations EVS001-EVS004 used to register and does nothing with them: what running
/// any operation analyzer costs a compilation (Roslyn binds every method body again to build the operation trees).
/// </summary>
public sealed class EmptyOperationAnalyzer : FloorAnalyzer
{
    protected override void Register(AnalysisContext context) =>
        context.RegisterOperationAction(
            static _ => { },
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment,
            OperationKind.Argument,
            OperationKind.PropertyInitializer,
            OperationKind.FieldInitializer,
            OperationKind.ParameterInitializer,
            OperationKind.Invocation);
}

/// <summary>
/// An analyzer with the hook EVS001-EVS004 use now, one semantic-model action per file, that does nothing in it:
/// what the analyzer host costs a compilation before our analyzers look at any syntax.
/// </summary>
public sealed class EmptySemanticModelAnalyzer : FloorAnalyzer
{
    protected override void Register(AnalysisContext context) => context.RegisterSemanticModelAction(static _ => { });
}

/// <summary>
/// An analyzer that registers nothing: the compilation as <c>CompilationWithAnalyzers</c> runs it, with no analyzer
/// work at all. That path is not <c>Compilation.GetDiagnostics()</c> (it binds through the analyzer driver's event
/// queue), so what EVS001-EVS004 add is measured against this, on the same path.
/// </summary>
public sealed class NothingAnalyzer : FloorAnalyzer
{
    protected override void Register(AnalysisContext context)
    {
        // Nothing: the driver alone.
    }
}
