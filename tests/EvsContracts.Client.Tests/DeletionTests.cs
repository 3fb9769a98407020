using System.Net;
using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;

namespace EvsContracts.Client.Tests;

/// <summary><c>WaitForSnapshotDeletedAsync</c>, and the answers of Cinder's deletes.</summary>
public class DeletionTests
{
    private static readonly EvsClientOptions s_fastPolling = new() { PollInterval = TimeSpan.FromMilliseconds(10) };

    [Fact]
    public async Task The_deletion_waiter_returns_once_the_snapshot_answers_404()
    {
        int polls = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            Interlocked.Increment(ref polls) < 3
                ? LoopbackServer.WriteJsonAsync(context, 200, Answers.Snapshot("deleting"))
                : LoopbackServer.WriteJsonAsync(context, 404, Answers.Error("itemNotFound", 404, $"Snapshot {Answers.SnapshotId} could not be found.")));
        using HttpClient http = server.CreateClient();

        await new EvsClient(http, s_fastPolling).WaitForSnapshotDeletedAsync(Answers.Project, Answers.SnapshotId, TimeSpan.FromMinutes(1));

        Assert.Equal(3, server.RequestCount);
        Assert.All(server.Requests, request => Assert.Equal($"/v2/{Answers.Project}/snapshots/{Answers.SnapshotId}", request.RawTarget));
    }

    [Fact]
    public async Task The_deletion_waiter_fails_fast_on_error_deleting()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, Answers.Snapshot("error_deleting"));
        using HttpClient http = server.CreateClient();

        EvsWaitException error = await Assert.ThrowsAsync<EvsWaitException>(() =>
            new EvsClient(http, s_fastPolling).WaitForSnapshotDeletedAsync(Answers.Project, Answers.SnapshotId, TimeSpan.FromMinutes(1)));

        Assert.Equal("error_deleting", error.Status);
        Assert.Equal(EvsPolling.Gone, error.Wanted);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task The_deletion_waiter_passes_on_another_error()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(403, Answers.Error("forbidden", 403, "Policy doesn't allow it."));
        using HttpClient http = server.CreateClient();

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() =>
            new EvsClient(http, s_fastPolling).WaitForSnapshotDeletedAsync(Answers.Project, Answers.SnapshotId, TimeSpan.FromMinutes(1)));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task A_metadata_delete_answered_200_with_an_empty_text_html_body_succeeds()
    {
        // What a real Cinder answers (captures/family-v3.txt, meta-key-delete).
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html; charset=UTF-8";
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        });
        using HttpClient http = server.CreateClient();

        await new EvsClient(http).DeleteSnapshotMetadataItemAsync(Answers.Project, Answers.SnapshotId, "key one");

        RecordedRequest request = server.SingleRequest;
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/v2/{Answers.Project}/snapshots/{Answers.SnapshotId}/metadata/key%20one", request.RawTarget);
    }

    [Fact]
    public async Task A_delete_refused_while_the_snapshot_is_creating_is_an_EvsApiException_with_the_message_and_one_request()
    {
        const string Message = "Invalid snapshot: Snapshot status must be available or error and must not be part of a group.";
        await using LoopbackServer server = await LoopbackServer.StartAsync(400, Answers.Error("badRequest", 400, Message));
        using HttpClient http = server.CreateClient();

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => new EvsClient(http).DeleteSnapshotAsync(Answers.Project, Answers.SnapshotId));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("badRequest", error.ErrorKey);
        Assert.Equal(Message, error.ErrorMessage);
        Assert.Equal(1, server.RequestCount);
    }
}
