using System;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// EVS004: a constant violates <c>[Pattern]</c>, <c>[EnumValues]</c>, <c>[Minimum]</c>, <c>[Maximum]</c> or
/// <c>[MinCodePoints]</c> (the spec's <c>pattern</c>, <c>enum</c>, <c>minimum</c>, <c>maximum</c>, <c>minLength</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstraintAnalyzer : DiagnosticAnalyzer
{
    private const int ListedValues = 10;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.Constraint);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ContractValueWalker.Register(
            context,
            static kind => kind is ContractRuleKind.Pattern or ContractRuleKind.EnumValues or ContractRuleKind.Minimum
                or ContractRuleKind.Maximum or ContractRuleKind.MinCodePoints,
            Check);
    }

    private static bool Check(ValueSite site, ContractRule rule, object value)
    {
        // After += only the appended part is known; none of these rules can judge a value from its end.
        if (site.IsLowerBound || Violation(site, rule, value) is not { } detail)
        {
            return false;
        }

        site.Report(DiagnosticDescriptors.Constraint, null, site.Name, detail, site.LocalNote(value, valueShown: true));
        return true;
    }

    private static string? Violation(ValueSite site, ContractRule rule, object value)
    {
        switch (rule.Kind)
        {
            case ContractRuleKind.Pattern when value is string text:
                return Matches(site.GetRegex(rule.Text), text) == false
                    ? $"{ContractText.Quote(text)} does not match the pattern {ContractText.Quote(rule.Text)}"
                    : null;
            case ContractRuleKind.EnumValues when value is string text:
                foreach (string allowed in rule.Texts)
                {
                    if (string.Equals(allowed, text, StringComparison.Ordinal))
                    {
                        return null;
                    }
                }

                return $"{ContractText.Quote(text)} is not one of the allowed values {List(rule.Texts)}";
            case ContractRuleKind.MinCodePoints when value is string text:
                int length = ContractText.CodePointCount(text);
                return length < rule.Limit
                    ? $"is {ContractValueWalker.Invariant(length)} characters (code points); the minimum is {ContractValueWalker.Invariant(rule.Limit)}"
                    : null;
            case ContractRuleKind.Minimum when ConstantValues.TryGetNumber(value, out double number):
                // NaN fails both bounds, as it does at run time.
                return double.IsNaN(number) ? $"NaN is not a number; the minimum is {ContractAttributes.Invariant(rule.Number)}"
                    : number < rule.Number ? $"{ValueSite.Show(value)} is less than the minimum {ContractAttributes.Invariant(rule.Number)}"
                    : null;
            case ContractRuleKind.Maximum when ConstantValues.TryGetNumber(value, out double number):
                return double.IsNaN(number) ? $"NaN is not a number; the maximum is {ContractAttributes.Invariant(rule.Number)}"
                    : number > rule.Number ? $"{ValueSite.Show(value)} is greater than the maximum {ContractAttributes.Invariant(rule.Number)}"
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Whether the pattern matches; <see langword="null"/> when it cannot tell (a bad pattern, or too slow).</summary>
    private static bool? Matches(Regex? regex, string text)
    {
        if (regex is null)
        {
            return null;
        }

        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string List(ImmutableArray<string> values)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < values.Length && i < ListedValues; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(ContractText.Quote(values[i]));
        }

        if (values.Length > ListedValues)
        {
            builder.Append(", \u2026");
        }

        return builder.Length == 0 ? "(none)" : builder.ToString();
    }
}
