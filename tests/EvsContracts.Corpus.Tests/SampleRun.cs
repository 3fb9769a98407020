using EvsContracts.CorpusRunner;

namespace EvsContracts.Corpus.Tests;

/// <summary>
/// The committed sample (<c>corpus-sample.txt</c>: every 17th or 18th spec of the sorted corpus, 150 in all) run
/// once, on first use, for every test of the class that shares it.
/// </summary>
public sealed class SampleRun
{
    /// <summary>How long one spec may take before it counts as a failure; the largest in the sample take seconds.</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    private readonly Lazy<Task<CoverageSummary>> _summary = new(RunAsync);

    public static IReadOnlyList<string> Specs { get; } =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "corpus-sample.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();

    public Task<CoverageSummary> Summary => _summary.Value;

    private static async Task<CoverageSummary> RunAsync()
    {
        IReadOnlyList<SpecOutcome> outcomes = await CorpusLocation.Corpus
            .RunAsync(Specs, jobs: Math.Max(2, Environment.ProcessorCount), s_timeout)
            .ConfigureAwait(false);
        return new CoverageSummary(outcomes);
    }
}
