using System;

namespace EvsContracts;

/// <summary>
/// The spec's <c>minItems</c>: the smallest number of items a collection may hold. The analyzers report a collection
/// expression or array initializer with fewer items (EVS004); a spread (<c>..</c>) makes the count unknown, and then
/// only the items are checked.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MinItemsAttribute : Attribute
{
    /// <summary>Sets the smallest number of items to <paramref name="count"/>.</summary>
    /// <param name="count">The smallest allowed number of items.</param>
    public MinItemsAttribute(int count) => Count = count;

    /// <summary>The smallest allowed number of items.</summary>
    public int Count { get; }
}
