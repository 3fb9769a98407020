using System;

namespace EvsContracts;

/// <summary>
/// The spec's <c>maxItems</c>: the largest number of items a collection may hold. The analyzers report a collection
/// expression or array initializer with more items (EVS004); a spread (<c>..</c>) makes the count unknown, and then
/// only the items are checked.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MaxItemsAttribute : Attribute
{
    /// <summary>Sets the largest number of items to <paramref name="count"/>.</summary>
    /// <param name="count">The largest allowed number of items.</param>
    public MaxItemsAttribute(int count) => Count = count;

    /// <summary>The largest allowed number of items.</summary>
    public int Count { get; }
}
