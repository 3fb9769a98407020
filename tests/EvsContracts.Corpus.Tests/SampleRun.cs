using EvsContracts.CorpusRunner;

namespace EvsContracts.Corpus.Tests;

/// <summary>
/// The committed sample (<c>corpus-sample.txt</c>: 150 specs spread evenly over the sorted specs of at most 1 MiB)
/// run once, on first use, for every test of the class that shares it.
/// </summary>
public sealed class SampleRun
{
    public const int Count = 150;

    public const long MaxBytes = 1024 * 1024;

    /// <summary>
    /// How long one spec may take before it counts as a hang: a 1 MB spec takes seconds
    /// of seconds on a quiet machine and minutes on a busy one.
    /// </summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);

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
