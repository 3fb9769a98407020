using System;
using System.Collections.Generic;
using System.Text;
using EvsContracts.Generator.Reader.Json;
using EvsContracts.Generator.Reader.OpenApi;

namespace EvsContracts.Generator.Model;

/// <summary>
/// Numbers schemas by what they say: two schemas written alike (the same members with the same values, in any order
/// of members) get the same number, wherever they are in the spec. Real specs repeat an inline schema at every place
/// that uses it (GitHub's REST spec repeats its <c>owner</c> object hundreds of times); the builder generates one type
/// for them, not one per place.
/// </summary>
/// <remarks>
/// Every reference in a spec is local (<c>#/...</c>), so the same text means the same thing anywhere in it. Members
/// the generator never reads (examples, titles, other tools' extensions) do not count. Each node is numbered once: a
/// parent's key is made of its children's numbers, so numbering a whole spec costs one pass over it.
/// </remarks>
internal sealed class SchemaIdentity
{
    private static readonly string[] s_ignoredMembers = { "example", "examples", "title", "externalDocs", "xml" };

    /// <summary>By node: nodes compare by reference.</summary>
    private readonly Dictionary<JsonNode, int> _numbers = new();
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly StringBuilder _key = new();

    /// <summary>The number of what the schema says, or null when its node does not say all of it (a schema composed by the builder).</summary>
    public int? Of(OpenApiSchema schema) => schema.Composed ? null : Of(schema.Node);

    private int Of(JsonNode node)
    {
        if (_numbers.TryGetValue(node, out int known))
        {
            return known;
        }

        string shape;
        switch (node)
        {
            case JsonObjectNode obj:
                var members = new List<(string Name, int Value)>(obj.Members.Count);
                for (int i = 0; i < obj.Members.Count; i++)
                {
                    JsonMember member = obj.Members[i];
                    if (Array.IndexOf(s_ignoredMembers, member.Name) < 0 && !(member.Name.StartsWith("x-", StringComparison.Ordinal) && !OpenApiReader.IsReadExtension(member.Name)))
                    {
                        members.Add((member.Name, Of(member.Value)));
                    }
                }

                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

                // The children are numbered by now, so one builder serves every node.
                _key.Clear().Append('{');
                foreach ((string name, int value) in members)
                {
                    _key.Append(name.Length).Append(':').Append(name).Append('=').Append(value).Append(',');
                }

                shape = _key.ToString();
                break;
            case JsonArrayNode array:
                var items = new int[array.Items.Count];
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = Of(array.Items[i]);
                }

                _key.Clear().Append('[');
                foreach (int item in items)
                {
                    _key.Append(item).Append(',');
                }

                shape = _key.ToString();
                break;
            case JsonStringNode value:
                shape = "\"" + value.Value;
                break;
            case JsonNumberNode numeral:
                shape = "#" + numeral.Text;
                break;
            case JsonBooleanNode boolean:
                shape = boolean.Value ? "true" : "false";
                break;
            default:
                shape = "null";
                break;
        }

        if (!_keys.TryGetValue(shape, out int number))
        {
            number = _keys.Count;
            _keys[shape] = number;
        }

        _numbers[node] = number;
        return number;
    }
}
