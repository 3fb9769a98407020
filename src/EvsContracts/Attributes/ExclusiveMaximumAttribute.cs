using System;

namespace EvsContracts;

/// <summary>
/// The bound a number must be less than (the spec's <c>exclusiveMaximum</c>, or <c>maximum</c> with <c>exclusiveMaximum: true</c> in OpenAPI 3.0). The analyzers warn about a constant that breaks it (EVS004), and generated <c>Validate()</c> methods
/// report such a value as <see cref="ContractRules.ExclusiveMaximum"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class ExclusiveMaximumAttribute : Attribute
{
    /// <summary>Sets the rule's number.</summary>
    /// <param name="value">The value itself is not allowed.</param>
    public ExclusiveMaximumAttribute(double value) => Value = value;

    /// <summary>The value itself is not allowed.</summary>
    public double Value { get; }
}
