using System.Collections.Immutable;
using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// EVS003: a constant string given to a member marked <c>[UuidFormat]</c> (the spec's <c>format: uuid</c>) is not
/// a UUID in its 8-4-4-4-12 form. Either case passes, as at run time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UuidFormatAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UuidFormat);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ContractValueWalker.Register(context, static kind => kind == ContractRuleKind.UuidFormat, Check);
    }

    private static bool Check(ValueSite site, ContractRule rule, object value)
    {
        if (site.IsLowerBound || value is not string text || ContractText.IsUuid(text))
        {
            return false;
        }

        // A GUID in another notation ({...}, no hyphens, ...) has a canonical form the fix can write.
        bool parses = ContractText.TryCanonicalUuid(text, out string canonical);
        string hint = parses ? $"; as a UUID it reads \"{canonical}\"" : string.Empty;
        site.Report(
            DiagnosticDescriptors.UuidFormat,
            parses ? ImmutableDictionary<string, string?>.Empty.Add(FixData.Uuid, canonical) : null,
            site.Name,
            ContractText.Quote(text),
            hint + site.LocalNote(text, valueShown: true));
        return true;
    }
}
