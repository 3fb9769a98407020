using System.Collections.Generic;

namespace EvsContracts.Generator.Reader.Json;

/// <summary>A JSON value with the character offsets it spans in the spec text, so problems can point at it.</summary>
internal abstract class JsonNode
{
    protected JsonNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    /// <summary>The JSON Schema/OpenAPI name of the value's kind, for messages ("object", "string", ...).</summary>
    public abstract string KindName { get; }
}

internal sealed class JsonObjectNode : JsonNode
{
    public JsonObjectNode(int start, int end, IReadOnlyList<JsonMember> members)
        : base(start, end) => Members = members;

    public IReadOnlyList<JsonMember> Members { get; }

    public override string KindName => "object";

    public JsonMember? Find(string name)
    {
        // Indexed: a foreach over the interface would box an enumerator on every look-up, and a spec is read by
        // hundreds of thousands of them.
        for (int i = 0; i < Members.Count; i++)
        {
            if (Members[i].Name == name)
            {
                return Members[i];
            }
        }

        return null;
    }

    public JsonNode? Get(string name) => Find(name)?.Value;
}

/// <summary>One member of an object: its name, where the name is written, and its value.</summary>
internal sealed class JsonMember
{
    public JsonMember(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArrayNode : JsonNode
{
    public JsonArrayNode(int start, int end, IReadOnlyList<JsonNode> items)
        : base(start, end) => Items = items;

    public IReadOnlyList<JsonNode> Items { get; }

    public override string KindName => "array";
}

internal sealed class JsonStringNode : JsonNode
{
    public JsonStringNode(int start, int end, string value)
        : base(start, end) => Value = value;

    public string Value { get; }

    public override string KindName => "string";
}

/// <summary>A number kept as its literal text: the spec's limits are read exactly, never through a lossy double.</summary>
internal sealed class JsonNumberNode : JsonNode
{
    public JsonNumberNode(int start, int end, string text)
        : base(start, end) => Text = text;

    public string Text { get; }

    public override string KindName => "number";
}

internal sealed class JsonBooleanNode : JsonNode
{
    public JsonBooleanNode(int start, int end, bool value)
        : base(start, end) => Value = value;

    public bool Value { get; }

    public override string KindName => "boolean";
}

internal sealed class JsonNullNode : JsonNode
{
    public JsonNullNode(int start, int end)
        : base(start, end)
    {
    }

    public override string KindName => "null";
}
