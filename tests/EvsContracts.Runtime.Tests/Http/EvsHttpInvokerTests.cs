using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace EvsContracts.Runtime.Tests.Http;

public sealed class EvsHttpInvokerTests
{
    private const string VolumeId = "cf7fc691-5f18-4c42-8525-5761990b4b03";
    private const string Token = "admin:c0ffee00-secret-token";

    private const string CreatedBody =
        """{"snapshot": {"status": "creating", "description": null, "created_at": "2026-11-28T08:20:29.938027", "metadata": {}, "id": "5f4a9e1b-5d8e-4a8f-9a59-0a4ad33f0a51", "size": 1, "volume_id": "cf7fc691-5f18-4c42-8525-5761990b4b03", "name": "s1", "updated_at": null}}""";

    private static readonly SnapshotRequest s_validRequest = new() { VolumeId = VolumeId, Name = "快照-1 \U0001F600", Description = "line\nbreak" };

    [Fact]
    public async Task Posts_the_body_with_Content_Length_and_reads_the_answer()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(202, CreatedBody));
        using HttpClient http = server.CreateClient();
        var invoker = new EvsHttpInvoker(http, new EvsClientOptions { AuthToken = Token });

        SnapshotResponse response = await Send(invoker, s_validRequest);

        Assert.Equal("5f4a9e1b-5d8e-4a8f-9a59-0a4ad33f0a51", response.Id);
        Assert.Equal("creating", response.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 8, 20, 29, TimeSpan.Zero).AddTicks(9_380_270), response.CreatedAt);

        ReceivedRequest received = Assert.Single(server.Requests);
        Assert.Equal("POST", received.Method);
        Assert.Equal("/v3/p/snapshots", received.Path);
        byte[] expectedBody = Encoding.UTF8.GetBytes("""{"snapshot":{"volume_id":"cf7fc691-5f18-4c42-8525-5761990b4b03","name":"快照-1 😀","description":"line\nbreak"}}""");
        Assert.Equal(expectedBody, received.Body);
        Assert.Equal(expectedBody.Length, received.ContentLength);
        Assert.Null(received.Header("Transfer-Encoding"));
        Assert.Equal("application/json", received.Header("Content-Type"));
    }

    [Fact]
    public async Task Sends_accept_token_api_version_and_extra_headers()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(202, CreatedBody));
        using HttpClient http = server.CreateClient();
        var invoker = new EvsHttpInvoker(http, new EvsClientOptions { AuthToken = Token, ApiVersion = "volume 3.0" });

        await invoker.SendAsync<SnapshotRequest, SnapshotResponse>(
            HttpMethod.Post, "v3/p/snapshots", s_validRequest, [("X-Trace", "abc"), ("X-Absent", null)], 202, CancellationToken.None);

        ReceivedRequest received = Assert.Single(server.Requests);
        Assert.Equal("application/json", received.Header("Accept"));
        Assert.Equal(Token, received.Header("X-Auth-Token"));
        Assert.Equal("volume 3.0", received.Header("OpenStack-API-Version"));
        Assert.Equal("abc", received.Header("X-Trace"));
        Assert.Null(received.Header("X-Absent"));
    }

    [Fact]
    public async Task The_token_provider_wins_and_no_token_means_no_header()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(200, CreatedBody));
        using HttpClient http = server.CreateClient();
        int calls = 0;
        var withProvider = new EvsHttpInvoker(http, new EvsClientOptions
        {
            AuthToken = "fixed",
            AuthTokenProvider = _ => ValueTask.FromResult($"fresh-{Interlocked.Increment(ref calls)}"),
        });
        var withoutToken = new EvsHttpInvoker(http, null);

        await withProvider.SendAsync<SnapshotResponse>(HttpMethod.Get, "v3/p/snapshots/s", null, 200, CancellationToken.None);
        await withProvider.SendAsync<SnapshotResponse>(HttpMethod.Get, "v3/p/snapshots/s", null, 200, CancellationToken.None);
        await withoutToken.SendAsync<SnapshotResponse>(HttpMethod.Get, "v3/p/snapshots/s", null, 200, CancellationToken.None);

        ReceivedRequest[] received = [.. server.Requests];
        Assert.Equal(["fresh-1", "fresh-2", null], received.Select(r => r.Header("X-Auth-Token")));
        Assert.All(received, r => Assert.Null(r.Header("OpenStack-API-Version")));
        Assert.All(received, r => Assert.Empty(r.Body));
    }

    [Theory]
    [InlineData("prefix", "/prefix/v2/p/snapshots")]
    [InlineData("prefix/", "/prefix/v2/p/snapshots")]
    [InlineData("a/b", "/a/b/v2/p/snapshots")]
    [InlineData("", "/v2/p/snapshots")]
    public async Task The_base_address_path_prefix_is_kept(string basePath, string expectedPath)
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(200, CreatedBody));
        using HttpClient http = server.CreateClient(basePath);
        var invoker = new EvsHttpInvoker(http, null);

        await invoker.SendAsync<SnapshotResponse>(HttpMethod.Get, "v2/p/snapshots?limit=1&marker=a%2Fb", null, 200, CancellationToken.None);

        ReceivedRequest received = Assert.Single(server.Requests);
        Assert.Equal(expectedPath, received.Path);
        Assert.Equal("?limit=1&marker=a%2Fb", received.Query);
    }

    [Fact]
    public async Task Without_a_base_address_the_call_fails_clearly()
    {
        using var http = new HttpClient();
        var invoker = new EvsHttpInvoker(http, null);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => invoker.SendAsync<SnapshotResponse>(HttpMethod.Get, "v2/p/snapshots", null, 200, CancellationToken.None));
        Assert.Contains("BaseAddress", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_body_throws_before_anything_is_sent()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(202, CreatedBody));
        using HttpClient http = server.CreateClient();
        var invoker = new EvsHttpInvoker(http, new EvsClientOptions { AuthToken = Token });
        var invalid = new SnapshotRequest { VolumeId = "not-a-uuid", Name = "autobk_snapshot_1", Description = new string('中', 86) };

        var exception = await Assert.ThrowsAsync<EvsValidationException>(() => Send(invoker, invalid));

        Assert.Equal(["snapshot.volume_id", "snapshot.name", "snapshot.description"], exception.Violations.Select(v => v.Path));
        Assert.StartsWith("3 contract violations:", exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);

        // Turned off, the same body goes out (and the server, not the client, judges it).
        invoker.Options.ValidateRequests = false;
        await Send(invoker, invalid);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_header_that_would_inject_lines_is_refused_before_sending()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(202, CreatedBody));
        using HttpClient http = server.CreateClient();
        var invoker = new EvsHttpInvoker(http, new EvsClientOptions { AuthToken = Token });

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => invoker.SendAsync<SnapshotRequest, SnapshotResponse>(
            HttpMethod.Post, "v3/p/snapshots", s_validRequest, [("X-Trace", "a\r\nX-Evil: 1")], 202, CancellationToken.None));
        Assert.Contains("X-Trace", exception.Message, StringComparison.Ordinal);

        invoker.Options.AuthToken = "bad\ntoken";
        var tokenException = await Assert.ThrowsAsync<ArgumentException>(() => Send(invoker, s_validRequest));
        Assert.DoesNotContain("bad", tokenException.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_Cinder_error_with_an_integer_code()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(
            404,
            """{"itemNotFound": {"code": 404, "message": "Volume 00000000-0000-0000-0000-000000000000 could not be found."}}""",
            headers: [("x-openstack-request-id", "req-e7b51f3c"), ("X-Compute-Request-Id", "req-other")]));
        using HttpClient http = server.CreateClient();
        var invoker = new EvsHttpInvoker(http, new EvsClientOptions { AuthToken = Token });

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(invoker, s_validRequest));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("itemNotFound", exception.ErrorKey);
        Assert.Equal("404", exception.ErrorCode);
        Assert.Equal("Volume 00000000-0000-0000-0000-000000000000 could not be found.", exception.ErrorMessage);
        Assert.Equal("req-e7b51f3c", exception.RequestId);
        Assert.Null(exception.RetryAfter);
        Assert.Equal(HttpMethod.Post, exception.Method);
        Assert.Equal("/v3/p/snapshots", exception.RequestPath);
        Assert.False(exception.ResponseBodyTruncated);
        Assert.StartsWith("{\"itemNotFound\"", exception.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(
            "POST /v3/p/snapshots answered 404 itemNotFound (404): Volume 00000000-0000-0000-0000-000000000000 could not be found.",
            exception.Message);
    }

    [Fact]
    public async Task An_EVS_error_with_a_string_code_and_the_request_id_fallbacks()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(
            400,
            """{"badRequest": {"message": "Invalid input received", "code": "EVS.2024"}}""",
            headers: [("X-Request-Id", "req-evs-1")]));
        using HttpClient http = server.CreateClient();
        var invoker = new EvsHttpInvoker(http, null);

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(invoker, s_validRequest));

        Assert.Equal("badRequest", exception.ErrorKey);
        Assert.Equal("EVS.2024", exception.ErrorCode);
        Assert.Equal("req-evs-1", exception.RequestId);
        Assert.Equal("POST /v3/p/snapshots answered 400 badRequest (EVS.2024): Invalid input received", exception.Message);
    }

    [Fact]
    public async Task The_compute_request_id_is_the_last_fallback()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(500, "{}", headers: [("X-Compute-Request-Id", "req-compute")]));
        using HttpClient http = server.CreateClient();

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));
        Assert.Equal("req-compute", exception.RequestId);
    }

    [Fact]
    public async Task OverLimit_takes_Retry_After_from_the_header_first()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(
            413,
            """{"overLimit": {"code": 413, "message": "SnapshotLimitExceeded: Maximum number of snapshots allowed (10) exceeded", "retryAfter": "0"}}""",
            headers: [("Retry-After", "7")]));
        using HttpClient http = server.CreateClient();

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, exception.StatusCode);
        Assert.Equal("overLimit", exception.ErrorKey);
        Assert.Equal(TimeSpan.FromSeconds(7), exception.RetryAfter);
    }

    [Fact]
    public async Task OverLimit_without_the_header_takes_the_bodys_retryAfter()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(
            413, """{"overLimit": {"code": 413, "message": "slow down", "retryAfter": "30"}}"""));
        using HttpClient http = server.CreateClient();

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));
        Assert.Equal(TimeSpan.FromSeconds(30), exception.RetryAfter);
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_is_measured_from_the_responses_date()
    {
        var now = new DateTimeOffset(2026, 11, 28, 8, 20, 30, TimeSpan.Zero);
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(
            503, "{}", headers: [("Date", now.ToString("R")), ("Retry-After", now.AddSeconds(90).ToString("R"))]));
        using HttpClient http = server.CreateClient();

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));
        Assert.Equal(TimeSpan.FromSeconds(90), exception.RetryAfter);
    }

    [Fact]
    public async Task An_HTML_502_page_still_gives_an_EvsApiException()
    {
        const string Page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(502, Page, "text/html"));
        using HttpClient http = server.CreateClient();

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Null(exception.ErrorKey);
        Assert.Null(exception.ErrorCode);
        Assert.Null(exception.ErrorMessage);
        Assert.Equal(Page, exception.ResponseBody);
        Assert.Equal("POST /v3/p/snapshots answered 502 Bad Gateway.", exception.Message);
    }

    [Fact]
    public async Task An_empty_500_body_still_gives_an_EvsApiException()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(500));
        using HttpClient http = server.CreateClient();

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Null(exception.ErrorKey);
        Assert.Equal(string.Empty, exception.ResponseBody);
        Assert.False(exception.ResponseBodyTruncated);
        Assert.Equal("POST /v3/p/snapshots answered 500 Internal Server Error.", exception.Message);
    }

    [Theory]
    [InlineData("""{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""", "error", "401", "The request you have made requires authentication.")]
    [InlineData("""{"message": "Not found", "code": "APIGW.0101"}""", null, "APIGW.0101", "Not found")]
    [InlineData("""{"error_code": "EVS.0001", "error_msg": "Quota exceeded", "request_id": "r-body"}""", null, "EVS.0001", "Quota exceeded")]
    [InlineData("""{"error": "something broke"}""", null, null, "something broke")]
    [InlineData("""["not", "an", "object"]""", null, null, null)]
    [InlineData("""{"itemNotFound": {"code": 404, "message": "gone", "details": {"a": [1, 2]}}, "extra": {"x": 1}}""", "itemNotFound", "404", "gone")]
    public async Task Other_error_shapes_are_read_gracefully(string body, string? key, string? code, string? message)
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(400, body));
        using HttpClient http = server.CreateClient();

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));

        Assert.Equal(key, exception.ErrorKey);
        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal(message, exception.ErrorMessage);
        Assert.Equal(body, exception.ResponseBody);
    }

    [Fact]
    public async Task A_10_MiB_error_body_is_cut_at_64_KiB()
    {
        const int TenMiB = 10 * 1024 * 1024;
        byte[] head = Encoding.ASCII.GetBytes("{\"computeFault\": {\"message\": \"");
        byte[] chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        await using TestServer server = await TestServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = TenMiB;
            try
            {
                await context.Response.Body.WriteAsync(head, context.RequestAborted);
                long written = head.Length;
                while (written < TenMiB && !context.RequestAborted.IsCancellationRequested)
                {
                    int size = (int)Math.Min(chunk.Length, TenMiB - written);
                    await context.Response.Body.WriteAsync(chunk.AsMemory(0, size), context.RequestAborted);
                    written += size;
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The client hung up.
            }
        });
        var connections = new ConcurrentQueue<CountingStream>();
        using HttpClient http = server.CreateCountingClient(connections);

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));

        Assert.True(exception.ResponseBodyTruncated);
        Assert.Equal(64 * 1024, exception.ResponseBody!.Length);
        Assert.StartsWith("{\"computeFault\": {\"message\": \"xxxx", exception.ResponseBody, StringComparison.Ordinal);

        // The key was read before the cut; the message never finished, so it is absent.
        Assert.Equal("computeFault", exception.ErrorKey);
        Assert.Null(exception.ErrorMessage);

        // The client stopped reading: what came off the wire is the kept 64 KiB plus at most the handler's bounded
        // drain of a disposed response (1 MiB by default) and socket buffers, far from 10 MiB.
        long read = Assert.Single(connections).BytesRead;
        Assert.True(read < 4 * 1024 * 1024, $"The client read {read} bytes.");
    }

    [Fact]
    public async Task An_endless_error_body_is_not_read_to_its_end()
    {
        var serverDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TestServer server = await TestServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "text/plain";
            byte[] chunk = Encoding.ASCII.GetBytes(new string('y', 64 * 1024));
            try
            {
                // Without a client that hangs up, this loop never ends. Kestrel completes writes to a dropped
                // connection without an error, so the loop watches the abort itself.
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The client hung up.
            }

            serverDone.TrySetResult();
        });
        var connections = new ConcurrentQueue<CountingStream>();
        using HttpClient http = server.CreateCountingClient(connections);
        var invoker = new EvsHttpInvoker(http, new EvsClientOptions { MaxErrorBodyBytes = 1000 });

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(invoker, s_validRequest));

        Assert.True(exception.ResponseBodyTruncated);
        Assert.Equal(new string('y', 1000), exception.ResponseBody);

        // The server sees the connection dropped; the wait only guards against a hang.
        await serverDone.Task.WaitAsync(TimeSpan.FromSeconds(60));
        long read = Assert.Single(connections).BytesRead;
        Assert.True(read < 4 * 1024 * 1024, $"The client read {read} bytes.");
    }

    [Fact]
    public async Task The_error_body_limit_is_an_option()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(500, new string('z', 100)));
        using HttpClient http = server.CreateClient();

        var exact = new EvsHttpInvoker(http, new EvsClientOptions { MaxErrorBodyBytes = 100 });
        EvsApiException whole = await Assert.ThrowsAsync<EvsApiException>(() => Send(exact, s_validRequest));
        Assert.False(whole.ResponseBodyTruncated);
        Assert.Equal(100, whole.ResponseBody!.Length);

        var smaller = new EvsHttpInvoker(http, new EvsClientOptions { MaxErrorBodyBytes = 99 });
        EvsApiException cut = await Assert.ThrowsAsync<EvsApiException>(() => Send(smaller, s_validRequest));
        Assert.True(cut.ResponseBodyTruncated);
        Assert.Equal(99, cut.ResponseBody!.Length);
    }

    [Fact]
    public async Task A_cut_never_splits_a_character_into_U_FFFD()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(500, new string('中', 100), "text/plain"));
        using HttpClient http = server.CreateClient();

        // 100 bytes hold 33 whole characters and one third of the next.
        var invoker = new EvsHttpInvoker(http, new EvsClientOptions { MaxErrorBodyBytes = 100 });
        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(invoker, s_validRequest));
        Assert.Equal(new string('中', 33), exception.ResponseBody);
    }

    [Fact]
    public async Task Malformed_JSON_on_success_is_an_EvsApiException_with_the_JsonException_inside()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(202, """{"snapshot": {"id": "x", """));
        using HttpClient http = server.CreateClient();

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));

        Assert.Equal(HttpStatusCode.Accepted, exception.StatusCode);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.Contains("was not valid JSON for SnapshotResponse", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"snapshot": {"id": "x", "status": "creating"}}""", "Required property 'snapshot.created_at' is missing.")]
    [InlineData("""{"snapshot": {"id": 5, "status": "creating"}}""", "'snapshot.id'")]
    [InlineData("", "empty")]
    [InlineData("""{"snapshot": {"id": "x", "status": "creating", "created_at": "2026-11-28T08:20:29"}} trailing""", "invalid after a single JSON value")]
    public async Task A_success_body_that_does_not_fit_the_model_is_an_EvsApiException(string body, string detail)
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(202, body));
        using HttpClient http = server.CreateClient();

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));

        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.Contains(detail, exception.Message, StringComparison.Ordinal);
        Assert.Equal(body, exception.ResponseBody);
    }

    [Fact]
    public async Task A_success_body_over_16_MiB_is_refused()
    {
        byte[] chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)' ');
        await using TestServer server = await TestServer.StartAsync(async context =>
        {
            // Chunked, so the client cannot tell the size in advance and must stop reading itself.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            for (int i = 0; i < 17; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        using HttpClient http = server.CreateClient();

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(
            () => new EvsHttpInvoker(http, null).SendAsync<SnapshotResponse>(HttpMethod.Get, "v3/p/snapshots/s", null, 200, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.True(exception.ResponseBodyTruncated);
        Assert.Contains("over 16 MiB", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_less_call_succeeds_on_its_status_and_fails_on_another()
    {
        int status = 202;
        await using TestServer server = await TestServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        using HttpClient http = server.CreateClient();
        var invoker = new EvsHttpInvoker(http, new EvsClientOptions { AuthToken = Token });

        await invoker.SendAsync(HttpMethod.Delete, "v3/p/snapshots/s", null, 202, CancellationToken.None);
        ReceivedRequest received = Assert.Single(server.Requests);
        Assert.Equal("DELETE", received.Method);
        Assert.Equal(Token, received.Header("X-Auth-Token"));

        status = 404;
        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(
            () => invoker.SendAsync(HttpMethod.Delete, "v3/p/snapshots/s", null, 202, CancellationToken.None));
        Assert.Equal("DELETE /v3/p/snapshots/s answered 404 Not Found.", exception.Message);
    }

    [Fact]
    public async Task Cancellation_gives_the_tokens_OperationCanceledException()
    {
        await using TestServer server = await TestServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using HttpClient http = server.CreateClient();
        using var cancellation = new CancellationTokenSource();
        var invoker = new EvsHttpInvoker(http, null);

        Task<SnapshotResponse> call = invoker.SendAsync<SnapshotRequest, SnapshotResponse>(
            HttpMethod.Post, "v3/p/snapshots", s_validRequest, null, 202, cancellation.Token);
        await WaitForRequest(server);
        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => call);
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.IsNotType<TimeoutException>(exception.InnerException);
    }

    [Fact]
    public async Task Cancellation_while_reading_the_body_is_the_tokens_too()
    {
        await using TestServer server = await TestServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 202;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"snapshot\": ", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using HttpClient http = server.CreateClient();
        using var cancellation = new CancellationTokenSource();
        var invoker = new EvsHttpInvoker(http, null);

        Task<SnapshotResponse> call = Send(invoker, s_validRequest, cancellation.Token);
        await WaitForRequest(server);
        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancellation.Token, exception.CancellationToken);
    }

    [Fact]
    public async Task HttpClient_Timeout_gives_the_standard_timeout_exception()
    {
        await using TestServer server = await TestServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using HttpClient http = server.CreateClient(timeout: TimeSpan.FromMilliseconds(300));

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));
        Assert.IsType<TimeoutException>(exception.InnerException);
    }

    [Fact]
    public async Task HttpClient_Timeout_also_covers_a_stalled_body()
    {
        await using TestServer server = await TestServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 202;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"snapshot\": ", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using HttpClient http = server.CreateClient(timeout: TimeSpan.FromMilliseconds(500));

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => Send(new EvsHttpInvoker(http, null), s_validRequest));
        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.Contains("HttpClient.Timeout", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_never_appears_in_exception_text()
    {
        // A server that echoes the token back, in the message and in the body.
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(
            401, $$$"""{"unauthorized": {"code": 401, "message": "Token {{{Token}}} is not valid"}}"""));
        using HttpClient http = server.CreateClient();
        var options = new EvsClientOptions { AuthToken = Token };

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => Send(new EvsHttpInvoker(http, options), s_validRequest));

        Assert.Equal(Token, Assert.Single(server.Requests).Header("X-Auth-Token"));
        Assert.DoesNotContain(Token, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, exception.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, exception.ResponseBody, StringComparison.Ordinal);
        Assert.Equal("Token *** is not valid", exception.ErrorMessage);
        foreach (System.Collections.DictionaryEntry entry in exception.Data)
        {
            Assert.DoesNotContain(Token, $"{entry.Key}={entry.Value}", StringComparison.Ordinal);
        }
    }

    private static Task<SnapshotResponse> Send(EvsHttpInvoker invoker, SnapshotRequest body, CancellationToken cancellationToken = default) =>
        invoker.SendAsync<SnapshotRequest, SnapshotResponse>(HttpMethod.Post, "v3/p/snapshots", body, null, 202, cancellationToken);

    private static async Task WaitForRequest(TestServer server)
    {
        // The server records a request once its body is read, before it answers.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (server.Requests.IsEmpty)
        {
            await Task.Delay(10, guard.Token);
        }
    }
}
