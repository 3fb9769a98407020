using System.Net.Http.Json;
using System.Text;
using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvsContracts.Client.Tests.Signing;

/// <summary><see cref="HuaweiCloudSigningHandler"/> on a plain HttpClient, and in the pipeline <c>AddEvsClient</c> builds.</summary>
public sealed class SigningHandlerTests : SecretKeyWatch.Test
{
    [Fact]
    public async Task Any_HttpClient_request_is_signed_over_the_body_it_sends_and_sent_with_Content_Length()
    {
        await using LoopbackServer server = await SignedClientTests.StartGatewayAsync();
        using var http = new HttpClient(new HuaweiCloudSigningHandler(FakeCredentials.Create()) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = server.BaseAddress };

        // A body of unknown length (a stream), a JSON body, and none.
        using var stream = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("""{"snapshot":{"volume_id":"v","name":"流"}}""")));
        stream.Headers.ContentType = new("application/json");
        HttpResponseMessage[] answers =
        [
            await http.PostAsync($"v2/{Answers.Project}/snapshots", stream),
            await http.PutAsJsonAsync($"v2/{Answers.Project}/snapshots/{Answers.SnapshotId}", new { snapshot = new { name = "n" } }),
            await http.GetAsync($"v2/{Answers.Project}/snapshots?limit=1&name=%E5%BF%AB"),
        ];

        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode, $"{a.StatusCode}: {a.Content.ReadAsStringAsync().Result}"));
        Assert.All(server.Requests.Where(r => r.Method != "GET"), r =>
        {
            Assert.False(r.Chunked);
            Assert.Equal(r.Body.Length, r.ContentLength);
        });
    }

    [Fact]
    public async Task A_handler_with_a_skewed_clock_gets_the_gateways_refusal()
    {
        await using LoopbackServer server = await SignedClientTests.StartGatewayAsync();
        var clock = new SettableClock(DateTimeOffset.UtcNow.AddMinutes(16));
        using var http = new HttpClient(new HuaweiCloudSigningHandler(FakeCredentials.Create(), clock) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = server.BaseAddress };

        using HttpResponseMessage answer = await http.GetAsync($"v2/{Answers.Project}/snapshots");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains("signature expired", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEvsClient_with_credentials_signs_innermost_so_a_header_added_by_a_later_handler_is_signed()
    {
        await using LoopbackServer server = await SignedClientTests.StartGatewayAsync();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services
            .AddEvsClient(
                client => client.BaseAddress = server.BaseAddress,
                options => options.Credentials = FakeCredentials.Create(FakeCredentials.ProjectId, FakeCredentials.SecurityToken))
            .AddHttpMessageHandler(() => new HeaderHandler("X-Trace-Id", "trace-1"));
        await using ServiceProvider provider = services.BuildServiceProvider();
        IEvsClient client = provider.GetRequiredService<IEvsClient>();

        await client.CreateSnapshotAsync(Answers.Project, new CreateSnapshotRequestBody { Snapshot = new CreateSnapshotOption { VolumeId = Answers.VolumeId, Name = "di" } });
        await client.ShowSnapshotAsync(Answers.Project, Answers.SnapshotId);

        Assert.Equal(2, server.RequestCount);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("trace-1", r.Header("X-Trace-Id"));
            Assert.Contains(";x-trace-id,", r.Header("Authorization"), StringComparison.Ordinal);

            // Signed once: by the handler, not by the client as well.
            Assert.Single(r.Header("Authorization")!.Split("SDK-HMAC-SHA256").Skip(1));
        });

        Assert.Contains(logs.Lines, l => l.Contains("/snapshots", StringComparison.Ordinal));
        FakeCredentials.AssertHidden(logs.All, "the logs");
    }

    [Fact]
    public async Task A_rejected_call_through_dependency_injection_shows_no_secret_in_its_exception_or_the_logs()
    {
        await using LoopbackServer server = await SignedClientTests.StartGatewayAsync();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddEvsClient(
            client => client.BaseAddress = server.BaseAddress,
            options =>
            {
                options.Credentials = FakeCredentials.Create(securityToken: FakeCredentials.SecurityToken);
                options.TimeProvider = new SettableClock(DateTimeOffset.UtcNow.AddHours(-1));
            });
        await using ServiceProvider provider = services.BuildServiceProvider();

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(
            () => provider.GetRequiredService<IEvsClient>().ShowSnapshotAsync(Answers.Project, Answers.SnapshotId));
        s_callFailed(provider.GetRequiredService<ILoggerFactory>().CreateLogger("App"), error);

        Assert.Contains("clock", error.Message, StringComparison.Ordinal);
        FakeCredentials.AssertHidden(error.ToString(), "the exception");
        FakeCredentials.AssertHidden(logs.All, "the logs");
        Assert.Contains(logs.Lines, l => l.Contains("APIGW.0301", StringComparison.Ordinal));
    }

    private static readonly Action<ILogger, Exception?> s_callFailed = LoggerMessage.Define(LogLevel.Error, new EventId(1, "CallFailed"), "Call failed");

    private sealed class HeaderHandler(string name, string value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
