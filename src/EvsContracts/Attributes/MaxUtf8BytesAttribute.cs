using System;

namespace EvsContracts;

/// <summary>
/// Limits a string to a number of UTF-8 bytes (the spec's <c>x-max-bytes</c>). The analyzers report a constant
/// string that is longer (EVS002), and generated <c>Validate()</c> methods report a longer value as
/// <see cref="ContractRules.MaxBytes"/>. A hand-written member with this attribute is checked the same way.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
public sealed class MaxUtf8BytesAttribute : Attribute
{
    /// <summary>Limits the member to <paramref name="maxBytes"/> UTF-8 bytes.</summary>
    /// <param name="maxBytes">The largest allowed UTF-8 byte count.</param>
    public MaxUtf8BytesAttribute(int maxBytes) => MaxBytes = maxBytes;

    /// <summary>The largest allowed UTF-8 byte count.</summary>
    public int MaxBytes { get; }
}
