using System.Text.Json;
using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;
using Microsoft.AspNetCore.Http;

namespace EvsContracts.Client.Tests;

/// <summary>
/// <c>EnumerateSnapshotsAsync</c> (marker paging) against a Kestrel server that pages the way Cinder does: newest
/// first, a <c>snapshots_links</c> next link whenever a page is full.
/// </summary>
public class PagingTests
{
    private static readonly string[] s_ids = Enumerable.Range(1, 7).Select(i => $"00000000-0000-0000-0000-00000000000{i}").ToArray();

    [Theory]
    [InlineData(7, 3)] // pages of 3, 3 and 1
    [InlineData(6, 3)] // pages of 3 and 3, then an empty page without a link, as Cinder answers
    public async Task Every_snapshot_comes_once_over_the_pages(int count, int requests)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => CinderPageAsync(context, s_ids[..count]));
        using HttpClient http = server.CreateClient();

        var seen = new List<string>();
        await foreach (SnapshotSummary snapshot in new EvsClient(http).EnumerateSnapshotsAsync(Answers.Project, status: SnapshotStatus.Available, limit: 3))
        {
            seen.Add(snapshot.Id);
        }

        Assert.Equal(s_ids[..count], seen);
        Assert.Equal(requests, server.RequestCount);
        Assert.Equal($"/v2/{Answers.Project}/snapshots?limit=3&status=available", server.Requests[0].RawTarget);
        Assert.Equal($"/v2/{Answers.Project}/snapshots?limit=3&marker={s_ids[2]}&status=available", server.Requests[1].RawTarget);
        Assert.Equal($"/v2/{Answers.Project}/snapshots?limit=3&marker={s_ids[5]}&status=available", server.Requests[2].RawTarget);
    }

    [Fact]
    public async Task A_page_is_fetched_only_when_the_caller_gets_there()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => CinderPageAsync(context, s_ids));
        using HttpClient http = server.CreateClient();

        await using IAsyncEnumerator<ExtendedSnapshotDetails> items = new EvsClient(http)
            .EnumerateSnapshotDetailsAsync(Answers.Project, limit: 3).GetAsyncEnumerator();
        Assert.Equal(0, server.RequestCount);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(await items.MoveNextAsync());
            Assert.Equal(s_ids[i], items.Current.Id);
            Assert.Equal("100%", items.Current.OsExtendedSnapshotAttributesProgress);
        }

        Assert.Equal(1, server.RequestCount);
        Assert.True(await items.MoveNextAsync());
        Assert.Equal(s_ids[3], items.Current.Id);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal($"/v2/{Answers.Project}/snapshots/detail?limit=3&marker={s_ids[2]}", server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task A_server_that_answers_the_same_page_again_ends_in_EvsPagingException_without_repeating_items()
    {
        // The marker is ignored: every answer is the first page, with a link to the second.
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            LoopbackServer.WriteJsonAsync(context, 200, Page(s_ids[..3], LinkTo(context, s_ids[2]))));
        using HttpClient http = server.CreateClient();

        var seen = new List<string>();
        EvsPagingException error = await Assert.ThrowsAsync<EvsPagingException>(async () =>
        {
            await foreach (SnapshotSummary snapshot in new EvsClient(http).EnumerateSnapshotsAsync(Answers.Project, limit: 3))
            {
                seen.Add(snapshot.Id);
            }
        });

        Assert.Equal(s_ids[..3], seen);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(2, error.PageNumber);
        Assert.Equal(s_ids[2], error.Next);
        Assert.Contains("answered a page it had answered before", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_link_naming_another_host_gives_only_its_marker_the_request_goes_to_the_endpoint()
    {
        // OpenStack services behind a proxy often name themselves by an internal host in their links.
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            string? marker = context.Request.Query["marker"];
            return marker is null
                ? LoopbackServer.WriteJsonAsync(context, 200, Page(s_ids[..2], $"http://cinder.internal:8776/v2/{Answers.Project}/snapshots?limit=2&marker={s_ids[1]}"))
                : LoopbackServer.WriteJsonAsync(context, 200, Page(s_ids[2..3], null));
        });
        using HttpClient http = server.CreateClient();

        List<SnapshotSummary> seen = await ToListAsync(new EvsClient(http).EnumerateSnapshotsAsync(Answers.Project, limit: 2));

        Assert.Equal(s_ids[..3], seen.Select(s => s.Id));
        Assert.Equal($"/v2/{Answers.Project}/snapshots?limit=2&marker={s_ids[1]}", server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task Cancelling_between_items_stops_before_the_next_item_and_the_next_page()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => CinderPageAsync(context, s_ids));
        using HttpClient http = server.CreateClient();
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (SnapshotSummary snapshot in new EvsClient(http).EnumerateSnapshotsAsync(Answers.Project, limit: 3).WithCancellation(cancellation.Token))
            {
                seen.Add(snapshot.Id);
                if (seen.Count == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(s_ids[..2], seen);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_page_size_below_one_is_refused_before_anything_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => CinderPageAsync(context, s_ids));
        using HttpClient http = server.CreateClient();

        // Not a constant: EVS004 flags a constant 0 at compile time.
        int pageSize = s_ids.Length - 7;
        EvsValidationException error = await Assert.ThrowsAsync<EvsValidationException>(() => ToListAsync(new EvsClient(http).EnumerateSnapshotsAsync(Answers.Project, limit: pageSize)));

        Assert.Equal("limit", Assert.Single(error.Violations).Path);
        Assert.Equal(0, server.RequestCount);
    }

    /// <summary>Cinder's marker paging over <paramref name="ids"/>: the items after the marker, and a next link when the page is full.</summary>
    private static Task CinderPageAsync(HttpContext context, string[] ids)
    {
        string? marker = context.Request.Query["marker"];
        int limit = int.TryParse(context.Request.Query["limit"], out int asked) ? asked : 1000;
        int start = marker is null ? 0 : Array.IndexOf(ids, marker) + 1;
        string[] page = ids.Skip(start).Take(limit).ToArray();
        return LoopbackServer.WriteJsonAsync(context, 200, Page(page, page.Length == limit ? LinkTo(context, page[^1]) : null));
    }

    private static string LinkTo(HttpContext context, string marker) =>
        $"http://{context.Request.Host}{context.Request.Path}?limit={context.Request.Query["limit"]}&marker={marker}";

    private static string Page(IEnumerable<string> ids, string? next)
    {
        var body = new Dictionary<string, object>
        {
            ["snapshots"] = ids.Select(id => new Dictionary<string, object?>
            {
                ["id"] = id,
                ["created_at"] = "2026-12-06T20:41:48.046873",
                ["updated_at"] = null,
                ["name"] = "s-" + id[^1..],
                ["description"] = null,
                ["volume_id"] = Answers.VolumeId,
                ["status"] = "available",
                ["size"] = 1,
                ["metadata"] = new Dictionary<string, string>(),
                ["os-extended-snapshot-attributes:project_id"] = Answers.Project,
                ["os-extended-snapshot-attributes:progress"] = "100%",
            }).ToArray(),
        };
        if (next is not null)
        {
            body["snapshots_links"] = new[] { new { rel = "next", href = next } };
        }

        return JsonSerializer.Serialize(body);
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
