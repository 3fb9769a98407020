using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Analyzers;

/// <summary>Where a value goes and how it was found: what a diagnostic about it says and where it points.</summary>
/// <param name="Name">The member as the user wrote it: <c>Name</c>, <c>projectId</c>, <c>Metadata["purpose"]</c>.</param>
/// <param name="Value">The expression that gives the value; the diagnostic goes there.</param>
/// <param name="Local">The local the value was read from, or <see langword="null"/> for a constant expression.</param>
/// <param name="IsLowerBound">The value is only the part appended by <c>+=</c>: the member ends up at least this long.</param>
internal readonly record struct ValueSite(string Name, SyntaxNode Value, ILocalSymbol? Local, bool IsLowerBound)
{
    /// <summary>A code fix can rewrite the value: it is one string literal that is the whole value.</summary>
    public bool CanFix => Local is null && !IsLowerBound && ContractText.IsStringLiteral(Value);
}

/// <summary>The four rules' verdicts on one constant: the diagnostic to report, with the data its code fix reads.</summary>
internal static class ContractViolations
{
    private const int ListedValues = 10;

    /// <summary>The diagnostic for a value that breaks the rule, or <see langword="null"/>.</summary>
    public static Diagnostic? Check(ContractRule rule, object value, ValueSite site)
    {
        string? text = value as string;
        switch (rule.Kind)
        {
            case ContractRuleKind.MaxUtf8Bytes or ContractRuleKind.MaxCodePoints when text is not null:
                bool bytes = rule.Kind == ContractRuleKind.MaxUtf8Bytes;
                int length = bytes ? ContractText.Utf8ByteCount(text) : ContractText.CodePointCount(text);
                if (length <= rule.Limit)
                {
                    return null;
                }

                return Create(
                    DiagnosticDescriptors.MaxLength,
                    site,
                    ImmutableDictionary<string, string?>.Empty.Add(FixData.Unit, bytes ? FixData.Utf8Bytes : FixData.CodePoints).Add(FixData.Limit, Invariant(rule.Limit)),
                    site.Name,
                    (site.IsLowerBound ? "at least " : string.Empty) + Invariant(length),
                    bytes ? "UTF-8 bytes" : "characters (code points)",
                    Invariant(rule.Limit),
                    LocalNote(site, value, valueShown: false));
            case var _ when site.IsLowerBound:
                // After += only the end of the value is known; the other rules judge the whole.
                return null;
            case ContractRuleKind.ReservedPrefixes when text is not null:
                foreach (string prefix in rule.Texts)
                {
                    if (prefix.Length > 0 && text.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return Create(
                            DiagnosticDescriptors.ReservedPrefix,
                            site,
                            ImmutableDictionary<string, string?>.Empty.Add(FixData.Prefix, prefix),
                            site.Name,
                            prefix,
                            LocalNote(site, value, valueShown: false));
                    }
                }

                return null;
            case ContractRuleKind.UuidFormat when text is not null && !ContractText.IsUuid(text):
                // A GUID in another notation ({...}, no hyphens, ...) has a canonical form the fix can write.
                bool parses = ContractText.TryCanonicalUuid(text, out string canonical);
                return Create(
                    DiagnosticDescriptors.UuidFormat,
                    site,
                    parses ? ImmutableDictionary<string, string?>.Empty.Add(FixData.Uuid, canonical) : null,
                    site.Name,
                    ContractText.Quote(text),
                    (parses ? $"; as a UUID it reads \"{canonical}\"" : string.Empty) + LocalNote(site, value, valueShown: true));
            default:
                return Detail(rule, value, text) is { } detail
                    ? Create(DiagnosticDescriptors.Constraint, site, null, site.Name, detail, LocalNote(site, value, valueShown: true))
                    : null;
        }
    }

    /// <summary>EVS004 for a collection literal with too few or too many items.</summary>
    public static Diagnostic? CheckCount(ContractRule rule, int count, ValueSite site)
    {
        string? detail = rule.Kind switch
        {
            ContractRuleKind.MinItems when count < rule.Limit => $"has {Invariant(count)} items; the minimum is {Invariant(rule.Limit)}",
            ContractRuleKind.MaxItems when count > rule.Limit => $"has {Invariant(count)} items; the maximum is {Invariant(rule.Limit)}",
            _ => null,
        };
        return detail is null ? null : Create(DiagnosticDescriptors.Constraint, site, null, site.Name, detail, string.Empty);
    }

    /// <summary>What an EVS004 message says after the member's name.</summary>
    private static string? Detail(ContractRule rule, object value, string? text)
    {
        switch (rule.Kind)
        {
            case ContractRuleKind.Pattern when text is not null:
                return Matches(rule.Regex, text) == false
                    ? $"{ContractText.Quote(text)} does not match the pattern {ContractText.Quote(rule.Texts[0])}"
                    : null;
            case ContractRuleKind.EnumValues when text is not null:
                return rule.Texts.Contains(text) ? null : $"{ContractText.Quote(text)} is not one of the allowed values {List(rule.Texts)}";
            case ContractRuleKind.EnumValues when value is sbyte or byte or short or ushort or int or uint or long or ulong:
                string integer = Show(value);
                return rule.Texts.Contains(integer) ? null : $"{integer} is not one of the allowed values {List(rule.Texts, quote: false)}";
            case ContractRuleKind.ExclusiveMinimum when TryGetNumber(value, out double number):
                return number > rule.Number ? null : $"{Show(value)} is not greater than {Invariant(rule.Number)}, the exclusive minimum";
            case ContractRuleKind.ExclusiveMaximum when TryGetNumber(value, out double number):
                return number < rule.Number ? null : $"{Show(value)} is not less than {Invariant(rule.Number)}, the exclusive maximum";
            case ContractRuleKind.MultipleOf when TryGetNumber(value, out double number):
                return IsMultiple(number, rule.Number) ? null : $"{Show(value)} is not a multiple of {Invariant(rule.Number)}";
            case ContractRuleKind.MinCodePoints when text is not null:
                int length = ContractText.CodePointCount(text);
                return length < rule.Limit ? $"is {Invariant(length)} characters (code points); the minimum is {Invariant(rule.Limit)}" : null;
            case ContractRuleKind.Minimum when TryGetNumber(value, out double number):
                // NaN fails both bounds, as it does at run time.
                return double.IsNaN(number) ? $"NaN is not a number; the minimum is {Invariant(rule.Number)}"
                    : number < rule.Number ? $"{Show(value)} is less than the minimum {Invariant(rule.Number)}"
                    : null;
            case ContractRuleKind.Maximum when TryGetNumber(value, out double number):
                return double.IsNaN(number) ? $"NaN is not a number; the maximum is {Invariant(rule.Number)}"
                    : number > rule.Number ? $"{Show(value)} is greater than the maximum {Invariant(rule.Number)}"
                    : null;
            default:
                return null;
        }
    }

    private static Diagnostic Create(DiagnosticDescriptor descriptor, ValueSite site, ImmutableDictionary<string, string?>? fix, params object[] arguments) =>
        Diagnostic.Create(descriptor, site.Value.GetLocation(), fix is not null && site.CanFix ? fix.Add(FixData.Literal, "true") : null, arguments);

    /// <summary>
    /// The end of a message about a value read from a local: which local, and, unless the message already shows it,
    /// which of its values broke the rule.
    /// </summary>
    private static string LocalNote(ValueSite site, object value, bool valueShown) =>
        site.Local is not { } local ? string.Empty
        : valueShown ? $" (local '{local.Name}')"
        : $" (local '{local.Name}' holds {Show(value)})";

    /// <summary>Whether the pattern matches; <see langword="null"/> when it cannot tell (a bad pattern, or too slow).</summary>
    private static bool? Matches(Regex? regex, string text)
    {
        try
        {
            return regex?.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string List(ImmutableArray<string> values, bool quote = true)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < values.Length && i < ListedValues; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(quote ? ContractText.Quote(values[i]) : values[i]);
        }

        if (values.Length > ListedValues)
        {
            builder.Append(", \u2026");
        }

        return builder.Length == 0 ? "(none)" : builder.ToString();
    }

    /// <summary>A constant as a message shows it: strings quoted, numbers in the invariant culture.</summary>
    private static string Show(object value) => value switch
    {
        string text => ContractText.Quote(text),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>As the runtime's check: in decimal where it fits (0.3 is a multiple of 0.1), else in floating point.</summary>
    private static bool IsMultiple(double value, double factor)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return false;
        }

        if (Math.Abs(value) < 7.9e27 && factor >= 1e-27)
        {
            return (decimal)value % (decimal)factor == 0;
        }

        double quotient = value / factor;
        return Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }

    public static bool TryGetNumber(object? value, out double number)
    {
        bool numeric = value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;
        number = numeric ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : 0;
        return numeric;
    }

    /// <summary>Numbers as C# would print them, whatever the culture of the build; integers also go into fix data.</summary>
    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
