using System.Net;
using System.Text;
using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;
using Microsoft.AspNetCore.Http;

namespace EvsContracts.Client.Tests;

/// <summary>
/// Error answers beyond the recorded ones: an overLimit with Retry-After (its shape as Cinder sends it), bodies that
/// are not JSON, a huge body, and a server that echoes the token back.
/// </summary>
public class ErrorAnswerTests
{
    private static CreateSnapshotRequestBody Body() =>
        new() { Snapshot = new CreateSnapshotOption { VolumeId = Answers.VolumeId, Name = "snap" } };

    [Fact]
    public async Task OverLimit_413_keeps_Retry_After_from_the_header_and_the_string_retryAfter()
    {
        // Cinder: header "Retry-After: 0", and "retryAfter" in the body as a string.
        EvsApiException error = await CallAsync(async context =>
        {
            context.Response.Headers.RetryAfter = "0";
            context.Response.Headers["x-openstack-request-id"] = "req-413";
            await LoopbackServer.WriteJsonAsync(context, 413, """{"overLimit": {"code": 413, "message": "SnapshotLimitExceeded: Maximum number of snapshots allowed (10) exceeded", "retryAfter": "0"}}""");
        });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Equal("overLimit", error.ErrorKey);
        Assert.Equal("413", error.ErrorCode);
        Assert.Equal("SnapshotLimitExceeded: Maximum number of snapshots allowed (10) exceeded", error.ErrorMessage);
        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
        Assert.Equal("req-413", error.RequestId);
    }

    [Fact]
    public async Task The_Retry_After_header_wins_over_the_body()
    {
        EvsApiException error = await CallAsync(async context =>
        {
            context.Response.Headers.RetryAfter = "120";
            await LoopbackServer.WriteJsonAsync(context, 413, """{"overLimit": {"code": 413, "message": "m", "retryAfter": "5"}}""");
        });

        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
    }

    [Fact]
    public async Task Without_the_header_the_body_retryAfter_is_used()
    {
        EvsApiException error = await CallAsync(context =>
            LoopbackServer.WriteJsonAsync(context, 413, """{"overLimit": {"code": 413, "message": "m", "retryAfter": "30"}}"""));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public async Task An_html_page_still_gives_an_EvsApiException_with_the_page_kept()
    {
        // What Cinder answers on a path it does not serve, such as /v2/...: a web server's page, not JSON.
        const string Page = "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>";
        EvsApiException error = await CallAsync(async context =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/html; charset=UTF-8";
            context.Response.Headers["x-openstack-request-id"] = "req-html";
            await context.Response.WriteAsync(Page, context.RequestAborted);
        });

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Null(error.ErrorKey);
        Assert.Null(error.ErrorCode);
        Assert.Null(error.ErrorMessage);
        Assert.Equal(Page, error.ResponseBody);
        Assert.Equal("req-html", error.RequestId);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_plain_body_still_gives_an_EvsApiException_with_the_text_kept()
    {
        EvsApiException error = await CallAsync(async context =>
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("upstream connect error", context.RequestAborted);
        });

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.ErrorKey);
        Assert.Equal("upstream connect error", error.ResponseBody);
        Assert.False(error.ResponseBodyTruncated);
    }

    [Fact]
    public async Task A_success_status_with_a_body_that_is_not_the_model_is_an_EvsApiException()
    {
        EvsApiException error = await CallAsync(async context =>
        {
            context.Response.StatusCode = 202;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("accepted", context.RequestAborted);
        });

        Assert.Equal(HttpStatusCode.Accepted, error.StatusCode);
        Assert.Equal("accepted", error.ResponseBody);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_10_MiB_error_body_is_cut_at_64_KiB_and_the_rest_is_never_waited_for()
    {
        const int Total = 10 * 1024 * 1024;
        var callReturned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        EvsApiException error = await CallAsync(async context =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = Total;
            byte[] chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            try
            {
                // One MiB, then the server holds the rest back until the call has returned: a client that read the
                // whole body would never return.
                for (int written = 0; written < 1024 * 1024; written += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }

                await context.Response.Body.FlushAsync(context.RequestAborted);
                await callReturned.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client closed the connection after reading what it wanted.
            }
        }).WaitAsync(TimeSpan.FromMinutes(1));
        callReturned.SetResult();

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.True(error.ResponseBodyTruncated);
        Assert.Equal(64 * 1024, error.ResponseBody!.Length);
        Assert.Equal(new string('x', 64 * 1024), error.ResponseBody);
        Assert.Null(error.ErrorKey);
    }

    [Fact]
    public async Task A_truncated_keyed_error_still_yields_its_key()
    {
        // The envelope starts the body; a long message pushes the end of it past the limit.
        string json = "{\"badRequest\": {\"code\": 400, \"message\": \"" + new string('m', 100_000) + "\"}}";
        EvsApiException error = await CallAsync(context => LoopbackServer.WriteJsonAsync(context, 400, json));

        Assert.True(error.ResponseBodyTruncated);
        Assert.Equal(64 * 1024, error.ResponseBody!.Length);
        Assert.Equal("badRequest", error.ErrorKey);
        Assert.Equal("400", error.ErrorCode);
    }

    private static async Task<EvsApiException> CallAsync(Func<HttpContext, Task> answer, EvsClientOptions? options = null)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => answer(context));
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http, options);
        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => client.CreateSnapshotAsync(Answers.Project, Body()));
        Assert.Equal(1, server.RequestCount);
        return error;
    }
}
