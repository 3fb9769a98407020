using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace EvsContracts.Runtime.Tests.Http;

/// <summary>
/// What the invoker keeps from one call to the next (recent URIs, one JSON writer per thread) and what it makes only
/// when a read has to wait (the body's timer): none of it may change what a call sends, reads or throws.
/// </summary>
public sealed class EvsHttpInvokerReuseTests
{
    private const string VolumeId = "cf7fc691-5f18-4c42-8525-5761990b4b03";

    private const string CreatedBody =
        """{"snapshot": {"status": "creating", "created_at": "2026-11-28T08:20:29.938027", "id": "5f4a9e1b-5d8e-4a8f-9a59-0a4ad33f0a51"}}""";

    [Fact]
    public async Task Every_path_reaches_the_server_as_asked_when_paths_repeat_and_alternate()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(200, CreatedBody));
        using HttpClient http = server.CreateClient("prefix/");
        var invoker = new EvsHttpInvoker(http, null);

        // More paths than the invoker keeps, each asked for several times in a shuffled order.
        string[] paths = [.. Enumerable.Range(0, 24).Select(i => $"v2/p{i % 3}/snapshots/s-{i}?marker=m{i}")];
        var random = new Random(7);
        string[] asked = [.. Enumerable.Repeat(paths, 4).SelectMany(p => p).OrderBy(_ => random.Next())];
        foreach (string path in asked)
        {
            await invoker.SendAsync<SnapshotResponse>(HttpMethod.Get, path, null, 200, CancellationToken.None);
        }

        string[] received = [.. server.Requests.Select(r => r.Path.TrimStart('/') + r.Query)];
        Assert.Equal(asked.Select(p => "prefix/" + p), received);
    }

    [Fact]
    public async Task Concurrent_calls_on_many_paths_each_reach_their_own()
    {
        await using TestServer server = await TestServer.StartAsync(async context =>
        {
            // The answer names the path it was asked for.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            string id = context.Request.Path.Value!.Split('/')[^1];
            await context.Response.WriteAsync($$$"""{"snapshot": {"status": "available", "created_at": "2026-11-28T08:20:29", "id": "{{{id}}}"}}""", context.RequestAborted);
        });
        using HttpClient http = server.CreateClient();
        var invoker = new EvsHttpInvoker(http, null);

        await Parallel.ForAsync(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
        {
            string id = $"s-{i % 37}";
            SnapshotResponse answer = await invoker.SendAsync<SnapshotResponse>(HttpMethod.Get, $"v2/p/snapshots/{id}", null, 200, cancellationToken);
            Assert.Equal(id, answer.Id);
        });
    }

    [Fact]
    public async Task A_caller_token_cancelled_once_the_headers_are_in_stops_the_body_read()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(202, CreatedBody));
        using var cancellation = new CancellationTokenSource();
        using var http = new HttpClient(new CancelOnHeaders(cancellation) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = server.Address,
        };

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => Send(new EvsHttpInvoker(http, null), cancellation.Token));

        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.IsNotType<TimeoutException>(exception.InnerException);
    }

    [Fact]
    public async Task HttpClient_Timeout_covers_a_stalled_error_body()
    {
        await using TestServer server = await TestServer.StartAsync(StallAfter(500, """{"badRequest": {"message": """, new TaskCompletionSource()));
        using HttpClient http = server.CreateClient(timeout: TimeSpan.FromMilliseconds(500));

        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => Send(new EvsHttpInvoker(http, null), CancellationToken.None));

        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.Contains("HttpClient.Timeout", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_while_a_stalled_error_body_is_read_gives_the_callers_token()
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TestServer server = await TestServer.StartAsync(StallAfter(500, """{"badRequest": {"message": """, stalled));
        using HttpClient http = server.CreateClient(timeout: TimeSpan.FromMinutes(5));
        using var cancellation = new CancellationTokenSource();

        // Cancelled once the server has sent the start of the body, so the call is reading it.
        Task<SnapshotResponse> call = Send(new EvsHttpInvoker(http, null), cancellation.Token);
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(100);
        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(cancellation.Token, exception.CancellationToken);
    }

    [Fact]
    public async Task Without_a_timeout_a_stalled_body_waits_for_the_caller()
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using TestServer server = await TestServer.StartAsync(StallAfter(202, """{"snapshot": """, stalled));
        using HttpClient http = server.CreateClient(timeout: Timeout.InfiniteTimeSpan);
        using var cancellation = new CancellationTokenSource();

        Task<SnapshotResponse> call = Send(new EvsHttpInvoker(http, null), cancellation.Token);
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(300);
        Assert.False(call.IsCompleted);
        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.IsNotType<TimeoutException>(exception.InnerException);
    }

    [Fact]
    public async Task A_body_that_throws_while_it_is_written_sends_nothing_and_the_next_body_is_whole()
    {
        await using TestServer server = await TestServer.StartAsync(TestServer.Answer(202, CreatedBody));
        using HttpClient http = server.CreateClient();
        var invoker = new EvsHttpInvoker(http, null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync<ThrowingBody, SnapshotResponse>(
            HttpMethod.Post, "v3/p/snapshots", new ThrowingBody(), null, 202, CancellationToken.None));
        Assert.Empty(server.Requests);

        var valid = new SnapshotRequest { VolumeId = VolumeId, Name = "快照" };
        await invoker.SendAsync<SnapshotRequest, SnapshotResponse>(HttpMethod.Post, "v3/p/snapshots", valid, null, 202, CancellationToken.None);

        Assert.Equal(
            """{"snapshot":{"volume_id":"cf7fc691-5f18-4c42-8525-5761990b4b03","name":"快照"}}""",
            Encoding.UTF8.GetString(Assert.Single(server.Requests).Body));
    }

    [Fact]
    public void A_model_that_serializes_another_while_it_is_written_gets_both_right()
    {
        var inner = new SnapshotRequest { VolumeId = VolumeId, Name = "inner" };
        var outer = new NestingBody(inner);

        string json = EvsJsonModel.ToJson(outer);

        Assert.Equal(
            """{"before":1,"inner":{"snapshot":{"volume_id":"cf7fc691-5f18-4c42-8525-5761990b4b03","name":"inner"}},"after":2}""",
            json);
        Assert.Equal(json, EvsJsonModel.ToJson(outer));
    }

    private static Task<SnapshotResponse> Send(EvsHttpInvoker invoker, CancellationToken cancellationToken) =>
        invoker.SendAsync<SnapshotRequest, SnapshotResponse>(
            HttpMethod.Post, "v3/p/snapshots", new SnapshotRequest { VolumeId = VolumeId }, null, 202, cancellationToken);

    // Sends the headers and the start of a body, says so, then sends nothing more until the client hangs up.
    private static Func<HttpContext, Task> StallAfter(int status, string start, TaskCompletionSource stalled) =>
        async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(start, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        };

    /// <summary>Cancels the caller's token as the answer's headers come back, before the body is read.</summary>
    private sealed class CancelOnHeaders(CancellationTokenSource cancellation) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            await cancellation.CancelAsync();
            return response;
        }
    }

    /// <summary>A body that fails halfway through writing itself.</summary>
    private sealed class ThrowingBody : IEvsJsonModel<ThrowingBody>
    {
        public static ThrowingBody ReadJson(ref Utf8JsonReader reader) => throw new NotSupportedException();

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("half"u8);
            writer.WriteStartArray();
            throw new InvalidOperationException("Cannot write this body.");
        }

        public IReadOnlyList<ContractViolation> Validate() => [];
    }

    /// <summary>A body that serializes another model, through the same helpers, in the middle of its own.</summary>
    private sealed class NestingBody(SnapshotRequest inner) : IEvsJsonModel<NestingBody>
    {
        public static NestingBody ReadJson(ref Utf8JsonReader reader) => throw new NotSupportedException();

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteNumber("before"u8, 1);
            writer.WritePropertyName("inner"u8);
            writer.WriteRawValue(EvsJsonModel.ToUtf8Json(inner), skipInputValidation: true);
            writer.WriteNumber("after"u8, 2);
            writer.WriteEndObject();
        }

        public IReadOnlyList<ContractViolation> Validate() => [];
    }
}
