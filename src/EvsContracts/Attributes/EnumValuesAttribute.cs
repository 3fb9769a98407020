using System;

namespace EvsContracts;

/// <summary>
/// Lists the values a string or an integer may take (the spec's <c>enum</c>; strings compared ordinally). The analyzers warn about a
/// constant string that is not listed (EVS004), and generated <c>Validate()</c> methods report such a value as
/// <see cref="ContractRules.Enum"/>. Extensible enums (<c>x-extensible-enum</c>) do not carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class EnumValuesAttribute : Attribute
{
    /// <summary>Allows the given values.</summary>
    /// <param name="values">The allowed values.</param>
    public EnumValuesAttribute(params string[] values) => Values = values ?? Array.Empty<string>();

    /// <summary>Allows the given integers.</summary>
    /// <param name="values">The allowed values.</param>
    public EnumValuesAttribute(params long[] values) =>
        Values = Array.ConvertAll(values ?? Array.Empty<long>(), value => value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The allowed values; integers as invariant text.</summary>
    public string[] Values { get; }
}
