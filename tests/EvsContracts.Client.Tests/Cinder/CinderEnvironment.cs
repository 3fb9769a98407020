namespace EvsContracts.Client.Tests.Cinder;

/// <summary>
/// Where the real Cinder is: the variables <c>eng/cinder-peer.sh start</c> writes to its env file and <c>.ci/run</c>
/// exports.
/// </summary>
internal static class CinderEnvironment
{
    private static readonly string[] s_names = ["CINDER_URL", "CINDER_PROJECT", "CINDER_TOKEN", "CINDER_VOLUME_ID"];

    /// <summary>The API root, ending in <c>/v3</c>.</summary>
    public static string? Url => Get("CINDER_URL");

    public static string? Project => Get("CINDER_PROJECT");

    public static string? Token => Get("CINDER_TOKEN");

    /// <summary>An available 1 GiB volume to take snapshots of.</summary>
    public static string? VolumeId => Get("CINDER_VOLUME_ID");

    /// <summary>The variables that are not set.</summary>
    public static IReadOnlyList<string> Missing => s_names.Where(name => Get(name) is null).ToArray();

    /// <summary>Whether this is a CI run, where a missing Cinder is a failure and not a reason to skip.</summary>
    public static bool InCi =>
        Environment.GetEnvironmentVariable("CI") is { } value
        && (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1");

    public static string MissingMessage =>
        $"no Cinder to test against: {string.Join(", ", Missing)} not set. Start one with 'bash eng/cinder-peer.sh start' "
        + "and export the variables of the env file it writes ('.ci/run' does both).";

    private static string? Get(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
