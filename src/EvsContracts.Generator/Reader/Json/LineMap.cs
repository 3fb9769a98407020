using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Reader.Json;

/// <summary>
/// Turns character offsets into line/column positions. Line breaks are the ones Roslyn's SourceText knows
/// (CR, LF, CRLF, NEL, LS, PS), so a position shown in the IDE lands on the same character.
/// </summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = new() { 0 };

    public LineMap(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                _lineStarts.Add(i + 1);
            }
            else if (c is '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public LinePosition GetPosition(int offset)
    {
        int index = _lineStarts.BinarySearch(offset);
        int line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    public LinePositionSpan GetSpan(int start, int end) => new(GetPosition(start), GetPosition(end));
}
