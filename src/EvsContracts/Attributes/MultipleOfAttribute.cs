using System;

namespace EvsContracts;

/// <summary>
/// The spec's <c>multipleOf</c>: a number must be a whole multiple of this factor, compared in decimal. The analyzers warn about a constant that breaks it (EVS004), and generated <c>Validate()</c> methods
/// report such a value as <see cref="ContractRules.MultipleOf"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MultipleOfAttribute : Attribute
{
    /// <summary>Sets the rule's number.</summary>
    /// <param name="value">The factor, greater than zero.</param>
    public MultipleOfAttribute(double value) => Value = value;

    /// <summary>The factor, greater than zero.</summary>
    public double Value { get; }
}
