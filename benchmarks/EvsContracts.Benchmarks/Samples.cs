using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EvsContracts.Benchmarks;

/// <summary>The payloads every peer reads and writes: the seed's examples, and a large one with CJK text.</summary>
public enum Payload
{
    /// <summary>The request and the 202 answer of the EVS page, as they are.</summary>
    Seed,

    /// <summary>20 metadata entries; name, description and every metadata value are 85 CJK characters (255 UTF-8 bytes, the limit).</summary>
    Cjk,
}

/// <summary>One snapshot's values, independent of any peer's model types; each peer's objects are built from it.</summary>
public sealed class Sample
{
    /// <summary>85 characters of three UTF-8 bytes each: exactly the 255-byte limit of <c>name</c> and <c>description</c>.</summary>
    public const int CjkCharacters = 85;

    private const string CjkText = "云硬盘快照创建于备份之前请勿删除数据恢复时需要保持可用状态并确认容量与类型一致否则无法完成回滚操作";

    private Sample(
        string? name,
        string? description,
        bool? force,
        IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        Name = name;
        Description = description;
        Force = force;
        Metadata = metadata;
    }

    public string VolumeId { get; } = "5aa119a8-d25b-45a7-8d1b-88e127885635";

    public string Id { get; } = "ffa9bc5e-1172-4021-acaf-cdcd78a9584d";

    public string Status { get; } = "creating";

    public string? Name { get; }

    public string? Description { get; }

    public bool? Force { get; }

    /// <summary>In wire order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; }

    public int Size { get; } = 1;

    /// <summary>As on the wire: no offset, which means UTC.</summary>
    public string CreatedAtText { get; } = "2013-02-25T03:56:53.081642";

    public DateTimeOffset CreatedAt => DateTimeOffset.Parse(CreatedAtText + "Z", CultureInfo.InvariantCulture);

    public string UpdatedAtText => CreatedAtText;

    public DateTimeOffset UpdatedAt => CreatedAt;

    public static Sample For(Payload payload) => payload switch
    {
        Payload.Seed => new Sample("snap-001", "Daily backup", false, []),
        Payload.Cjk => new Sample(Cjk(0), Cjk(7), false, CjkMetadata()),
        _ => throw new ArgumentOutOfRangeException(nameof(payload)),
    };

    /// <summary>The request body as the seed writes it, compact; for the CJK payload, the same shape.</summary>
    public string RequestJson()
    {
        var json = new StringBuilder("{\"snapshot\":{");
        json.Append("\"volume_id\":\"").Append(VolumeId).Append('"');
        if (Force is bool force)
        {
            json.Append(",\"force\":").Append(force ? "true" : "false");
        }

        json.Append(",\"metadata\":");
        AppendMetadata(json);
        AppendString(json, "description", Description);
        AppendString(json, "name", Name);
        return json.Append("}}").ToString();
    }

    /// <summary>The 202 answer in the seed's member order (which is not the spec's), compact.</summary>
    public string ResponseJson()
    {
        var json = new StringBuilder("{\"snapshot\":{");
        json.Append("\"status\":\"").Append(Status).Append('"');
        AppendString(json, "description", Description);
        json.Append(",\"created_at\":\"").Append(CreatedAtText).Append('"');
        json.Append(",\"metadata\":");
        AppendMetadata(json);
        json.Append(",\"volume_id\":\"").Append(VolumeId).Append('"');
        json.Append(",\"size\":").Append(Size.ToString(CultureInfo.InvariantCulture));
        json.Append(",\"id\":\"").Append(Id).Append('"');
        AppendString(json, "name", Name);
        json.Append(",\"updated_at\":\"").Append(UpdatedAtText).Append('"');
        return json.Append("}}").ToString();
    }

    private void AppendMetadata(StringBuilder json)
    {
        json.Append('{');
        for (int i = 0; i < Metadata.Count; i++)
        {
            json.Append(i == 0 ? "\"" : ",\"").Append(Metadata[i].Key).Append("\":\"").Append(Metadata[i].Value).Append('"');
        }

        json.Append('}');
    }

    // Sample text has no character that JSON escapes, so it is appended as it is.
    private static void AppendString(StringBuilder json, string name, string? value)
    {
        if (value is not null)
        {
            json.Append(",\"").Append(name).Append("\":\"").Append(value).Append('"');
        }
    }

    private static string Cjk(int start)
    {
        var text = new StringBuilder(CjkCharacters);
        for (int i = 0; i < CjkCharacters; i++)
        {
            text.Append(CjkText[(start + i) % CjkText.Length]);
        }

        return text.ToString();
    }

    private static KeyValuePair<string, string>[] CjkMetadata()
    {
        var entries = new KeyValuePair<string, string>[20];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = new($"tag-{i + 1:D2}", Cjk(i * 3));
        }

        return entries;
    }
}
