using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using EvsContracts.Generator.Analyzers;
using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace EvsContracts.CodeFixes;

/// <summary>EVS001: removes the reserved prefix from the string literal (<c>"autobk_snapshot_daily"</c> becomes <c>"daily"</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReservedPrefixCodeFixProvider)), Shared]
public sealed class ReservedPrefixCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "EVS001.RemoveReservedPrefix";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = LiteralFix.Ids(DiagnosticDescriptors.ReservedPrefixId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        LiteralFix.RegisterAsync(context, EquivalenceKey, static (diagnostic, value) =>
        {
            if (!diagnostic.Properties.TryGetValue(FixData.Prefix, out string? prefix) || string.IsNullOrEmpty(prefix))
            {
                return null;
            }

            // "autobk_snapshot_autobk_snapshot_x" would still be reserved after one cut.
            string fixedValue = value;
            while (fixedValue.StartsWith(prefix, StringComparison.Ordinal))
            {
                fixedValue = fixedValue.Substring(prefix!.Length);
            }

            return ($"Remove the reserved prefix \"{prefix}\"", fixedValue);
        });
}
