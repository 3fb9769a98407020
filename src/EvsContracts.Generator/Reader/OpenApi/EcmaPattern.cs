using System.Text;

namespace EvsContracts.Generator.Reader.OpenApi;

/// <summary>
/// OpenAPI's <c>pattern</c> is an ECMA-262 regular expression; .NET's engine reads the same text differently in a few
/// places that decide whether a value passes. This rewrites those places so a .NET <c>Regex</c> accepts exactly
/// what the spec's dialect accepts:
/// <list type="bullet">
/// <item><c>$</c> matches only at the very end (.NET's also matches before a final <c>\n</c>, so <c>^a$</c> would
/// accept <c>"a\n"</c>);</item>
/// <item><c>\d</c> and <c>\w</c> are ASCII (.NET's also match other scripts' digits and letters);</item>
/// <item><c>.</c> does not match the four ECMA-262 line terminators (.NET's excludes only <c>\n</c>).</item>
/// </list>
/// Everything else passes through as written (<c>\D</c> and <c>\W</c> inside a class keep .NET's meaning); an invalid
/// pattern stays invalid.
/// </summary>
internal static class EcmaPattern
{
    private const string Digit = "0-9";
    private const string Word = "a-zA-Z0-9_";

    /// <summary>The .NET pattern that matches what <paramref name="pattern"/> matches under ECMA-262.</summary>
    public static string ToDotNet(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 16);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char next = pattern[++i];
                string? replacement = (next, inClass) switch
                {
                    ('d', false) => "[" + Digit + "]",
                    ('D', false) => "[^" + Digit + "]",
                    ('w', false) => "[" + Word + "]",
                    ('W', false) => "[^" + Word + "]",
                    ('d', true) => Digit,
                    ('w', true) => Word,
                    _ => null,
                };
                if (replacement is null)
                {
                    result.Append(c).Append(next);
                }
                else
                {
                    result.Append(replacement);
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                result.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    result.Append(c);
                    break;
                case '$':
                    result.Append("\\z");
                    break;
                case '.':
                    result.Append("[^\\n\\r\\u2028\\u2029]");
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }
}
