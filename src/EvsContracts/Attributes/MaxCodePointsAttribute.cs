using System;

namespace EvsContracts;

/// <summary>
/// Limits a string to a number of Unicode code points (the spec's <c>maxLength</c>, counted as JSON Schema counts: a
/// surrogate pair is one). Named so as not to clash with DataAnnotations' <c>MaxLengthAttribute</c>, which counts
/// UTF-16 units. The analyzers report a constant string that is longer (EVS002), and generated <c>Validate()</c>
/// methods report such a value as <see cref="ContractRules.MaxLength"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MaxCodePointsAttribute : Attribute
{
    /// <summary>Limits the member to <paramref name="length"/> code points.</summary>
    /// <param name="length">The largest allowed number of code points.</param>
    public MaxCodePointsAttribute(int length) => Length = length;

    /// <summary>The largest allowed number of code points.</summary>
    public int Length { get; }
}
