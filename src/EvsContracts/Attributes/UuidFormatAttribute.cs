using System;

namespace EvsContracts;

/// <summary>
/// Marks a string that holds a UUID (the spec's <c>format: uuid</c>): 8-4-4-4-12 hexadecimal digits, either case.
/// The analyzers warn about a constant string that is not one (EVS003, with a code fix), and generated
/// <c>Validate()</c> methods report such a value as <see cref="ContractRules.Format"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class UuidFormatAttribute : Attribute
{
}
