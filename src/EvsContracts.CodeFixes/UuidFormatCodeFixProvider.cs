using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using EvsContracts.Generator.Analyzers;
using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace EvsContracts.CodeFixes;

/// <summary>
/// EVS003: rewrites a GUID written another way (braces, parentheses, no hyphens, upper case, surrounding spaces:
/// whatever <see cref="System.Guid.TryParse(string, out System.Guid)"/> reads) in the canonical form, lower case
/// and hyphenated. A value that is no GUID at all has no fix: only its author knows the intended id.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UuidFormatCodeFixProvider)), Shared]
public sealed class UuidFormatCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "EVS003.CanonicalUuid";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = LiteralFix.Ids(DiagnosticDescriptors.UuidFormatId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        LiteralFix.RegisterAsync(context, EquivalenceKey, static (diagnostic, value) =>
            diagnostic.Properties.ContainsKey(FixData.Uuid) && !ContractText.IsUuid(value) && ContractText.TryCanonicalUuid(value, out string canonical)
                ? ($"Write the UUID as \"{canonical}\"", canonical)
                : null);
}
