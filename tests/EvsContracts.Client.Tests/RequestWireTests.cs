using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;

namespace EvsContracts.Client.Tests;

/// <summary>What the generated client puts on the wire, as Kestrel received it.</summary>
public class RequestWireTests
{
    private static CreateSnapshotRequestBody Body() => new()
    {
        Snapshot = new CreateSnapshotOption
        {
            VolumeId = Answers.VolumeId,
            Force = false,
            Name = "快照-01",
            Description = "每日备份 \"nightly\"",
            Metadata = new Dictionary<string, string> { ["purpose"] = "nightly" },
        },
    };

    [Fact]
    public async Task The_body_goes_out_with_Content_Length_and_never_chunked()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();

        await new EvsClient(http).CreateSnapshotAsync(Answers.Project, Body());

        RecordedRequest request = server.SingleRequest;
        Assert.False(request.Chunked);
        Assert.Null(request.Header("Transfer-Encoding"));
        Assert.NotEmpty(request.Body);
        Assert.Equal(request.Body.Length, request.ContentLength);
    }

    [Fact]
    public async Task The_body_is_the_expected_json_with_raw_utf8_and_no_null_members()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();
        CreateSnapshotRequestBody body = Body();
        body.Snapshot.Description = null;

        await new EvsClient(http).CreateSnapshotAsync(Answers.Project, body);

        byte[] sent = server.SingleRequest.Body;
        JsonNode? expected = JsonNode.Parse("""
            {"snapshot": {"volume_id": "cf7fc691-5f18-4c42-8525-5761990b4b03", "force": false, "name": "快照-01",
                          "metadata": {"purpose": "nightly"}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(sent)), Encoding.UTF8.GetString(sent));

        // CJK text travels as UTF-8 bytes, not as \uXXXX escapes.
        Assert.Contains("\"快照-01\"", Encoding.UTF8.GetString(sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotes_in_text_are_escaped_and_the_value_survives()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();

        await new EvsClient(http).CreateSnapshotAsync(Answers.Project, Body());

        JsonNode sent = JsonNode.Parse(server.SingleRequest.Body)!;
        Assert.Equal("每日备份 \"nightly\"", (string?)sent["snapshot"]!["description"]);
    }

    [Fact]
    public async Task Create_sends_Accept_and_Content_Type_application_json_to_the_spec_path()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();

        await new EvsClient(http).CreateSnapshotAsync(Answers.Project, Body());

        RecordedRequest request = server.SingleRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v2/{Answers.Project}/snapshots", request.RawTarget);
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal("application/json", MediaTypeHeaderValue.Parse(request.Header("Content-Type") ?? string.Empty).MediaType);
    }

    [Fact]
    public async Task Show_and_delete_send_no_body_and_accept_json()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, request) =>
        {
            if (request.Method == "DELETE")
            {
                context.Response.StatusCode = 202;
                return Task.CompletedTask;
            }

            return LoopbackServer.WriteJsonAsync(context, 200, Answers.Snapshot("available"));
        });
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http);

        ShowSnapshotResponseBody shown = await client.ShowSnapshotAsync(Answers.Project, Answers.SnapshotId);
        await client.DeleteSnapshotAsync(Answers.Project, Answers.SnapshotId);

        Assert.Equal(SnapshotStatus.Available, shown.Snapshot.Status);
        Assert.Collection(
            server.Requests,
            get =>
            {
                Assert.Equal("GET", get.Method);
                Assert.Equal($"/v2/{Answers.Project}/snapshots/{Answers.SnapshotId}", get.RawTarget);
                Assert.Empty(get.Body);
                Assert.Null(get.Header("Content-Type"));
                Assert.Equal("application/json", get.Header("Accept"));
            },
            delete =>
            {
                Assert.Equal("DELETE", delete.Method);
                Assert.Equal($"/v2/{Answers.Project}/snapshots/{Answers.SnapshotId}", delete.RawTarget);
                Assert.Empty(delete.Body);
                Assert.Equal("application/json", delete.Header("Accept"));
            });
    }

    [Fact]
    public async Task A_fixed_token_is_sent_as_X_Auth_Token()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();

        await new EvsClient(http, new EvsClientOptions { AuthToken = "admin:c0ffee" }).CreateSnapshotAsync(Answers.Project, Body());

        Assert.Equal("admin:c0ffee", server.SingleRequest.Header("X-Auth-Token"));
    }

    [Fact]
    public async Task An_async_token_provider_is_asked_before_every_request_and_wins_over_a_fixed_token()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();
        int calls = 0;
        var options = new EvsClientOptions
        {
            AuthToken = "fixed-token",
            AuthTokenProvider = async cancellationToken =>
            {
                await Task.Delay(1, cancellationToken);
                return $"fresh-token-{Interlocked.Increment(ref calls)}";
            },
        };
        var client = new EvsClient(http, options);

        await client.CreateSnapshotAsync(Answers.Project, Body());
        await client.CreateSnapshotAsync(Answers.Project, Body());

        Assert.Equal(["fresh-token-1", "fresh-token-2"], server.Requests.Select(r => r.Header("X-Auth-Token")));
    }

    [Fact]
    public async Task Without_a_token_no_X_Auth_Token_header_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();

        await new EvsClient(http).CreateSnapshotAsync(Answers.Project, Body());

        Assert.Null(server.SingleRequest.Header("X-Auth-Token"));
    }

    [Fact]
    public async Task The_api_version_option_is_sent_as_OpenStack_API_Version()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();

        await new EvsClient(http, new EvsClientOptions { ApiVersion = "volume 3.65" }).CreateSnapshotAsync(Answers.Project, Body());
        await new EvsClient(http).CreateSnapshotAsync(Answers.Project, Body());

        Assert.Equal(["volume 3.65", null], server.Requests.Select(r => r.Header("OpenStack-API-Version")));
    }

    [Theory]
    [InlineData("prefix/", "/prefix/v2/")]
    [InlineData("prefix", "/prefix/v2/")]
    [InlineData("a/b/", "/a/b/v2/")]
    public async Task A_base_address_with_a_path_prefix_keeps_the_prefix(string relativeBase, string expectedStart)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient(relativeBase);

        await new EvsClient(http).CreateSnapshotAsync(Answers.Project, Body());

        Assert.Equal($"{expectedStart}{Answers.Project}/snapshots", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task A_path_parameter_is_escaped_as_one_segment()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();

        await new EvsClient(http).CreateSnapshotAsync("my project+1", Body());

        Assert.Equal("/v2/my%20project%2B1/snapshots", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task The_same_client_serves_concurrent_calls()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, request) =>
        {
            // Each answer names the snapshot after the request's own description, so answers cannot be swapped.
            string description = (string)JsonNode.Parse(request.Body)!["snapshot"]!["description"]!;
            return LoopbackServer.WriteJsonAsync(context, 202, Answers.Snapshot(name: description));
        });
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http, new EvsClientOptions { AuthToken = "t" });

        CreateSnapshotResponseBody[] answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
        {
            CreateSnapshotRequestBody body = Body();
            body.Snapshot.Description = $"call-{i}";
            return client.CreateSnapshotAsync(Answers.Project, body);
        }));

        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"call-{i}"), answers.Select(a => a.Snapshot.Name));
        Assert.Equal(16, server.RequestCount);
    }
}
