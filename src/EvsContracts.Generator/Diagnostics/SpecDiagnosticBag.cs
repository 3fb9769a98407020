using System.Collections.Generic;
using System.Collections.Immutable;
using EvsContracts.Generator.Reader.Json;
using EvsContracts.Generator.Support;
using Microsoft.CodeAnalysis;
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

    /// <summary>The span from <paramref name="start"/> to <paramref name="end"/> of the spec file.</summary>
    public SpecLocation Locate(int start, int end)
    {
        LinePositionSpan span = _lines.GetSpan(start, end);
        return new SpecLocation(_filePath, start, end - start, span.Start.Line, span.Start.Character, span.End.Line, span.End.Character);
    }

    public SpecLocation Locate(JsonNode node) => Locate(node.Start, node.End);

    /// <summary>Points at a member's name: "this key" reads better than the whole value it holds.</summary>
    public SpecLocation Locate(JsonMember member) => Locate(member.NameStart, member.NameEnd);

    /// <summary>
    /// Adds a problem. Every argument is passed through <see cref="DiagnosticText.ShortenQuotes"/>: spec strings come
    /// quoted, and one that is megabytes long must not make the build log line as long.
    /// </summary>
    public void Report(DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments)
    {
        ImmutableArray<string>.Builder shortened = ImmutableArray.CreateBuilder<string>(arguments.Length);
        foreach (string argument in arguments)
        {
            shortened.Add(DiagnosticText.ShortenQuotes(argument));
        }

        _items.Add(new SpecDiagnostic(descriptor, location, new EquatableArray<string>(shortened.MoveToImmutable())));
    }

    public void Report(DiagnosticDescriptor descriptor, int start, int end, params string[] arguments) =>
        Report(descriptor, Locate(start, end), arguments);

    public void Report(DiagnosticDescriptor descriptor, JsonNode node, params string[] arguments) =>
        Report(descriptor, Locate(node), arguments);

    public void Report(DiagnosticDescriptor descriptor, JsonMember member, params string[] arguments) =>
        Report(descriptor, Locate(member), arguments);
}
