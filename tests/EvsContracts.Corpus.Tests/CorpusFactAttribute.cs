namespace EvsContracts.Corpus.Tests;

/// <summary>
/// A test over the OpenAPI corpus. Skipped, with the reason, when the corpus has not been fetched; but never in CI
/// (<c>CI=true</c>), where <c>.ci/run</c> fetches it and a missing corpus must fail the run rather than quietly skip.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CorpusFactAttribute : FactAttribute
{
    /// <summary>Marks a test that needs the corpus.</summary>
    public CorpusFactAttribute()
    {
        if (!CorpusLocation.Corpus.Exists && !CorpusLocation.InCi)
        {
            Skip = $"Skipped: no OpenAPI corpus at {CorpusLocation.Corpus.ApiFolder}. Fetch it with 'eng/openapi-corpus.sh fetch' "
                + $"(it prints the folder; set {EvsContracts.CorpusRunner.Corpus.EnvironmentVariable} when it is not the default).";
        }
    }
}

/// <summary>Where the corpus is: <c>EVS_OPENAPI_CORPUS</c>, else the script's default cache folder.</summary>
internal static class CorpusLocation
{
    public static EvsContracts.CorpusRunner.Corpus Corpus { get; } = new(EvsContracts.CorpusRunner.Corpus.DefaultFolder());

    public static bool InCi =>
        Environment.GetEnvironmentVariable("CI") is { } value
        && (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
