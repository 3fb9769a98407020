using EvsContracts.CorpusRunner;
using Xunit.Abstractions;

namespace EvsContracts.Corpus.Tests;

/// <summary>
/// The hard invariants on real specs: the generator never fails, never leaves an operation out without saying so
/// where, and never hands the compiler code it cannot compile without an error of its own. The shares are printed;
/// the full corpus's figures are in docs/openapi-coverage.md.
/// </summary>
public sealed class CorpusSampleTests(SampleRun sample, ITestOutputHelper output) : IClassFixture<SampleRun>
{
    [CorpusFact]
    public async Task No_spec_makes_the_generator_throw_fail_or_hang()
    {
        CoverageSummary summary = await sample.Summary;
        Report(summary);
        Assert.True(
            summary.Failures.Count == 0,
            "Exceptions, CS8785 or timeouts:\n" + string.Join("\n", summary.Failures.Select(o => $"{o.Spec}: {o.Failure}")));
    }

    [CorpusFact]
    public async Task Code_generated_without_a_generator_error_compiles()
    {
        CoverageSummary summary = await sample.Summary;
        Assert.True(
            summary.SilentCompileErrors.Count == 0,
            "Generated code that does not compile although the generator reported no error:\n"
            + string.Join("\n", summary.SilentCompileErrors.Select(o => $"{o.Spec}: {CoverageReport.FirstError(o)}")));
    }

    [CorpusFact]
    public async Task Every_left_out_operation_is_named_by_a_located_diagnostic()
    {
        CoverageSummary summary = await sample.Summary;
        List<string> silent = summary.Outcomes
            .Where(o => o.Failure is null && !o.LeftOutAllNamed)
            .Select(o => $"{o.Spec}: {string.Join(", ", o.LeftOut.Where(l => l.NamedBy is null).Take(5).Select(l => l.Operation))}")
            .ToList();
        Assert.True(silent.Count == 0, "Operations left out with no located diagnostic naming them:\n" + string.Join("\n", silent));
    }

    [CorpusFact]
    public async Task Every_spec_diagnostic_points_into_the_spec()
    {
        CoverageSummary summary = await sample.Summary;
        List<string> unlocated = summary.Outcomes
            .SelectMany(o => o.Diagnostics.Where(d => d.Id.StartsWith("EVS1", StringComparison.Ordinal) && !d.Located).Select(d => $"{o.Spec}: {d.Id} {d.Message}"))
            .ToList();
        Assert.True(unlocated.Count == 0, "Spec diagnostics without a place in the spec:\n" + string.Join("\n", unlocated.Take(20)));
    }

    [CorpusFact]
    public async Task The_runner_reads_every_generated_operation_from_the_spec()
    {
        // An operation the client documents that the spec does not declare means the runner no longer reads the
        // generated code right, and every share above would be wrong.
        CoverageSummary summary = await sample.Summary;
        Assert.Equal(0, summary.ForeignOperations);
    }

    [CorpusFact]
    public void The_sample_is_the_committed_spread_of_the_corpus()
    {
        IReadOnlyList<string> expected = CorpusLocation.Corpus.Sample(SampleRun.Count, SampleRun.MaxBytes);
        Assert.Equal(expected, SampleRun.Specs);
    }

    private void Report(CoverageSummary summary)
    {
        output.WriteLine(
            $"Sample of {summary.Outcomes.Count} specs: {summary.Compiling} compile ({summary.CompilingShare:0.0} %); "
            + $"{summary.GeneratedOperations} of {summary.Operations} operations generated ({summary.GeneratedShare:0.0} %); "
            + $"{summary.LeftOutNamed} of {summary.LeftOut} left-out operations named by a located diagnostic, {summary.LeftOutNamedByWarning} by an EVS102 warning.");
        foreach ((string construct, int operations, int specs) in summary.LeftOutByConstruct().Take(10))
        {
            output.WriteLine($"  left out by {construct}: {operations} operations in {specs} specs");
        }
    }
}
