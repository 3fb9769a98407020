using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EvsContracts.Reliability.Tests.Infrastructure;

/// <summary>
/// A JSON document as an editable tree that keeps what System.Text.Json.Nodes cannot: duplicate member names,
/// numbers as written, raw text spliced in (10,000 levels of nesting), and a chosen escaping for each string.
/// </summary>
internal abstract class JsonTree
{
    public static JsonTree Parse(byte[] utf8)
    {
        using JsonDocument document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 1024 });
        return From(document.RootElement);
    }

    private static JsonTree From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new JsonTreeObject(element.EnumerateObject().Select(p => new JsonTreeMember(new JsonTreeString(p.Name), From(p.Value))).ToList()),
        JsonValueKind.Array => new JsonTreeArray(element.EnumerateArray().Select(From).ToList()),
        JsonValueKind.String => new JsonTreeString(element.GetString()!),
        _ => new JsonTreeRaw(element.GetRawText()),
    };

    public string ToJson()
    {
        var builder = new StringBuilder();
        Write(builder, 0);
        return builder.ToString();
    }

    public abstract void Write(StringBuilder builder, int indent);

    /// <summary>Every node, depth first; member names are nodes too, so they can be mutated like values.</summary>
    public List<JsonTreeSlot> Slots()
    {
        var slots = new List<JsonTreeSlot>();
        Collect(this, null, -1, slots);
        return slots;
    }

    private static void Collect(JsonTree node, JsonTree? parent, int index, List<JsonTreeSlot> into)
    {
        into.Add(new JsonTreeSlot(node, parent, index, IsName: false));
        switch (node)
        {
            case JsonTreeObject obj:
                for (int i = 0; i < obj.Members.Count; i++)
                {
                    into.Add(new JsonTreeSlot(obj.Members[i].Name, obj, i, IsName: true));
                    Collect(obj.Members[i].Value, obj, i, into);
                }

                break;
            case JsonTreeArray array:
                for (int i = 0; i < array.Items.Count; i++)
                {
                    Collect(array.Items[i], array, i, into);
                }

                break;
        }
    }

    protected static void NewLine(StringBuilder builder, int indent) => builder.Append('\n').Append(' ', indent * 2);
}

/// <summary>Where a node sits, so it can be replaced.</summary>
internal sealed record JsonTreeSlot(JsonTree Node, JsonTree? Parent, int Index, bool IsName)
{
    public void Replace(JsonTree value)
    {
        switch (Parent)
        {
            case JsonTreeObject obj when IsName && value is JsonTreeString name:
                obj.Members[Index] = obj.Members[Index] with { Name = name };
                break;
            case JsonTreeObject obj when !IsName:
                obj.Members[Index] = obj.Members[Index] with { Value = value };
                break;
            case JsonTreeArray array:
                array.Items[Index] = value;
                break;
        }
    }
}

internal sealed record JsonTreeMember(JsonTreeString Name, JsonTree Value);

internal sealed class JsonTreeObject(List<JsonTreeMember> members) : JsonTree
{
    public List<JsonTreeMember> Members { get; } = members;

    public override void Write(StringBuilder builder, int indent)
    {
        builder.Append('{');
        for (int i = 0; i < Members.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            NewLine(builder, indent + 1);
            Members[i].Name.Write(builder, indent + 1);
            builder.Append(": ");
            Members[i].Value.Write(builder, indent + 1);
        }

        if (Members.Count > 0)
        {
            NewLine(builder, indent);
        }

        builder.Append('}');
    }
}

internal sealed class JsonTreeArray(List<JsonTree> items) : JsonTree
{
    public List<JsonTree> Items { get; } = items;

    public override void Write(StringBuilder builder, int indent)
    {
        builder.Append('[');
        for (int i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Items[i].Write(builder, indent + 1);
        }

        builder.Append(']');
    }
}

/// <summary>Numbers, booleans, null, or any text spliced in as is.</summary>
internal sealed class JsonTreeRaw(string text) : JsonTree
{
    public string Text { get; } = text;

    public override void Write(StringBuilder builder, int indent) => builder.Append(Text);
}

/// <summary>A string; <see cref="EscapeSeed"/> set writes each character in a randomly chosen but equivalent form.</summary>
internal sealed class JsonTreeString(string value, int? escapeSeed = null) : JsonTree
{
    public string Value { get; } = value;

    public int? EscapeSeed { get; } = escapeSeed;

    public override void Write(StringBuilder builder, int indent)
    {
        Random? random = EscapeSeed is int seed ? new Random(seed) : null;
        builder.Append('"');
        foreach (char c in Value)
        {
            if (random is not null && !char.IsSurrogate(c))
            {
                switch (random.Next(4))
                {
                    case 0:
                        builder.Append("\\u").Append(((int)c).ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture));
                        continue;
                    case 1 when Short(c) is { } escape:
                        builder.Append(escape);
                        continue;
                    case 1 when c == '/':
                        builder.Append("\\/");
                        continue;
                }
            }

            if (Short(c) is { } required)
            {
                builder.Append(required);
            }
            else if (c < 0x20 || char.IsSurrogate(c))
            {
                // Control characters must be escaped; a lone surrogate can only be written as an escape.
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
    }

    public override string ToString() => Value;

    private static string? Short(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\b' => "\\b",
        '\f' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => null,
    };
}
