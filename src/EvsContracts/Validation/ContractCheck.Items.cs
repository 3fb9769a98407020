using System.Collections.Generic;

namespace EvsContracts;

/// <summary>Checks of collections: <c>minItems</c>, <c>maxItems</c> and <c>uniqueItems</c>.</summary>
public static partial class ContractCheck
{
    /// <summary>Records a <see cref="ContractRules.MinItems"/> violation when a collection has fewer than <paramref name="minItems"/> items.</summary>
    /// <param name="count">The collection's count; <see langword="null"/> (no collection) passes.</param>
    /// <param name="minItems">The smallest allowed number of items.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void MinItems(int? count, int minItems, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (count < minItems)
        {
            string path = Join(parent, name);
            Add(ref violations, path, ContractRules.MinItems, Invariant(minItems), Invariant(count.Value), $"{path} has {Invariant(count.Value)} {Items(count.Value)}; the minimum is {Invariant(minItems)}");
        }
    }

    /// <summary>Records a <see cref="ContractRules.MaxItems"/> violation when a collection has more than <paramref name="maxItems"/> items.</summary>
    /// <param name="count">The collection's count; <see langword="null"/> (no collection) passes.</param>
    /// <param name="maxItems">The largest allowed number of items.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void MaxItems(int? count, int maxItems, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (count > maxItems)
        {
            string path = Join(parent, name);
            Add(ref violations, path, ContractRules.MaxItems, Invariant(maxItems), Invariant(count.Value), $"{path} has {Invariant(count.Value)} {Items(count.Value)}; the limit is {Invariant(maxItems)}");
        }
    }

    /// <summary>
    /// Records a <see cref="ContractRules.UniqueItems"/> violation at the first item that equals an earlier one
    /// (<see cref="EqualityComparer{T}.Default"/>: strings ordinally, numbers by value, enums by their text).
    /// </summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="items">The items; <see langword="null"/> passes.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void UniqueItems<T>(IEnumerable<T>? items, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (items is null)
        {
            return;
        }

        // Pairwise while the list is short, which allocates nothing; a set beyond that.
        IReadOnlyList<T> list = items as IReadOnlyList<T> ?? new List<T>(items);
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        HashSet<T>? seen = list.Count > 16 ? new HashSet<T>(comparer) : null;
        for (int i = 0; i < list.Count; i++)
        {
            bool repeated = false;
            if (seen is not null)
            {
                repeated = !seen.Add(list[i]);
            }
            else
            {
                for (int j = 0; j < i && !repeated; j++)
                {
                    repeated = comparer.Equals(list[i], list[j]);
                }
            }

            if (repeated)
            {
                string path = Join(parent, name);
                Add(ref violations, path, ContractRules.UniqueItems, "true", Invariant(i), $"{path} repeats an earlier item at index {Invariant(i)}; its items must be unique");
                return;
            }
        }
    }

    private static string Items(int count) => count == 1 ? "item" : "items";
}
