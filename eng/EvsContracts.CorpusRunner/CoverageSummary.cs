namespace EvsContracts.CorpusRunner;

/// <summary>The figures of a corpus run, computed once for the report and the tests.</summary>
public sealed class CoverageSummary
{
    public CoverageSummary(IReadOnlyList<SpecOutcome> outcomes)
    {
        Outcomes = outcomes;
        Compiling = outcomes.Count(o => o.Compiles);
        Failures = outcomes.Where(o => o.Failure is not null).ToList();
        Operations = outcomes.Sum(o => o.SpecOperations);
        GeneratedOperations = outcomes.Sum(o => o.GeneratedOperations);
        LeftOut = outcomes.Sum(o => o.LeftOut.Count);
        LeftOutNamed = outcomes.Sum(o => o.LeftOut.Count(l => l.NamedBy is not null));
        LeftOutNamedByWarning = outcomes.Sum(o => o.LeftOut.Count(l => l.NamedById == GeneratorDiagnostic.UnsupportedId));
        SilentCompileErrors = outcomes.Where(o => o.Failure is null && !o.GeneratorError && o.CompileErrorCount > 0).ToList();
        ForeignOperations = outcomes.Sum(o => o.ForeignOperations);
    }

    public IReadOnlyList<SpecOutcome> Outcomes { get; }

    public int Compiling { get; }

    /// <summary>Exceptions, CS8785 and timeouts.</summary>
    public IReadOnlyList<SpecOutcome> Failures { get; }

    public int Operations { get; }

    public int GeneratedOperations { get; }

    public int LeftOut { get; }

    /// <summary>Left-out operations named by a located spec diagnostic, a warning or an error.</summary>
    public int LeftOutNamed { get; }

    /// <summary>Left-out operations named by a located EVS102 warning; the others named are named by an error.</summary>
    public int LeftOutNamedByWarning { get; }

    /// <summary>Generated code that does not compile although the generator reported no error: a build that fails in generated code.</summary>
    public IReadOnlyList<SpecOutcome> SilentCompileErrors { get; }

    public int ForeignOperations { get; }

    public double CompilingShare => Share(Compiling, Outcomes.Count);

    public double GeneratedShare => Share(GeneratedOperations, Operations);

    /// <summary>
    /// The construct of the diagnostic that names each left-out operation, after its id when it is an error ("not
    /// named" when none names it): operations and specs.
    /// </summary>
    public IReadOnlyList<(string Construct, int Operations, int Specs)> LeftOutByConstruct() =>
        Outcomes
            .SelectMany(o => o.LeftOut.Select(l => (o.Spec, Construct: Label(l))))
            .GroupBy(x => x.Construct, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Select(x => x.Spec).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>The generator's diagnostics by id, construct and severity: how many specs and how many times.</summary>
    public IReadOnlyList<(string Id, string Severity, string Construct, int Specs, int Count)> DiagnosticsByConstruct() =>
        Outcomes
            .SelectMany(o => o.Diagnostics.Select(d => (o.Spec, d.Id, d.Severity, d.Construct)))
            .GroupBy(x => (x.Id, x.Severity, x.Construct))
            .Select(g => (g.Key.Id, g.Key.Severity, g.Key.Construct, g.Select(x => x.Spec).Distinct(StringComparer.Ordinal).Count(), g.Count()))
            .OrderByDescending(x => x.Item4).ThenBy(x => x.Id, StringComparer.Ordinal).ThenBy(x => x.Construct, StringComparer.Ordinal)
            .ToList();

    /// <summary>Compiler errors in generated code by id: specs and total count (the count is capped at what each spec kept).</summary>
    public IReadOnlyList<(string Id, int Specs, string Example)> CompileErrorsById() =>
        Outcomes
            .SelectMany(o => o.CompileErrors.Select(e => (o.Spec, e)))
            .GroupBy(x => x.e.Id, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(x => x.Spec).Distinct(StringComparer.Ordinal).Count(), g.First().e.Message))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal)
            .ToList();

    public static double Share(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;

    private static string Label(LeftOutOperation operation) => operation switch
    {
        { NamedBy: null } => "(not named by a located diagnostic)",
        { NamedById: GeneratorDiagnostic.UnsupportedId } => operation.Construct ?? "?",
        _ => $"{operation.NamedById} (error): {operation.Construct}",
    };
}
