using System.Text.Json;
using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Paging;

namespace EvsContracts.Client.Tests;

/// <summary>Offset and next-link paging, through the small spec <c>Specs/paging.openapi.json</c>.</summary>
public class PagingStyleTests
{
    private static readonly string[] s_ids = ["a", "b", "c", "d", "e"];

    [Fact]
    public async Task Offset_paging_reads_every_item_once_and_stops_at_a_short_page()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            int offset = int.TryParse(context.Request.Query["offset"], out int skip) ? skip : 0;
            int limit = int.Parse(context.Request.Query["limit"]!, System.Globalization.CultureInfo.InvariantCulture);
            return LoopbackServer.WriteJsonAsync(context, 200, ItemPage(s_ids.Skip(offset).Take(limit)));
        });
        using HttpClient http = server.CreateClient();

        List<Item> items = await PagingTests.ToListAsync(new PagingClient(http).EnumerateItemsAsync(kind: "disk", limit: 2));

        Assert.Equal(s_ids, items.Select(i => i.Id));
        Assert.Equal(["/items?limit=2&kind=disk", "/items?limit=2&offset=2&kind=disk", "/items?limit=2&offset=4&kind=disk"], server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Offset_paging_against_a_server_that_ignores_the_offset_ends_in_EvsPagingException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.WriteJsonAsync(context, 200, ItemPage(s_ids.Take(2))));
        using HttpClient http = server.CreateClient();

        var seen = new List<string>();
        EvsPagingException error = await Assert.ThrowsAsync<EvsPagingException>(async () =>
        {
            await foreach (Item item in new PagingClient(http).EnumerateItemsAsync(limit: 2))
            {
                seen.Add(item.Id);
            }
        });

        Assert.Equal(["a", "b"], seen);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(2, error.PageNumber);
    }

    [Fact]
    public async Task Next_link_paging_follows_the_links_to_the_last_page()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            int page = int.TryParse(context.Request.Query["page"], out int number) ? number : 0;
            string? next = page < 2 ? $"http://{context.Request.Host}/linked?page_size=2&page={page + 1}" : null;
            return LoopbackServer.WriteJsonAsync(context, 200, LinkedPage(s_ids.Skip(page * 2).Take(2), next));
        });
        using HttpClient http = server.CreateClient();

        List<Item> items = await PagingTests.ToListAsync(new PagingClient(http).EnumerateLinkedItemsAsync(pageSize: 2));

        Assert.Equal(s_ids, items.Select(i => i.Id));
        Assert.Equal(["/linked?page_size=2", "/linked?page_size=2&page=1", "/linked?page_size=2&page=2"], server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task A_next_link_to_another_host_ends_in_EvsPagingException_and_nothing_is_sent_there()
    {
        await using LoopbackServer elsewhere = await LoopbackServer.StartAsync(200, LinkedPage([], null));
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            LoopbackServer.WriteJsonAsync(context, 200, LinkedPage(s_ids.Take(2), new Uri(elsewhere.BaseAddress, "linked?page=1").ToString())));
        using HttpClient http = server.CreateClient();

        var seen = new List<string>();
        EvsPagingException error = await Assert.ThrowsAsync<EvsPagingException>(async () =>
        {
            await foreach (Item item in new PagingClient(http, new EvsClientOptions { AuthToken = "secret-token" }).EnumerateLinkedItemsAsync())
            {
                seen.Add(item.Id);
            }
        });

        // Another port of the same host is another server: the token must not go there either.
        Assert.Equal(["a", "b"], seen);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, elsewhere.RequestCount);
        Assert.Contains(elsewhere.BaseAddress.GetLeftPart(UriPartial.Authority), error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.PageNumber);
    }

    [Fact]
    public async Task A_next_link_outside_the_endpoint_path_is_refused()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            LoopbackServer.WriteJsonAsync(context, 200, LinkedPage(s_ids.Take(1), $"http://{context.Request.Host}/other/linked?page=1")));
        using HttpClient http = server.CreateClient("api/");

        await Assert.ThrowsAsync<EvsPagingException>(() => PagingTests.ToListAsync(new PagingClient(http).EnumerateLinkedItemsAsync()));

        Assert.Equal("/api/linked", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task A_next_link_that_comes_round_again_ends_in_EvsPagingException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            LoopbackServer.WriteJsonAsync(context, 200, LinkedPage(s_ids.Take(1), "/linked?page=1")));
        using HttpClient http = server.CreateClient();

        EvsPagingException error = await Assert.ThrowsAsync<EvsPagingException>(() => PagingTests.ToListAsync(new PagingClient(http).EnumerateLinkedItemsAsync()));

        Assert.Equal(2, server.RequestCount);
        Assert.Equal("/linked?page=1", error.Next);
    }

    private static string ItemPage(IEnumerable<string> ids) =>
        JsonSerializer.Serialize(new { items = ids.Select(id => new { id }).ToArray() });

    private static string LinkedPage(IEnumerable<string> ids, string? next) =>
        JsonSerializer.Serialize(new { data = new { items = ids.Select(id => new { id }).ToArray(), next } });
}
