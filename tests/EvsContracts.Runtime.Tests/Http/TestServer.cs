using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvsContracts.Runtime.Tests.Http;

/// <summary>What the server received, as Kestrel parsed it.</summary>
internal sealed record ReceivedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    long? ContentLength,
    byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, answering with a handler the test gives.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The server's root, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Address { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static async Task<TestServer> StartAsync(Func<HttpContext, Task> respond)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();

        TestServer? server = null;
        app.Run(async context =>
        {
            HttpRequest request = context.Request;
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            server!.Requests.Enqueue(new ReceivedRequest(
                request.Method,
                request.PathBase + request.Path,
                request.QueryString.Value ?? string.Empty,
                headers,
                request.ContentLength,
                body.ToArray()));
            await respond(context);
        });

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new TestServer(app, new Uri(address + "/"));
        return server;
    }

    /// <summary>Answers with a status, a JSON (or other) body and headers.</summary>
    public static Func<HttpContext, Task> Answer(int status, string? body = null, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        async context =>
        {
            context.Response.StatusCode = status;
            foreach ((string name, string value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            if (body is not null)
            {
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(body, context.RequestAborted);
            }
        };

    public HttpClient CreateClient(string relativeBase = "", TimeSpan? timeout = null) =>
        new() { BaseAddress = new Uri(Address, relativeBase), Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    /// <summary>A client whose connections count the bytes they read; <paramref name="streams"/> collects them.</summary>
    public HttpClient CreateCountingClient(ConcurrentQueue<CountingStream> streams)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }

                var stream = new CountingStream(new NetworkStream(socket, ownsSocket: true));
                streams.Enqueue(stream);
                return stream;
            },
        };

        return new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
