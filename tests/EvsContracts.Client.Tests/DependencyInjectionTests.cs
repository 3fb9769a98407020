using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace EvsContracts.Client.Tests;

/// <summary>The generated <c>AddEvsClient</c> with the HTTP client factory, against Kestrel.</summary>
public class DependencyInjectionTests
{
    private static CreateSnapshotRequestBody Body() =>
        new() { Snapshot = new CreateSnapshotOption { VolumeId = Answers.VolumeId, Name = "from-di" } };

    [Fact]
    public async Task A_resolved_IEvsClient_calls_the_configured_endpoint_with_the_configured_options()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        var services = new ServiceCollection();
        services.AddEvsClient(
            client => client.BaseAddress = new Uri(server.BaseAddress, "evs/"),
            options =>
            {
                options.AuthToken = "admin:di";
                options.ApiVersion = "volume 3.0";
            });
        await using ServiceProvider provider = services.BuildServiceProvider();

        IEvsClient client = provider.GetRequiredService<IEvsClient>();
        CreateSnapshotResponseBody answer = await client.CreateSnapshotAsync(Answers.Project, Body());

        Assert.Equal(Answers.SnapshotId, answer.Snapshot.Id);
        RecordedRequest request = server.SingleRequest;
        Assert.Equal($"/evs/v2/{Answers.Project}/snapshots", request.RawTarget);
        Assert.Equal("admin:di", request.Header("X-Auth-Token"));
        Assert.Equal("volume 3.0", request.Header("OpenStack-API-Version"));
        Assert.False(request.Chunked);
    }

    [Fact]
    public async Task The_returned_builder_takes_a_message_handler_that_sees_the_request()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        var seen = new List<string>();
        var services = new ServiceCollection();
        services
            .AddEvsClient(client => client.BaseAddress = server.BaseAddress)
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEvsClient>().CreateSnapshotAsync(Answers.Project, Body());

        Assert.Equal([$"POST /v2/{Answers.Project}/snapshots application/json"], seen);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task The_validation_option_set_through_dependency_injection_applies()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        var services = new ServiceCollection();
        services.AddEvsClient(client => client.BaseAddress = server.BaseAddress, options => options.ValidateRequests = false);
        await using ServiceProvider provider = services.BuildServiceProvider();
        CreateSnapshotRequestBody body = Body();
#pragma warning disable EVS001 // The reserved prefix on purpose: with validation off it must still be sent.
        body.Snapshot.Name = "autobk_snapshot_1";
#pragma warning restore EVS001

        await provider.GetRequiredService<IEvsClient>().CreateSnapshotAsync(Answers.Project, body);

        Assert.Equal(1, server.RequestCount);
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add($"{request.Method} {request.RequestUri!.AbsolutePath} {request.Content?.Headers.ContentType?.MediaType}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
