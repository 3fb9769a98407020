using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvsContracts.Generator.Support;

namespace EvsContracts.Generator.Diagnostics;

/// <summary>
/// What a spec's problems leave out: the part each was found in, and every part that needs one of those, through
/// any number of references (a schema whose property is a left-out schema, an operation whose body is one). Cycles
/// end because a part is marked once. The rest of the spec is generated.
/// </summary>
internal static class LeftOutParts
{
    /// <summary>How a message lists left-out parts, in this order.</summary>
    private static readonly (SpecPartKind Kind, string One, string Many)[] s_groups =
    {
        (SpecPartKind.Path, "path", "paths"),
        (SpecPartKind.Operation, "operation", "operations"),
        (SpecPartKind.Schema, "schema", "schemas"),
        (SpecPartKind.ErrorResponse, "response", "responses"),
    };

    /// <summary>Marks as <see cref="SpecPart.LeftOut"/> every part with a problem in <paramref name="bag"/> and every part that needs one.</summary>
    public static void Mark(IReadOnlyList<SpecPart> parts, SpecDiagnosticBag bag)
    {
        for (int i = 0; i < bag.Parts.Count; i++)
        {
            if (bag.Parts[i] is { } part && bag.LeavesOut(i))
            {
                part.LeftOut = true;
            }
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (SpecPart part in parts)
            {
                if (!part.LeftOut && part.Needs.Exists(needed => needed.LeftOut))
                {
                    part.LeftOut = true;
                    changed = true;
                }
            }
        }
    }

    /// <summary>
    /// The diagnostics as reported: the same problem found from two parts (a shared parameter, a referenced response)
    /// is one diagnostic, and its message ends with what is left out because of it, in ordinal order.
    /// </summary>
    /// <remarks>
    /// A problem found only in <paramref name="unused"/> parts is not told: they are not generated whatever it is.
    /// </remarks>
    public static EquatableArray<SpecDiagnostic> Describe(SpecDiagnosticBag bag, IReadOnlyList<SpecPart> parts, HashSet<SpecPart>? unused = null)
    {
        var neededBy = new Dictionary<SpecPart, List<SpecPart>>();
        foreach (SpecPart part in parts)
        {
            foreach (SpecPart needed in part.Needs)
            {
                if (!neededBy.TryGetValue(needed, out List<SpecPart>? users))
                {
                    neededBy[needed] = users = new List<SpecPart>();
                }

                users.Add(part);
            }
        }

        var order = new List<SpecDiagnostic>();
        var owners = new Dictionary<SpecDiagnostic, List<SpecPart?>>();
        for (int i = 0; i < bag.Items.Count; i++)
        {
            SpecDiagnostic diagnostic = bag.Items[i];
            if (!owners.TryGetValue(diagnostic, out List<SpecPart?>? found))
            {
                owners[diagnostic] = found = new List<SpecPart?>();
                order.Add(diagnostic);
            }

            found.Add(bag.Parts[i]);
        }

        if (unused is not null)
        {
            order.RemoveAll(diagnostic => owners[diagnostic].TrueForAll(owner => owner is not null && unused.Contains(owner)));
        }

        ImmutableArray<SpecDiagnostic>.Builder result = ImmutableArray.CreateBuilder<SpecDiagnostic>(order.Count);
        foreach (SpecDiagnostic diagnostic in order)
        {
            // A note says in its own words the one thing it leaves out.
            result.Add(DiagnosticDescriptors.SaysWhatItLeavesOut(diagnostic.Descriptor)
                ? diagnostic with { Arguments = diagnostic.Arguments.AsImmutableArray().Add(Suffix(owners[diagnostic], neededBy)).ToEquatableArray() }
                : diagnostic);
        }

        return new EquatableArray<SpecDiagnostic>(result.MoveToImmutable());
    }

    /// <summary>The named schemas that no operation, response or path item needs, through any number of references.</summary>
    public static HashSet<SpecPart> UnusedSchemas(IReadOnlyList<SpecPart> parts)
    {
        HashSet<SpecPart> reached = Reached(parts.Where(part => part.Kind != SpecPartKind.Schema), part => part.Needs);
        return new HashSet<SpecPart>(parts.Where(part => part.Kind == SpecPartKind.Schema && !reached.Contains(part)));
    }

    /// <summary>What a problem of the document as a whole leaves out.</summary>
    public const string NothingGenerated = "; nothing is generated";

    /// <summary>"; left out: operations getPet, listPets; schema Pet", or "; nothing is generated" for the document.</summary>
    private static string Suffix(List<SpecPart?> owners, Dictionary<SpecPart, List<SpecPart>> neededBy)
    {
        if (owners.Contains(null))
        {
            return NothingGenerated;
        }

        HashSet<SpecPart> reached = Reached(owners!, part => neededBy.TryGetValue(part, out List<SpecPart>? users) ? users : Enumerable.Empty<SpecPart>());
        var groups = new List<string>();
        foreach ((SpecPartKind kind, string one, string many) in s_groups)
        {
            var names = reached.Where(p => p.Kind == kind).Select(p => DiagnosticText.Cut(p.Name)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (names.Count > 0)
            {
                groups.Add((names.Count == 1 ? one : many) + " " + string.Join(", ", names));
            }
        }

        return "; left out: " + string.Join("; ", groups);
    }

    /// <summary><paramref name="starts"/> and every part <paramref name="next"/> leads to from them, however indirectly.</summary>
    private static HashSet<SpecPart> Reached(IEnumerable<SpecPart> starts, Func<SpecPart, IEnumerable<SpecPart>> next)
    {
        var reached = new HashSet<SpecPart>();
        var pending = new Stack<SpecPart>(starts);
        while (pending.Count > 0)
        {
            SpecPart part = pending.Pop();
            if (reached.Add(part))
            {
                foreach (SpecPart following in next(part))
                {
                    pending.Push(following);
                }
            }
        }

        return reached;
    }
}
