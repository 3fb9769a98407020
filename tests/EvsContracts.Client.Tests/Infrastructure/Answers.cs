using System.Text.Json;

namespace EvsContracts.Client.Tests.Infrastructure;

/// <summary>Bodies a Cinder-compatible server answers, shaped like the recorded ones.</summary>
internal static class Answers
{
    public const string Project = "c0ffee00c0ffee00c0ffee00c0ffee00";
    public const string VolumeId = "cf7fc691-5f18-4c42-8525-5761990b4b03";
    public const string SnapshotId = "99674e4b-a67b-4def-8ace-bfae2e242ada";

    /// <summary>The 202 answer to "create", or the 200 answer to "show", for a snapshot with this status.</summary>
    public static string Snapshot(string status = "creating", string id = SnapshotId, string? name = "snap-a") =>
        JsonSerializer.Serialize(new
        {
            snapshot = new Dictionary<string, object?>
            {
                ["id"] = id,
                ["created_at"] = "2026-11-28T08:20:29.938027",
                ["updated_at"] = null,
                ["name"] = name,
                ["description"] = null,
                ["volume_id"] = VolumeId,
                ["status"] = status,
                ["size"] = 1,
                ["metadata"] = new Dictionary<string, string>(),
            },
        });

    /// <summary>Cinder's keyed error envelope with an integer code.</summary>
    public static string Error(string key, int code, string message) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [key] = new Dictionary<string, object> { ["code"] = code, ["message"] = message },
        });
}
