using System;
using System.Collections.Immutable;
using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// EVS001: a constant string given to a member marked <c>[ReservedPrefixes]</c> starts with one of the prefixes
/// (ordinal, case-sensitive), e.g. <c>Name = "autobk_snapshot_1"</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReservedPrefixAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ReservedPrefix);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ContractValueWalker.Register(context, static kind => kind == ContractRuleKind.ReservedPrefixes, Check);
    }

    private static bool Check(ValueSite site, ContractRule rule, object value)
    {
        // After += only the end of the value is known, and the prefix is at the start.
        if (site.IsLowerBound || value is not string text)
        {
            return false;
        }

        foreach (string prefix in rule.Texts)
        {
            if (prefix.Length > 0 && text.StartsWith(prefix, StringComparison.Ordinal))
            {
                site.Report(
                    DiagnosticDescriptors.ReservedPrefix,
                    ImmutableDictionary<string, string?>.Empty.Add(FixData.Prefix, prefix),
                    site.Name,
                    prefix,
                    site.LocalNote(text, valueShown: false));
                return true;
            }
        }

        return false;
    }
}
