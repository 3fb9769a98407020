using System.Net;
using EvsContracts.Cinder;

namespace EvsContracts.Client.Tests.Cinder;

/// <summary>
/// The rest of the snapshot family against the real Cinder: paging, filters, update, metadata, deletion and its
/// waiter, and the errors Cinder answers (captures/family-v3.txt). Every snapshot made here is deleted again.
/// </summary>
[Collection(CinderTestGroup.Name)]
public class CinderFamilyTests(CinderFixture cinder)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromMinutes(1);

    [CinderFact]
    public async Task Paging_by_two_sees_every_snapshot_once_and_a_filter_finds_one()
    {
        string prefix = Unique("page");
        string[] ids = await CreateAsync(5, i => $"{prefix}-{i}");
        try
        {
            // Other snapshots of the project may be listed too: each must come once, ours all of them.
            using var counting = new CountingHandler();
            using var http = new HttpClient(counting) { BaseAddress = cinder.Http.BaseAddress };
            var client = new CinderClient(http, CinderFixture.FastPolling());

            var details = new List<ExtendedSnapshotDetails>();
            await foreach (ExtendedSnapshotDetails snapshot in client.EnumerateSnapshotDetailsAsync(cinder.Project, limit: 2))
            {
                details.Add(snapshot);
            }

            Assert.Equal(details.Count, details.Select(s => s.Id).Distinct().Count());
            Assert.All(ids, id => Assert.Single(details, s => s.Id == id));
            Assert.True(counting.Requests >= 3, $"{counting.Requests} pages");
            ExtendedSnapshotDetails first = details.Single(s => s.Id == ids[0]);
            Assert.Equal(cinder.Project, first.OsExtendedSnapshotAttributesProjectId);
            Assert.EndsWith("%", first.OsExtendedSnapshotAttributesProgress, StringComparison.Ordinal);

            var summaries = new List<string>();
            await foreach (SnapshotSummary snapshot in client.EnumerateSnapshotsAsync(cinder.Project, volumeId: cinder.VolumeId, limit: 2))
            {
                summaries.Add(snapshot.Id);
            }

            Assert.Equal(summaries.Count, summaries.Distinct().Count());
            Assert.All(ids, id => Assert.Contains(id, summaries));

            ListSnapshotDetailsResponseBody named = await client.ListSnapshotDetailsAsync(cinder.Project, name: $"{prefix}-3");
            Assert.Equal(ids[3], Assert.Single(named.Snapshots).Id);
            Assert.Null(named.SnapshotsLinks);

            // A full page of one links to the next, with the marker of its last item.
            ListSnapshotsResponseBody one = await client.ListSnapshotsAsync(cinder.Project, limit: 1);
            Link next = Assert.Single(one.SnapshotsLinks!);
            Assert.Equal("next", next.Rel);
            Assert.Contains("marker=" + Assert.Single(one.Snapshots).Id, next.Href, StringComparison.Ordinal);
        }
        finally
        {
            await Task.WhenAll(ids.Select(DeleteAndWaitAsync));
        }
    }

    [CinderFact]
    public async Task Update_to_a_255_byte_Chinese_name_and_every_metadata_call()
    {
        CinderClient client = cinder.Client();
        string id = (await CreateAsync(1, _ => Unique("meta")))[0];
        try
        {
            string name = new('快', 85);
            UpdateSnapshotResponseBody updated = await client.UpdateSnapshotAsync(cinder.Project, id, new UpdateSnapshotRequestBody
            {
                Snapshot = new UpdateSnapshotOption { Name = name, Description = "新的描述" },
            });
            Assert.Equal(name, updated.Snapshot.Name);
            ShowSnapshotResponseBody shown = await client.ShowSnapshotAsync(cinder.Project, id);
            Assert.Equal(name, shown.Snapshot.Name);
            Assert.Equal("新的描述", shown.Snapshot.Description);

            // POST merges, PUT replaces.
            SnapshotMetadataResponseBody merged = await client.CreateSnapshotMetadataAsync(cinder.Project, id, new SnapshotMetadataRequestBody
            {
                Metadata = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" },
            });
            Assert.Equal(new Dictionary<string, string> { ["purpose"] = "client-tests", ["a"] = "1", ["b"] = "2" }, merged.Metadata);
            SnapshotMetadataResponseBody replaced = await client.UpdateSnapshotMetadataAsync(cinder.Project, id, new SnapshotMetadataRequestBody
            {
                Metadata = new Dictionary<string, string> { ["c"] = "3" },
            });
            Assert.Equal(new Dictionary<string, string> { ["c"] = "3" }, replaced.Metadata);
            Assert.Equal(new Dictionary<string, string> { ["c"] = "3" }, (await client.ShowSnapshotMetadataAsync(cinder.Project, id)).Metadata);

            Assert.Equal(new Dictionary<string, string> { ["c"] = "3" }, (await client.ShowSnapshotMetadataItemAsync(cinder.Project, id, "c")).Meta);
            SnapshotMetadataItemResponseBody item = await client.UpdateSnapshotMetadataItemAsync(cinder.Project, id, "c", new SnapshotMetadataItemRequestBody
            {
                Meta = new Dictionary<string, string> { ["c"] = "33" },
            });
            Assert.Equal(new Dictionary<string, string> { ["c"] = "33" }, item.Meta);

            EvsApiException mismatch = await Assert.ThrowsAsync<EvsApiException>(() => client.UpdateSnapshotMetadataItemAsync(cinder.Project, id, "c", new SnapshotMetadataItemRequestBody
            {
                Meta = new Dictionary<string, string> { ["d"] = "4" },
            }));
            Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
            Assert.Equal("Request body and URI mismatch", mismatch.ErrorMessage);

            // Cinder answers 200 with an empty text/html body.
            await client.DeleteSnapshotMetadataItemAsync(cinder.Project, id, "c");
            EvsApiException gone = await Assert.ThrowsAsync<EvsApiException>(() => client.ShowSnapshotMetadataItemAsync(cinder.Project, id, "c"));
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Equal("itemNotFound", gone.ErrorKey);
        }
        finally
        {
            await DeleteAndWaitAsync(id);
        }
    }

    [CinderFact]
    public async Task Delete_and_wait_until_the_snapshot_is_gone()
    {
        CinderClient client = cinder.Client();
        string id = (await CreateAsync(1, _ => Unique("gone")))[0];

        await client.DeleteSnapshotAsync(cinder.Project, id);
        await client.WaitForSnapshotDeletedAsync(cinder.Project, id, s_wait);
        cinder.Forget(id);

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => client.ShowSnapshotAsync(cinder.Project, id));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [CinderFact]
    public async Task The_errors_of_the_family_are_typed()
    {
        CinderClient client = cinder.Client();
        const string Nobody = "00000000-0000-0000-0000-000000000000";

        EvsApiException unknownMarker = await Assert.ThrowsAsync<EvsApiException>(() => client.ListSnapshotDetailsAsync(cinder.Project, marker: Nobody));
        Assert.Equal(HttpStatusCode.NotFound, unknownMarker.StatusCode);
        Assert.Equal("itemNotFound", unknownMarker.ErrorKey);
        Assert.Equal($"Snapshot {Nobody} could not be found.", unknownMarker.ErrorMessage);

        // The client refuses a page size below one before sending; without validation Cinder refuses it too.
        int below = Environment.ProcessorCount - Environment.ProcessorCount - 1;
        EvsValidationException refused = await Assert.ThrowsAsync<EvsValidationException>(() => client.ListSnapshotDetailsAsync(cinder.Project, limit: below));
        Assert.Equal("limit", Assert.Single(refused.Violations).Path);
        EvsApiException badLimit = await Assert.ThrowsAsync<EvsApiException>(() => cinder.Client(CinderFixture.FastPolling(validate: false)).ListSnapshotDetailsAsync(cinder.Project, limit: below));
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal("badRequest", badLimit.ErrorKey);
        Assert.Equal("limit param must be positive", badLimit.ErrorMessage);

        // A delete while the snapshot is still creating is refused (400, not 409) and not retried. The snapshot
        // becomes available quickly, so a few tries make sure one delete arrives while it is creating.
        EvsApiException? creating = null;
        for (int attempt = 0; attempt < 5 && creating is null; attempt++)
        {
            CreateSnapshotResponseBody created = await client.CreateSnapshotAsync(cinder.Project, CreateBody(Unique("creating")));
            string id = cinder.Track(created.Snapshot.Id);
            try
            {
                await client.DeleteSnapshotAsync(cinder.Project, id);
            }
            catch (EvsApiException error)
            {
                creating = error;
            }

            await DeleteAndWaitAsync(id);
        }

        Assert.NotNull(creating);
        Assert.Equal(HttpStatusCode.BadRequest, creating.StatusCode);
        Assert.Equal("badRequest", creating.ErrorKey);
        Assert.Equal("Invalid snapshot: Snapshot status must be available or error and must not be part of a group.", creating.ErrorMessage);
    }

    private static string Unique(string what) => $"evs-family-{what}-{Guid.NewGuid():N}"[..36];

    private CreateSnapshotRequestBody CreateBody(string name) => new()
    {
        Snapshot = new CreateSnapshotOption
        {
            VolumeId = cinder.VolumeId,
            Name = name,
            Metadata = new Dictionary<string, string> { ["purpose"] = "client-tests" },
        },
    };

    /// <summary>Creates snapshots one after another (newest first in the list), and waits until all are available.</summary>
    private async Task<string[]> CreateAsync(int count, Func<int, string> name)
    {
        CinderClient client = cinder.Client();
        string[] ids = new string[count];
        for (int i = 0; i < count; i++)
        {
            CreateSnapshotResponseBody created = await client.CreateSnapshotAsync(cinder.Project, CreateBody(name(i)));
            ids[i] = cinder.Track(created.Snapshot.Id);
        }

        await Task.WhenAll(ids.Select(id => client.WaitForSnapshotStatusAsync(cinder.Project, id, SnapshotStatus.Available, s_wait)));
        return ids;
    }

    /// <summary>Deletes a snapshot once it can be deleted, and waits until Cinder no longer knows it.</summary>
    private async Task DeleteAndWaitAsync(string id)
    {
        CinderClient client = cinder.Client();
        try
        {
            await client.WaitForSnapshotStatusAsync(cinder.Project, id, SnapshotStatus.Available, s_wait);
            await client.DeleteSnapshotAsync(cinder.Project, id);
        }
        catch (EvsApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
        }

        await client.WaitForSnapshotDeletedAsync(cinder.Project, id, s_wait);
        cinder.Forget(id);
    }

    /// <summary>Counts the requests that reach the network: one per page.</summary>
    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
