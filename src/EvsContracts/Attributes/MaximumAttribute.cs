using System;

namespace EvsContracts;

/// <summary>
/// The largest value a number may take, inclusive (the spec's <c>maximum</c>). The analyzers warn about a constant
/// that is larger (EVS004), and generated <c>Validate()</c> methods report such a value as
/// <see cref="ContractRules.Maximum"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MaximumAttribute : Attribute
{
    /// <summary>Sets the maximum.</summary>
    /// <param name="value">The largest allowed value.</param>
    public MaximumAttribute(double value) => Value = value;

    /// <summary>The largest allowed value.</summary>
    public double Value { get; }
}
