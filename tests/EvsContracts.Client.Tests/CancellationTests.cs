using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;
using Microsoft.AspNetCore.Http;

namespace EvsContracts.Client.Tests;

/// <summary>
/// A caller's cancellation and <see cref="HttpClient.Timeout"/> against a server that stalls, before the headers and
/// in the middle of the body. The server stalls until the client goes away, so only the client can end the call.
/// </summary>
public class CancellationTests
{
    private static CreateSnapshotRequestBody Body() =>
        new() { Snapshot = new CreateSnapshotOption { VolumeId = Answers.VolumeId } };

    [Fact]
    public async Task Cancelling_while_the_server_is_silent_throws_OperationCanceledException_with_the_callers_token()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => StallAsync(context));
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http);
        using var cancellation = new CancellationTokenSource();

        // Cancel only once the server holds the request, so the test does not depend on how fast the machine is.
        Task call = client.CreateSnapshotAsync(Answers.Project, Body(), cancellation.Token);
        await server.WaitForRequestsAsync(1);
        await cancellation.CancelAsync();
        OperationCanceledException error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.IsNotType<TimeoutException>(error.InnerException);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Cancelling_while_the_body_trickles_in_throws_OperationCanceledException_with_the_callers_token()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => StallMidBodyAsync(context, 202));
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        OperationCanceledException error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.CreateSnapshotAsync(Answers.Project, Body(), cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
    }

    [Fact]
    public async Task HttpClient_Timeout_before_the_headers_gives_TaskCanceledException_with_a_TimeoutException_inside()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => StallAsync(context));
        using HttpClient http = server.CreateClient();
        http.Timeout = TimeSpan.FromMilliseconds(200);
        var client = new EvsClient(http);

        TaskCanceledException error = await Assert.ThrowsAsync<TaskCanceledException>(() => client.CreateSnapshotAsync(Answers.Project, Body()));

        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Theory]
    [InlineData(202)]
    [InlineData(500)]
    public async Task HttpClient_Timeout_in_the_middle_of_the_body_gives_the_same_exception(int status)
    {
        // The client reads headers first, so HttpClient's own timer stops there; the body must still be bounded.
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => StallMidBodyAsync(context, status));
        using HttpClient http = server.CreateClient();
        http.Timeout = TimeSpan.FromMilliseconds(300);
        var client = new EvsClient(http);

        TaskCanceledException error = await Assert.ThrowsAsync<TaskCanceledException>(() => client.CreateSnapshotAsync(Answers.Project, Body()));

        Assert.IsType<TimeoutException>(error.InnerException);
    }

    private static async Task StallAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up and closed the connection.
        }
    }

    /// <summary>Sends the status, the headers and the first bytes of the body, then nothing more.</summary>
    private static async Task StallMidBodyAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 4096;
        await context.Response.WriteAsync("{\"snapshot\": {\"id\": ", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await StallAsync(context);
    }
}
