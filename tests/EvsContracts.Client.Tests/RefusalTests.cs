using EvsContracts.Client.Tests.Infrastructure;
using EvsContracts.Snapshots;

namespace EvsContracts.Client.Tests;

/// <summary>Requests the client refuses before any network I/O: the server must see nothing.</summary>
public class RefusalTests
{
    private static CreateSnapshotRequestBody Body(string? name = "snap", string? description = null, string volumeId = Answers.VolumeId) =>
        new() { Snapshot = new CreateSnapshotOption { VolumeId = volumeId, Name = name, Description = description } };

    [Fact]
    public async Task A_256_byte_description_throws_EvsValidationException_and_sends_nothing()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http);

        EvsValidationException error = await Assert.ThrowsAsync<EvsValidationException>(
            () => client.CreateSnapshotAsync(Answers.Project, Body(description: new string('a', 256))));

        ContractViolation violation = Assert.Single(error.Violations);
        Assert.Equal("snapshot.description", violation.Path);
        Assert.Equal(ContractRules.MaxBytes, violation.Rule);
        Assert.Equal("255", violation.Limit);
        Assert.Equal("256", violation.Actual);
        Assert.Contains("snapshot.description", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task With_validation_off_the_same_body_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http, new EvsClientOptions { ValidateRequests = false });

        await client.CreateSnapshotAsync(Answers.Project, Body(description: new string('a', 256)));

        string sent = (string)System.Text.Json.Nodes.JsonNode.Parse(server.SingleRequest.Body)!["snapshot"]!["description"]!;
        Assert.Equal(256, sent.Length);
    }

    [Fact]
    public async Task Every_violation_is_reported_at_once()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http);

        EvsValidationException error = await Assert.ThrowsAsync<EvsValidationException>(() => client.CreateSnapshotAsync(
            Answers.Project,
            Body(name: "autobk_snapshot_" + new string('名', 85), volumeId: "not-a-uuid")));

        Assert.Equal(
            ["snapshot.name:maxBytes", "snapshot.name:reservedPrefix", "snapshot.volume_id:format"],
            error.Violations.Select(v => $"{v.Path}:{v.Rule}").Order(StringComparer.Ordinal));
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData(85, true)]
    [InlineData(86, false)]
    public async Task Names_are_measured_in_UTF8_bytes(int cjkCharacters, bool sent)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http);
        Task call = client.CreateSnapshotAsync(Answers.Project, Body(name: new string('快', cjkCharacters)));

        if (sent)
        {
            await call;
        }
        else
        {
            Assert.Equal("258", Assert.Single((await Assert.ThrowsAsync<EvsValidationException>(() => call)).Violations).Actual);
        }

        Assert.Equal(sent ? 1 : 0, server.RequestCount);
    }

    [Fact]
    public async Task A_snapshot_id_that_is_not_a_uuid_is_refused_before_show_and_delete()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, Answers.Snapshot());
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http);

#pragma warning disable EVS003 // Not a UUID on purpose: what the analyzer flags in the IDE is refused at run time too.
        EvsValidationException show = await Assert.ThrowsAsync<EvsValidationException>(() => client.ShowSnapshotAsync(Answers.Project, "snap-1"));
        EvsValidationException delete = await Assert.ThrowsAsync<EvsValidationException>(() => client.DeleteSnapshotAsync(Answers.Project, "snap-1"));
#pragma warning restore EVS003

        Assert.Equal("snapshot_id", Assert.Single(show.Violations).Path);
        Assert.Equal(ContractRules.Format, Assert.Single(delete.Violations).Rule);
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("?x")]
    [InlineData("%2F")]
    [InlineData("..")]
    [InlineData("%2e%2e")]
    [InlineData("a#b")]
    [InlineData("a\\b")]
    [InlineData("%252F")]
    public async Task A_project_id_that_would_change_the_path_is_refused(string projectId)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();

        // Validation off: the path check does not depend on it.
        var client = new EvsClient(http, new EvsClientOptions { ValidateRequests = false });

        ArgumentException create = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateSnapshotAsync(projectId, Body()));
        ArgumentException show = await Assert.ThrowsAsync<ArgumentException>(() => client.ShowSnapshotAsync(projectId, Answers.SnapshotId));
        ArgumentException delete = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteSnapshotAsync(projectId, Answers.SnapshotId));

        Assert.All([create, show, delete], error => Assert.Equal("project_id", error.ParamName));
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("%2F")]
    public async Task A_snapshot_id_that_would_change_the_path_is_refused_even_without_validation(string snapshotId)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, Answers.Snapshot());
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http, new EvsClientOptions { ValidateRequests = false });

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteSnapshotAsync(Answers.Project, snapshotId));

        Assert.Equal("snapshot_id", error.ParamName);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task An_empty_project_id_is_refused()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(202, Answers.Snapshot());
        using HttpClient http = server.CreateClient();
        var client = new EvsClient(http);

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateSnapshotAsync(string.Empty, Body()));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.CreateSnapshotAsync(null!, Body()));

        Assert.Equal(0, server.RequestCount);
    }
}
