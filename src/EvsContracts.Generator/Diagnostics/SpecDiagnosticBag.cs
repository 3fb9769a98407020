using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using EvsContracts.Generator.Reader.Json;
using EvsContracts.Generator.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Diagnostics;

/// <summary>
/// Collects the problems of one spec, each located by line and column in the spec file, and each with the part of
/// the spec it was found in (<see cref="Within"/>): that part is left out. A problem found outside every part
/// belongs to the document, and then nothing is generated.
/// </summary>
internal sealed class SpecDiagnosticBag
{
    private readonly string _filePath;
    private readonly LineMap _lines;
    private readonly List<SpecDiagnostic> _items = new();
    private readonly List<SpecPart?> _parts = new();

    public SpecDiagnosticBag(string filePath, string text)
    {
        _filePath = filePath;
        _lines = new LineMap(text);
    }

    public IReadOnlyList<SpecDiagnostic> Items => _items;

    /// <summary>For each item, the part it was found in; null for the document.</summary>
    public IReadOnlyList<SpecPart?> Parts => _parts;

    /// <summary>The part being read or built: what a problem reported now leaves out.</summary>
    public SpecPart? CurrentPart { get; private set; }

    /// <summary>Whether a problem was found outside every part: the document as a whole cannot be generated.</summary>
    public bool HasDocumentProblems
    {
        get
        {
            for (int i = 0; i < _items.Count; i++)
            {
                if (_parts[i] is null && LeavesOut(i))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>How many items leave their part out: a note (<see cref="DiagnosticDescriptors.IsNote"/>) does not.</summary>
    public int LeavingOutCount
    {
        get
        {
            int count = 0;
            for (int i = 0; i < _items.Count; i++)
            {
                count += LeavesOut(i) ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>Whether item <paramref name="index"/> leaves its part out: every problem but a note does.</summary>
    public bool LeavesOut(int index) => !DiagnosticDescriptors.IsNote(_items[index].Descriptor);

    /// <summary>Reports into <paramref name="part"/> until the returned scope is disposed.</summary>
    public PartScope Within(SpecPart? part)
    {
        var scope = new PartScope(this, CurrentPart);
        CurrentPart = part;
        return scope;
    }

    /// <summary>Forgets the items from <paramref name="count"/> on: a model built again reports them again.</summary>
    public void Truncate(int count)
    {
        _items.RemoveRange(count, _items.Count - count);
        _parts.RemoveRange(count, _parts.Count - count);
    }

    /// <summary>Adds an item found before, in the part it was found in.</summary>
    public void Add(SpecDiagnostic diagnostic, SpecPart? part)
    {
        _items.Add(diagnostic);
        _parts.Add(part);
    }

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

        Add(new SpecDiagnostic(descriptor, location, new EquatableArray<string>(shortened.MoveToImmutable())), CurrentPart);
    }

    public void Report(DiagnosticDescriptor descriptor, int start, int end, params string[] arguments) =>
        Report(descriptor, Locate(start, end), arguments);

    public void Report(DiagnosticDescriptor descriptor, JsonNode node, params string[] arguments) =>
        Report(descriptor, Locate(node), arguments);

    public void Report(DiagnosticDescriptor descriptor, JsonMember member, params string[] arguments) =>
        Report(descriptor, Locate(member), arguments);

    /// <summary>Restores the part reported into before <see cref="Within"/>.</summary>
    public readonly struct PartScope : IDisposable
    {
        private readonly SpecDiagnosticBag _bag;
        private readonly SpecPart? _previous;

        public PartScope(SpecDiagnosticBag bag, SpecPart? previous)
        {
            _bag = bag;
            _previous = previous;
        }

        public void Dispose() => _bag.CurrentPart = _previous;
    }
}
