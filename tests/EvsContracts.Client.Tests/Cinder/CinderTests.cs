using System.Net;
using EvsContracts.Cinder;

namespace EvsContracts.Client.Tests.Cinder;

/// <summary>
/// The generated client against a real OpenStack Cinder (no mocks, no recordings): the snapshot lifecycle, and the
/// errors Cinder really answers. Every snapshot made here is deleted again.
/// </summary>
[Collection(CinderTestGroup.Name)]
public class CinderTests(CinderFixture cinder)
{
    private static string UniqueName(string what) => $"evs-client-{what}-{Guid.NewGuid():N}"[..40];

    [CinderFact]
    public async Task Create_wait_show_and_delete_a_snapshot()
    {
        CinderClient client = cinder.Client();
        string name = UniqueName("lifecycle");
        var body = new CreateSnapshotRequestBody
        {
            Snapshot = new CreateSnapshotOption
            {
                VolumeId = cinder.VolumeId,
                Name = name,
                Description = "made by the client tests",
                Metadata = new Dictionary<string, string> { ["purpose"] = "client-tests" },
            },
        };

        CreateSnapshotResponseBody created = await client.CreateSnapshotAsync(cinder.Project, body);
        string id = cinder.Track(created.Snapshot.Id);

        SnapshotDetails snapshot = created.Snapshot;
        Assert.True(Guid.TryParse(id, out _), id);
        Assert.Equal(SnapshotStatus.Creating, snapshot.Status);
        Assert.Equal(cinder.VolumeId, snapshot.VolumeId);
        Assert.Equal(name, snapshot.Name);
        Assert.Equal("made by the client tests", snapshot.Description);
        Assert.Equal("client-tests", snapshot.Metadata!["purpose"]);
        Assert.Equal(1, snapshot.Size);
        Assert.Null(snapshot.UpdatedAt);

        // Cinder writes created_at without an offset, in UTC; read as local time it would be off by the zone.
        Assert.Equal(TimeSpan.Zero, snapshot.CreatedAt.Offset);
        Assert.InRange(snapshot.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(10));

        ShowSnapshotResponseBody available = await client.WaitForSnapshotStatusAsync(cinder.Project, id, SnapshotStatus.Available, TimeSpan.FromMinutes(2));
        Assert.Equal(SnapshotStatus.Available, available.Snapshot.Status);

        ShowSnapshotResponseBody shown = await client.ShowSnapshotAsync(cinder.Project, id);
        Assert.Equal(id, shown.Snapshot.Id);
        Assert.Equal(name, shown.Snapshot.Name);
        Assert.Equal(SnapshotStatus.Available, shown.Snapshot.Status);
        Assert.Equal(snapshot.CreatedAt, shown.Snapshot.CreatedAt);
        Assert.NotNull(shown.Snapshot.UpdatedAt);

        await client.DeleteSnapshotAsync(cinder.Project, id);
        EvsApiException gone = await cinder.WaitGoneAsync(id);
        cinder.Forget(id);

        Assert.Equal("itemNotFound", gone.ErrorKey);
        Assert.Equal("404", gone.ErrorCode);
        Assert.Contains(id, gone.ErrorMessage, StringComparison.Ordinal);
    }

    [CinderFact]
    public async Task A_volume_that_does_not_exist_gives_itemNotFound_404()
    {
        var body = new CreateSnapshotRequestBody
        {
            Snapshot = new CreateSnapshotOption { VolumeId = "00000000-0000-0000-0000-000000000000", Name = UniqueName("missing") },
        };

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => cinder.Client().CreateSnapshotAsync(cinder.Project, body));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("itemNotFound", error.ErrorKey);
        Assert.Equal("404", error.ErrorCode);
        Assert.Equal("Volume 00000000-0000-0000-0000-000000000000 could not be found.", error.ErrorMessage);
        Assert.StartsWith("req-", error.RequestId, StringComparison.Ordinal);
    }

    [CinderFact]
    public async Task A_256_character_name_sent_without_validation_gives_badRequest_400()
    {
        var body = new CreateSnapshotRequestBody
        {
            Snapshot = new CreateSnapshotOption { VolumeId = cinder.VolumeId, Name = new string('a', 256) },
        };

        // Validated, it never leaves the client.
        await Assert.ThrowsAsync<EvsValidationException>(() => cinder.Client().CreateSnapshotAsync(cinder.Project, body));

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(
            () => cinder.Client(CinderFixture.FastPolling(validate: false)).CreateSnapshotAsync(cinder.Project, body));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("badRequest", error.ErrorKey);
        Assert.Equal("400", error.ErrorCode);
        Assert.Contains("is too long", error.ErrorMessage, StringComparison.Ordinal);
    }

    [CinderFact]
    public async Task An_85_character_Chinese_name_of_255_bytes_is_accepted_and_kept()
    {
        string name = string.Concat(Enumerable.Repeat("云硬盘快照测试", 12)) + "名";
        Assert.Equal(85, name.Length);
        var body = new CreateSnapshotRequestBody { Snapshot = new CreateSnapshotOption { VolumeId = cinder.VolumeId, Name = name } };
        CinderClient client = cinder.Client();

        CreateSnapshotResponseBody created = await client.CreateSnapshotAsync(cinder.Project, body);
        string id = cinder.Track(created.Snapshot.Id);
        try
        {
            Assert.Equal(name, created.Snapshot.Name);
            ShowSnapshotResponseBody shown = await client.WaitForSnapshotStatusAsync(cinder.Project, id, SnapshotStatus.Available, TimeSpan.FromMinutes(2));
            Assert.Equal(name, shown.Snapshot.Name);
        }
        finally
        {
            await cinder.DeleteAsync(id);
        }
    }

    [CinderFact]
    public async Task The_api_version_option_reaches_Cinder()
    {
        var body = new CreateSnapshotRequestBody { Snapshot = new CreateSnapshotOption { VolumeId = cinder.VolumeId, Force = false } };
        EvsClientOptions options = CinderFixture.FastPolling();
        options.ApiVersion = "volume 3.99";

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => cinder.Client(options).CreateSnapshotAsync(cinder.Project, body));

        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
        Assert.Equal("computeFault", error.ErrorKey);
        Assert.Equal("406", error.ErrorCode);
        Assert.Contains("3.99", error.ErrorMessage, StringComparison.Ordinal);
    }

    [CinderFact]
    public async Task Without_a_token_the_noauth_layer_answers_204_which_is_an_error()
    {
        var body = new CreateSnapshotRequestBody { Snapshot = new CreateSnapshotOption { VolumeId = cinder.VolumeId } };
        var options = new EvsClientOptions();

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => cinder.Client(options).CreateSnapshotAsync(cinder.Project, body));

        Assert.Equal(HttpStatusCode.NoContent, error.StatusCode);
        Assert.Null(error.ErrorKey);
        Assert.Equal(string.Empty, error.ResponseBody);
    }

    [CinderFact]
    public async Task The_shipped_v2_client_gets_a_readable_404_from_a_server_that_serves_only_v3()
    {
        var client = new EvsContracts.Snapshots.EvsClient(cinder.Http, new EvsClientOptions { AuthToken = CinderEnvironment.Token });
        var body = new EvsContracts.Snapshots.CreateSnapshotRequestBody
        {
            Snapshot = new EvsContracts.Snapshots.CreateSnapshotOption { VolumeId = cinder.VolumeId },
        };

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => client.CreateSnapshotAsync(cinder.Project, body));

        // Not the keyed envelope: the web framework's flat {"message", "code", "title"}.
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Null(error.ErrorKey);
        Assert.Equal("404 Not Found", error.ErrorCode);
        Assert.StartsWith("The resource could not be found.", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal($"/v2/{cinder.Project}/snapshots", error.RequestPath);
    }
}
