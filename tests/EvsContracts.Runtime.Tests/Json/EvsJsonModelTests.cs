using System.Text;
using System.Text.Json;
using EvsContracts.Runtime.Tests.Http;

namespace EvsContracts.Runtime.Tests.Json;

public sealed class EvsJsonModelTests
{
    [Fact]
    public void ToJson_and_ToUtf8Json_write_compact_raw_UTF8()
    {
        var request = new SnapshotRequest { VolumeId = "cf7fc691-5f18-4c42-8525-5761990b4b03", Name = "快照\U0001F600" };
        const string Expected = """{"snapshot":{"volume_id":"cf7fc691-5f18-4c42-8525-5761990b4b03","name":"快照😀"}}""";

        Assert.Equal(Expected, EvsJsonModel.ToJson(request));
        Assert.Equal(Encoding.UTF8.GetBytes(Expected), EvsJsonModel.ToUtf8Json(request));
    }

    [Fact]
    public void FromJson_reads_bytes_and_text()
    {
        const string Json = """ {"snapshot": {"id": "a", "status": "available", "created_at": "2013-02-25T03:56:53.081642"}} """;
        SnapshotResponse fromText = EvsJsonModel.FromJson<SnapshotResponse>(Json);
        SnapshotResponse fromBytes = EvsJsonModel.FromJson<SnapshotResponse>(Encoding.UTF8.GetBytes(Json));

        Assert.Equal("available", fromText.Status);
        Assert.Equal(fromText.CreatedAt, fromBytes.CreatedAt);
        Assert.Equal(TimeSpan.Zero, fromBytes.CreatedAt.Offset);
    }

    [Theory]
    [InlineData("", "The JSON is empty.")]
    [InlineData("   ", "The JSON is empty.")]
    [InlineData("""{"snapshot": {"id": "a", "status": "available"}}""", "Required property 'snapshot.created_at' is missing.")]
    [InlineData("[]", "Unexpected the start of an array at '' (byte 0); expected an object.")]
    public void FromJson_reports_what_is_wrong(string json, string message)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => EvsJsonModel.FromJson<SnapshotResponse>(json));
        Assert.Equal(message, exception.Message);
    }
}
