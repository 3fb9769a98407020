using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Tests.Infrastructure;

/// <summary>
/// A spec with the expected diagnostic location marked as <c>[|...|]</c>, as Roslyn's own tests mark spans. The
/// marks are removed; the span's lines and columns are counted here, independently of the generator's line map.
/// </summary>
internal sealed record SpecMarkup(string Text, int Start, int End)
{
    private const string Open = "[|";
    private const string Close = "|]";

    public static SpecMarkup Parse(string markup)
    {
        int open = markup.IndexOf(Open, StringComparison.Ordinal);
        int close = open < 0 ? -1 : markup.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
        if (open < 0 || close < open || markup.IndexOf(Open, open + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException("The markup must hold exactly one [|...|] span", nameof(markup));
        }

        string text = markup.Remove(close, Close.Length).Remove(open, Open.Length);
        return new SpecMarkup(text, open, close - Open.Length);
    }

    public LinePositionSpan Span => new(Position(Start), Position(End));

    /// <summary>Zero-based line and column; specs in tests use <c>\n</c> only.</summary>
    private LinePosition Position(int offset)
    {
        int line = 0, lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new LinePosition(line, offset - lineStart);
    }
}
