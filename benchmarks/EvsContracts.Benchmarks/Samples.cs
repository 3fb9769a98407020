using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EvsContracts.Benchmarks;

/// <summary>The payloads every peer reads and writes.</summary>
public enum Payload
{
    /// <summary>The request and the 202 answer of the EVS page, as they are.</summary>
    Seed,

    /// <summary>20 metadata entries; name, description and every value 85 CJK characters (255 UTF-8 bytes, the limit).</summary>
    Cjk,
}

/// <summary>One snapshot's values, independent of any peer's model types; each peer's objects are built from it.</summary>
public sealed class Sample
{
    private const string CjkText = "云硬盘快照创建于备份之前请勿删除数据恢复时需要保持可用状态并确认容量与类型一致否则无法完成回滚操作";

    private Sample(string name, string description, Dictionary<string, string> metadata)
    {
        Name = name;
        Description = description;
        Metadata = metadata;
    }

    public string VolumeId => "5aa119a8-d25b-45a7-8d1b-88e127885635";

    public string Id => "ffa9bc5e-1172-4021-acaf-cdcd78a9584d";

    public string Name { get; }

    public string Description { get; }

    public Dictionary<string, string> Metadata { get; }

    /// <summary>As on the wire: no offset, which means UTC.</summary>
    public static string CreatedAt => "2013-02-25T03:56:53.081642";

    public static Sample For(Payload payload) => payload switch
    {
        Payload.Seed => new Sample("snap-001", "Daily backup", []),
        Payload.Cjk => new Sample(Cjk(0), Cjk(7), Enumerable.Range(1, 20).ToDictionary(i => $"tag-{i:D2}", i => Cjk(i * 3))),
        _ => throw new ArgumentOutOfRangeException(nameof(payload)),
    };

    /// <summary>The 202 answer in the seed's member order (which is not the spec's), compact.</summary>
    public string ResponseJson() =>
        $$$"""{"snapshot":{"status":"creating","description":"{{{Description}}}","created_at":"{{{CreatedAt}}}","metadata":{{{MetadataJson()}}},"volume_id":"{{{VolumeId}}}","size":1,"id":"{{{Id}}}","name":"{{{Name}}}","updated_at":"{{{CreatedAt}}}"}}""";

    /// <summary>Throws unless the values a peer wrote or read are the sample's.</summary>
    public void Check(string peer, string? name, string? description, IEnumerable<KeyValuePair<string, string>>? metadata, string? volumeId)
    {
        Dictionary<string, string> actual = metadata?.ToDictionary() ?? [];
        bool same = name == Name && description == Description && volumeId == VolumeId
            && actual.Count == Metadata.Count && Metadata.All(e => actual.GetValueOrDefault(e.Key) == e.Value);
        if (!same)
        {
            throw new InvalidOperationException($"{peer} wrote or read the sample wrongly.");
        }
    }

    // Sample text has no character that JSON escapes, so it goes in as it is.
    private string MetadataJson() => "{" + string.Join(",", Metadata.Select(e => $"\"{e.Key}\":\"{e.Value}\"")) + "}";

    // 85 characters of three UTF-8 bytes each: exactly the 255-byte limit of name and description.
    private static string Cjk(int start)
    {
        var text = new StringBuilder(85);
        for (int i = 0; i < 85; i++)
        {
            text.Append(CjkText[(start + i) % CjkText.Length]);
        }

        return text.ToString();
    }
}
