using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// Text measures as the contract counts them, shared by the analyzers and the code fixes so that a fixed value is
/// exactly what the analyzer accepts. They agree with the runtime's <c>Utf8Text</c> and <c>ContractCheck</c>.
/// </summary>
internal static class ContractText
{
    /// <summary>UTF-8 bytes; a lone surrogate counts 3, as an encoder writes it as U+FFFD.</summary>
    public static int Utf8ByteCount(string text)
    {
        long count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            count += Utf8Width(text, i, out bool pair);
            if (pair)
            {
                i++;
            }
        }

        return count > int.MaxValue ? int.MaxValue : (int)count;
    }

    /// <summary>Unicode code points: a surrogate pair is one, a lone surrogate is one.</summary>
    public static int CodePointCount(string text)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsPairAt(text, i))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>The longest prefix of <paramref name="text"/> within <paramref name="maxBytes"/> UTF-8 bytes that does not split a surrogate pair.</summary>
    public static string TruncateToUtf8Bytes(string text, int maxBytes)
    {
        long used = 0;
        int i = 0;
        while (i < text.Length)
        {
            int width = Utf8Width(text, i, out bool pair);
            if (used + width > maxBytes)
            {
                break;
            }

            used += width;
            i += pair ? 2 : 1;
        }

        return text.Substring(0, i);
    }

    /// <summary>The first <paramref name="maxCodePoints"/> code points of <paramref name="text"/>, never half a surrogate pair.</summary>
    public static string TruncateToCodePoints(string text, int maxCodePoints)
    {
        int i = 0;
        for (int taken = 0; taken < maxCodePoints && i < text.Length; taken++)
        {
            i += IsPairAt(text, i) ? 2 : 1;
        }

        return text.Substring(0, i);
    }

    /// <summary>A UUID as the wire wants it: 36 characters, 8-4-4-4-12 hexadecimal digits of either case.</summary>
    public static bool IsUuid(string text)
    {
        if (text.Length != 36)
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok = i is 8 or 13 or 18 or 23 ? c == '-' : IsHexDigit(c);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The canonical form (lower case, hyphenated, no braces) of a GUID written in any of the usual ways: what
    /// <see cref="Guid.TryParse(string, out Guid)"/> accepts (braces, parentheses, no hyphens, upper case, surrounding
    /// white space), and the 32 digits inside braces or parentheses that registry and COM tools write.
    /// </summary>
    public static bool TryCanonicalUuid(string text, out string canonical)
    {
        string trimmed = text.Trim();
        if (trimmed.Length == 34 && ((trimmed[0] == '{' && trimmed[33] == '}') || (trimmed[0] == '(' && trimmed[33] == ')')))
        {
            trimmed = trimmed.Substring(1, 32);
        }

        if (Guid.TryParse(trimmed, out Guid guid))
        {
            canonical = guid.ToString("D", CultureInfo.InvariantCulture);
            return true;
        }

        canonical = string.Empty;
        return false;
    }

    /// <summary>
    /// A value as a message shows it: in quotes, control characters escaped, and cut after 40 code points so that a
    /// 300-byte description does not flood the error list.
    /// </summary>
    public static string Quote(string text)
    {
        const int Shown = 40;
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        int codePoints = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (codePoints == Shown)
            {
                builder.Append('\u2026');
                break;
            }

            char c = text[i];
            switch (c)
            {
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                        if (IsPairAt(text, i))
                        {
                            builder.Append(text[++i]);
                        }
                    }

                    break;
            }

            codePoints++;
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Whether the expression is one string literal (in parentheses or not), which a code fix can rewrite.</summary>
    public static bool IsStringLiteral(SyntaxNode? syntax)
    {
        while (syntax is ParenthesizedExpressionSyntax parenthesized)
        {
            syntax = parenthesized.Expression;
        }

        return syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression);
    }

    private static int Utf8Width(string text, int i, out bool pair)
    {
        char c = text[i];
        pair = false;
        if (c < 0x80)
        {
            return 1;
        }

        if (c < 0x800)
        {
            return 2;
        }

        if (IsPairAt(text, i))
        {
            pair = true;
            return 4;
        }

        return 3;
    }

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    private static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}
