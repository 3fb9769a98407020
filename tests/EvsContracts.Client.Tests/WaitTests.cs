using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;

namespace EvsContracts.Client.Tests;

/// <summary><c>WaitForSnapshotStatusAsync</c> against a server whose snapshot status moves on with each poll.</summary>
public class WaitTests
{
    private static readonly EvsClientOptions s_fastPolling = new() { PollInterval = TimeSpan.FromMilliseconds(10) };

    [Fact]
    public async Task Creating_creating_available_returns_the_available_answer_after_three_polls()
    {
        await using LoopbackServer server = await StatusesAsync("creating", "creating", "available");
        using HttpClient http = server.CreateClient();

        ShowSnapshotResponseBody answer = await new EvsClient(http, s_fastPolling)
            .WaitForSnapshotStatusAsync(Answers.Project, Answers.SnapshotId, SnapshotStatus.Available, TimeSpan.FromMinutes(1));

        Assert.Equal(SnapshotStatus.Available, answer.Snapshot.Status);
        Assert.Equal(Answers.SnapshotId, answer.Snapshot.Id);
        Assert.Equal(3, server.RequestCount);
        Assert.All(server.Requests, request =>
        {
            Assert.Equal("GET", request.Method);
            Assert.Equal($"/v2/{Answers.Project}/snapshots/{Answers.SnapshotId}", request.RawTarget);
        });
    }

    [Fact]
    public async Task A_status_that_becomes_error_fails_fast_with_EvsWaitException()
    {
        await using LoopbackServer server = await StatusesAsync("creating", "error", "available");
        using HttpClient http = server.CreateClient();

        EvsWaitException error = await Assert.ThrowsAsync<EvsWaitException>(() => new EvsClient(http, s_fastPolling)
            .WaitForSnapshotStatusAsync(Answers.Project, Answers.SnapshotId, SnapshotStatus.Available, TimeSpan.FromMinutes(1)));

        Assert.Equal("error", error.Status);
        Assert.Equal("available", error.Wanted);
        Assert.Equal(SnapshotStatus.Error, Assert.IsType<ShowSnapshotResponseBody>(error.LastValue).Snapshot.Status);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_status_that_never_arrives_gives_TimeoutException_naming_the_last_status()
    {
        await using LoopbackServer server = await StatusesAsync("creating");
        using HttpClient http = server.CreateClient();

        TimeoutException error = await Assert.ThrowsAsync<TimeoutException>(() => new EvsClient(http, s_fastPolling)
            .WaitForSnapshotStatusAsync(Answers.Project, Answers.SnapshotId, SnapshotStatus.Available, TimeSpan.FromSeconds(2)));

        // Long enough for the first answer to arrive on a busy machine, whose status the message then names.
        Assert.Contains("creating", error.Message, StringComparison.Ordinal);
        Assert.True(server.RequestCount >= 1);
    }

    [Fact]
    public async Task Cancelling_the_wait_gives_OperationCanceledException_not_a_timeout()
    {
        await using LoopbackServer server = await StatusesAsync("creating");
        using HttpClient http = server.CreateClient();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new EvsClient(http, s_fastPolling)
            .WaitForSnapshotStatusAsync(Answers.Project, Answers.SnapshotId, SnapshotStatus.Available, TimeSpan.FromMinutes(1), cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested);
    }

    [Fact]
    public async Task An_api_error_while_polling_ends_the_wait_with_that_error()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(404, Answers.Error("itemNotFound", 404, "Snapshot could not be found."));
        using HttpClient http = server.CreateClient();

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => new EvsClient(http, s_fastPolling)
            .WaitForSnapshotStatusAsync(Answers.Project, Answers.SnapshotId, SnapshotStatus.Available, TimeSpan.FromMinutes(1)));

        Assert.Equal("itemNotFound", error.ErrorKey);
        Assert.Equal(1, server.RequestCount);
    }

    /// <summary>A server whose n-th "show" answers the n-th status, and the last one from then on.</summary>
    private static Task<LoopbackServer> StatusesAsync(params string[] statuses)
    {
        int polls = 0;
        return LoopbackServer.StartAsync((context, _) =>
        {
            int poll = Interlocked.Increment(ref polls) - 1;
            return LoopbackServer.WriteJsonAsync(context, 200, Answers.Snapshot(statuses[Math.Min(poll, statuses.Length - 1)]));
        });
    }
}
