using System.Net;
using EvsContracts.Reliability.Tests.Infrastructure;
using EvsContracts.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace EvsContracts.Reliability.Tests;

/// <summary>
/// The auth token against everything that writes text: exceptions, the options' <c>ToString()</c>, the HTTP client
/// factory's own logging at Trace, a logging handler an application adds, and the networking event sources.
/// </summary>
public sealed class SecretTests
{
    /// <summary>One call per way a server can answer, each ending however it ends.</summary>
    private static readonly string[] s_scenarios = ["ok", "error-echo", "html", "garbage", "cut", "slow", "redirect"];

    [Fact]
    public async Task No_log_line_event_or_exception_shows_the_token()
    {
        using var events = new NetworkEventCapture();
        var logs = new CapturingLoggerProvider();
        var slowArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using KestrelServer server = await KestrelServer.StartAsync((context, request) => Respond(context, request, slowArrived));

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddEvsClient(http => { http.BaseAddress = server.Address; http.Timeout = TimeSpan.FromSeconds(60); }, options => options.AuthToken = Secrets.Token)
            .AddHttpMessageHandler(provider => new LoggingHandler(provider.GetRequiredService<ILoggerFactory>().CreateLogger("App.Http")));
        await using ServiceProvider provider = services.BuildServiceProvider();
        IEvsClient client = provider.GetRequiredService<IEvsClient>();
        ILogger app = provider.GetRequiredService<ILoggerFactory>().CreateLogger("App");

        int failures = 0;
        foreach (string scenario in s_scenarios)
        {
            // The slow answer is given up on by the caller once the server has the request; a timer (or a short
            // HttpClient.Timeout) could fire before the request reaches the server when the machine is busy.
            using var cancellation = new CancellationTokenSource();
            try
            {
                Task call = client.CreateSnapshotAsync(scenario, HostileServerTests.Request(), cancellation.Token);
                if (scenario == "slow")
                {
                    await slowArrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
                    await cancellation.CancelAsync();
                }

                await call;
            }
            catch (Exception e) when (e is EvsApiException or HttpRequestException or OperationCanceledException)
            {
                // What an application does with a failure: log it, whole.
                failures++;
                Secrets.AssertNotIn(e);
                LogFailure(app, scenario, e);
            }
        }

        Assert.Equal(s_scenarios.Length - 1, failures);
        Assert.Equal(s_scenarios.Length, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(Secrets.Token, r.Header("X-Auth-Token")));

        // The capture saw the traffic (so it was listening), and nothing in it shows the token.
        Assert.Contains(logs.Lines, l => l.Contains("/v2/ok/snapshots", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("computeFault", StringComparison.Ordinal));
        Assert.Contains(events.Events, e => e.StartsWith("System.Net.Http/RequestStart", StringComparison.Ordinal));
        Secrets.AssertNotIn(logs.All, "the logs");
        Secrets.AssertNotIn(events.All, "the networking events");
    }

    [Fact]
    public async Task The_client_registration_keeps_the_token_out_of_the_factorys_header_logging()
    {
        var logs = new CapturingLoggerProvider();
        await using KestrelServer server = await KestrelServer.StartAsync(context => HostileServerTests.Answer(context, 202, "application/json", HostileServerTests.Snapshot()));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));

        // What Microsoft.Extensions.Http 8 (a net8.0 application's) does unless told otherwise: header values as they are.
        services.ConfigureAll<HttpClientFactoryOptions>(options => options.ShouldRedactHeaderValue = _ => false);
        services.AddEvsClient(http => http.BaseAddress = server.Address, options => options.AuthToken = Secrets.Token);
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEvsClient>().CreateSnapshotAsync("project", HostileServerTests.Request());
        Assert.Contains(logs.Lines, l => l.Contains("X-Auth-Token: *", StringComparison.Ordinal));
        Secrets.AssertNotIn(logs.All, "the factory's logs");
    }

    [Fact]
    public void The_options_do_not_show_the_token()
    {
        EvsClientOptions options = Secrets.Options();
        options.AuthTokenProvider = _ => ValueTask.FromResult(Secrets.Token);
        Secrets.AssertNotIn(options.ToString(), "EvsClientOptions.ToString()");
        Assert.Contains("***", options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r\nX-Injected: 1")]
    [InlineData("\n")]
    [InlineData("\0")]
    public async Task A_token_that_would_inject_a_header_is_refused_without_showing_it(string tail)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context => HostileServerTests.Answer(context, 202, "application/json", HostileServerTests.Snapshot()));
        using HttpClient http = server.CreateClient();
        foreach (EvsClientOptions options in new[]
        {
            new EvsClientOptions { AuthToken = Secrets.Token + tail },
            new EvsClientOptions { AuthTokenProvider = _ => ValueTask.FromResult(Secrets.Token + tail) },
        })
        {
            var client = new EvsClient(http, options);
            ArgumentException exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CreateSnapshotAsync("project", HostileServerTests.Request()));
            Assert.Contains("X-Auth-Token", exception.Message, StringComparison.Ordinal);
            Secrets.AssertNotIn(exception);
        }

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task With_redirects_off_a_redirect_is_an_error_and_the_token_stays_with_the_endpoint()
    {
        await using KestrelServer elsewhere = await KestrelServer.StartAsync(context => HostileServerTests.Answer(context, 202, "application/json", HostileServerTests.Snapshot()));
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(elsewhere.Address, "v2/project/snapshots").ToString();
            return Task.CompletedTask;
        });
        using HttpClient http = server.CreateClient(handler: new SocketsHttpHandler { AllowAutoRedirect = false });
        var client = new EvsClient(http, Secrets.Options());

        EvsApiException exception = await Assert.ThrowsAsync<EvsApiException>(() => client.CreateSnapshotAsync("project", HostileServerTests.Request()));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, exception.StatusCode);
        Assert.Empty(elsewhere.Requests);
        Secrets.AssertNotIn(exception);
    }

    private static void LogFailure(ILogger logger, string scenario, Exception exception) => s_failure(logger, scenario, exception);

    private static readonly Action<ILogger, string, Exception?> s_failure =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(10, "CallFailed"), "Create-snapshot failed in {Scenario}");

    private static async Task Respond(HttpContext context, SeenRequest request, TaskCompletionSource slowArrived)
    {
        string token = Secrets.Token;
        string scenario = request.Path.Split('/')[2];
        switch (scenario)
        {
            case "ok":
                await HostileServerTests.Answer(context, 202, "application/json", HostileServerTests.Snapshot());
                break;
            case "error-echo":
                context.Response.Headers["x-openstack-request-id"] = "req-" + token;
                await HostileServerTests.Answer(context, 500, "application/json", "{\"computeFault\": {\"message\": \"token " + token + " rejected\", \"code\": \"" + token + "\"}}");
                break;
            case "html":
                await HostileServerTests.Answer(context, 502, "text/html", "<html><body>502 Bad Gateway " + token + "</body></html>");
                break;
            case "garbage":
                await HostileServerTests.Answer(context, 202, "application/json", "{\"snapshot\": {\"id\": \"" + token + "\", \"size\": \"" + token + "\"}}");
                break;
            case "cut":
                context.Response.StatusCode = 202;
                context.Response.ContentLength = 1000;
                await context.Response.WriteAsync("{\"snapshot\": {\"id\": \"" + token);
                await context.Response.Body.FlushAsync();
                context.Abort();
                break;
            case "slow":
                slowArrived.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            default:
                context.Response.StatusCode = 307;
                context.Response.Headers.Location = "http://127.0.0.1:1/" + token;
                break;
        }
    }
}
