using System;

namespace EvsContracts;

/// <summary>
/// Requires a string to have at least a number of Unicode code points (the spec's <c>minLength</c>, counted as JSON
/// Schema counts: a surrogate pair is one). Named so as not to clash with DataAnnotations' <c>MinLengthAttribute</c>,
/// which counts UTF-16 units. The analyzers report a constant string that is shorter, and generated
/// <c>Validate()</c> methods report such a value as <see cref="ContractRules.MinLength"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MinCodePointsAttribute : Attribute
{
    /// <summary>Requires at least <paramref name="length"/> code points.</summary>
    /// <param name="length">The smallest allowed number of code points.</param>
    public MinCodePointsAttribute(int length) => Length = length;

    /// <summary>The smallest allowed number of code points.</summary>
    public int Length { get; }
}
