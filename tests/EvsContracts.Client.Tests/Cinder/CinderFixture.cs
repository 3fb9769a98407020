using System.Collections.Concurrent;
using System.Net;
using EvsContracts.Cinder;

namespace EvsContracts.Client.Tests.Cinder;

/// <summary>Runs the Cinder tests one at a time: they share one server and one volume.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CinderTestGroup : ICollectionFixture<CinderFixture>
{
    public const string Name = "Cinder";
}

/// <summary>
/// Clients of the real Cinder, and the snapshots the tests made: whatever a test did not delete is deleted when the
/// tests are done.
/// </summary>
public sealed class CinderFixture : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan s_settleTimeout = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, byte> _created = new(StringComparer.Ordinal);
    private readonly HttpClient? _http;
    private readonly string? _project = CinderEnvironment.Project;
    private readonly string? _volumeId = CinderEnvironment.VolumeId;

    /// <summary>Without the variables the tests are skipped, or fail in CI with the reason; the fixture stays quiet.</summary>
    public CinderFixture()
    {
        if (CinderEnvironment.Url is { } url)
        {
            string root = url.TrimEnd('/');
            root = root.EndsWith("/v3", StringComparison.Ordinal) ? root[..^3] : root;
            _http = new HttpClient { BaseAddress = new Uri(root + "/"), Timeout = TimeSpan.FromSeconds(60) };
        }
    }

    public static EvsClientOptions FastPolling(bool validate = true) => new()
    {
        AuthToken = CinderEnvironment.Token,
        PollInterval = TimeSpan.FromMilliseconds(250),
        ValidateRequests = validate,
    };

    public string Project => _project ?? throw NotConfigured();

    public string VolumeId => _volumeId ?? throw NotConfigured();

    /// <summary>The server's root (the URL without <c>/v3</c>): the spec's paths carry the version.</summary>
    public HttpClient Http => _http ?? throw NotConfigured();

    public CinderClient Client(EvsClientOptions? options = null) => new(Http, options ?? FastPolling());

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Remembers a snapshot so it is deleted even when its test fails half-way.</summary>
    public string Track(string snapshotId)
    {
        _created.TryAdd(snapshotId, 0);
        return snapshotId;
    }

    /// <summary>
    /// Waits until the snapshot can be deleted, deletes it, and waits until Cinder no longer knows it. A snapshot
    /// that is already gone is fine.
    /// </summary>
    public async Task DeleteAsync(string snapshotId)
    {
        CinderClient client = Client();
        try
        {
            // Cinder deletes only an available or error snapshot; the waiter gives up on error, which is deletable.
            await client.WaitForSnapshotStatusAsync(Project, snapshotId, SnapshotStatus.Available, s_settleTimeout);
        }
        catch (EvsWaitException)
        {
        }
        catch (EvsApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            Forget(snapshotId);
            return;
        }

        await client.DeleteSnapshotAsync(Project, snapshotId);
        await WaitGoneAsync(snapshotId);
        Forget(snapshotId);
    }

    /// <summary>Drops a snapshot the test has seen deleted.</summary>
    public void Forget(string snapshotId) => _created.TryRemove(snapshotId, out _);

    /// <summary>Polls "show" until it answers 404 itemNotFound.</summary>
    public async Task<EvsApiException> WaitGoneAsync(string snapshotId)
    {
        CinderClient client = Client();
        using var deadline = new CancellationTokenSource(s_settleTimeout);
        while (true)
        {
            try
            {
                await client.ShowSnapshotAsync(Project, snapshotId, deadline.Token);
            }
            catch (EvsApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
            {
                return error;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
        }
    }

    public async Task DisposeAsync()
    {
        var failures = new List<Exception>();
        foreach (string snapshotId in _created.Keys)
        {
            try
            {
                await DeleteAsync(snapshotId);
            }
            catch (Exception exception) when (exception is EvsApiException or TimeoutException or OperationCanceledException or HttpRequestException)
            {
                failures.Add(exception);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Some snapshots made by the tests could not be deleted.", failures);
        }
    }

    public void Dispose() => _http?.Dispose();

    private static InvalidOperationException NotConfigured() =>
        new("CI=true, but there is " + CinderEnvironment.MissingMessage);
}
