using System;
using System.Collections.Generic;
using System.Text.Json;
using EvsContracts.Snapshots;

namespace EvsContracts.Benchmarks.Json;

/// <summary>
/// The limit: Utf8JsonWriter/Utf8JsonReader code written by hand for the generated model types, as a careful
/// developer writes it for one known shape. No validation of what it writes, no path bookkeeping, names matched on
/// the raw bytes. The generated code is measured against this.
/// </summary>
public static class HandWritten
{
    public static void Write(Utf8JsonWriter writer, CreateSnapshotRequestBody body)
    {
        CreateSnapshotOption snapshot = body.Snapshot;
        writer.WriteStartObject();
        writer.WriteStartObject("snapshot"u8);
        writer.WriteString("volume_id"u8, snapshot.VolumeId);
        if (snapshot.Force is bool force)
        {
            writer.WriteBoolean("force"u8, force);
        }

        if (snapshot.Metadata is { } metadata)
        {
            writer.WriteStartObject("metadata"u8);

            // The concrete type's struct enumerator; the interface's would be boxed.
            if (metadata is Dictionary<string, string> dictionary)
            {
                foreach (KeyValuePair<string, string> entry in dictionary)
                {
                    writer.WriteString(entry.Key, entry.Value);
                }
            }
            else
            {
                foreach (KeyValuePair<string, string> entry in metadata)
                {
                    writer.WriteString(entry.Key, entry.Value);
                }
            }

            writer.WriteEndObject();
        }

        if (snapshot.Description is { } description)
        {
            writer.WriteString("description"u8, description);
        }

        if (snapshot.Name is { } name)
        {
            writer.WriteString("name"u8, name);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static CreateSnapshotResponseBody ReadResponse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        SnapshotDetails? snapshot = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            bool isSnapshot = reader.ValueTextEquals("snapshot"u8);
            reader.Read();
            if (isSnapshot)
            {
                snapshot = ReadDetails(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new CreateSnapshotResponseBody { Snapshot = snapshot ?? throw new JsonException("snapshot is missing") };
    }

    private static SnapshotDetails ReadDetails(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("snapshot is not an object");
        }

        string? id = null;
        SnapshotStatus? status = null;
        string? name = null;
        string? description = null;
        DateTimeOffset? createdAt = null;
        Dictionary<string, string>? metadata = null;
        string? volumeId = null;
        int? size = null;
        DateTimeOffset? updatedAt = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            // Names from the spec are never escaped by a sane server; an escaped one is compared the slow way.
            ReadOnlySpan<byte> property = reader.ValueIsEscaped ? Unescape(ref reader) : reader.ValueSpan;
            reader.Read();
            switch (property.Length)
            {
                case 2 when property.SequenceEqual("id"u8):
                    id = reader.GetString();
                    break;
                case 4 when property.SequenceEqual("name"u8):
                    name = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                    break;
                case 4 when property.SequenceEqual("size"u8):
                    size = reader.GetInt32();
                    break;
                case 6 when property.SequenceEqual("status"u8):
                    status = ReadStatus(ref reader);
                    break;
                case 8 when property.SequenceEqual("metadata"u8):
                    metadata = reader.TokenType == JsonTokenType.Null ? null : ReadMap(ref reader);
                    break;
                case 9 when property.SequenceEqual("volume_id"u8):
                    volumeId = reader.GetString();
                    break;
                case 10 when property.SequenceEqual("created_at"u8):
                    createdAt = ReadDate(ref reader);
                    break;
                case 10 when property.SequenceEqual("updated_at"u8):
                    updatedAt = reader.TokenType == JsonTokenType.Null ? null : ReadDate(ref reader);
                    break;
                case 11 when property.SequenceEqual("description"u8):
                    description = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new SnapshotDetails
        {
            Id = id ?? throw new JsonException("id is missing"),
            Status = status ?? throw new JsonException("status is missing"),
            Name = name,
            Description = description,
            CreatedAt = createdAt ?? throw new JsonException("created_at is missing"),
            Metadata = metadata,
            VolumeId = volumeId ?? throw new JsonException("volume_id is missing"),
            Size = size ?? throw new JsonException("size is missing"),
            UpdatedAt = updatedAt,
        };
    }

    // Known values come back as the shared instances, without allocating.
    private static SnapshotStatus ReadStatus(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> value = reader.ValueIsEscaped ? Unescape(ref reader) : reader.ValueSpan;
        return value switch
        {
            _ when value.SequenceEqual("creating"u8) => SnapshotStatus.Creating,
            _ when value.SequenceEqual("available"u8) => SnapshotStatus.Available,
            _ when value.SequenceEqual("error"u8) => SnapshotStatus.Error,
            _ when value.SequenceEqual("deleting"u8) => SnapshotStatus.Deleting,
            _ when value.SequenceEqual("error_deleting"u8) => SnapshotStatus.ErrorDeleting,
            _ when value.SequenceEqual("rollbacking"u8) => SnapshotStatus.Rollbacking,
            _ when value.SequenceEqual("backing-up"u8) => SnapshotStatus.BackingUp,
            _ when value.SequenceEqual("restoring"u8) => SnapshotStatus.Restoring,
            _ when value.SequenceEqual("deleted"u8) => SnapshotStatus.Deleted,
            _ when value.SequenceEqual("updating"u8) => SnapshotStatus.Updating,
            _ when value.SequenceEqual("unmanaging"u8) => SnapshotStatus.Unmanaging,
            _ => new SnapshotStatus(reader.GetString()!),
        };
    }

    // EVS sends "2013-02-25T03:56:53.081642": no offset, which means UTC (Utf8JsonReader would read local time).
    // That layout is parsed in place; anything else goes to the reader's own ISO 8601 parser.
    private static DateTimeOffset ReadDate(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> s = reader.ValueSpan;
        if (!reader.ValueIsEscaped && s.Length is >= 19 and <= 27 && s[4] == '-' && s[7] == '-' && s[10] == 'T'
            && s[13] == ':' && s[16] == ':' && (s.Length == 19 || s[19] == '.'))
        {
            long ticks = 0;
            int digits = 0;
            for (int i = 20; i < s.Length; i++, digits++)
            {
                ticks = (ticks * 10) + Digit(s[i]);
            }

            for (; digits < 7; digits++)
            {
                ticks *= 10;
            }

            var clock = new DateTime(
                (Digit(s[0]) * 1000) + (Digit(s[1]) * 100) + (Digit(s[2]) * 10) + Digit(s[3]),
                (Digit(s[5]) * 10) + Digit(s[6]),
                (Digit(s[8]) * 10) + Digit(s[9]),
                (Digit(s[11]) * 10) + Digit(s[12]),
                (Digit(s[14]) * 10) + Digit(s[15]),
                (Digit(s[17]) * 10) + Digit(s[18]),
                DateTimeKind.Utc);
            return new DateTimeOffset(clock.Ticks + ticks, TimeSpan.Zero);
        }

        return reader.GetDateTimeOffset();
    }

    private static int Digit(byte c) => c is >= (byte)'0' and <= (byte)'9' ? c - '0' : throw new JsonException("Not a date-time.");

    private static Dictionary<string, string> ReadMap(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("metadata is not an object");
        }

        var map = new Dictionary<string, string>();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            map[key] = reader.GetString()!;
        }

        return map;
    }

    private static ReadOnlySpan<byte> Unescape(ref Utf8JsonReader reader)
    {
        byte[] buffer = new byte[reader.ValueSpan.Length];
        int length = reader.CopyString(buffer);
        return buffer.AsSpan(0, length);
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The JSON ends early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new JsonException($"Expected {type}, found {reader.TokenType}.");
        }
    }
}
