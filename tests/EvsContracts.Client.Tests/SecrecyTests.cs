using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;

namespace EvsContracts.Client.Tests;

/// <summary>The auth token never shows in an exception's <see cref="Exception.ToString"/>, whatever the failure.</summary>
public class SecrecyTests
{
    private const string Token = "admin:5ecret-t0ken-c0ffee";

    private static CreateSnapshotRequestBody Body(string? description = null) =>
        new() { Snapshot = new CreateSnapshotOption { VolumeId = Answers.VolumeId, Description = description } };

    [Fact]
    public async Task An_error_that_echoes_the_token_does_not_reveal_it()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, request) =>
        {
            // A server that quotes the token back, in the message and in the headers.
            string token = request.Header("X-Auth-Token")!;
            context.Response.Headers["x-openstack-request-id"] = "req-echo";
            context.Response.Headers["X-Auth-Token"] = token;
            await LoopbackServer.WriteJsonAsync(context, 401, Answers.Error("unauthorized", 401, $"The token {token} is not valid."));
        });
        using HttpClient http = server.CreateClient();

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(
            () => new EvsClient(http, new EvsClientOptions { AuthToken = Token }).CreateSnapshotAsync(Answers.Project, Body()));

        Assert.Equal(Token, server.SingleRequest.Header("X-Auth-Token"));
        Assert.Equal("unauthorized", error.ErrorKey);
        AssertHidden(error);
        Assert.DoesNotContain(Token, error.ErrorMessage!, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ResponseBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_body_that_echoes_the_token_and_cannot_be_read_does_not_reveal_it()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, request) =>
            LoopbackServer.WriteJsonAsync(context, 202, $$$"""{"snapshot": {"id": "{{{request.Header("X-Auth-Token")}}}"}}"""));
        using HttpClient http = server.CreateClient();

        // The token comes from a provider here, so both sources are covered.
        var options = new EvsClientOptions { AuthTokenProvider = _ => ValueTask.FromResult(Token) };
        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(
            () => new EvsClient(http, options).CreateSnapshotAsync(Answers.Project, Body()));

        AssertHidden(error);
        Assert.DoesNotContain(Token, error.ResponseBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_timeouts_and_the_options_do_not_reveal_it()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });
        using HttpClient http = server.CreateClient();
        http.Timeout = TimeSpan.FromMilliseconds(200);
        var options = new EvsClientOptions { AuthToken = Token };
        var client = new EvsClient(http, options);

        Exception[] errors =
        [
            await Assert.ThrowsAsync<EvsValidationException>(() => client.CreateSnapshotAsync(Answers.Project, Body(new string('a', 300)))),
            await Assert.ThrowsAsync<ArgumentException>(() => client.CreateSnapshotAsync("../x", Body())),
            await Assert.ThrowsAsync<TaskCanceledException>(() => client.CreateSnapshotAsync(Answers.Project, Body())),
        ];

        Assert.All(errors, AssertHidden);
        Assert.DoesNotContain(Token, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_AK_SK_no_refusal_timeout_error_answer_or_description_reveals_the_secret_key_or_the_token()
    {
        // A server that quotes back every header it got, the signature and the security token included.
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, request) =>
        {
            if (request.Method == "DELETE")
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            string echo = string.Join("; ", request.Headers.Select(h => $"{h.Key}={h.Value}"));
            await LoopbackServer.WriteJsonAsync(context, 401, System.Text.Json.JsonSerializer.Serialize(new { error_msg = echo, error_code = "APIGW.0301" }));
        });
        using HttpClient http = server.CreateClient();
        http.Timeout = TimeSpan.FromMilliseconds(500);
        var options = new EvsClientOptions { Credentials = FakeCredentials.Create(FakeCredentials.ProjectId, FakeCredentials.SecurityToken) };
        var client = new EvsClient(http, options);

        EvsApiException echoed = await Assert.ThrowsAsync<EvsApiException>(() => client.CreateSnapshotAsync(Answers.Project, Body()));
        Exception[] errors =
        [
            echoed,
            await Assert.ThrowsAsync<EvsValidationException>(() => client.CreateSnapshotAsync(Answers.Project, Body(new string('a', 300)))),
            await Assert.ThrowsAsync<ArgumentException>(() => client.ShowSnapshotAsync("../x", Answers.SnapshotId)),
            await Assert.ThrowsAsync<TaskCanceledException>(() => client.DeleteSnapshotAsync(Answers.Project, Answers.SnapshotId)),
            Assert.Throws<InvalidOperationException>(() => options.AuthToken = "admin:token"),
        ];

        // The signature went out and came back; the secret key never went out at all.
        Assert.Contains("SDK-HMAC-SHA256 Access=" + FakeCredentials.AccessKey, echoed.ErrorMessage, StringComparison.Ordinal);
        Assert.All(errors, e => Assert.DoesNotContain(FakeCredentials.SecretKey, e.ToString(), StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.DoesNotContain(FakeCredentials.SecretKey, string.Join("\n", r.Headers.Values) + System.Text.Encoding.UTF8.GetString(r.Body), StringComparison.Ordinal));
        FakeCredentials.AssertHidden(options.ToString(), "the options");
        FakeCredentials.AssertHidden(options.Credentials!.ToString(), "the credentials");
    }

    private static void AssertHidden(Exception error) =>
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
}
