using System.Text.Json;

namespace EvsContracts.Runtime.Tests.Http;

/// <summary>A hand-written request model shaped like the create-snapshot body.</summary>
internal sealed class SnapshotRequest : IEvsJsonModel<SnapshotRequest>
{
    public string? VolumeId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public static SnapshotRequest ReadJson(ref Utf8JsonReader reader) => throw new NotSupportedException();

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("snapshot"u8);
        writer.WriteStartObject();
        EvsJson.WriteString(writer, "volume_id"u8, VolumeId!);
        if (Name is not null)
        {
            EvsJson.WriteString(writer, "name"u8, Name);
        }

        if (Description is not null)
        {
            EvsJson.WriteString(writer, "description"u8, Description);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public IReadOnlyList<ContractViolation> Validate()
    {
        List<ContractViolation>? violations = null;
        const string Parent = "snapshot";
        ContractCheck.Required(VolumeId, Parent, "volume_id", ref violations);
        ContractCheck.Uuid(VolumeId, Parent, "volume_id", ref violations);
        ContractCheck.MaxUtf8Bytes(Name, 255, Parent, "name", ref violations);
        ContractCheck.ReservedPrefix(Name, "autobk_snapshot_", Parent, "name", ref violations);
        ContractCheck.MaxUtf8Bytes(Description, 255, Parent, "description", ref violations);
        return ContractCheck.Result(violations);
    }
}

/// <summary>A hand-written response model: <c>{"snapshot": {"id", "status", "created_at"}}</c>.</summary>
internal sealed class SnapshotResponse : IEvsJsonModel<SnapshotResponse>
{
    public required string Id { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public static SnapshotResponse ReadJson(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw EvsJson.Unexpected(ref reader, string.Empty, "an object");
        }

        SnapshotResponse? result = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isSnapshot = reader.ValueTextEquals("snapshot"u8);
            reader.Read();
            if (isSnapshot)
            {
                result = ReadSnapshot(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return result ?? throw EvsJson.MissingProperty("snapshot");
    }

    public void WriteJson(Utf8JsonWriter writer) => throw new NotSupportedException();

    public IReadOnlyList<ContractViolation> Validate() => [];

    private static SnapshotResponse ReadSnapshot(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw EvsJson.Unexpected(ref reader, "snapshot", "an object");
        }

        string? id = null;
        string? status = null;
        DateTimeOffset? createdAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "id":
                    id = EvsJson.ReadString(ref reader, "snapshot.id");
                    break;
                case "status":
                    status = EvsJson.ReadString(ref reader, "snapshot.status");
                    break;
                case "created_at":
                    createdAt = EvsDateTime.Read(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new SnapshotResponse
        {
            Id = id ?? throw EvsJson.MissingProperty("snapshot.id"),
            Status = status ?? throw EvsJson.MissingProperty("snapshot.status"),
            CreatedAt = createdAt ?? throw EvsJson.MissingProperty("snapshot.created_at"),
        };
    }
}
