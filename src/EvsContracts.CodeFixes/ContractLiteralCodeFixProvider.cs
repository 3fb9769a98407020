using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EvsContracts.Generator.Analyzers;
using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.CodeFixes;

/// <summary>
/// Rewrites the string literal a diagnostic points at: EVS001 removes the reserved prefix; EVS002 cuts the value to
/// the longest prefix within the limit (UTF-8 bytes or code points, never half a character or surrogate pair);
/// EVS003 writes a GUID given in another notation (braces, no hyphens, upper case, ...) in the canonical form.
/// </summary>
/// <remarks>
/// Only diagnostics the analyzer marked with <see cref="FixData.Literal"/> are fixed: the value is one string literal
/// that is the whole value, so rewriting it changes nothing else. A value that is no GUID at all has no fix: only its
/// author knows the intended id.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContractLiteralCodeFixProvider)), Shared]
public sealed class ContractLiteralCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "EvsContracts.RewriteLiteral";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ReservedPrefixId, DiagnosticDescriptors.MaxLengthId, DiagnosticDescriptors.UuidFormatId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(FixData.Literal) || FindLiteral(root, diagnostic.Location.SourceSpan) is not { } literal)
            {
                continue;
            }

            string current = literal.Token.ValueText;
            if (Rewrite(diagnostic, current) is not var (title, value) || string.Equals(value, current, StringComparison.Ordinal))
            {
                continue;
            }

            TextSpan span = literal.Span;
            Document document = context.Document;

            // One key for the three ids: a Fix All is asked for the ids it should fix, and dotnet format asks for one id
            // with the key of the first fix it finds, which may be another id's.
            context.RegisterCodeFix(CodeAction.Create(title, token => ReplaceAsync(document, span, value, token), EquivalenceKey), diagnostic);
        }
    }

    /// <summary>The action's title and the literal's new value, or nothing to offer.</summary>
    private static (string Title, string Value)? Rewrite(Diagnostic diagnostic, string value)
    {
        ImmutableDictionary<string, string?> data = diagnostic.Properties;
        switch (diagnostic.Id)
        {
            case DiagnosticDescriptors.ReservedPrefixId when data.TryGetValue(FixData.Prefix, out string? prefix) && !string.IsNullOrEmpty(prefix):
                // "autobk_snapshot_autobk_snapshot_x" would still be reserved after one cut.
                string rest = value;
                while (rest.StartsWith(prefix!, StringComparison.Ordinal))
                {
                    rest = rest.Substring(prefix!.Length);
                }

                return ($"Remove the reserved prefix \"{prefix}\"", rest);
            case DiagnosticDescriptors.MaxLengthId
                when data.TryGetValue(FixData.Limit, out string? limitText) && int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out int limit):
                return data.TryGetValue(FixData.Unit, out string? unit) ? unit switch
                {
                    FixData.Utf8Bytes => ($"Cut to {limitText} UTF-8 bytes", Truncate(value, limit, bytes: true)),
                    FixData.CodePoints => ($"Cut to {limitText} characters", Truncate(value, limit, bytes: false)),
                    _ => null,
                } : null;
            case DiagnosticDescriptors.UuidFormatId when data.ContainsKey(FixData.Uuid) && !ContractText.IsUuid(value) && ContractText.TryCanonicalUuid(value, out string canonical):
                return ($"Write the UUID as \"{canonical}\"", canonical);
            default:
                return null;
        }
    }

    /// <summary>
    /// The longest prefix of <paramref name="text"/> within <paramref name="limit"/> UTF-8 bytes or code points,
    /// counted as the analyzer counts, never half a surrogate pair.
    /// </summary>
    internal static string Truncate(string text, int limit, bool bytes)
    {
        long used = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int step = ContractText.IsPairAt(text, i) ? 2 : 1;
            used += !bytes ? 1 : step == 2 ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (used > limit)
            {
                break;
            }

            i += step;
        }

        return text.Substring(0, i);
    }

    /// <summary>The string literal at <paramref name="span"/>, looking through parentheses.</summary>
    private static LiteralExpressionSyntax? FindLiteral(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        SyntaxNode? node = root.FindNode(span, getInnermostNodeForTie: true);
        while (node is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized.Expression;
        }

        return node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;
    }

    private static async Task<Document> ReplaceAsync(Document document, TextSpan span, string value, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || FindLiteral(root, span) is not { } literal)
        {
            return document;
        }

        SyntaxToken token = SyntaxFactory.Literal(
            literal.Token.LeadingTrivia,
            Render(value, verbatim: literal.Token.Text.StartsWith("@", StringComparison.Ordinal)),
            value,
            literal.Token.TrailingTrivia);
        return document.WithSyntaxRoot(root.ReplaceNode(literal, literal.WithToken(token)));
    }

    /// <summary>
    /// Writes a literal in the style of the one it replaces: a verbatim literal stays verbatim; anything else
    /// (regular or raw) becomes a regular literal. Text stays readable: only what the syntax requires is escaped,
    /// so CJK text and emoji appear as they are.
    /// </summary>
    internal static string Render(string value, bool verbatim)
    {
        if (verbatim)
        {
            return "@\"" + value.Replace("\"", "\"\"") + "\"";
        }

        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\0': text.Append("\\0"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029')
                    {
                        // Control characters, line breaks a regular literal cannot hold, and a lone surrogate.
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
