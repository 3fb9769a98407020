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
    /// <summary>UTF-8 bytes; a lone surrogate counts 3, as the encoder writes it as U+FFFD.</summary>
    public static int Utf8ByteCount(string text) => Encoding.UTF8.GetByteCount(text);

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

    /// <summary>A UUID as the wire wants it: 36 characters, 8-4-4-4-12 hexadecimal digits of either case.</summary>
    public static bool IsUuid(string text)
    {
        if (text.Length != 36)
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (i is 8 or 13 or 18 or 23 ? text[i] != '-' : !IsHexDigit(text[i]))
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
            string? escape = c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '"' => "\\\"", '\\' => "\\\\", _ => null };
            if (escape is not null)
            {
                builder.Append(escape);
            }
            else if (char.IsControl(c))
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

    internal static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    private static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}
