using System;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EvsContracts.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.CodeFixes;

/// <summary>What a fix makes of a literal's value: the action's title and the new value, or nothing to offer.</summary>
internal delegate (string Title, string Value)? LiteralRewrite(Diagnostic diagnostic, string value);

/// <summary>
/// The mechanics the three fixes share: find the string literal the analyzer reported, compute its new value, and
/// put a new literal in its place. Only diagnostics the analyzer marked as being on one string literal are fixed.
/// </summary>
internal static class LiteralFix
{
    public static async Task RegisterAsync(CodeFixContext context, string equivalenceKey, LiteralRewrite rewrite)
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
            if (rewrite(diagnostic, current) is not var (title, value) || string.Equals(value, current, StringComparison.Ordinal))
            {
                continue;
            }

            TextSpan span = literal.Span;
            Document document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(title, token => ReplaceAsync(document, span, value, token), equivalenceKey),
                diagnostic);
        }
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
                    bool pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
                    if (pair)
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029')
                    {
                        // Control characters, line breaks a regular literal cannot hold, and a lone surrogate.
                        text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
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

    public static ImmutableArray<string> Ids(string id) => ImmutableArray.Create(id);
}
