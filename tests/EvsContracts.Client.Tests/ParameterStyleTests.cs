using System.Net;
using System.Text;
using System.Text.Json;
using EvsContracts.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ParameterStyles;

namespace EvsContracts.Client.Tests;

/// <summary>
/// Lists and objects in the path, the query and headers in each style OpenAPI defines (RFC 6570's expansions), the
/// trace method and an operation that only redirects, through the spec <c>parameter-styles.openapi.json</c>: what
/// Kestrel received, byte for byte, and what it made of it.
/// </summary>
public class ParameterStyleTests
{
    private static Task<LoopbackServer> StartAsync(int status = 204) =>
        LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });

    private static Point Point(int x, int y) => new() { X = x, Y = y };

    [Fact]
    public async Task A_list_in_the_path_is_written_in_each_style_with_each_item_escaped_on_its_own()
    {
        await using LoopbackServer server = await StartAsync();
        using HttpClient http = server.CreateClient();

        await new StylesClient(http).GetListsAsync([1, 2], ["a b", "c,d"], ["x", "y"], ["m", "n"], [Colour.Red, Colour.Blue]);

        // simple a,b; label .a,b and exploded .a.b; matrix ;name=a,b and exploded ;name=a;name=b (RFC 6570, 3.2.5-7).
        Assert.Equal("/lists/1,2/.a%20b,c%2Cd/.x.y/;matrix=m,n/;matrixExploded=red;matrixExploded=blue", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task A_single_value_in_the_label_and_matrix_styles_takes_its_prefix()
    {
        await using LoopbackServer server = await StartAsync();
        using HttpClient http = server.CreateClient();

        await new StylesClient(http).GetValuesAsync(7, "v w");

        Assert.Equal("/values/.7/;matrix=v%20w", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task An_object_in_the_path_is_written_in_each_style_exploded_or_not()
    {
        await using LoopbackServer server = await StartAsync();
        using HttpClient http = server.CreateClient();

        await new StylesClient(http).GetObjectsAsync(
            Point(1, 2), Point(3, 4), Point(5, 6), Point(7, 8), Point(9, 10), new Dictionary<string, string> { ["a"] = "b=c", ["d"] = "e" });

        Assert.Equal("/objects/x,1,y,2/x=3,y=4/.x,5,y,6/.x=7.y=8/;matrix=x,9,y,10/;a=b%3Dc;d=e", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task A_path_list_item_that_would_change_the_path_is_refused_and_nothing_is_sent()
    {
        await using LoopbackServer server = await StartAsync();
        using HttpClient http = server.CreateClient();
        var client = new StylesClient(http);

        ArgumentException slash = await Assert.ThrowsAsync<ArgumentException>(() => client.GetListsAsync([1], ["a/b"], ["x"], ["m"], [Colour.Red]));
        ArgumentException empty = await Assert.ThrowsAsync<ArgumentException>(() => client.GetListsAsync([1], ["a"], [], ["m"], [Colour.Red]));
        ArgumentException dots = await Assert.ThrowsAsync<ArgumentException>(() => client.GetObjectsAsync(
            Point(1, 2), Point(3, 4), Point(5, 6), Point(7, 8), Point(9, 10), new Dictionary<string, string> { ["a"] = "%2e%2e%2f" }));

        Assert.Contains("'/'", slash.Message, StringComparison.Ordinal);
        Assert.Contains("labelExploded", empty.Message, StringComparison.Ordinal);
        Assert.Contains("matrixExploded", dots.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task List_items_and_object_members_are_validated_before_anything_is_sent()
    {
        await using LoopbackServer server = await StartAsync();
        using HttpClient http = server.CreateClient();
        var client = new StylesClient(http);

        // Built at run time: a constant list the analyzer would refuse at build time already (EVS004).
        List<int> ids = [1, int.Parse("0", System.Globalization.CultureInfo.InvariantCulture)];
        EvsValidationException list = await Assert.ThrowsAsync<EvsValidationException>(() => client.GetListsAsync(ids, ["a"], ["x"], ["m"], [Colour.Red]));
        EvsValidationException member = await Assert.ThrowsAsync<EvsValidationException>(() => client.SendHeadersAsync(Point(1, -1)));

        Assert.Equal("simple.1", Assert.Single(list.Violations).Path);
        Assert.Equal("X-Point.y", Assert.Single(member.Violations).Path);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Objects_in_the_query_send_each_member_as_its_own_name_or_join_them_into_one_value()
    {
        string? name = null, colour = null, ignore = null;
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            // What the server makes of it: form, exploded, gives each member a name of its own.
            (name, colour, ignore) = (context.Request.Query["name"], context.Request.Query["colour"], context.Request.Query["ignore"]);
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using HttpClient http = server.CreateClient();

        await new StylesClient(http).SearchAsync(
            filter: new Filter { Name = "rex & co", MinAge = 3, Born = new DateOnly(2020, 2, 29), Kind = Colour.Green, AdditionalProperties = new Dictionary<string, string> { ["colour"] = "red" } },
            point: Point(1, 2),
            range: new ParameterStyles.Range { Lo = 1.5, Hi = 9 },
            corner: Point(3, 4),
            labels: new Dictionary<string, string> { ["ignore"] = "documentation" },
            tags: ["a", "b|c"]);

        Assert.Equal(
            "/search?name=rex%20%26%20co&min_age=3&born=2020-02-29&kind=green&colour=red&point=x,1,y,2&range=lo%7C1.5%7Chi%7C9&corner=x%203%20y%204&ignore=documentation&tags=a%7Cb%7Cc",
            server.SingleRequest.RawTarget);
        Assert.Equal(("rex & co", "red", "documentation"), (name, colour, ignore));
    }

    [Fact]
    public async Task An_object_in_the_query_with_no_member_set_sends_nothing()
    {
        await using LoopbackServer server = await StartAsync();
        using HttpClient http = server.CreateClient();

        await new StylesClient(http).SearchAsync(filter: new Filter(), labels: new Dictionary<string, string>(), point: Point(1, 2));

        Assert.Equal("/search?point=x,1,y,2", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task Objects_and_maps_in_headers_are_joined_by_commas_exploded_or_not()
    {
        await using LoopbackServer server = await StartAsync();
        using HttpClient http = server.CreateClient();
        var client = new StylesClient(http);

        await client.SendHeadersAsync(Point(1, 2), new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 });
        await client.SendHeadersAsync(Point(3, 4), new Dictionary<string, int>());

        Assert.Equal("x,1,y,2", server.Requests[0].Header("X-Point"));
        Assert.Equal("a=1,b=2", server.Requests[0].Header("X-Labels"));
        Assert.Null(server.Requests[1].Header("X-Labels"));
    }

    [Fact]
    public async Task Bytes_go_as_base64_and_any_value_as_its_text()
    {
        await using LoopbackServer server = await StartAsync();
        using HttpClient http = server.CreateClient();
        var client = new StylesClient(http);
        using JsonDocument number = JsonDocument.Parse("42");
        using JsonDocument text = JsonDocument.Parse("\"a+b\"");

        await client.FindBlobsAsync([0xFB, 0xFF, 0x01], number.RootElement, [0x01, 0x02]);
        await client.FindBlobsAsync([0x00], text.RootElement);

        Assert.Equal("/blobs?digest=%2B%2F8B&match=42", server.Requests[0].RawTarget);
        Assert.Equal("AQI=", server.Requests[0].Header("X-Signature"));
        Assert.Equal("/blobs?digest=AA%3D%3D&match=a%2Bb", server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task The_trace_method_is_sent_as_trace()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, request) =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync($"{request.Method} {request.RawTarget}", context.RequestAborted);
        });
        using HttpClient http = server.CreateClient();

        string echo = await new StylesClient(http).TraceEchoAsync();

        Assert.Equal("TRACE /echo", echo);
    }

    private static Task<LoopbackServer> StartRedirectingAsync(LoopbackServer archives) =>
        LoopbackServer.StartAsync((context, request) =>
        {
            context.Response.StatusCode = (int)HttpStatusCode.Found;
            context.Response.Headers.Location = new Uri(archives.BaseAddress, "codeload/" + request.RawTarget.Split('/')[^1] + "?token=signed").ToString();
            return Task.CompletedTask;
        });

    private static Task<LoopbackServer> StartArchivesAsync() =>
        LoopbackServer.StartAsync(async (context, request) =>
        {
            context.Response.ContentType = "application/x-gzip";
            await context.Response.Body.WriteAsync(Encoding.ASCII.GetBytes("archive of " + request.RawTarget), context.RequestAborted);
        });

    [Fact]
    public async Task An_operation_that_only_redirects_answers_with_where_the_redirect_leads_when_HttpClient_follows_it()
    {
        await using LoopbackServer archives = await StartArchivesAsync();
        await using LoopbackServer service = await StartRedirectingAsync(archives);
        using HttpClient http = service.CreateClient();

        await using Stream archive = await new StylesClient(http).DownloadArchiveAsync("v1.0");
        using var reader = new StreamReader(archive);

        Assert.Equal("archive of /codeload/v1.0?token=signed", await reader.ReadToEndAsync());
        Assert.Equal("/archives/v1.0", service.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task A_client_that_does_not_follow_redirects_follows_this_one_itself_without_the_token()
    {
        await using LoopbackServer archives = await StartArchivesAsync();
        await using LoopbackServer service = await StartRedirectingAsync(archives);
        var services = new ServiceCollection();
        services.AddStylesClient(client => client.BaseAddress = service.BaseAddress, options => options.AuthToken = "admin:t0ken");
        await using ServiceProvider provider = services.BuildServiceProvider();

        await using Stream archive = await provider.GetRequiredService<IStylesClient>().DownloadArchiveAsync("v2.0");
        using var reader = new StreamReader(archive);

        Assert.Equal("archive of /codeload/v2.0?token=signed", await reader.ReadToEndAsync());
        Assert.Equal("admin:t0ken", service.SingleRequest.Header("X-Auth-Token"));
        RecordedRequest followed = archives.SingleRequest;
        Assert.Equal("GET", followed.Method);
        Assert.Null(followed.Header("X-Auth-Token"));
        Assert.Equal("*/*", followed.Header("Accept"));
    }

    [Fact]
    public async Task A_redirect_that_leads_nowhere_is_an_api_exception()
    {
        await using LoopbackServer service = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = (int)HttpStatusCode.Found;
            return Task.CompletedTask;
        });
        var services = new ServiceCollection();
        services.AddStylesClient(client => client.BaseAddress = service.BaseAddress);
        await using ServiceProvider provider = services.BuildServiceProvider();

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => provider.GetRequiredService<IStylesClient>().DownloadArchiveAsync("v3.0"));

        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
    }

    [Fact]
    public async Task Members_that_can_only_be_null_are_read()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"i-1","currency":null,"voided":null}""");
        using HttpClient http = server.CreateClient();

        Invoice invoice = await new StylesClient(http).GetInvoiceAsync("i-1");

        Assert.Equal("i-1", invoice.Id);
        Assert.Null(invoice.Currency);
        Assert.Equal(JsonValueKind.Null, invoice.Voided?.ValueKind ?? JsonValueKind.Null);
    }
}
