using System.Text.Json;
using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;

namespace EvsContracts.Client.Tests.Signing;

/// <summary>The generated client with <see cref="EvsClientOptions.Credentials"/>, against a loopback gateway that checks every signature.</summary>
public sealed class SignedClientTests : SecretKeyWatch.Test
{
    private const string MetadataKey = "tier";

    /// <summary>A snapshot the gateway says is gone (404).</summary>
    private const string GoneId = "0d1e2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";

    [Fact]
    public async Task The_gateway_accepts_every_call_of_the_client()
    {
        await using LoopbackServer server = await StartGatewayAsync();
        using HttpClient http = server.CreateClient();
        var options = new EvsClientOptions { Credentials = FakeCredentials.Create(FakeCredentials.ProjectId, FakeCredentials.SecurityToken), PollInterval = TimeSpan.Zero };
        var client = new EvsClient(http, options);
        const string Project = Answers.Project;
        const string Id = Answers.SnapshotId;

        // Every operation, with the parameters that reach the query and the body: CJK text, filters, a metadata key
        // that needs escaping in the path; the enumerations follow the next link, the waiters poll.
        var calls = new (string Method, Func<Task> Call)[]
        {
            (nameof(IEvsClient.ListSnapshotsAsync), () => client.ListSnapshotsAsync(Project, limit: 2, marker: Id, name: "快照 & co", status: SnapshotStatus.Available)),
            (nameof(IEvsClient.EnumerateSnapshotsAsync), async () => Assert.Equal(2, await CountAsync(client.EnumerateSnapshotsAsync(Project, name: "快照", limit: 1)))),
            (nameof(IEvsClient.ListSnapshotDetailsAsync), () => client.ListSnapshotDetailsAsync(Project, offset: 1, volumeId: Answers.VolumeId, availabilityZone: "cn-north-4a")),
            (nameof(IEvsClient.EnumerateSnapshotDetailsAsync), async () => Assert.Equal(2, await CountAsync(client.EnumerateSnapshotDetailsAsync(Project, limit: 1)))),
            (nameof(IEvsClient.CreateSnapshotAsync), () => client.CreateSnapshotAsync(Project, new CreateSnapshotRequestBody { Snapshot = new CreateSnapshotOption { VolumeId = Answers.VolumeId, Name = "备份-1", Description = "nightly \"full\"" } })),
            (nameof(IEvsClient.ShowSnapshotAsync), () => client.ShowSnapshotAsync(Project, Id)),
            (nameof(IEvsClient.WaitForSnapshotStatusAsync), () => client.WaitForSnapshotStatusAsync(Project, Id, SnapshotStatus.Available, TimeSpan.FromSeconds(30))),
            (nameof(IEvsClient.UpdateSnapshotAsync), () => client.UpdateSnapshotAsync(Project, Id, new UpdateSnapshotRequestBody { Snapshot = new UpdateSnapshotOption { Name = "renamed" } })),
            (nameof(IEvsClient.CreateSnapshotMetadataAsync), () => client.CreateSnapshotMetadataAsync(Project, Id, new SnapshotMetadataRequestBody { Metadata = new Dictionary<string, string> { [MetadataKey] = "gold" } })),
            (nameof(IEvsClient.ShowSnapshotMetadataAsync), () => client.ShowSnapshotMetadataAsync(Project, Id)),
            (nameof(IEvsClient.UpdateSnapshotMetadataAsync), () => client.UpdateSnapshotMetadataAsync(Project, Id, new SnapshotMetadataRequestBody { Metadata = new Dictionary<string, string> { [MetadataKey] = "silver" } })),
            (nameof(IEvsClient.ShowSnapshotMetadataItemAsync), () => client.ShowSnapshotMetadataItemAsync(Project, Id, "a key:ü")),
            (nameof(IEvsClient.UpdateSnapshotMetadataItemAsync), () => client.UpdateSnapshotMetadataItemAsync(Project, Id, MetadataKey, new SnapshotMetadataItemRequestBody { Meta = new Dictionary<string, string> { [MetadataKey] = "bronze" } })),
            (nameof(IEvsClient.DeleteSnapshotMetadataItemAsync), () => client.DeleteSnapshotMetadataItemAsync(Project, Id, MetadataKey)),
            (nameof(IEvsClient.RollbackSnapshotAsync), () => client.RollbackSnapshotAsync(Project, Id, new RollbackSnapshotRequestBody { Rollback = new RollbackSnapshotOption { VolumeId = Answers.VolumeId, Name = "回滚" } })),
            (nameof(IEvsClient.DeleteSnapshotAsync), () => client.DeleteSnapshotAsync(Project, Id)),
            (nameof(IEvsClient.WaitForSnapshotDeletedAsync), () => client.WaitForSnapshotDeletedAsync(Project, GoneId, TimeSpan.FromSeconds(30))),
        };

        foreach ((string method, Func<Task> call) in calls)
        {
            await call();
        }

        // A method added to the client fails this test until a call for it is added above.
        Assert.Equal(typeof(IEvsClient).GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal), calls.Select(c => c.Method).Order(StringComparer.Ordinal));
        Assert.Equal(calls.Length + 2, server.RequestCount);
        Assert.All(server.Requests, r =>
        {
            Assert.StartsWith($"SDK-HMAC-SHA256 Access={FakeCredentials.AccessKey}, SignedHeaders=", r.Header("Authorization"), StringComparison.Ordinal);
            Assert.Equal(FakeCredentials.ProjectId, r.Header("X-Project-Id"));
            Assert.Equal(FakeCredentials.SecurityToken, r.Header("X-Security-Token"));
            Assert.Null(r.Header("X-Auth-Token"));
            Assert.False(r.Chunked);
        });

        // The signature covers what identifies the request: method, path, query, body, and the credentials' headers.
        RecordedRequest create = server.Requests.Single(r => r.Method == "POST" && r.RawTarget.EndsWith("/snapshots", StringComparison.Ordinal));
        Assert.Contains("SignedHeaders=accept;content-type;host;x-project-id;x-sdk-date;x-security-token,", create.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.RawTarget.Contains("name=%E5%BF%AB%E7%85%A7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_signed_with_a_clock_off_by_more_than_15_minutes_is_refused_with_a_message_about_the_clock()
    {
        await using LoopbackServer server = await StartGatewayAsync();
        using HttpClient http = server.CreateClient();
        var skewed = new SettableClock(DateTimeOffset.UtcNow.AddMinutes(-20));
        var client = new EvsClient(http, new EvsClientOptions { Credentials = FakeCredentials.Create(), TimeProvider = skewed });

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => client.ShowSnapshotAsync(Answers.Project, Answers.SnapshotId));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("APIGW.0301", error.ErrorCode);
        Assert.StartsWith("Incorrect IAM authentication information: calc aksk signature fail:signature expired", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("clock", error.Message, StringComparison.Ordinal);
        Assert.Contains("X-Sdk-Date", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RequestId);

        // The same client with the clock set right is accepted: the date was the only fault.
        skewed.Now = DateTimeOffset.UtcNow;
        await client.ShowSnapshotAsync(Answers.Project, Answers.SnapshotId);
    }

    [Fact]
    public async Task A_wrong_secret_key_is_refused_without_a_word_about_the_clock()
    {
        await using LoopbackServer server = await StartGatewayAsync();
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http, new EvsClientOptions { Credentials = new HuaweiCloudCredentials(FakeCredentials.AccessKey, "another-secret") });

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => client.DeleteSnapshotAsync(Answers.Project, Answers.SnapshotId));

        Assert.Equal("APIGW.0301", error.ErrorCode);
        Assert.Equal("Incorrect IAM authentication information: verify aksk signature fail", error.ErrorMessage);
        Assert.DoesNotContain("clock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_and_credentials_on_one_client_are_refused_whichever_comes_first()
    {
        var withToken = new EvsClientOptions { AuthToken = "admin:token" };
        InvalidOperationException first = Assert.Throws<InvalidOperationException>(() => withToken.Credentials = FakeCredentials.Create());
        Assert.Contains("either with a token or with AK/SK", first.Message, StringComparison.Ordinal);

        var withCredentials = new EvsClientOptions { Credentials = FakeCredentials.Create() };
        Assert.Throws<InvalidOperationException>(() => withCredentials.AuthToken = "admin:token");
        Assert.Throws<InvalidOperationException>(() => withCredentials.AuthTokenProvider = _ => ValueTask.FromResult("admin:token"));

        // Clearing one first is how to switch.
        withCredentials.Credentials = null;
        withCredentials.AuthToken = "admin:token";
        Assert.Equal("admin:token", withCredentials.AuthToken);
    }

    /// <summary>A gateway that checks each signature with the fake secret key, then answers as EVS does.</summary>
    internal static Task<LoopbackServer> StartGatewayAsync() =>
        LoopbackServer.StartAsync(async (context, request) =>
        {
            if (SigningGateway.Reject(context, request, FakeCredentials.SecretKey) is { } rejection)
            {
                await LoopbackServer.WriteJsonAsync(context, 401, rejection);
                return;
            }

            (int status, string? json) = Answer(request);
            if (json is null)
            {
                context.Response.StatusCode = status;
                return;
            }

            await LoopbackServer.WriteJsonAsync(context, status, json);
        });

    private static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items)
    {
        int count = 0;
        await foreach (T _ in items)
        {
            count++;
        }

        return count;
    }

    private static (int Status, string? Json) Answer(RecordedRequest request)
    {
        string path = request.RawTarget.Split('?')[0];
        string[] segments = path.Trim('/').Split('/');
        string snapshot = Answers.Snapshot(status: "available");
        JsonElement item = JsonDocument.Parse(snapshot).RootElement.GetProperty("snapshot");

        // A first page (no marker yet) points to a second one, which is the last.
        string query = request.RawTarget.Contains('?', StringComparison.Ordinal) ? request.RawTarget.Split('?')[1] : "";
        object[] links = query.Contains("marker=", StringComparison.Ordinal)
            ? []
            : [new { rel = "next", href = $"http://{request.Header("Host")}{path}?{(query.Length > 0 ? query + "&" : "")}marker={Answers.SnapshotId}" }];
        string snapshots = JsonSerializer.Serialize(new { snapshots = new[] { item }, snapshots_links = links });
        string metadata = JsonSerializer.Serialize(new { metadata = new Dictionary<string, string> { [MetadataKey] = "gold" } });
        string meta = JsonSerializer.Serialize(new { meta = new Dictionary<string, string> { [MetadataKey] = "gold" } });

        // v2/{project}/snapshots[/{id}[/metadata[/{key}] | /rollback] | /detail]
        return (request.Method, segments.Length) switch
        {
            ("GET", 3) => (200, snapshots),
            ("POST", 3) => (202, snapshot),
            ("GET", 4) when segments[3] == "detail" => (200, snapshots),
            ("GET", 4) when segments[3] == GoneId => (404, Answers.Error("itemNotFound", 404, "Snapshot could not be found.")),
            ("GET" or "PUT", 4) => (200, snapshot),
            ("DELETE", 4) => (202, null),
            ("POST", 5) when segments[4] == "rollback" => (202, JsonSerializer.Serialize(new { rollback = new { volume_id = Answers.VolumeId } })),
            ("POST" or "GET" or "PUT", 5) => (200, metadata),
            ("GET" or "PUT", 6) => (200, meta),
            ("DELETE", 6) => (200, null),
            _ => (404, Answers.Error("itemNotFound", 404, "No route")),
        };
    }
}
