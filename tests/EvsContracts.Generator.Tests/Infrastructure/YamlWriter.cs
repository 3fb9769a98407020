using System.Globalization;
using System.Text;
using EvsContracts.Generator.Reader.Json;
using EvsContracts.Generator.Reader.Yaml;

namespace EvsContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Writes a JSON document as the YAML a person would write: block mappings, compact <c>- key: value</c> sequences,
/// short lists in flow style, plain scalars where they read back as the same string, literal blocks for text with
/// line breaks, folded blocks for long prose, quotes only where needed. Test specs in YAML are written with it, so
/// they cover what real OpenAPI YAML uses, and stay the same document as their JSON.
/// </summary>
internal static class YamlWriter
{
    private const int Width = 100;

    public static string FromJson(string json)
    {
        JsonNode root = JsonParser.Parse(json, out JsonSyntaxError? error) ?? throw new ArgumentException(error!.Message, nameof(json));
        var builder = new StringBuilder();
        builder.Append("# Written from the JSON spec of the same name by YamlWriter (EVS_ACCEPT_GOLDEN=1 rewrites it).\n");
        WriteBlock(builder, root, 0, parentKey: null);
        return builder.ToString();
    }

    /// <summary>A node that starts on a line of its own at <paramref name="indent"/>.</summary>
    private static void WriteBlock(StringBuilder builder, JsonNode node, int indent, string? parentKey)
    {
        switch (node)
        {
            case JsonObjectNode { Members.Count: > 0 } obj:
                bool first = true;
                foreach (JsonMember member in obj.Members)
                {
                    if (!first)
                    {
                        builder.Append(' ', indent);
                    }

                    first = false;
                    builder.Append(Key(member.Name)).Append(':');
                    WriteValue(builder, member.Value, indent, member.Name, parentKey);
                }

                break;
            case JsonArrayNode { Items.Count: > 0 } array:
                for (int i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(' ', indent);
                    }

                    builder.Append("- ");

                    // Compact: the entry's mapping starts on the dash's line.
                    if (array.Items[i] is JsonObjectNode { Members.Count: > 0 } or JsonArrayNode { Items.Count: > 0 } && !IsShortList(array.Items[i]))
                    {
                        WriteBlock(builder, array.Items[i], indent + 2, parentKey);
                    }
                    else
                    {
                        builder.Append(Inline(array.Items[i], indent + 2, parentKey: null, key: null)).Append('\n');
                    }
                }

                break;
            default:
                builder.Append(Inline(node, indent, parentKey: null, key: null)).Append('\n');
                break;
        }
    }

    /// <summary>The value after <c>key:</c>.</summary>
    private static void WriteValue(StringBuilder builder, JsonNode value, int indent, string key, string? parentKey)
    {
        if (value is JsonObjectNode { Members.Count: > 0 })
        {
            builder.Append('\n').Append(' ', indent + 2);
            WriteBlock(builder, value, indent + 2, key);
        }
        else if (value is JsonArrayNode { Items.Count: > 0 } && !IsShortList(value))
        {
            // Sequences under "parameters" sit at the key's indentation, as many real specs write them.
            int at = key == "parameters" ? indent : indent + 2;
            builder.Append('\n').Append(' ', at);
            WriteBlock(builder, value, at, key);
        }
        else
        {
            builder.Append(' ').Append(Inline(value, indent + 2, parentKey, key)).Append('\n');
        }
    }

    private static bool IsShortList(JsonNode node) =>
        node is JsonArrayNode array
        && array.Items.All(item => item is JsonNumberNode or JsonBooleanNode or JsonNullNode || (item is JsonStringNode s && IsPlain(s.Value) && s.Value.IndexOfAny([',', '[', ']', '{', '}', ':', '#']) < 0))
        && array.Items.Sum(item => item is JsonStringNode s ? s.Value.Length + 2 : 6) < 60;

    private static string Inline(JsonNode node, int indent, string? parentKey, string? key) => node switch
    {
        JsonObjectNode => "{}",
        JsonArrayNode array => "[" + string.Join(", ", array.Items.Select(item => Inline(item, indent, null, null))) + "]",
        JsonNumberNode number => number.Text,
        JsonBooleanNode flag => flag.Value ? "true" : "false",
        JsonNullNode => "null",

        // An unquoted version that YAML reads as a number, as real specs write it.
        JsonStringNode { Value: var version } when parentKey == "info" && key == "version" && YamlCoreSchema.Resolve(version, 0, 0) is JsonNumberNode => version,
        JsonStringNode text => Scalar(text.Value, indent),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>A key as written; <c>&lt;&lt;</c> is quoted, since bare it would be a merge key.</summary>
    private static string Key(string name) => name == "<<" ? Quoted(name) : IsPlain(name) || (name.Length > 0 && char.IsAsciiDigit(name[0]) && name.All(char.IsAsciiLetterOrDigit)) ? name : Quoted(name);

    private static string Scalar(string value, int indent)
    {
        if (value.Contains('\n', StringComparison.Ordinal) && IsBlockSafe(value))
        {
            // A literal block; the chomping indicator keeps the final line breaks as they are.
            int trailing = value.Length - value.TrimEnd('\n').Length;
            string header = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
            string body = trailing == 0 ? value : value[..^trailing];
            var block = new StringBuilder(header);
            foreach (string line in body.Split('\n'))
            {
                block.Append('\n');
                if (line.Length > 0)
                {
                    block.Append(' ', indent).Append(line);
                }
            }

            block.Append('\n', Math.Max(0, trailing - 1));
            return block.ToString();
        }

        if (IsPlain(value))
        {
            return value.Length + indent > Width && IsFoldable(value) ? Folded(value, indent) : value;
        }

        return Quoted(value);
    }

    /// <summary>Long prose as a folded block: single spaces between words become line breaks that read back as spaces.</summary>
    private static string Folded(string value, int indent)
    {
        var block = new StringBuilder(">-");
        int lineLength = -1;
        foreach (string word in value.Split(' '))
        {
            if (lineLength < 0 || lineLength + 1 + word.Length > Width - indent)
            {
                block.Append('\n').Append(' ', indent);
                lineLength = 0;
            }
            else
            {
                block.Append(' ');
                lineLength++;
            }

            block.Append(word);
            lineLength += word.Length;
        }

        return block.ToString();
    }

    private static bool IsFoldable(string value) =>
        !value.Contains("  ", StringComparison.Ordinal) && !value.StartsWith(' ') && !value.EndsWith(' ');

    private static bool IsBlockSafe(string value) =>
        value.Length > 0 && value[0] is not (' ' or '\n') && !value.Contains(" \n", StringComparison.Ordinal)
        && !value.Contains("\n ", StringComparison.Ordinal) && value.All(c => c >= ' ' || c == '\n');

    /// <summary>Whether the text written bare reads back as the same string.</summary>
    private static bool IsPlain(string value)
    {
        if (value.Length == 0 || value[0] is ' ' || value[^1] is ' '
            || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal)
            || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':')
            || value.Any(c => c < ' ' || c is '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c)))
        {
            return false;
        }

        return YamlCoreSchema.Resolve(value, 0, 0) is JsonStringNode;
    }

    private static string Quoted(string value)
    {
        if (value.All(c => c >= ' ' && c is not ('\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF') && !char.IsSurrogate(c)))
        {
            return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        var builder = new StringBuilder("\"");
        foreach (char c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                _ when c < ' ' || c is '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c) =>
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
