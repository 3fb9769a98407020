using System.Text.Json;
using EvsContracts.Package.Tests.Infrastructure;

namespace EvsContracts.Package.Tests;

/// <summary>
/// A fresh application per target framework references the package from the folder feed, builds with warnings as
/// errors, and runs against Kestrel: the generated models, Validate() and the generated client, end to end.
/// </summary>
[Collection(PackedPackage.Name)]
public sealed class ConsumerRunTests(PackageFixture fixture)
{
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task A_fresh_consumer_builds_and_talks_to_a_server_with_the_generated_client(string targetFramework)
    {
        fixture.EnsurePacked();
        ConsumerProject consumer = ConsumerProject.Create(
            fixture,
            "run-" + targetFramework,
            "Client",
            targetFramework,
            "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

        ProcessResult build = await consumer.BuildAsync(consumer.PathOf("build.log"));
        Assert.True(build.Succeeded, "The consumer did not build:\n" + build.Describe());
        Assert.True(File.Exists(consumer.AssemblyPath), $"No {consumer.AssemblyPath}:\n{build.Describe()}");

        await using SnapshotApiServer server = await SnapshotApiServer.StartAsync();
        // Only the .NET 10 runtime is installed: a net8.0 application runs on it by rolling forward, as users do.
        ProcessResult run = await ProcessRunner.RunAsync(
            "dotnet",
            [consumer.AssemblyPath, server.BaseAddress.ToString()],
            consumer.Directory,
            s_runTimeout,
            new Dictionary<string, string?> { ["DOTNET_ROLL_FORWARD"] = "Major" });
        IReadOnlyList<ReceivedRequest> received = server.Received;
        string story = run.Describe() + "\nKestrel received:\n" + string.Join("\n", received);
        Assert.True(run.Succeeded, story);

        ILookup<string, string> output = ParseOutput(run.StandardOutput);
        string Single(string key)
        {
            string[] values = output[key].ToArray();
            Assert.True(values.Length == 1, $"Expected one '{key}=' line, found {values.Length}.\n{story}");
            return values[0];
        }

        // The request as the models write it, and Validate() on it and on values made at run time.
        using (JsonDocument json = JsonDocument.Parse(Single("request.json")))
        {
            JsonElement snapshot = json.RootElement.GetProperty("snapshot");
            Assert.Equal("5aa119a8-d25b-45a7-8d1b-88e127885635", snapshot.GetProperty("volume_id").GetString());
            Assert.Equal("nightly-快照", snapshot.GetProperty("name").GetString());
            Assert.True(snapshot.GetProperty("force").GetBoolean(), story);
            Assert.Equal("ops", snapshot.GetProperty("metadata").GetProperty("owner").GetString());
        }

        Assert.Contains("\"name\":\"nightly-快照\"", Single("request.json"), StringComparison.Ordinal);
        Assert.Equal("0", Single("request.violations"));
        Assert.Equal(
            new[] { "snapshot.description maxBytes", "snapshot.name reservedPrefix" },
            output["invalid.violation"].Order(StringComparer.Ordinal).ToArray());

        // The client refused the invalid body before any I/O: Kestrel saw only the two valid requests.
        Assert.Equal("2", Single("invalid.refused"));
        Assert.True(received.Count == 2, "Kestrel should have received exactly two requests.\n" + story);

        ReceivedRequest create = received[0];
        Assert.Equal("POST", create.Method);
        Assert.Equal("/v2/project-1/snapshots", create.Path);
        Assert.StartsWith("application/json", create.ContentType, StringComparison.Ordinal);
        Assert.True(create.ContentLength == create.BodyBytes, $"Content-Length {create.ContentLength} for a {create.BodyBytes}-byte body.\n{story}");
        Assert.Null(create.TransferEncoding);
        Assert.Equal("consumer-token", create.AuthToken);
        Assert.Equal(Single("request.json"), create.Body);

        // The typed answer: an escaped name decoded, a naive time read as UTC, an unknown property ignored.
        Assert.Equal(SnapshotApiServer.SnapshotId, Single("created.id"));
        Assert.Equal("creating", Single("created.status"));
        Assert.Equal("True", Single("created.status_is_creating"));
        Assert.Equal("nightly-快照", Single("created.name"));
        Assert.Equal("Nightly backup of the data disk", Single("created.description"));
        Assert.Equal("5aa119a8-d25b-45a7-8d1b-88e127885635", Single("created.volume_id"));
        Assert.Equal("40", Single("created.size"));
        Assert.Equal("2013-02-25T03:56:53.0816420+00:00", Single("created.created_at"));
        Assert.Equal("(null)", Single("created.updated_at"));
        Assert.Equal("owner:ops", Single("created.metadata"));

        // The 404 envelope as EvsApiException.
        ReceivedRequest missing = received[1];
        Assert.Equal("/v2/project-1/snapshots", missing.Path);
        Assert.Contains(SnapshotApiServer.MissingVolumeId, missing.Body, StringComparison.Ordinal);
        Assert.Equal("404", Single("missing.status"));
        Assert.Equal("itemNotFound", Single("missing.error_key"));
        Assert.Equal("404", Single("missing.error_code"));
        Assert.Equal($"Volume {SnapshotApiServer.MissingVolumeId} could not be found.", Single("missing.error_message"));
        Assert.Equal(SnapshotApiServer.NotFoundRequestId, Single("missing.request_id"));
        Assert.Empty(output["missing.thrown"]);
    }

    private static ILookup<string, string> ParseOutput(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToLookup(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
}
