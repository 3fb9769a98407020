using System;

namespace EvsContracts;

/// <summary>
/// The smallest value a number may take, inclusive (the spec's <c>minimum</c>). The analyzers warn about a constant
/// that is smaller (EVS004), and generated <c>Validate()</c> methods report such a value as
/// <see cref="ContractRules.Minimum"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MinimumAttribute : Attribute
{
    /// <summary>Sets the minimum.</summary>
    /// <param name="value">The smallest allowed value.</param>
    public MinimumAttribute(double value) => Value = value;

    /// <summary>The smallest allowed value.</summary>
    public double Value { get; }
}
