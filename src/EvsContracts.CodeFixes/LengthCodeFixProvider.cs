using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using EvsContracts.Generator.Analyzers;
using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace EvsContracts.CodeFixes;

/// <summary>
/// EVS002: cuts the string literal to the longest prefix within the limit, in UTF-8 bytes or in code points as the
/// contract counts, never splitting a character or a surrogate pair.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LengthCodeFixProvider)), Shared]
public sealed class LengthCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "EVS002.Truncate";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = LiteralFix.Ids(DiagnosticDescriptors.MaxLengthId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        LiteralFix.RegisterAsync(context, EquivalenceKey, static (diagnostic, value) =>
        {
            if (!diagnostic.Properties.TryGetValue(FixData.Limit, out string? limitText)
                || !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out int limit)
                || !diagnostic.Properties.TryGetValue(FixData.Unit, out string? unit))
            {
                return null;
            }

            return unit switch
            {
                FixData.Utf8Bytes => ($"Cut to {limitText} UTF-8 bytes", ContractText.TruncateToUtf8Bytes(value, limit)),
                FixData.CodePoints => ($"Cut to {limitText} characters", ContractText.TruncateToCodePoints(value, limit)),
                _ => null,
            };
        });
}
