using System.Globalization;
using System.Text;

namespace EvsContracts.Generator.Emitter;

/// <summary>Spec text placed into C#: string literals and XML doc comments that nothing in the spec can break out of.</summary>
internal static class CSharpLiteral
{
    /// <summary>
    /// A regular string literal. Everything outside printable ASCII is a \u escape, so no newline, bidi control or
    /// look-alike character from the spec reaches the source as itself, and the literal equals the spec's value.
    /// </summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (c >= 0x20 && c < 0x7F)
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A UTF-8 string literal (<c>"name"u8</c>) for JSON property names.</summary>
    public static string Utf8(string value) => String(value) + "u8";

    /// <summary>
    /// Lines of XML documentation text: XML special characters escaped, every kind of line break (C# counts
    /// NEL, LS and PS too) starts a new <c>///</c> line, and other control characters are dropped.
    /// </summary>
    public static string[] DocLines(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n': break;
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r' or '\n' or '\u0085' or '\u2028' or '\u2029': builder.Append('\n'); break;
                default:
                    if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        string[] lines = builder.ToString().Trim('\n').Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd();
        }

        return lines;
    }
}
