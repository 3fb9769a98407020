using System.Globalization;
using System.Net;
using System.Text.Json;
using EvsContracts.Cinder;
using EvsContracts.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace EvsContracts.Client.Tests;

/// <summary>
/// Kestrel replays what a real Cinder answered (status, headers, body, byte for byte) to the generated client's
/// "create a snapshot" call; the client must turn each answer into the typed result or the right
/// <see cref="EvsApiException"/>. The expectations are read from the same recording with a general-purpose JSON
/// parser, so they do not share code with the client.
/// </summary>
public class CaptureReplayTests
{
    private const string RecordedVolume = "cf7fc691-5f18-4c42-8525-5761990b4b03";

    public static TheoryData<string> AllCaptures()
    {
        var data = new TheoryData<string>();
        foreach (string name in Capture.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void All_26_recorded_exchanges_are_present()
    {
        Assert.Equal(26, Capture.Names.Count);
    }

    [Theory]
    [MemberData(nameof(AllCaptures))]
    public async Task A_recorded_answer_becomes_the_typed_result_or_an_EvsApiException(string name)
    {
        Capture capture = Capture.Load(name);
        var recordedUrl = new Uri(capture.RequestUrl);
        (Task<CreateSnapshotResponseBody> call, RecordedRequest request) = await ReplayAsync(capture);

        if (capture.Status == 202)
        {
            CreateSnapshotResponseBody result = await call;
            AssertSnapshotMatches(capture.Body, result.Snapshot);
        }
        else
        {
            EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => call);
            AssertErrorMatches(capture, recordedUrl.AbsolutePath, error);
        }

        // The request went where the recorded one went, with the same token and microversion, and a sized body.
        Assert.Equal("POST", request.Method);
        Assert.Equal(recordedUrl.AbsolutePath, request.RawTarget);
        Assert.Equal(capture.RequestHeaders.GetValueOrDefault("X-Auth-Token"), request.Header("X-Auth-Token"));
        Assert.Equal(capture.RequestHeaders.GetValueOrDefault("OpenStack-API-Version"), request.Header("OpenStack-API-Version"));
        Assert.False(request.Chunked);
        Assert.Equal(request.Body.Length, request.ContentLength);
    }

    [Fact]
    public async Task The_first_success_is_read_with_its_exact_values()
    {
        (Task<CreateSnapshotResponseBody> call, _) = await ReplayAsync(Capture.Load("01-ok-v30"));

        SnapshotDetails snapshot = (await call).Snapshot;

        Assert.Equal("99674e4b-a67b-4def-8ace-bfae2e242ada", snapshot.Id);
        Assert.Equal(SnapshotStatus.Creating, snapshot.Status);
        Assert.Equal("snap-a", snapshot.Name);
        Assert.Equal("desc", snapshot.Description);
        Assert.Equal(RecordedVolume, snapshot.VolumeId);
        Assert.Equal(1, snapshot.Size);
        Assert.Empty(snapshot.Metadata!);
        Assert.Null(snapshot.UpdatedAt);

        // "2026-11-28T08:20:29.938027" carries no offset: it is UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 8, 20, 29, TimeSpan.Zero).AddTicks(9_380_270), snapshot.CreatedAt);
        Assert.Equal(TimeSpan.Zero, snapshot.CreatedAt.Offset);
    }

    [Fact]
    public async Task Unknown_members_of_a_newer_microversion_are_ignored()
    {
        // 3.65 adds group_snapshot_id, user_id and consumes_quota, which the contract does not know.
        (Task<CreateSnapshotResponseBody> call, _) = await ReplayAsync(Capture.Load("03-ok-v365"));

        SnapshotDetails snapshot = (await call).Snapshot;

        Assert.Equal("e8f50b7a-3966-4773-abae-e777f140432a", snapshot.Id);
        Assert.Equal("v", Assert.Single(snapshot.Metadata!, pair => pair.Key == "k").Value);
    }

    [Fact]
    public async Task A_missing_volume_gives_itemNotFound_with_the_integer_code_as_text()
    {
        (Task<CreateSnapshotResponseBody> call, _) = await ReplayAsync(Capture.Load("09-nonexistent-volume"));

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => call);

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("itemNotFound", error.ErrorKey);
        Assert.Equal("404", error.ErrorCode);
        Assert.Equal("Volume 00000000-0000-0000-0000-000000000000 could not be found.", error.ErrorMessage);
        Assert.Equal("req-e7b51f3c-51ac-4675-9d03-c368ad900303", error.RequestId);
        Assert.Null(error.RetryAfter);
        Assert.Contains("itemNotFound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_noauth_layers_204_without_a_body_is_an_error_not_a_success()
    {
        // Cinder's noauth middleware answers a request without a token with 204 and no body, where the contract
        // documents 202 with a snapshot: that is not a success, and there is no error envelope to read.
        (Task<CreateSnapshotResponseBody> call, RecordedRequest request) = await ReplayAsync(Capture.Load("26-no-auth-token"));

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => call);

        Assert.Null(request.Header("X-Auth-Token"));
        Assert.Equal(HttpStatusCode.NoContent, error.StatusCode);
        Assert.Null(error.ErrorKey);
        Assert.Null(error.ErrorCode);
        Assert.Null(error.ErrorMessage);
        Assert.Equal(string.Empty, error.ResponseBody);
        Assert.False(error.ResponseBodyTruncated);
        Assert.Equal("req-87db6020-5e5d-484f-bb47-ecb98f606400", error.RequestId);
    }

    [Fact]
    public async Task An_unsupported_microversion_gives_computeFault_406()
    {
        (Task<CreateSnapshotResponseBody> call, RecordedRequest request) = await ReplayAsync(Capture.Load("25-bad-microversion"));

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => call);

        Assert.Equal("volume 3.99", request.Header("OpenStack-API-Version"));
        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
        Assert.Equal("computeFault", error.ErrorKey);
        Assert.Equal("406", error.ErrorCode);
        Assert.Equal("Version 3.99 is not supported by the API. Minimum is 3.0 and maximum is 3.70.", error.ErrorMessage);
    }

    [Fact]
    public void The_recording_parser_reads_status_headers_and_exactly_the_declared_body()
    {
        // LF line ends (what an editor may leave) parse the same as curl's CRLF.
        Capture capture = Capture.Parse(
            "sample",
            ">>> POST http://h/v3/p/snapshots\n>>> -H\n>>> X-Auth-Token:a:b\n>>> body: {}\n\nHTTP/1.1 404 Not Found\nContent-Length: 2\nX-Openstack-Request-Id: req-1\n\n{}\n");

        Assert.Equal(404, capture.Status);
        Assert.Equal("a:b", capture.RequestHeaders["X-Auth-Token"]);
        Assert.Equal("{}", capture.RequestBody);
        Assert.Equal("req-1", capture.Header("x-openstack-request-id"));
        Assert.Equal("{}", capture.Body);
        Assert.Throws<FormatException>(() => Capture.Parse("short", "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n{}"));
    }

    /// <summary>
    /// Serves the recorded answer to the Cinder client's call. The body sent is the recorded one when the contract
    /// can express it; the recordings of malformed bodies (a string for a boolean, no volume id, broken JSON) get a
    /// minimal valid body instead, since only their answers are replayed. Validation is off, so an over-long name
    /// goes out as it did when it was recorded.
    /// </summary>
    private static async Task<(Task<CreateSnapshotResponseBody> Call, RecordedRequest Request)> ReplayAsync(Capture capture)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => ServeAsync(context, capture));
        using HttpClient http = server.CreateClient();
        var options = new EvsClientOptions
        {
            AuthToken = capture.RequestHeaders.GetValueOrDefault("X-Auth-Token"),
            ApiVersion = capture.RequestHeaders.GetValueOrDefault("OpenStack-API-Version"),
            ValidateRequests = false,
        };
        var client = new CinderClient(http, options);
        string project = new Uri(capture.RequestUrl).Segments[2].TrimEnd('/');

        // Awaited here while the server runs; the caller inspects the settled task.
        Task<CreateSnapshotResponseBody> call = client.CreateSnapshotAsync(project, RequestFor(capture));
        try
        {
            await call;
        }
        catch (EvsApiException)
        {
            // Expected for the error answers; the caller asserts on it.
        }

        return (call, server.SingleRequest);
    }

    private static CreateSnapshotRequestBody RequestFor(Capture capture)
    {
        try
        {
            return CreateSnapshotRequestBody.FromJson(capture.RequestBody);
        }
        catch (JsonException)
        {
            return new CreateSnapshotRequestBody { Snapshot = new CreateSnapshotOption { VolumeId = RecordedVolume } };
        }
    }

    private static async Task ServeAsync(HttpContext context, Capture capture)
    {
        context.Response.StatusCode = capture.Status;
        foreach (KeyValuePair<string, string> header in capture.Headers)
        {
            // Kestrel sets its own length, date and framing.
            if (header.Key is "Content-Length" or "Date" or "Transfer-Encoding" or "Connection")
            {
                continue;
            }

            context.Response.Headers.Append(header.Key, header.Value);
        }

        if (capture.Body.Length > 0)
        {
            await context.Response.WriteAsync(capture.Body, context.RequestAborted);
        }
    }

    private static void AssertSnapshotMatches(string recordedBody, SnapshotDetails snapshot)
    {
        using JsonDocument document = JsonDocument.Parse(recordedBody);
        JsonElement recorded = document.RootElement.GetProperty("snapshot");

        Assert.Equal(recorded.GetProperty("id").GetString(), snapshot.Id);
        Assert.Equal(recorded.GetProperty("status").GetString(), snapshot.Status.Value);
        Assert.True(snapshot.Status.IsKnown);
        Assert.Equal(StringOrNull(recorded, "name"), snapshot.Name);
        Assert.Equal(StringOrNull(recorded, "description"), snapshot.Description);
        Assert.Equal(recorded.GetProperty("volume_id").GetString(), snapshot.VolumeId);
        Assert.Equal(recorded.GetProperty("size").GetInt32(), snapshot.Size);
        Assert.Equal(UtcTime(recorded.GetProperty("created_at").GetString()!), snapshot.CreatedAt);
        Assert.Equal(StringOrNull(recorded, "updated_at") is { } updated ? UtcTime(updated) : null, snapshot.UpdatedAt);

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty entry in recorded.GetProperty("metadata").EnumerateObject())
        {
            metadata.Add(entry.Name, entry.Value.GetString()!);
        }

        Assert.Equal(metadata, snapshot.Metadata!.ToDictionary(StringComparer.Ordinal));
    }

    private static void AssertErrorMatches(Capture capture, string path, EvsApiException error)
    {
        Assert.Equal((HttpStatusCode)capture.Status, error.StatusCode);
        Assert.Equal(capture.Header("X-Openstack-Request-Id"), error.RequestId);
        Assert.Equal(capture.Body, error.ResponseBody);
        Assert.False(error.ResponseBodyTruncated);
        Assert.Null(error.RetryAfter);
        Assert.Equal(HttpMethod.Post, error.Method);
        Assert.Equal(path, error.RequestPath);

        if (capture.Body.Length == 0)
        {
            Assert.Null(error.ErrorKey);
            Assert.Null(error.ErrorCode);
            Assert.Null(error.ErrorMessage);
            return;
        }

        // Every recorded error body is the keyed envelope {"<key>": {"code": <int>, "message": "..."}}.
        using JsonDocument document = JsonDocument.Parse(capture.Body);
        JsonProperty envelope = Assert.Single(document.RootElement.EnumerateObject());
        JsonElement code = envelope.Value.GetProperty("code");
        Assert.Equal(JsonValueKind.Number, code.ValueKind);
        Assert.Equal(envelope.Name, error.ErrorKey);
        Assert.Equal(code.GetInt32().ToString(CultureInfo.InvariantCulture), error.ErrorCode);
        Assert.Equal(envelope.Value.GetProperty("message").GetString(), error.ErrorMessage);
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();

    private static DateTimeOffset UtcTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
