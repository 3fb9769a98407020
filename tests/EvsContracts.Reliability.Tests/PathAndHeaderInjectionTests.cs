using System.Reflection;
using EvsContracts.Reliability.Tests.Infrastructure;
using EvsContracts.Snapshots;
using Microsoft.AspNetCore.WebUtilities;

namespace EvsContracts.Reliability.Tests;

/// <summary>
/// Values that would change the request: path parameters that add segments, climb, start a query or a fragment, or
/// split the request line; header values that add headers. Each is escaped so the server sees exactly the value, or
/// refused before a single byte is sent (the server counts requests).
/// </summary>
public sealed class PathAndHeaderInjectionTests : IAsyncLifetime
{
    private const string PathsSpec = """
        {"openapi": "3.1.0", "info": {"title": "Paths", "version": "1", "x-namespace": "Paths.Api", "x-client-name": "PathsClient"},
         "paths": {"/v1/{project_id}/items/{item_id}": {"get": {"operationId": "getItem",
           "parameters": [
             {"name": "project_id", "in": "path", "required": true, "schema": {"type": "string"}},
             {"name": "item_id", "in": "path", "required": true, "schema": {"type": "string"}},
             {"name": "filter", "in": "query", "required": true, "schema": {"type": "string"}},
             {"name": "X-Trace-Id", "in": "header", "required": true, "schema": {"type": "string"}}],
           "responses": {"204": {"description": "done"}}}}}}
        """;

    private static readonly Lazy<Type> s_pathsClient = new(() =>
    {
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/paths.openapi.json", PathsSpec);
        GeneratorHost.AssertCompilesCleanly(outcome);
        return GeneratorHost.Load(outcome.Output).GetType("Paths.Api.PathsClient", throwOnError: true)!;
    });

    private KestrelServer _server = null!;

    public static TheoryData<string> PathChangers() => new()
    {
        "/", "a/b", "..", ".", "?", "a?b=1", "#", "a#b", "\\", "a\\b",
        "%2F", "%2f", "a%2Fb", "%2e%2e", ".%2E", "%252F", "%25252e%25252e", "%5C", "%3F", "%23",
        "a\r\nb", "\r", "\n", "\0", "a%0d%0aHost: evil", string.Empty,
    };

    public static TheoryData<string> PlainValues() => new()
    {
        "abc", "项目é", "a b", "%", "%zz", "%41", "a+b", "a;b", "a=b&c", "@:", "~!$'()*,", "...", "e\u0301", "\U0001F600", "\u202Eevil", "a%",
    };

    public static TheoryData<string> HeaderInjections() => new() { "v\r\nX-Injected: 1", "v\nX-Injected: 1", "v\rX", "v\0" };

    public async Task InitializeAsync() => _server = await KestrelServer.StartAsync(context =>
    {
        context.Response.StatusCode = context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal) ? 204 : 202;
        return context.Response.StatusCode == 204
            ? Task.CompletedTask
            : HostileServerTests.Answer(context, 202, "application/json", HostileServerTests.Snapshot());
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(PathChangers))]
    public async Task A_path_parameter_that_would_change_the_path_is_refused_before_sending(string value)
    {
        using HttpClient http = _server.CreateClient();
        var client = new EvsClient(http, new EvsClientOptions { AuthToken = Secrets.Token, ValidateRequests = false });

        ArgumentException create = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CreateSnapshotAsync(value, HostileServerTests.Request()));
        Assert.Contains("project_id", create.Message, StringComparison.Ordinal);

        // The second parameter too, with validation off so the uuid rule does not stop it first.
        ArgumentException show = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.ShowSnapshotAsync("project", value));
        Assert.Contains("snapshot_id", show.Message, StringComparison.Ordinal);

        // In a generated client of another spec, each of its two path parameters.
        await Assert.ThrowsAnyAsync<ArgumentException>(() => GetItem(http, value, "item", "filter", "trace"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => GetItem(http, "project", value, "filter", "trace"));
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [MemberData(nameof(PlainValues))]
    public async Task Any_other_path_or_query_value_reaches_the_server_exactly(string value)
    {
        using HttpClient http = _server.CreateClient();
        await GetItem(http, value, value, value, "trace");
        SeenRequest seen = Assert.Single(_server.Requests);
        Assert.Equal($"/v1/{value}/items/{value}", seen.Path);
        Assert.Equal($"/v1/{Uri.EscapeDataString(value)}/items/{Uri.EscapeDataString(value)}?filter={Uri.EscapeDataString(value)}", seen.RawTarget);
        Assert.Equal(value, QueryHelpers.ParseQuery(seen.Query)["filter"].ToString());
    }

    [Fact]
    public async Task Half_a_surrogate_pair_in_a_path_parameter_is_sent_as_the_replacement_character()
    {
        // Not text, so it cannot be sent as itself: it becomes U+FFFD, as it does in a JSON body.
        using HttpClient http = _server.CreateClient();
        await GetItem(http, "a\uD800b", "item", "filter", "trace");
        Assert.Equal("/v1/a\uFFFDb/items/item", Assert.Single(_server.Requests).Path);
    }

    [Theory]
    [MemberData(nameof(HeaderInjections))]
    public async Task A_header_value_with_CR_LF_or_NUL_is_refused_before_sending(string value)
    {
        using HttpClient http = _server.CreateClient();
        ArgumentException parameter = await Assert.ThrowsAnyAsync<ArgumentException>(() => GetItem(http, "project", "item", "filter", value));
        Assert.Contains("X-Trace-Id", parameter.Message, StringComparison.Ordinal);

        var client = new EvsClient(http, new EvsClientOptions { AuthToken = Secrets.Token, ApiVersion = "volume 3.0" + value });
        ArgumentException version = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CreateSnapshotAsync("project", HostileServerTests.Request()));
        Assert.Contains("OpenStack-API-Version", version.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_header_value_outside_ASCII_is_refused_before_the_server_sees_a_request()
    {
        using HttpClient http = _server.CreateClient();
        Exception exception = await Assert.ThrowsAnyAsync<Exception>(() => GetItem(http, "project", "item", "filter", "trace-é"));
        Assert.True(exception is ArgumentException or HttpRequestException, exception.ToString());
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("X-Evil\r\nHost")]
    [InlineData("X Evil")]
    [InlineData("X-Evil:")]
    [InlineData("")]
    [InlineData("X-Évil")]
    public void A_header_name_that_is_not_an_HTTP_token_is_refused(string name)
    {
        ArgumentException exception = Assert.ThrowsAny<ArgumentException>(() => EvsHeaders.Validate(name, "value"));
        Assert.DoesNotContain('\r', exception.Message);
        Assert.DoesNotContain('\n', exception.Message);
    }

    /// <summary>Calls <c>GetItemAsync(projectId, itemId, filter, xTraceId)</c> on the generated client of <see cref="PathsSpec"/>.</summary>
    private static Task GetItem(HttpClient http, string projectId, string itemId, string filter, string traceId)
    {
        object client = Activator.CreateInstance(s_pathsClient.Value, http, new EvsClientOptions())!;
        MethodInfo get = s_pathsClient.Value.GetMethod("GetItemAsync")!;
        try
        {
            return (Task)get.Invoke(client, [projectId, itemId, filter, traceId, CancellationToken.None])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // A refusal thrown before the first await surfaces through reflection; rethrow it as the caller would see it.
            return Task.FromException(e.InnerException);
        }
    }
}
