using System.Net;
using System.Text;
using EvsContracts.Client.Tests.Infrastructure;
using MediaTypes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace EvsContracts.Client.Tests;

/// <summary>
/// Bodies in media types other than <c>application/json</c>, through the spec <c>media-types.openapi.json</c>: what
/// Kestrel received, and what the client made of Kestrel's answers.
/// </summary>
public class MediaTypeTests
{
    [Fact]
    public async Task Text_json_is_sent_and_asked_for_as_text_json_and_read_as_the_model()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => WriteAsync(context, "text/json; charset=utf-8", """{"title":"季度报告","pages":12}"""));
        using HttpClient http = server.CreateClient();

        Report report = await new MediaClient(http).ReplaceReportAsync("r-1", new Report { Title = "季度报告", Pages = 12 });

        Assert.Equal("季度报告", report.Title);
        Assert.Equal(12, report.Pages);
        RecordedRequest request = server.SingleRequest;
        Assert.Equal("text/json", request.Header("Content-Type"));
        Assert.Equal("text/json", request.Header("Accept"));
        Assert.Equal("""{"title":"季度报告","pages":12}""", Encoding.UTF8.GetString(request.Body));
        Assert.Equal(request.Body.Length, request.ContentLength);
    }

    [Fact]
    public async Task Json_that_is_not_an_object_goes_both_ways_under_its_own_media_types()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => WriteAsync(context, "text/json", """["一","two"]"""));
        using HttpClient http = server.CreateClient();

        IReadOnlyList<string> titles = await new MediaClient(http).FilterTitlesAsync(["一", "t"]);

        Assert.Equal(["一", "two"], titles);
        RecordedRequest request = server.SingleRequest;
        Assert.Equal("application/vnd.reports.filter+json", request.Header("Content-Type"));
        Assert.Equal("text/json", request.Header("Accept"));
        Assert.Equal("""["一","t"]""", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task A_vendor_json_body_goes_out_under_its_media_type_and_an_absent_optional_body_sends_none()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using HttpClient http = server.CreateClient();
        var client = new MediaClient(http);

        await client.PatchReportAsync("r-1", new Report { Title = "t" });
        await client.PatchReportAsync("r-1");

        Assert.Equal("application/merge-patch+json", server.Requests[0].Header("Content-Type"));
        Assert.Equal("""{"title":"t"}""", Encoding.UTF8.GetString(server.Requests[0].Body));
        Assert.Null(server.Requests[1].Header("Content-Type"));
        Assert.Empty(server.Requests[1].Body);
    }

    [Fact]
    public async Task Problem_json_is_read_as_its_model_and_a_problem_for_a_download_is_an_EvsApiException()
    {
        const string Problem = """{"type":"about:blank","title":"Not Found","status":404,"detail":"no report r-9"}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = context.Request.Path.Value!.EndsWith("/pdf", StringComparison.Ordinal) ? 404 : 200;
            return WriteAsync(context, "application/problem+json", Problem, context.Response.StatusCode);
        });
        using HttpClient http = server.CreateClient();
        var client = new MediaClient(http);

        Problem problem = await client.GetProblemAsync("r-9");
        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => client.DownloadReportAsync("r-9"));

        Assert.Equal("no report r-9", problem.Detail);
        Assert.Equal(404, problem.Status);
        Assert.Equal("application/problem+json", server.Requests[0].Header("Accept"));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(Problem, error.ResponseBody);
        Assert.Equal("application/pdf", server.Requests[1].Header("Accept"));
    }

    [Fact]
    public async Task Bytes_uploaded_from_a_stream_arrive_unchanged_with_their_length_from_the_stream_position()
    {
        byte[] bytes = RandomBytes(300_000, seed: 1);
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using HttpClient http = server.CreateClient();
        using var stream = new MemoryStream(bytes);
        stream.Position = 1000;

        await new MediaClient(http).UploadFileAsync("data.bin", stream);

        RecordedRequest request = server.SingleRequest;
        Assert.Equal(bytes[1000..], request.Body);
        Assert.Equal(bytes.Length - 1000, request.ContentLength);
        Assert.False(request.Chunked);
        Assert.Equal("application/octet-stream", request.Header("Content-Type"));
        Assert.True(stream.CanRead, "the caller's stream is left open");
    }

    [Fact]
    public async Task A_stream_signed_with_AK_SK_is_hashed_over_the_bytes_sent_and_the_gateway_accepts_it()
    {
        byte[] bytes = RandomBytes(50_000, seed: 5);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, request) =>
        {
            if (SigningGateway.Reject(context, request, FakeCredentials.SecretKey) is { } refusal)
            {
                await WriteAsync(context, "application/json", refusal, 401);
                return;
            }

            context.Response.StatusCode = 204;
        });
        using HttpClient http = server.CreateClient();
        var client = new MediaClient(http, new EvsClientOptions { Credentials = FakeCredentials.Create() });

        // A stream that cannot tell its length is buffered once to be hashed, then sent from that buffer.
        await client.UploadFileAsync("data.bin", new ForwardOnlyStream(bytes));

        RecordedRequest request = server.SingleRequest;
        Assert.Equal(bytes, request.Body);
        Assert.StartsWith("SDK-HMAC-SHA256 ", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_sent_chunked_and_arrives_unchanged()
    {
        byte[] bytes = RandomBytes(70_000, seed: 2);
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => WriteAsync(context, "text/plain; charset=utf-8", "ok"));
        using HttpClient http = server.CreateClient();

        string answer = await new MediaClient(http).PutImageAsync("logo.png", new ForwardOnlyStream(bytes));

        RecordedRequest request = server.SingleRequest;
        Assert.Equal("ok", answer);
        Assert.Equal(bytes, request.Body);
        Assert.True(request.Chunked);
        Assert.Equal("image/png", request.Header("Content-Type"));
        Assert.Equal("text/plain", request.Header("Accept"));
    }

    [Fact]
    public async Task A_download_is_a_stream_of_the_exact_bytes_and_disposing_it_frees_the_connection()
    {
        byte[] bytes = RandomBytes(2_000_000, seed: 3);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/pdf";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1 };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        var client = new MediaClient(http);

        // Three in a row over one connection: each must be given back when its stream is disposed.
        for (int i = 0; i < 3; i++)
        {
            await using Stream pdf = await client.DownloadReportAsync("r-1");
            using var copy = new MemoryStream();
            await pdf.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        Assert.All(server.Requests, r => Assert.Equal("application/pdf", r.Header("Accept")));
    }

    [Fact]
    public async Task Any_media_type_without_a_schema_is_downloaded_as_bytes()
    {
        byte[] bytes = RandomBytes(1000, seed: 4);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/zip";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });
        using HttpClient http = server.CreateClient();

        await using Stream file = await new MediaClient(http).DownloadFileAsync("archive.zip");
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("*/*", server.SingleRequest.Header("Accept"));
    }

    [Fact]
    public async Task Text_round_trips_as_utf8_cjk_and_emoji_included()
    {
        const string Note = "会议纪要：明天 9:00 ✓ 😀\nline two";
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, request) =>
            WriteAsync(context, "text/plain; charset=utf-8", Encoding.UTF8.GetString(request.Body) + " (stored)"));
        using HttpClient http = server.CreateClient();

        string stored = await new MediaClient(http).EchoNoteAsync(Note);

        Assert.Equal(Note + " (stored)", stored);
        RecordedRequest request = server.SingleRequest;
        Assert.Equal(Encoding.UTF8.GetBytes(Note), request.Body);
        Assert.Equal("text/plain; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal("text/plain", request.Header("Accept"));
        Assert.Equal(request.Body.Length, request.ContentLength);
    }

    [Fact]
    public async Task Xml_is_text_decoded_by_the_charset_the_server_names()
    {
        const string Xml = "<report><title>季度报告</title></report>";
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/xml; charset=utf-16";
            await context.Response.Body.WriteAsync(Encoding.Unicode.GetBytes(Xml), context.RequestAborted);
        });
        using HttpClient http = server.CreateClient();

        string xml = await new MediaClient(http).GetReportXmlAsync("r-1");

        Assert.Equal(Xml, xml);
        Assert.Equal("application/xml", server.SingleRequest.Header("Accept"));
    }

    [Fact]
    public async Task A_success_without_a_body_gives_null_text()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = context.Request.Query.ContainsKey("x") ? 200 : 204;
            return Task.CompletedTask;
        });
        using HttpClient http = server.CreateClient();

        string? config = await new MediaClient(http).GetConfigAsync();

        Assert.Null(config);
        Assert.Equal("application/x-yaml", server.SingleRequest.Header("Accept"));
    }

    [Fact]
    public async Task Form_fields_go_out_encoded_as_browsers_do_and_ASP_NET_Core_reads_each_back()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => WriteAsync(context, "application/json", """{"access_token":"t-1","expires_in":3600}"""));
        using HttpClient http = server.CreateClient();
        var body = new TokenRequest
        {
            GrantType = GrantType.ClientCredentials,
            ClientId = "app 1&x=y+z",
            Scope = ["read", "write all"],
            Lifetime = 3600,
            Offline = true,
            Note = "笔记~*",
        };

        Token token = await new MediaClient(http).RequestTokenAsync(body);

        Assert.Equal("t-1", token.AccessToken);
        RecordedRequest request = server.SingleRequest;
        Assert.Equal("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal(
            "grant_type=client_credentials&client_id=app+1%26x%3Dy%2Bz&scope=read&scope=write+all&lifetime=3600&offline=true&note=%E7%AC%94%E8%AE%B0%7E*",
            Encoding.ASCII.GetString(request.Body));
        Assert.Equal(request.Body.Length, request.ContentLength);

        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form = new FormReader(Encoding.UTF8.GetString(request.Body)).ReadForm();
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("app 1&x=y+z", form["client_id"]);
        Assert.Equal(["read", "write all"], form["scope"].Select(value => value!));
        Assert.Equal("3600", form["lifetime"]);
        Assert.Equal("true", form["offline"]);
        Assert.Equal("笔记~*", form["note"]);
    }

    [Fact]
    public async Task Form_fields_of_the_deepObject_style_send_each_member_and_item_as_a_field_that_ASP_NET_Core_reads_back()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using HttpClient http = server.CreateClient();
        var body = new ChargeRequest
        {
            Amount = 2000,
            Description = "tea & cake",
            Expand = ["customer", "invoice"],
            Items = [new ChargeRequestItemsItem { Price = "p_1", Quantity = 2 }, new ChargeRequestItemsItem { Price = "p 2" }],
            Metadata = new Dictionary<string, string> { ["order"] = "6735", ["备注"] = "a[b]" },
            Shipping = new ChargeRequestShipping { Name = "Jenny", Address = new ChargeRequestShippingAddress { Line1 = "1 Main St", City = "上海" } },
        };

        await new MediaClient(http).CreateChargeAsync(body);

        RecordedRequest request = server.SingleRequest;
        Assert.Equal("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal(
            "amount=2000&description=tea+%26+cake&expand%5B0%5D=customer&expand%5B1%5D=invoice&items%5B0%5D%5Bprice%5D=p_1&items%5B0%5D%5Bquantity%5D=2"
            + "&items%5B1%5D%5Bprice%5D=p+2&metadata%5Border%5D=6735&metadata%5B%E5%A4%87%E6%B3%A8%5D=a%5Bb%5D&shipping%5Bname%5D=Jenny"
            + "&shipping%5Baddress%5D%5Bline1%5D=1+Main+St&shipping%5Baddress%5D%5Bcity%5D=%E4%B8%8A%E6%B5%B7",
            Encoding.ASCII.GetString(request.Body));

        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form = new FormReader(Encoding.UTF8.GetString(request.Body)).ReadForm();
        Assert.Equal("invoice", form["expand[1]"]);
        Assert.Equal("2", form["items[0][quantity]"]);
        Assert.Equal("a[b]", form["metadata[备注]"]);
        Assert.Equal("上海", form["shipping[address][city]"]);
        Assert.False(form.ContainsKey("items[1][quantity]"));
    }

    [Fact]
    public async Task A_deepObject_form_field_that_breaks_its_contract_is_refused_before_anything_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using HttpClient http = server.CreateClient();

        EvsValidationException refused = await Assert.ThrowsAsync<EvsValidationException>(
            () => new MediaClient(http).CreateChargeAsync(new ChargeRequest { Amount = 1, Shipping = new ChargeRequestShipping { Name = new string('J', 9) } }));

        Assert.Equal("shipping.name", Assert.Single(refused.Violations).Path);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Unset_optional_form_fields_are_not_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => WriteAsync(context, "application/json", """{"access_token":"t-1"}"""));
        using HttpClient http = server.CreateClient();

        await new MediaClient(http).RequestTokenAsync(new TokenRequest { GrantType = GrantType.RefreshToken, ClientId = "c" });

        Assert.Equal("grant_type=refresh_token&client_id=c", Encoding.ASCII.GetString(server.SingleRequest.Body));
    }

    [Fact]
    public async Task A_form_body_that_breaks_its_contract_is_refused_before_anything_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => WriteAsync(context, "application/json", """{"access_token":"t-1"}"""));
        using HttpClient http = server.CreateClient();

        EvsValidationException error = await Assert.ThrowsAsync<EvsValidationException>(() =>
            new MediaClient(http).RequestTokenAsync(new TokenRequest { GrantType = GrantType.ClientCredentials, ClientId = string.Empty, Lifetime = TooShort() }));

        Assert.Equal(["client_id", "lifetime"], error.Violations.Select(v => v.Path).Order(StringComparer.Ordinal));
        Assert.Equal(0, server.RequestCount);
    }

    private static async Task WriteAsync(HttpContext context, string contentType, string text, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    // Not a constant: the analyzers would flag one at compile time (EVS004), before the client refuses it.
    private static int TooShort() => Environment.ProcessorCount > 0 ? 10 : 0;

    private static byte[] RandomBytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A stream that can only be read forward, so its length is unknown.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
