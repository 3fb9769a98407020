using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// The parts of a file worth walking: the expressions, statements and members around each mention of a candidate
/// name. Searching the text is several times cheaper than walking every syntax node, and in most files a constrained
/// member's name, if it occurs at all, occurs in a few statements.
/// </summary>
/// <remarks>
/// <para>
/// Why so little is enough: every site the name filter keeps (<see cref="SyntaxSites"/>) lies inside the nearest
/// node around a token of a candidate name that can anchor a site. An assignment contains the member it writes to; a
/// call, a creation or an attribute contains the name of what it calls, and its arguments; an element of a
/// collection initializer sits in the assignment or call that takes the collection; an initializer sits in the
/// declaration whose name it initializes; a renamed parameter of an override sits in the method, whose declaration
/// names it.
/// </para>
/// <para>
/// Whole members are walked where a parameter may carry an attribute (a <c>[</c> after <c>(</c> or <c>,</c>): a
/// lambda's or local function's annotated parameters are known by no compilation-wide name, and a local function may
/// be called from anywhere in its member. The whole file is walked when the text may spell a name in a way a text
/// search misses: a Unicode escape (<c>\u0041</c>) or a formatting character, which identifiers may contain and
/// which their names leave out (C# specification, "Identifiers").
/// </para>
/// </remarks>
internal static class CandidateUnits
{
    /// <summary>
    /// The nodes to walk, in document order and none inside another, or <see langword="null"/> when the whole tree must
    /// be walked.
    /// </summary>
    public static List<SyntaxNode>? Find(SyntaxNode root, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        string text = root.SyntaxTree.GetText(cancellationToken).ToString();
        if (MaySpellNamesOtherwise(text))
        {
            return null;
        }

        var units = new List<SyntaxNode>();
        foreach (string name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                if (IsWholeName(text, at, name.Length) && Unit(root.FindToken(at), member: false) is { } unit)
                {
                    units.Add(unit);
                }
            }
        }

        for (int at = text.IndexOf('['); at >= 0; at = text.IndexOf('[', at + 1))
        {
            if (MayStartParameterAttribute(text, at) && Unit(root.FindToken(at), member: true) is { } unit)
            {
                units.Add(unit);
            }
        }

        return Outermost(units);
    }

    /// <summary>
    /// A Unicode escape anywhere, or a formatting character (category Cf): either can sit inside an identifier whose
    /// name a plain search for the name would not find. Non-ASCII text is rare in code outside strings and comments,
    /// and only then are the characters looked at one by one.
    /// </summary>
    private static bool MaySpellNamesOtherwise(string text)
    {
        for (int at = text.IndexOf('\\'); at >= 0 && at + 1 < text.Length; at = text.IndexOf('\\', at + 2))
        {
            if (text[at + 1] is 'u' or 'U')
            {
                return true;
            }
        }

        // The runtime counts UTF-8 bytes with vector instructions: equal to the length only for ASCII.
        if (Encoding.UTF8.GetByteCount(text) == text.Length)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Not part of a longer identifier. Only ASCII letters, digits and <c>_</c> count as its neighbours' characters:
    /// anything else keeps the match, which at worst walks a statement in vain.
    /// </summary>
    private static bool IsWholeName(string text, int at, int length)
    {
        int end = at + length;
        return (at == 0 || !IsAsciiLetter(text[at - 1]) && text[at - 1] != '_')
            && (end == text.Length || !IsAsciiLetter(text[end]) && !IsAsciiDigit(text[end]) && text[end] != '_');
    }

    /// <summary>
    /// A <c>[</c> whose previous non-blank character is <c>(</c>, <c>,</c> or the end of a comment: where a parameter's
    /// attribute list starts (and also a collection expression argument, which costs a walk in vain).
    /// </summary>
    private static bool MayStartParameterAttribute(string text, int at)
    {
        for (int i = at - 1; i >= 0; i--)
        {
            char c = text[i];
            if (!char.IsWhiteSpace(c))
            {
                return c is '(' or ',' or '/';
            }
        }

        return false;
    }

    /// <summary>
    /// The node around the token that holds every site the token can make pass: the assignment, call, creation,
    /// constructor initializer, attribute list or declaration whose target or name it is. Failing those, the smallest
    /// statement, or the member (for <paramref name="member"/>, always the member), or the part of a type declaration
    /// or file it sits in (a parameter or base list); <see langword="null"/> for the name of a type or namespace.
    /// </summary>
    private static SyntaxNode? Unit(SyntaxToken token, bool member)
    {
        SyntaxNode? previous = null;
        for (SyntaxNode? node = token.Parent; node is not null; previous = node, node = node.Parent)
        {
            switch (node)
            {
                case AssignmentExpressionSyntax or InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax
                    or PrimaryConstructorBaseTypeSyntax or AttributeListSyntax or ParameterSyntax or VariableDeclaratorSyntax or StatementSyntax when !member:
                    return node;
                case BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax or CompilationUnitSyntax:
                    return previous;
                case MemberDeclarationSyntax and not GlobalStatementSyntax:
                    return node;
                case GlobalStatementSyntax:
                    // Top-level statements share their locals and local functions: for a member-wide look, walk all.
                    return member ? node.Parent : node;
            }
        }

        return previous;
    }

    private static List<SyntaxNode> Outermost(List<SyntaxNode> units)
    {
        units.Sort(static (a, b) => a.FullSpan.Start != b.FullSpan.Start ? a.FullSpan.Start.CompareTo(b.FullSpan.Start) : b.FullSpan.Length.CompareTo(a.FullSpan.Length));
        var outermost = new List<SyntaxNode>(units.Count);
        foreach (SyntaxNode unit in units)
        {
            if (outermost.Count == 0 || !outermost[outermost.Count - 1].FullSpan.Contains(unit.FullSpan))
            {
                outermost.Add(unit);
            }
        }

        return outermost;
    }

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;
}
