using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvsContracts.Reliability.Tests.Infrastructure;

/// <summary>A request as Kestrel received it: the raw request target as sent, and the path as Kestrel decoded it.</summary>
internal sealed record SeenRequest(string Method, string RawTarget, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>
/// Kestrel on 127.0.0.1 and a free port, answering with whatever the test's handler does (including misbehaving),
/// and recording every request it received.
/// </summary>
internal sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _bytesWritten;

    private KestrelServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri Address { get; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>Body bytes the handlers reported writing (see <see cref="CountWritten"/>).</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    public void CountWritten(int bytes) => Interlocked.Add(ref _bytesWritten, bytes);

    public static async Task<KestrelServer> StartAsync(Func<HttpContext, SeenRequest, Task> respond)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Limits.MaxRequestBodySize = null).UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();

        KestrelServer? server = null;
        app.Run(async context =>
        {
            HttpRequest request = context.Request;
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
            var seen = new SeenRequest(
                request.Method,
                rawTarget,
                (request.PathBase + request.Path).Value ?? string.Empty,
                request.QueryString.Value ?? string.Empty,
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            server!.Requests.Enqueue(seen);
            await respond(context, seen);
        });

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new KestrelServer(app, new Uri(address + "/"));
        return server;
    }

    public static Task<KestrelServer> StartAsync(Func<HttpContext, Task> respond) => StartAsync((context, _) => respond(context));

    public HttpClient CreateClient(TimeSpan? timeout = null, HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
