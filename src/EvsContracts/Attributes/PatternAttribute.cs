using System;

namespace EvsContracts;

/// <summary>
/// Requires a string to match a regular expression (the spec's <c>pattern</c>; as in JSON Schema, it matches
/// anywhere unless anchored). The analyzers warn about a constant string that does not match (EVS004), and generated
/// <c>Validate()</c> methods report such a value as <see cref="ContractRules.Pattern"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class PatternAttribute : Attribute
{
    /// <summary>Requires a match of <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The regular expression, in .NET syntax.</param>
    public PatternAttribute(string pattern) => Pattern = pattern ?? string.Empty;

    /// <summary>The regular expression.</summary>
    public string Pattern { get; }
}
