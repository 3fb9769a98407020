using System;
using System.Collections.Generic;

namespace EvsContracts;

/// <summary>Checks of numbers beyond the inclusive range: exclusive bounds, <c>multipleOf</c>, integer <c>enum</c>s.</summary>
public static partial class ContractCheck
{
    /// <summary>Records a <see cref="ContractRules.ExclusiveMinimum"/> violation unless <paramref name="value"/> is greater than <paramref name="minimum"/> (NaN fails).</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="minimum">The bound, itself not allowed.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void ExclusiveMinimum(double? value, double minimum, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (value is { } present && !(present > minimum))
        {
            string path = Join(parent, name);
            Add(ref violations, path, ContractRules.ExclusiveMinimum, Invariant(minimum), Invariant(present), $"{path} is {Invariant(present)}; it must be greater than {Invariant(minimum)}");
        }
    }

    /// <summary>Records a <see cref="ContractRules.ExclusiveMaximum"/> violation unless <paramref name="value"/> is less than <paramref name="maximum"/> (NaN fails).</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="maximum">The bound, itself not allowed.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void ExclusiveMaximum(double? value, double maximum, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (value is { } present && !(present < maximum))
        {
            string path = Join(parent, name);
            Add(ref violations, path, ContractRules.ExclusiveMaximum, Invariant(maximum), Invariant(present), $"{path} is {Invariant(present)}; it must be less than {Invariant(maximum)}");
        }
    }

    /// <summary>
    /// Records a <see cref="ContractRules.MultipleOf"/> violation unless <paramref name="value"/> is a whole multiple
    /// of <paramref name="factor"/>. Decimal arithmetic, so <c>0.3</c> is a multiple of <c>0.1</c> (in binary floating
    /// point it is not); a value beyond the decimal range is compared in floating point.
    /// </summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="factor">The spec's <c>multipleOf</c>, greater than zero.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void MultipleOf(double? value, double factor, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (value is not { } present || IsMultiple(present, factor))
        {
            return;
        }

        string path = Join(parent, name);
        Add(ref violations, path, ContractRules.MultipleOf, Invariant(factor), Invariant(present), $"{path} is {Invariant(present)}; it must be a multiple of {Invariant(factor)}");
    }

    /// <summary>Records a <see cref="ContractRules.Enum"/> violation when an integer is not one of <paramref name="allowed"/>.</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="allowed">The allowed values.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void Enum(long? value, ReadOnlySpan<long> allowed, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (value is not { } present || allowed.Contains(present))
        {
            return;
        }

        string path = Join(parent, name);
        string list = string.Join(", ", allowed.ToArray());
        Add(ref violations, path, ContractRules.Enum, list, Invariant(present), $"{path} is {Invariant(present)}, which is not one of: {list}");
    }

    /// <summary>Whether <paramref name="value"/> is a whole multiple of <paramref name="factor"/>, in decimal where it fits.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor.</param>
    /// <returns><see langword="true"/> when the quotient is a whole number.</returns>
    public static bool IsMultiple(double value, double factor)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || !(factor > 0))
        {
            return false;
        }

        if (Math.Abs(value) < 7.9e27 && factor >= 1e-27)
        {
            // The conversion keeps 15 significant digits, what a person wrote: 0.3 becomes 0.3m, not 0.2999999999999999889m.
            return (decimal)value % (decimal)factor == 0;
        }

        double quotient = value / factor;
        return Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }

    private static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
