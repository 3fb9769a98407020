using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EvsContracts.Client.Tests.Infrastructure;

/// <summary>What Kestrel received, recorded before the handler answers; <c>RawTarget</c> is the path and query exactly as sent.</summary>
internal sealed record RecordedRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    long? ContentLength,
    bool Chunked,
    byte[] Body)
{
    /// <summary>A header's value, or null when the request did not carry it (names are case-insensitive).</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>
/// A real HTTP server for a test: Kestrel on 127.0.0.1 with a port the system picks, one handler for every request,
/// and a record of each request as it arrived on the wire.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        BaseAddress = address;
    }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int RequestCount => _requests.Count;

    public RecordedRequest SingleRequest => Assert.Single(Requests);

    /// <summary>Waits (up to 30 s) until at least <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_requests.Count < count)
        {
            await Task.Delay(10, guard.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Starts a server whose every answer comes from <paramref name="handler"/>.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, RecordedRequest, Task> handler)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        // A handler that stalls on purpose must not hold the test up for the default 30 s at shutdown.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        WebApplication app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            RecordedRequest request = await RecordAsync(context.Request).ConfigureAwait(false);
            server!._requests.Enqueue(request);
            await handler(context, request).ConfigureAwait(false);
        });

        await app.StartAsync().ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server = new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Starts a server that answers every request with <paramref name="status"/> and a JSON body.</summary>
    public static Task<LoopbackServer> StartAsync(int status, string json) =>
        StartAsync((context, _) => WriteJsonAsync(context, status, json));

    public static async Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A client for this server; the caller disposes it.</summary>
    public HttpClient CreateClient(string relativeBase = "") =>
        new() { BaseAddress = new Uri(BaseAddress, relativeBase) };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return new RecordedRequest(
            request.Method,
            request.HttpContext.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            headers,
            request.ContentLength,
            request.Headers.TransferEncoding.Count > 0,
            body.ToArray());
    }
}
