using EvsContracts;
using EvsContracts.Snapshots;

/// <summary>Creates a real snapshot, waits until it is available and deletes it, when an endpoint is configured.</summary>
internal static class LiveDemo
{
    public static async Task<int> RunAsync()
    {
        string? endpoint = Environment.GetEnvironmentVariable("EVS_ENDPOINT");
        string? projectId = Environment.GetEnvironmentVariable("EVS_PROJECT_ID");
        string? token = Environment.GetEnvironmentVariable("EVS_TOKEN");
        string? volumeId = Environment.GetEnvironmentVariable("EVS_VOLUME_ID");
        bool signed = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(HuaweiCloudCredentials.AccessKeyVariable));
        if (string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(projectId) || (string.IsNullOrEmpty(token) && !signed) || string.IsNullOrEmpty(volumeId))
        {
            Console.WriteLine("Offline: to create, wait for and delete a real snapshot, set");
            Console.WriteLine("  EVS_ENDPOINT    the EVS endpoint, e.g. https://evs.cn-north-4.myhuaweicloud.com");
            Console.WriteLine("  EVS_PROJECT_ID  your project id");
            Console.WriteLine("  HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, to sign requests with AK/SK,");
            Console.WriteLine("  or EVS_TOKEN    an IAM token (sent as X-Auth-Token)");
            Console.WriteLine("  EVS_VOLUME_ID   the disk to snapshot");
            return 0;
        }

        using var http = new HttpClient { BaseAddress = new Uri(endpoint), Timeout = TimeSpan.FromSeconds(60) };
        var options = signed ? new EvsClientOptions { Credentials = HuaweiCloudCredentials.FromEnvironment() } : new EvsClientOptions { AuthToken = token };
        var client = new EvsClient(http, options);
        try
        {
            var body = new CreateSnapshotRequestBody
            {
                Snapshot = new CreateSnapshotOption
                {
                    VolumeId = volumeId,
                    Name = "evscontracts-sample-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture),
                    Description = "Created and deleted by the EvsContracts sample",
                },
            };
            CreateSnapshotResponseBody created = await client.CreateSnapshotAsync(projectId, body);
            Console.WriteLine($"Created snapshot {created.Snapshot.Id}: {created.Snapshot.Status}");

            ShowSnapshotResponseBody ready = await client.WaitForSnapshotStatusAsync(projectId, created.Snapshot.Id, SnapshotStatus.Available, TimeSpan.FromMinutes(10));
            Console.WriteLine($"Snapshot {ready.Snapshot.Id} is {ready.Snapshot.Status} ({ready.Snapshot.Size} GB)");

            await client.DeleteSnapshotAsync(projectId, created.Snapshot.Id);
            Console.WriteLine($"Deleted snapshot {created.Snapshot.Id}");
            return 0;
        }
        catch (EvsApiException e)
        {
            Console.Error.WriteLine($"EVS answered {(int)e.StatusCode} {e.ErrorKey}: {e.ErrorMessage} (request {e.RequestId})");
            return 1;
        }
    }
}
