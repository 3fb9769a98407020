using System.Net;
using System.Text;
using EvsContracts.Reliability.Tests.Infrastructure;
using EvsContracts.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EvsContracts.Reliability.Tests;

/// <summary>
/// The generated EVS client against a Kestrel server that misbehaves. Every answer ends in a typed exception that
/// says what happened (status, what was wrong), never a NullReferenceException, never an unbounded read, and never
/// with the auth token in anything the exception shows.
/// </summary>
public sealed class HostileServerTests
{
    private const string VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635";

    /// <summary>A valid answer to create-snapshot, with room for a longer description.</summary>
    internal static string Snapshot(string id = "ffa9bc5e-1172-4021-acaf-cdcd78a9584d", string description = "Daily backup", string name = "snap-001") =>
        "{\"snapshot\": {\"id\": \"" + id + "\", \"status\": \"creating\", \"name\": \"" + name + "\", \"description\": \"" + description
        + "\", \"created_at\": \"2013-02-25T03:56:53.081642\", \"metadata\": {}, \"volume_id\": \"" + VolumeId + "\", \"size\": 1, \"updated_at\": null}}";

    internal static CreateSnapshotRequestBody Request(string name = "snap-001") =>
        new() { Snapshot = new CreateSnapshotOption { VolumeId = VolumeId, Name = name } };

    public static TheoryData<string, int, string, string> MalformedAnswers() => new()
    {
        { "truncated JSON", 202, "application/json", Snapshot()[..40] },
        { "a number where a string goes", 202, "application/json", Snapshot().Replace("\"id\": \"ffa9bc5e-1172-4021-acaf-cdcd78a9584d\"", "\"id\": 5", StringComparison.Ordinal) },
        { "a string where a number goes", 202, "application/json", Snapshot().Replace("\"size\": 1", "\"size\": \"1\"", StringComparison.Ordinal) },
        { "a number too large for int", 202, "application/json", Snapshot().Replace("\"size\": 1", "\"size\": 1e40", StringComparison.Ordinal) },
        { "an array where a map goes", 202, "application/json", Snapshot().Replace("\"metadata\": {}", "\"metadata\": [1]", StringComparison.Ordinal) },
        { "an object where the status goes", 202, "application/json", Snapshot().Replace("\"status\": \"creating\"", "\"status\": {}", StringComparison.Ordinal) },
        { "a date that is not a date", 202, "application/json", Snapshot().Replace("2013-02-25T03:56:53.081642", "yesterday", StringComparison.Ordinal) },
        { "a required member missing", 202, "application/json", """{"snapshot": {"id": "x"}}""" },
        { "the wrapper missing", 202, "application/json", """{"id": "x"}""" },
        { "null", 202, "application/json", "null" },
        { "an array", 202, "application/json", "[]" },
        { "a bare string", 202, "application/json", "\"snapshot\"" },
        { "an empty body", 202, "application/json", string.Empty },
        { "white space only", 202, "application/json", " \r\n\t " },
        { "trailing garbage", 202, "application/json", Snapshot() + " {}" },
        { "two documents", 202, "application/json", Snapshot() + Snapshot() },
        { "JSON that is not JSON", 202, "application/json", "<html><body>OK</body></html>" },
        { "10,000 levels of nesting", 202, "application/json", new string('[', 10_000) + new string(']', 10_000) },
        { "nesting inside the snapshot", 202, "application/json", "{\"snapshot\": {\"metadata\": " + string.Concat(Enumerable.Repeat("{\"a\": ", 5_000)) + "1" + new string('}', 5_000) + "}}" },
        { "an HTML 502 page", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>" },
        { "application/json that is not JSON", 400, "application/json", "this is not json {" },
        { "an error envelope cut short", 404, "application/json", """{"itemNotFound": {"message": "Snapshot could not be fo""" },
        { "an error envelope of the wrong shape", 400, "application/json", """{"badRequest": [1, 2, {"message": 5}]}""" },
        { "an error with a deeply nested body", 500, "application/json", new string('[', 10_000) + new string(']', 10_000) },
        { "an empty error", 500, "application/json", string.Empty },
        { "an undocumented success status", 200, "application/json", Snapshot() },
        { "a status HTTP does not define", 599, "application/json", """{"weird": {"message": "m", "code": 599}}""" },
    };

    [Theory]
    [MemberData(nameof(MalformedAnswers))]
    public async Task A_malformed_answer_is_an_EvsApiException_with_the_status(string what, int status, string contentType, string body)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context => Answer(context, status, contentType, body));
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http, Secrets.Options());

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => client.CreateSnapshotAsync("project", Request()));
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.StartsWith($"POST /v2/project/snapshots answered {status}", exception.Message, StringComparison.Ordinal);
        Assert.Equal(HttpMethod.Post, exception.Method);
        if (status == 202)
        {
            // The body is kept, so the answer can be seen, and the cause says what was wrong with it.
            Assert.Contains("not valid JSON", exception.Message, StringComparison.Ordinal);
            Assert.NotNull(exception.InnerException);
        }

        Assert.True(body.Length > 64 * 1024 || exception.ResponseBody == body, $"{what}: the body was not kept as sent");
        AssertSafe(exception);
    }

    [Fact]
    public async Task A_body_that_never_ends_is_read_up_to_the_limit_and_no_further()
    {
        var writerStopped = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 202;
            context.Response.ContentType = "application/json";
            await WriteForeverAsync(context, "{\"snapshot\": {\"description\": \"", writerStopped);
        });
        using var counting = new CountingHandler();
        using HttpClient http = server.CreateClient(handler: counting);
        var client = new EvsClient(http, Secrets.Options());

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => client.CreateSnapshotAsync("project", Request()));
        Assert.Equal(HttpStatusCode.Accepted, exception.StatusCode);
        Assert.Contains("over 16 MiB", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.ResponseBodyTruncated);

        // The client read at most the limit plus the one byte that tells it the body is longer; the server's writes
        // then failed, so it stopped too (what it wrote beyond the client's read sat in socket buffers).
        Assert.InRange(counting.BytesRead, EvsHttpInvoker.MaxResponseBodyBytes, EvsHttpInvoker.MaxResponseBodyBytes + 1);
        long written = await writerStopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(written >= counting.BytesRead, $"server wrote {written}, client read {counting.BytesRead}");
        AssertSafe(exception);
    }

    [Fact]
    public async Task An_error_body_that_never_ends_is_read_up_to_the_error_limit()
    {
        var writerStopped = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "application/json";
            await WriteForeverAsync(context, "{\"computeFault\": {\"message\": \"", writerStopped);
        });
        using var counting = new CountingHandler();
        using HttpClient http = server.CreateClient(handler: counting);
        EvsClientOptions options = Secrets.Options();
        var client = new EvsClient(http, options);

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => client.CreateSnapshotAsync("project", Request()));
        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.True(exception.ResponseBodyTruncated);
        Assert.Equal("computeFault", exception.ErrorKey);
        Assert.InRange(counting.BytesRead, options.MaxErrorBodyBytes, options.MaxErrorBodyBytes + 1);
        Assert.InRange(Encoding.UTF8.GetByteCount(exception.ResponseBody!), 1, options.MaxErrorBodyBytes);
        Assert.True(await writerStopped.Task.WaitAsync(TimeSpan.FromSeconds(30)) >= counting.BytesRead);
        AssertSafe(exception);
    }

    [Fact]
    public async Task A_ten_MiB_answer_under_the_limit_is_read_whole_and_correctly()
    {
        string description = new('d', 10 * 1024 * 1024);
        string body = Snapshot(description: description);
        await using KestrelServer server = await KestrelServer.StartAsync(context => Answer(context, 202, "application/json", body));
        using var counting = new CountingHandler();
        using HttpClient http = server.CreateClient(handler: counting);
        var client = new EvsClient(http, Secrets.Options());

        CreateSnapshotResponseBody answer = await client.CreateSnapshotAsync("project", Request());
        Assert.Equal(description, answer.Snapshot.Description);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), counting.BytesRead);
    }

    [Fact]
    public async Task A_ten_MiB_error_body_is_read_only_up_to_the_error_limit()
    {
        string body = "{\"badRequest\": {\"message\": \"" + new string('m', 10 * 1024 * 1024) + "\"}}";
        await using KestrelServer server = await KestrelServer.StartAsync(context => Answer(context, 400, "application/json", body));
        using var counting = new CountingHandler();
        using HttpClient http = server.CreateClient(handler: counting);
        EvsClientOptions options = Secrets.Options();
        var client = new EvsClient(http, options);

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => client.CreateSnapshotAsync("project", Request()));
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("badRequest", exception.ErrorKey);
        Assert.True(exception.ResponseBodyTruncated);
        Assert.InRange(counting.BytesRead, options.MaxErrorBodyBytes, options.MaxErrorBodyBytes + 1);
        AssertSafe(exception);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading_the_body()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 202;
            context.Response.ContentLength = 64L * 1024 * 1024;
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await context.Response.WriteAsync("{\"snapshot\": ", context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var counting = new CountingHandler();
        using HttpClient http = server.CreateClient(handler: counting);
        var client = new EvsClient(http, Secrets.Options());

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => client.CreateSnapshotAsync("project", Request()));
        Assert.Contains("over 16 MiB", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, counting.BytesRead);
        AssertSafe(exception);
    }

    [Theory]
    [InlineData(202)]
    [InlineData(500)]
    public async Task A_server_that_closes_mid_body_gives_an_HttpRequestException(int status)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 1000;
            await context.Response.WriteAsync(Snapshot()[..100], context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(100);
            context.Abort();
        });
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http, Secrets.Options());

        Exception exception = await Record.ExceptionAsync(() => client.CreateSnapshotAsync("project", Request()));
        HttpRequestException failure = Assert.IsType<HttpRequestException>(exception, exactMatch: false);
        Assert.Contains("POST /v2/project/snapshots", failure.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        AssertSafe(exception);
    }

    [Fact]
    public async Task A_server_that_drops_the_connection_before_answering_gives_an_HttpRequestException()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http, Secrets.Options());

        Exception exception = await Record.ExceptionAsync(() => client.CreateSnapshotAsync("project", Request()));
        Assert.IsType<HttpRequestException>(exception, exactMatch: false);
        AssertSafe(exception);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_before_its_headers_gives_HttpClients_timeout()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using HttpClient http = server.CreateClient(timeout: TimeSpan.FromSeconds(1));
        var client = new EvsClient(http, Secrets.Options());

        TaskCanceledException exception = await Assert.ThrowsAsync<TaskCanceledException>(() => client.CreateSnapshotAsync("project", Request()));
        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.Contains("Timeout", exception.Message, StringComparison.Ordinal);
        AssertSafe(exception);
    }

    [Fact]
    public async Task A_body_that_trickles_past_the_timeout_gives_the_same_timeout()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 202;
            context.Response.ContentType = "application/json";
            await context.Response.Body.FlushAsync(context.RequestAborted);
            try
            {
                foreach (char c in Snapshot())
                {
                    await context.Response.WriteAsync(c.ToString(), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(100, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client gave up: that is the point.
            }
        });
        using HttpClient http = server.CreateClient(timeout: TimeSpan.FromSeconds(1));
        var client = new EvsClient(http, Secrets.Options());

        TaskCanceledException exception = await Assert.ThrowsAsync<TaskCanceledException>(() => client.CreateSnapshotAsync("project", Request()));
        Assert.IsType<TimeoutException>(exception.InnerException);
        AssertSafe(exception);
    }

    [Fact]
    public async Task Cancelling_mid_body_gives_the_callers_own_token()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 202;
            await context.Response.WriteAsync("{\"snapshot\": ", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http, Secrets.Options());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        OperationCanceledException exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CreateSnapshotAsync("project", Request(), cancellation.Token));
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        AssertSafe(exception);
    }

    [Fact]
    public async Task A_server_that_echoes_the_token_everywhere_does_not_get_it_into_the_exception()
    {
        string token = Secrets.Token;
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 401;
            context.Response.Headers["x-openstack-request-id"] = "req-" + token;
            context.Response.Headers["Retry-After"] = token;
            context.Response.Headers["WWW-Authenticate"] = "Token " + token;
            context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = "Bad token " + token;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                "{\"" + token + "\": {\"message\": \"The token " + token + " is invalid\", \"code\": \"" + token + "\", \"request_id\": \"" + token + "\", \"retryAfter\": \"" + token + "\"}}");
        });
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http, Secrets.Options());

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => client.CreateSnapshotAsync("project", Request()));
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Contains("is invalid", exception.Message, StringComparison.Ordinal);
        AssertSafe(exception);
    }

    /// <summary>Typed, with a message, no NullReferenceException anywhere in the chain, and no token.</summary>
    internal static void AssertSafe(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            Assert.IsNotType<NullReferenceException>(e);
            Assert.IsNotType<IndexOutOfRangeException>(e);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }

        Secrets.AssertNotIn(exception);
    }

    internal static async Task Answer(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>Writes 64 KiB chunks until the client goes away; reports how much was written.</summary>
    private static async Task WriteForeverAsync(HttpContext context, string start, TaskCompletionSource<long> stopped)
    {
        byte[] chunk = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
        long written = 0;
        try
        {
            await context.Response.WriteAsync(start, context.RequestAborted);
            while (true)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                written += chunk.Length;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client closed the connection.
        }
        finally
        {
            stopped.TrySetResult(written);
        }
    }
}
