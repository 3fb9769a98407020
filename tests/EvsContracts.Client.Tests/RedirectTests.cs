using System.Net;
using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace EvsContracts.Client.Tests;

/// <summary>
/// A redirect must not carry the token elsewhere: HttpClient's default handler follows 3xx answers and drops only
/// <c>Authorization</c>, so the client from <c>AddEvsClient</c> does not follow them. Two Kestrel servers: the service,
/// which answers 307, and the place it points to.
/// </summary>
public class RedirectTests
{
    private const string Token = "admin:redirect-t0ken";

    private static CreateSnapshotRequestBody Body() =>
        new() { Snapshot = new CreateSnapshotOption { VolumeId = Answers.VolumeId, Name = "redirected" } };

    private static Task<LoopbackServer> StartRedirectingAsync(LoopbackServer target) =>
        LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = (int)HttpStatusCode.TemporaryRedirect;
            context.Response.Headers.Location = new Uri(target.BaseAddress, $"v2/{Answers.Project}/snapshots").ToString();
            return Task.CompletedTask;
        });

    [Fact]
    public async Task A_client_from_AddEvsClient_stops_at_the_redirect_and_the_token_stays_with_the_service()
    {
        await using LoopbackServer elsewhere = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        await using LoopbackServer service = await StartRedirectingAsync(elsewhere);
        var services = new ServiceCollection();
        services.AddEvsClient(client => client.BaseAddress = service.BaseAddress, options => options.AuthToken = Token);
        await using ServiceProvider provider = services.BuildServiceProvider();

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(
            () => provider.GetRequiredService<IEvsClient>().CreateSnapshotAsync(Answers.Project, Body()));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Equal(Token, service.SingleRequest.Header("X-Auth-Token"));
        Assert.Equal(0, elsewhere.RequestCount);
    }

    [Fact]
    public async Task A_primary_handler_the_caller_configures_replaces_the_one_that_stops_redirects()
    {
        await using LoopbackServer elsewhere = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        await using LoopbackServer service = await StartRedirectingAsync(elsewhere);
        var services = new ServiceCollection();
        services
            .AddEvsClient(client => client.BaseAddress = service.BaseAddress, options => options.AuthToken = Token)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true });
        await using ServiceProvider provider = services.BuildServiceProvider();

        CreateSnapshotResponseBody answer = await provider.GetRequiredService<IEvsClient>().CreateSnapshotAsync(Answers.Project, Body());

        // Following is the caller's choice here, and the token goes along: the reason it is off by default.
        Assert.Equal(Answers.SnapshotId, answer.Snapshot.Id);
        Assert.Equal(Token, elsewhere.SingleRequest.Header("X-Auth-Token"));
    }
}
