using System.Globalization;
using EvsContracts;
using EvsContracts.Snapshots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// Lists every snapshot page by page, each request signed with AK/SK, against a stand-in for EVS on loopback: no
/// account needed. The stand-in shows the signature it received and, like Huawei's gateway, refuses a request dated
/// more than 15 minutes away from its clock.
/// </summary>
internal static class OfflineDemo
{
    private const string ProjectId = "0c9f7f3e2c8a4c31a3b9b1a7e0e6c2d5";

    public static async Task RunAsync()
    {
        await using WebApplication standIn = await StartStandInAsync();
        using var http = new HttpClient { BaseAddress = new Uri(standIn.Urls.Single() + "/") };

        // In real use: HuaweiCloudCredentials.FromEnvironment() and EvsEndpoints.ForRegion("cn-north-4").
        var credentials = new HuaweiCloudCredentials("DEMO0ACCESS0KEY0AK00", "demo-secret-key") { ProjectId = ProjectId };
        Console.WriteLine($"Offline, against a stand-in EVS at {http.BaseAddress}, with {credentials}:");

        var client = new EvsClient(http, new EvsClientOptions { Credentials = credentials });
        await foreach (SnapshotSummary snapshot in client.EnumerateSnapshotsAsync(ProjectId, limit: 3))
        {
            Console.WriteLine($"  {snapshot.Name} {snapshot.Status}");
        }

        // A machine clock 20 minutes off: the gateway refuses the signature, and the exception says why.
        var skewed = new EvsClient(http, new EvsClientOptions { Credentials = credentials, TimeProvider = new OffsetClock(TimeSpan.FromMinutes(-20)) });
        try
        {
            await skewed.ListSnapshotsAsync(ProjectId, limit: 3);
        }
        catch (EvsApiException e)
        {
            Console.WriteLine($"With the clock 20 minutes behind: {e.ErrorCode}: {e.Message}");
        }

        Console.WriteLine();
    }

    private static async Task<WebApplication> StartStandInAsync()
    {
        string[] names = ["daily-01", "daily-02", "daily-03", "daily-04", "daily-05", "daily-06", "daily-07"];
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        app.MapGet("/v2/{project}/snapshots", (HttpRequest request, int limit, string? marker) =>
        {
            string authorization = request.Headers.Authorization.ToString();
            Console.WriteLine($"  stand-in got {request.Path}{request.QueryString}, {authorization[..authorization.IndexOf(", Signature=", StringComparison.Ordinal)]}, ...");
            DateTime signedAt = DateTime.ParseExact(request.Headers["X-Sdk-Date"].ToString(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            if (!authorization.StartsWith("SDK-HMAC-SHA256 ", StringComparison.Ordinal) || (DateTime.UtcNow - signedAt).Duration() > TimeSpan.FromMinutes(15))
            {
                return Results.Json(new { error_msg = "Incorrect IAM authentication information: calc aksk signature fail:signature expired", error_code = "APIGW.0301", request_id = "demo" }, statusCode: 401);
            }

            // One page after the marker; a link to the next page while there is one, as EVS answers.
            string[] page = [.. names.SkipWhile(n => marker is not null && string.CompareOrdinal(n, marker) <= 0).Take(limit)];
            bool more = page.Length > 0 && page[^1] != names[^1];
            return Results.Json(new
            {
                snapshots = page.Select(n => new { id = n, name = n, status = "available", size = 10, volume_id = "5aa119a8-d25b-45a7-8d1b-88e127885635", created_at = "2026-12-01T08:00:00.000000" }),
                snapshots_links = more ? new[] { new { rel = "next", href = $"{request.Scheme}://{request.Host}{request.Path}?limit={limit}&marker={page[^1]}" } } : [],
            });
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>The system clock, shifted: how a machine with a drifting clock dates its requests.</summary>
    private sealed class OffsetClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
