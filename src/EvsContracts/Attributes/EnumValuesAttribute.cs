using System;

namespace EvsContracts;

/// <summary>
/// Lists the values a string may take (the spec's <c>enum</c>, compared ordinally). The analyzers warn about a
/// constant string that is not listed (EVS004), and generated <c>Validate()</c> methods report such a value as
/// <see cref="ContractRules.Enum"/>. Extensible enums (<c>x-extensible-enum</c>) do not carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class EnumValuesAttribute : Attribute
{
    /// <summary>Allows the given values.</summary>
    /// <param name="values">The allowed values.</param>
    public EnumValuesAttribute(params string[] values) => Values = values ?? Array.Empty<string>();

    /// <summary>The allowed values.</summary>
    public string[] Values { get; }
}
