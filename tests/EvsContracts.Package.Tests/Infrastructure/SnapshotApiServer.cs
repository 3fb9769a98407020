using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EvsContracts.Package.Tests.Infrastructure;

/// <summary>One request as Kestrel received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="ContentType">The <c>Content-Type</c> header.</param>
/// <param name="ContentLength">The <c>Content-Length</c> header, if sent.</param>
/// <param name="TransferEncoding">The <c>Transfer-Encoding</c> header, if sent.</param>
/// <param name="AuthToken">The <c>X-Auth-Token</c> header.</param>
/// <param name="Body">The body as UTF-8 text.</param>
/// <param name="BodyBytes">The body's length in bytes.</param>
internal sealed record ReceivedRequest(
    string Method,
    string Path,
    string? ContentType,
    long? ContentLength,
    string? TransferEncoding,
    string? AuthToken,
    string Body,
    int BodyBytes);

/// <summary>
/// A stand-in for EVS "create a snapshot" on Kestrel (127.0.0.1, a free port), answering as a real Cinder does:
/// 202 with the new snapshot (non-ASCII escaped, a naive UTC time, an extra property), or 404 <c>itemNotFound</c>
/// with an integer code for the volume that does not exist. Anything else gets a 500 that names what came in.
/// </summary>
internal sealed class SnapshotApiServer : IAsyncDisposable
{
    /// <summary>The volume the server says does not exist.</summary>
    public const string MissingVolumeId = "00000000-0000-0000-0000-000000000000";

    /// <summary>The id of every snapshot the server creates.</summary>
    public const string SnapshotId = "99674e4b-a67b-4def-8ace-bfae2e242ada";

    /// <summary>The <c>created_at</c> the server sends, without an offset as EVS and Cinder write it.</summary>
    public const string CreatedAt = "2013-02-25T03:56:53.081642";

    /// <summary>The size, in GB, of every snapshot the server creates.</summary>
    public const int Size = 40;

    /// <summary>The request id of the 202 answer.</summary>
    public const string CreatedRequestId = "req-826ba8e5-e466-4b3d-a14b-c9284f4585d8";

    /// <summary>The request id of the 404 answer.</summary>
    public const string NotFoundRequestId = "req-e7b51f3c-51ac-4675-9d03-c368ad900303";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private SnapshotApiServer(WebApplication app) => _app = app;

    /// <summary>The base address to give the client, with a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.ToArray();

    /// <summary>Starts the server and learns its port.</summary>
    public static async Task<SnapshotApiServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        var server = new SnapshotApiServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        byte[] bytes = buffer.ToArray();
        string body = Encoding.UTF8.GetString(bytes);
        _received.Enqueue(new ReceivedRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.ContentType,
            request.ContentLength,
            request.Headers.TransferEncoding.Count == 0 ? null : request.Headers.TransferEncoding.ToString(),
            request.Headers.TryGetValue("X-Auth-Token", out var token) ? token.ToString() : null,
            body,
            bytes.Length));

        JsonObject? snapshot = null;
        if (HttpMethods.IsPost(request.Method)
            && request.Path.Value is { } path
            && path.StartsWith("/v2/", StringComparison.Ordinal)
            && path.EndsWith("/snapshots", StringComparison.Ordinal))
        {
            try
            {
                snapshot = JsonNode.Parse(body)?["snapshot"] as JsonObject;
            }
            catch (JsonException)
            {
                snapshot = null;
            }
        }

        if (snapshot is null)
        {
            await AnswerAsync(context, 500, null, new JsonObject
            {
                ["computeFault"] = new JsonObject { ["code"] = 500, ["message"] = $"Unexpected request: {request.Method} {request.Path}" },
            });
            return;
        }

        string? volumeId = (string?)snapshot["volume_id"];
        if (volumeId == MissingVolumeId)
        {
            await AnswerAsync(context, 404, NotFoundRequestId, new JsonObject
            {
                ["itemNotFound"] = new JsonObject { ["code"] = 404, ["message"] = $"Volume {volumeId} could not be found." },
            });
            return;
        }

        // Like Cinder: name, description and metadata come back as sent; the rest is the server's.
        await AnswerAsync(context, 202, CreatedRequestId, new JsonObject
        {
            ["snapshot"] = new JsonObject
            {
                ["id"] = SnapshotId,
                ["created_at"] = CreatedAt,
                ["updated_at"] = null,
                ["name"] = snapshot["name"]?.DeepClone(),
                ["description"] = snapshot["description"]?.DeepClone(),
                ["volume_id"] = volumeId,
                ["status"] = "creating",
                ["size"] = Size,
                ["metadata"] = snapshot["metadata"]?.DeepClone() ?? new JsonObject(),
                ["os-extended-snapshot-attributes:progress"] = "0%",
            },
        });
    }

    private static async Task AnswerAsync(HttpContext context, int status, string? requestId, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (requestId is not null)
        {
            context.Response.Headers["X-Openstack-Request-Id"] = requestId;
            context.Response.Headers["X-Compute-Request-Id"] = requestId;
        }

        // JsonNode's default writer escapes non-ASCII as \uXXXX, as Python's json module does in Cinder.
        await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
    }
}
