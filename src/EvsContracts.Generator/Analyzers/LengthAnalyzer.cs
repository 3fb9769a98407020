using System.Collections.Immutable;
using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// EVS002: a constant string is longer than <c>[MaxUtf8Bytes]</c> (UTF-8 bytes, the spec's <c>x-max-bytes</c>) or
/// <c>[MaxCodePoints]</c> (code points, the spec's <c>maxLength</c>) allow.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LengthAnalyzer : DiagnosticAnalyzer
{
    private const string Bytes = "UTF-8 bytes";
    private const string CodePoints = "characters (code points)";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.MaxLength);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ContractValueWalker.Register(context, static kind => kind is ContractRuleKind.MaxUtf8Bytes or ContractRuleKind.MaxCodePoints, Check);
    }

    private static bool Check(ValueSite site, ContractRule rule, object value)
    {
        if (value is not string text)
        {
            return false;
        }

        bool bytes = rule.Kind == ContractRuleKind.MaxUtf8Bytes;
        int length = bytes ? ContractText.Utf8ByteCount(text) : ContractText.CodePointCount(text);
        if (length <= rule.Limit)
        {
            return false;
        }

        string measure = ContractValueWalker.Invariant(length);
        site.Report(
            DiagnosticDescriptors.MaxLength,
            ImmutableDictionary<string, string?>.Empty
                .Add(FixData.Unit, bytes ? FixData.Utf8Bytes : FixData.CodePoints)
                .Add(FixData.Limit, ContractValueWalker.Invariant(rule.Limit)),
            site.Name,
            site.IsLowerBound ? "at least " + measure : measure,
            bytes ? Bytes : CodePoints,
            ContractValueWalker.Invariant(rule.Limit),
            site.LocalNote(text, valueShown: false));
        return true;
    }
}
