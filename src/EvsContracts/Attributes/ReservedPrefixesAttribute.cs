using System;

namespace EvsContracts;

/// <summary>
/// Prefixes a string must not start with (the spec's <c>x-reserved-prefixes</c>; ordinal, case-sensitive), such as
/// <c>autobk_snapshot_</c>, which EVS keeps for automatic backups. The analyzers warn about a constant string that
/// starts with one (EVS001, with a code fix), and generated <c>Validate()</c> methods report such a value as
/// <see cref="ContractRules.ReservedPrefix"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class ReservedPrefixesAttribute : Attribute
{
    /// <summary>Reserves the given prefixes.</summary>
    /// <param name="prefixes">The reserved prefixes.</param>
    public ReservedPrefixesAttribute(params string[] prefixes) => Prefixes = prefixes ?? Array.Empty<string>();

    /// <summary>The reserved prefixes.</summary>
    public string[] Prefixes { get; }
}
