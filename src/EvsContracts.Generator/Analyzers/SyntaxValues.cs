using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvsContracts.Generator.Analyzers;

/// <summary>What the syntax alone says about a value.</summary>
internal enum SyntaxValueKind
{
    /// <summary>It takes binding to know.</summary>
    Unknown,

    /// <summary>The value is a string (or null) that the syntax spells out.</summary>
    Known,

    /// <summary>The value is certainly neither a constant nor a local, so no analyzer can say anything about it.</summary>
    NotConstant,
}

/// <summary>
/// Works out string values from the syntax, without binding: literals, <c>+</c>, <c>nameof</c> and <c>const</c>
/// strings of the enclosing type, and tells a parameter (never a constant) from everything else. It answers only
/// where the answer is certain; everywhere else it says <see cref="SyntaxValueKind.Unknown"/> and the semantic model
/// decides.
/// </summary>
internal static class SyntaxValues
{
    // Const strings that refer to other const strings are followed this far.
    private const int MaxConstDepth = 8;

    public static SyntaxValueKind Evaluate(ExpressionSyntax expression, out string? value) => Evaluate(expression, 0, out value);

    private static SyntaxValueKind Evaluate(ExpressionSyntax expression, int depth, out string? value)
    {
        value = null;
        if (expression.ContainsDiagnostics)
        {
            return SyntaxValueKind.Unknown;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression, depth, out value);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                value = literal.Token.ValueText;
                return SyntaxValueKind.Known;
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                return SyntaxValueKind.Known;
            case BinaryExpressionSyntax binary:
                return EvaluateBinary(binary, depth, out value);
            case ConditionalExpressionSyntax conditional:
                // With a condition that is not constant, the whole is not constant either.
                return Evaluate(conditional.Condition, depth, out _) == SyntaxValueKind.NotConstant ? SyntaxValueKind.NotConstant : SyntaxValueKind.Unknown;
            case InvocationExpressionSyntax invocation:
                return EvaluateNameof(invocation, out value);
            case IdentifierNameSyntax identifier:
                return EvaluateName(identifier, depth, out value);
            default:
                return SyntaxValueKind.Unknown;
        }
    }

    private static SyntaxValueKind EvaluateBinary(BinaryExpressionSyntax binary, int depth, out string? value)
    {
        value = null;

        // Long concatenations nest to the left: collect the right operands from the top down, then join them.
        var parts = new List<ExpressionSyntax>();
        ExpressionSyntax current = binary;
        bool concatenation = true;
        while (current is BinaryExpressionSyntax step)
        {
            if (step.IsKind(SyntaxKind.AsExpression) || step.IsKind(SyntaxKind.IsExpression) || step.IsKind(SyntaxKind.CoalesceExpression))
            {
                return SyntaxValueKind.Unknown;
            }

            concatenation &= step.IsKind(SyntaxKind.AddExpression);
            parts.Add(step.Right);
            current = step.Left;
        }

        parts.Add(current);
        bool unknown = false;
        bool anyText = false;
        var builder = new StringBuilder();
        for (int i = parts.Count - 1; i >= 0; i--)
        {
            switch (Evaluate(parts[i], depth, out string? part))
            {
                case SyntaxValueKind.NotConstant:
                    // One operand that is not constant makes the whole expression not constant.
                    return SyntaxValueKind.NotConstant;
                case SyntaxValueKind.Known:
                    anyText |= part is not null;
                    builder.Append(part);
                    break;
                default:
                    unknown = true;
                    break;
            }
        }

        // Every known value is a string, so one that is not null makes this a string concatenation.
        if (unknown || !concatenation || !anyText)
        {
            return SyntaxValueKind.Unknown;
        }

        value = builder.ToString();
        return SyntaxValueKind.Known;
    }

    /// <summary><c>nameof(A)</c> and <c>nameof(x.A)</c> are <c>"A"</c>, whatever <c>A</c> is.</summary>
    private static SyntaxValueKind EvaluateNameof(InvocationExpressionSyntax invocation, out string? value)
    {
        value = null;
        if (invocation.Expression is not IdentifierNameSyntax { Identifier.ValueText: "nameof" } || invocation.ArgumentList.Arguments.Count != 1)
        {
            return SyntaxValueKind.Unknown;
        }

        SimpleNameSyntax? name = invocation.ArgumentList.Arguments[0].Expression switch
        {
            IdentifierNameSyntax identifier => identifier,
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } => member,
            _ => null,
        };
        if (name is null)
        {
            return SyntaxValueKind.Unknown;
        }

        value = name.Identifier.ValueText;
        return SyntaxValueKind.Known;
    }

    /// <summary>
    /// A simple name inside a member is, in the order C# looks: something declared in the member (a parameter is not
    /// constant; a local may be known, so binding decides), or else a member of the enclosing type (a <c>const</c>
    /// string declared right there is read from its initializer).
    /// </summary>
    private static SyntaxValueKind EvaluateName(IdentifierNameSyntax identifier, int depth, out string? value)
    {
        value = null;
        string name = identifier.Identifier.ValueText;
        MemberDeclarationSyntax? member = identifier.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        if (member is null or BaseNamespaceDeclarationSyntax or GlobalStatementSyntax or BaseTypeDeclarationSyntax)
        {
            return SyntaxValueKind.Unknown;
        }

        switch (DeclaredIn(member, identifier, name))
        {
            case Declared.Parameter:
                return SyntaxValueKind.NotConstant;
            case Declared.Other:
                return SyntaxValueKind.Unknown;
        }

        if (depth >= MaxConstDepth || member.Parent is not TypeDeclarationSyntax type || type.ParameterList is not null)
        {
            return SyntaxValueKind.Unknown;
        }

        foreach (MemberDeclarationSyntax sibling in type.Members)
        {
            if (sibling is FieldDeclarationSyntax field
                && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                && field.Declaration.Type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword })
            {
                foreach (VariableDeclaratorSyntax declarator in field.Declaration.Variables)
                {
                    if (declarator.Identifier.ValueText == name && declarator.Initializer is { } initializer)
                    {
                        return Evaluate(initializer.Value, depth + 1, out value) == SyntaxValueKind.Known ? SyntaxValueKind.Known : SyntaxValueKind.Unknown;
                    }
                }
            }
        }

        return SyntaxValueKind.Unknown;
    }

    private enum Declared
    {
        Nothing,
        Parameter,
        Other,
    }

    /// <summary>
    /// Whether the member declares the name itself: as a parameter in whose scope the identifier is (the member's
    /// own, or a lambda's or local function's around it), or as anything else (a local, a pattern or <c>out</c>
    /// variable, a range variable, a local function, a type parameter, or a parameter elsewhere in the member), which
    /// may make it a local with known values or hide the type's members.
    /// </summary>
    private static Declared DeclaredIn(MemberDeclarationSyntax member, IdentifierNameSyntax identifier, string name)
    {
        Declared found = Declared.Nothing;
        foreach (SyntaxNode node in member.DescendantNodes())
        {
            SyntaxToken declared = node switch
            {
                ParameterSyntax parameter => parameter.Identifier,
                VariableDeclaratorSyntax variable => variable.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ForEachStatementSyntax loop => loop.Identifier,
                CatchDeclarationSyntax exception => exception.Identifier,
                LocalFunctionStatementSyntax function => function.Identifier,
                TypeParameterSyntax typeParameter => typeParameter.Identifier,
                FromClauseSyntax from => from.Identifier,
                LetClauseSyntax let => let.Identifier,
                JoinClauseSyntax join => join.Identifier,
                JoinIntoClauseSyntax into => into.Identifier,
                QueryContinuationSyntax continuation => continuation.Identifier,
                _ => default,
            };
            if (declared.ValueText != name)
            {
                continue;
            }

            if (node is not ParameterSyntax declaredParameter || !InScope(declaredParameter, identifier))
            {
                return Declared.Other;
            }

            found = Declared.Parameter;
        }

        // A set, init, add or remove accessor's value is a parameter without a declaration.
        if (found == Declared.Nothing && name == "value"
            && identifier.FirstAncestorOrSelf<AccessorDeclarationSyntax>() is { } accessor
            && (accessor.IsKind(SyntaxKind.SetAccessorDeclaration) || accessor.IsKind(SyntaxKind.InitAccessorDeclaration)
                || accessor.IsKind(SyntaxKind.AddAccessorDeclaration) || accessor.IsKind(SyntaxKind.RemoveAccessorDeclaration)))
        {
            return Declared.Parameter;
        }

        return found;
    }

    /// <summary>Whether the identifier is inside the function that declares the parameter.</summary>
    private static bool InScope(ParameterSyntax parameter, SyntaxNode identifier)
    {
        SyntaxNode? owner = parameter.Parent is BaseParameterListSyntax list ? list.Parent : parameter.Parent;
        return owner is not null && owner.Span.Contains(identifier.Span) && !parameter.Span.Contains(identifier.Span);
    }
}
