namespace EvsContracts.Reliability.Tests.Infrastructure;

/// <summary>
/// Real specs of the OpenAPI corpus (the APIs.guru directory that eng/openapi-corpus.sh fetches into the folder
/// <c>EVS_OPENAPI_CORPUS</c> names) for the fuzzer to start from: real documents hold what hand-written test specs
/// do not, such as long descriptions, odd names, deep inline schemas and every HTTP method.
/// </summary>
internal static class RealSpecs
{
    /// <summary>Small and mid-sized specs of different providers and styles, each of which generates code.</summary>
    public static readonly string[] Names =
    [
        "googleapis.com/iap.json",
        "azure.com/sql-WorkloadGroups.json",
        "amadeus.com/amadeus-flight-availabilities-search.json",
        "nytimes.com/books_api.json",
        "tvmaze.com.json",
        "codat.io/banking.json",
        "amazonaws.com/forecastquery.json",
        "nexmo.com/conversation.v2.json",
    ];

    /// <summary>The corpus's folder of specs, as eng/openapi-corpus.sh lays it out.</summary>
    public static string ApiFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("EVS_OPENAPI_CORPUS")
            ?? Path.Combine(
                Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
                    ? cache
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
                "evs-openapi-corpus"),
        "package",
        "api");

    public static bool Available => Names.All(name => File.Exists(PathOf(name)));

    public static string PathOf(string name) => Path.Combine(ApiFolder, name);

    private static readonly Lazy<byte[][]> s_bytes = new(() => Names.Select(name => File.ReadAllBytes(PathOf(name))).ToArray());

    public static byte[][] Bytes => s_bytes.Value;
}

/// <summary>
/// A test that starts from real corpus specs. Skipped, with the reason, when the corpus has not been fetched; never in
/// CI (<c>CI=true</c>), where <c>.ci/run</c> fetches it, so a missing corpus fails the run instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RealSpecFactAttribute : FactAttribute
{
    public RealSpecFactAttribute()
    {
        bool inCi = Environment.GetEnvironmentVariable("CI") is { } value
            && (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1");
        if (!RealSpecs.Available && !inCi)
        {
            Skip = $"Skipped: the OpenAPI corpus is not at {RealSpecs.ApiFolder}. Fetch it with 'eng/openapi-corpus.sh fetch'.";
        }
    }
}
