using System.Collections.Generic;
using EvsContracts.Generator.Reader.Json;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Diagnostics;

/// <summary>Collects the problems of one spec, each located by line and column in the spec file.</summary>
internal sealed class SpecDiagnosticBag
{
    private readonly string _filePath;
    private readonly LineMap _lines;
    private readonly List<SpecDiagnostic> _items = new();

    public SpecDiagnosticBag(string filePath, string text)
    {
        _filePath = filePath;
        _lines = new LineMap(text);
    }

    public IReadOnlyList<SpecDiagnostic> Items => _items;

    public bool HasErrors => _items.Count > 0;

    public void Report(string id, string message, int start, int end)
    {
        LinePositionSpan span = _lines.GetSpan(start, end);
        _items.Add(new SpecDiagnostic(
            id, DiagnosticText.ShortenQuotes(message), _filePath, start, end - start,
            span.Start.Line, span.Start.Character, span.End.Line, span.End.Character));
    }

    public void Report(string id, string message, JsonNode node) => Report(id, message, node.Start, node.End);

    /// <summary>Points at a member's name: "this key" reads better than the whole value it holds.</summary>
    public void Report(string id, string message, JsonMember member) => Report(id, message, member.NameStart, member.NameEnd);
}
