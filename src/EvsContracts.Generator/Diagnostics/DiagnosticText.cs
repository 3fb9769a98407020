using System.Globalization;
using System.Text;

namespace EvsContracts.Generator.Diagnostics;

/// <summary>Keeps diagnostic messages readable when they quote spec strings that may be megabytes long.</summary>
internal static class DiagnosticText
{
    /// <summary>The longest quoted text kept whole; longer ones keep their start and say how long they were.</summary>
    public const int MaxQuoted = 80;

    private const int KeptWhenCut = 60;

    /// <summary>A spec string as a message quotes it: in double quotes, so <see cref="ShortenQuotes"/> can cut it.</summary>
    public static string Quote(string text) => "\"" + text + "\"";

    /// <summary>A name as a list in a message gives it: whole up to <see cref="MaxQuoted"/> characters, else its start and an ellipsis.</summary>
    public static string Cut(string text)
    {
        if (text.Length <= MaxQuoted)
        {
            return text;
        }

        return text.Substring(0, Kept(text, 0)) + "…";
    }

    /// <summary>
    /// Cuts every double-quoted run longer than <see cref="MaxQuoted"/> characters to its first characters, an
    /// ellipsis and its length, so a build log line stays a line. Short texts come back as they are.
    /// </summary>
    public static string ShortenQuotes(string text)
    {
        if (text.Length <= MaxQuoted)
        {
            return text;
        }

        StringBuilder? builder = null;
        int copied = 0;
        int open = text.IndexOf('"');
        while (open >= 0)
        {
            int close = text.IndexOf('"', open + 1);
            if (close < 0)
            {
                break;
            }

            int length = close - open - 1;
            if (length > MaxQuoted)
            {
                builder ??= new StringBuilder(text.Length > 1024 ? 1024 : text.Length);
                int keep = Kept(text, open + 1);
                builder.Append(text, copied, open + 1 + keep - copied)
                    .Append("…\" (")
                    .Append(length.ToString("N0", CultureInfo.InvariantCulture))
                    .Append(" characters)");
                copied = close + 1;
            }

            open = text.IndexOf('"', close + 1);
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>How many characters of a long text from <paramref name="start"/> on are kept: never a pair's first half without its second.</summary>
    private static int Kept(string text, int start) =>
        char.IsHighSurrogate(text[start + KeptWhenCut - 1]) ? KeptWhenCut - 1 : KeptWhenCut;
}
