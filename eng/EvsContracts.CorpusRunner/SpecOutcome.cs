namespace EvsContracts.CorpusRunner;

/// <summary>
/// A diagnostic the generator reported on a spec; <c>Located</c> when it points into the spec file with a line and
/// column, <c>Line</c> 1-based (0 when not located).
/// </summary>
public sealed record GeneratorDiagnostic(string Id, string Severity, string Message, bool Located, int Line)
{
    public const string UnsupportedId = "EVS102";

    public string Construct => Constructs.Of(Message);

    /// <summary>A problem of the spec (EVS1xx), which says what it leaves out, as opposed to a generator defect (EVS900).</summary>
    public bool IsSpecProblem => Id.StartsWith("EVS1", StringComparison.Ordinal);
}

/// <summary>A compiler error in the generated code.</summary>
public sealed record CompileError(string Id, string Message, string File, int Line);

/// <summary>
/// An operation of the spec that the generated client does not offer, and the located spec diagnostic that names it,
/// if any: an EVS102 warning, or the error (a contradiction, a broken member) that left it out.
/// </summary>
public sealed record LeftOutOperation(string Operation, string? NamedById, string? NamedBy, string? Construct);

/// <summary>
/// What happened to one spec. <c>Spec</c> is its path relative to the corpus's <c>api</c> folder; <c>Failure</c> an
/// exception that escaped the generator, CS8785, a timeout, or what stopped the runner; <c>SpecOperations</c> counts
/// every method under <c>paths</c>, <c>GeneratedOperations</c> those the generated client offers, and
/// <c>ForeignOperations</c> what the client documents that the spec does not declare (a reading error of the runner).
/// </summary>
public sealed record SpecOutcome(
    string Spec,
    long Bytes,
    string? Failure,
    IReadOnlyList<GeneratorDiagnostic> Diagnostics,
    int CompileErrorCount,
    IReadOnlyList<CompileError> CompileErrors,
    int GeneratedFiles,
    int GeneratedLines,
    int SpecOperations,
    int GeneratedOperations,
    int ForeignOperations,
    IReadOnlyList<LeftOutOperation> LeftOut,
    double GenerateSeconds,
    double CompileSeconds)
{
    /// <summary>The generator reported an error (a build stops on it).</summary>
    public bool GeneratorError => Diagnostics.Any(d => d.Severity == "Error");

    /// <summary>Code was generated, the generator reported no error and the code compiles: a build succeeds.</summary>
    public bool Compiles => Failure is null && GeneratedFiles > 0 && !GeneratorError && CompileErrorCount == 0;

    /// <summary>Every left-out operation is named by a spec diagnostic that points into the spec.</summary>
    public bool LeftOutAllNamed => LeftOut.All(o => o.NamedBy is not null);
}
