using System.Text.Json;
using System.Text.Json.Nodes;
using EvsContracts.Snapshots;

namespace EvsContracts.Contract.Tests;

public class WireTests
{
    private static CreateSnapshotRequestBody SeedRequest() => new()
    {
        Snapshot = new CreateSnapshotOption
        {
            Name = "snap-001",
            Description = "Daily backup",
            VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635",
            Force = false,
            Metadata = new Dictionary<string, string>(),
        },
    };

    [Fact]
    public void Serializing_the_seed_request_gives_the_seed_json()
    {
        JsonNode? expected = JsonNode.Parse(SeedExamples.Request);
        JsonNode? actual = JsonNode.Parse(SeedRequest().ToJson());

        Assert.True(JsonNode.DeepEquals(expected, actual), actual?.ToJsonString());
    }

    [Fact]
    public void JsonSerializer_uses_the_generated_converter()
    {
        string viaSerializer = JsonSerializer.Serialize(SeedRequest());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SeedExamples.Request), JsonNode.Parse(viaSerializer)), viaSerializer);
        CreateSnapshotRequestBody? back = JsonSerializer.Deserialize<CreateSnapshotRequestBody>(viaSerializer);
        Assert.Equal("snap-001", back!.Snapshot.Name);
    }

    [Fact]
    public void Optional_members_that_are_null_are_omitted()
    {
        var body = new CreateSnapshotRequestBody { Snapshot = new CreateSnapshotOption { VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635" } };

        Assert.Equal("""{"snapshot":{"volume_id":"5aa119a8-d25b-45a7-8d1b-88e127885635"}}""", body.ToJson());
    }

    [Fact]
    public void Parsing_the_seed_response_gives_its_values()
    {
        CreateSnapshotResponseBody response = CreateSnapshotResponseBody.FromJson(SeedExamples.Response);
        SnapshotDetails s = response.Snapshot;

        Assert.Equal(SnapshotStatus.Creating, s.Status);
        Assert.Equal("Daily backup", s.Description);
        Assert.Equal(new DateTimeOffset(2013, 2, 25, 3, 56, 53, TimeSpan.Zero).AddTicks(816420), s.CreatedAt);
        Assert.Empty(s.Metadata!);
        Assert.Equal("5aa119a8-d25b-45a7-8d1b-88e127885635", s.VolumeId);
        Assert.Equal(1, s.Size);
        Assert.Equal("ffa9bc5e-1172-4021-acaf-cdcd78a9584d", s.Id);
        Assert.Equal("snap-001", s.Name);
        Assert.Equal(s.CreatedAt, s.UpdatedAt);
    }

    [Theory]
    [InlineData(SeedExamples.GenericError, "error")]
    [InlineData(SeedExamples.ItemNotFound, "itemNotFound")]
    public void Parsing_the_seed_errors_keeps_the_key_message_and_code(string json, string key)
    {
        ErrorResponse error = ErrorResponse.FromJson(json);

        Assert.Equal(key, error.Key);
        Assert.Equal("XXXX", error.Value.Message);
        Assert.Equal("XXX", error.Value.Code);
    }

    [Fact]
    public void An_integer_error_code_as_cinder_sends_it_becomes_a_string()
    {
        ErrorResponse error = ErrorResponse.FromJson("""{"itemNotFound": {"code": 404, "message": "Volume 00000000-0000-0000-0000-000000000000 could not be found."}}""");

        Assert.Equal("itemNotFound", error.Key);
        Assert.Equal("404", error.Value.Code);
        Assert.Equal("Volume 00000000-0000-0000-0000-000000000000 could not be found.", error.Value.Message);
    }

    [Fact]
    public void An_unknown_status_round_trips_and_unknown_members_are_ignored()
    {
        string json = """{"snapshot":{"id":"i","status":"frozen","created_at":"2026-11-28T08:20:29.938027","volume_id":"v","size":1,"extra":{"a":[1,2,{"b":null}]},"updated_at":null}}""";

        SnapshotDetails s = CreateSnapshotResponseBody.FromJson(json).Snapshot;

        Assert.Equal("frozen", s.Status.Value);
        Assert.False(s.Status.IsKnown);
        Assert.Null(s.UpdatedAt);
        Assert.Contains("\"status\":\"frozen\"", new CreateSnapshotResponseBody { Snapshot = s }.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_response_member_is_an_error_that_names_it()
    {
        string json = """{"snapshot":{"id":"i","status":"creating","volume_id":"v","size":1}}""";

        JsonException e = Assert.Throws<JsonException>(() => CreateSnapshotResponseBody.FromJson(json));

        Assert.Contains("snapshot.created_at", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_is_an_error_that_names_the_path()
    {
        string json = """{"snapshot":{"id":"i","status":"creating","created_at":"2026-11-28T08:20:29","volume_id":"v","size":"one"}}""";

        JsonException e = Assert.Throws<JsonException>(() => CreateSnapshotResponseBody.FromJson(json));

        Assert.Contains("snapshot.size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_text_is_written_as_raw_utf8()
    {
        var body = new CreateSnapshotRequestBody
        {
            Snapshot = new CreateSnapshotOption { VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635", Name = "快照😀", Description = "a\"b\\c\n" },
        };

        string json = body.ToJson();

        Assert.Contains("\"name\":\"快照😀\"", json, StringComparison.Ordinal);
        Assert.Contains("\"description\":\"a\\\"b\\\\c\\n\"", json, StringComparison.Ordinal);
    }
}
