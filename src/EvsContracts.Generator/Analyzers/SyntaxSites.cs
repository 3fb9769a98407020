using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Analyzers;

/// <summary>What a syntax site is, so the semantic side knows which operation to ask for and what to do with it.</summary>
internal enum SiteKind
{
    /// <summary>An <c>=</c> or <c>+=</c>: an <see cref="AssignmentExpressionSyntax"/>.</summary>
    Assignment,

    /// <summary>One argument of a call, a creation, a constructor initializer or an indexer: an <see cref="ArgumentSyntax"/>.</summary>
    Argument,

    /// <summary>An explicit <c>Add</c>/<c>TryAdd</c> on a member: an <see cref="InvocationExpressionSyntax"/>.</summary>
    Add,

    /// <summary>The value of one element of a collection initializer: an <see cref="ExpressionSyntax"/>.</summary>
    Element,

    /// <summary>The initializer of a property, field or parameter: an <see cref="EqualsValueClauseSyntax"/>.</summary>
    Declaration,

    /// <summary>An attribute with arguments, for its constructor and its named properties: an <see cref="AttributeSyntax"/>.</summary>
    Attribute,
}

/// <summary>A syntax node that may give a constant to a constrained member, found without the semantic model.</summary>
internal readonly struct SyntaxSite
{
    public SyntaxSite(SiteKind kind, SyntaxNode node)
    {
        Kind = kind;
        Node = node;
    }

    public SiteKind Kind { get; }

    public SyntaxNode Node { get; }
}

/// <summary>
/// The cheap first pass: finds the places in a syntax tree where a value that may be constant flows into something
/// named like a constrained member, parameter, method or type. Only these reach the semantic model, so a file that
/// never mentions a constrained member costs one walk of its syntax and no binding at all.
/// </summary>
/// <remarks>
/// Every test here errs on the side of keeping a node: the operation-based checks that follow decide with symbols,
/// so a node kept in vain costs time, while a node dropped in error would lose a diagnostic.
/// </remarks>
internal static class SyntaxSites
{
    // Deeper expressions than this are kept without looking further; real constants are far shallower.
    private const int MaxDepth = 64;

    /// <summary>
    /// The sites of a tree, or of the part in <paramref name="span"/>. <paramref name="localRules"/> tells whether a
    /// lambda or local function in it has annotated parameters, whose rules no compilation-wide name knows.
    /// </summary>
    public static List<SyntaxSite> Find(SyntaxNode root, TextSpan? span, CandidateNames names, out bool localRules, CancellationToken cancellationToken) =>
        Find(root, span, names, names.Unnamed ? null : CandidateUnits.Find(root, names.Spellings, cancellationToken), out localRules, cancellationToken);

    /// <summary>The sites in <paramref name="units"/> only, or in the whole tree when it is <see langword="null"/>.</summary>
    internal static List<SyntaxSite> Find(SyntaxNode root, TextSpan? span, CandidateNames names, List<SyntaxNode>? units, out bool localRules, CancellationToken cancellationToken)
    {
        var finder = new Finder(span, cancellationToken);
        if (units is null)
        {
            finder.Visit(root);
        }
        else
        {
            foreach (SyntaxNode unit in units)
            {
                finder.Visit(unit);
            }
        }

        localRules = finder.LocalMembers is not null;

        // Only now are the names of local functions known, which may be called before they are declared.
        var filter = new NameFilter(names, finder.LocalMembers, finder.LocalMethods);
        finder.Found.RemoveAll(site => !filter.Keeps(site));
        return finder.Found;
    }

    /// <summary>The right-most simple name of a type or namespace name: <c>C</c> for <c>A.B.C&lt;T&gt;</c> or <c>global::C</c>.</summary>
    public static string? SimpleName(TypeSyntax? type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The value an explicit <c>x.Add(v)</c>, <c>x.Add(k, v)</c> or <c>x.TryAdd(k, v)</c> adds, if this is one.</summary>
    private static ExpressionSyntax? AddValue(InvocationExpressionSyntax invocation)
    {
        SimpleNameSyntax? name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            _ => null,
        };
        if (name is not IdentifierNameSyntax || name.Identifier.ValueText is not ("Add" or "TryAdd"))
        {
            return null;
        }

        SeparatedSyntaxList<ArgumentSyntax> arguments = invocation.ArgumentList.Arguments;
        return arguments.Count is 1 or 2 ? arguments[arguments.Count - 1].Expression : null;
    }

    /// <summary>
    /// Whether the expression can be a constant, or a local that holds constants: literals, names, member accesses,
    /// <c>nameof</c>, and operators, casts, conditionals and interpolations over those. A call, a creation, a
    /// lambda or an element access never is.
    /// </summary>
    private static bool MaybeConstant(ExpressionSyntax expression, int depth)
    {
        while (true)
        {
            if (depth > MaxDepth)
            {
                return true;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax or DefaultExpressionSyntax or SizeOfExpressionSyntax or IdentifierNameSyntax:
                    return true;
                case MemberAccessExpressionSyntax access:
                    return access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && IsNameChain(access.Expression);
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                case CheckedExpressionSyntax isChecked:
                    expression = isChecked.Expression;
                    break;
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.UnaryMinusExpression) || prefix.IsKind(SyntaxKind.UnaryPlusExpression)
                    || prefix.IsKind(SyntaxKind.BitwiseNotExpression) || prefix.IsKind(SyntaxKind.LogicalNotExpression):
                    expression = prefix.Operand;
                    break;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = postfix.Operand;
                    break;
                case BinaryExpressionSyntax binary when !binary.IsKind(SyntaxKind.AsExpression) && !binary.IsKind(SyntaxKind.IsExpression) && !binary.IsKind(SyntaxKind.CoalesceExpression):
                    // Long concatenations nest to the left: follow that side in the loop, not by recursion.
                    if (!MaybeConstant(binary.Right, depth + 1))
                    {
                        return false;
                    }

                    expression = binary.Left;
                    break;
                case ConditionalExpressionSyntax conditional:
                    if (!MaybeConstant(conditional.Condition, depth + 1) || !MaybeConstant(conditional.WhenTrue, depth + 1))
                    {
                        return false;
                    }

                    expression = conditional.WhenFalse;
                    break;
                case InterpolatedStringExpressionSyntax interpolated:
                    foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                    {
                        if (content is InterpolationSyntax hole && !MaybeConstant(hole.Expression, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                case InvocationExpressionSyntax invocation:
                    return invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" };
                default:
                    return false;
            }

            depth++;
        }
    }

    /// <summary><c>Consts</c>, <c>int</c>, <c>global::A.B</c>, <c>Outer&lt;T&gt;.Inner</c>: what can hold a <c>const</c> member.</summary>
    private static bool IsNameChain(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case SimpleNameSyntax or PredefinedTypeSyntax or AliasQualifiedNameSyntax or QualifiedNameSyntax:
                    return true;
                case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    expression = access.Expression;
                    break;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// Collects the nodes that may give a constant value to something. A walker rather than
    /// <see cref="SyntaxNode.DescendantNodes(Func{SyntaxNode, bool}?, bool)"/>: it is several times faster per node,
    /// and it skips what cannot hold a value (usings, type names, base types).
    /// </summary>
    private sealed class Finder : CSharpSyntaxWalker
    {
        private readonly TextSpan? span;
        private readonly CancellationToken cancellationToken;

        public Finder(TextSpan? span, CancellationToken cancellationToken)
        {
            this.span = span;
            this.cancellationToken = cancellationToken;
        }

        public List<SyntaxSite> Found { get; } = new();

        public HashSet<string>? LocalMembers { get; private set; }

        public HashSet<string>? LocalMethods { get; private set; }

        public override void Visit(SyntaxNode? node)
        {
            if (node is null || span is { } within && !node.FullSpan.IntersectsWith(within))
            {
                return;
            }

            base.Visit(node);
        }

        public override void VisitCompilationUnit(CompilationUnitSyntax node)
        {
            cancellationToken.ThrowIfCancellationRequested();
            base.VisitCompilationUnit(node);
        }

        public override void VisitBlock(BlockSyntax node)
        {
            cancellationToken.ThrowIfCancellationRequested();
            base.VisitBlock(node);
        }

        public override void VisitAssignmentExpression(AssignmentExpressionSyntax node)
        {
            if ((node.IsKind(SyntaxKind.SimpleAssignmentExpression) || node.IsKind(SyntaxKind.AddAssignmentExpression)) && MaybeConstant(node.Right, 0))
            {
                Found.Add(new SyntaxSite(SiteKind.Assignment, node));
            }

            base.VisitAssignmentExpression(node);
        }

        public override void VisitArgument(ArgumentSyntax node)
        {
            if ((node.RefKindKeyword.IsKind(SyntaxKind.None) || node.RefKindKeyword.IsKind(SyntaxKind.InKeyword)) && MaybeConstant(node.Expression, 0))
            {
                Found.Add(new SyntaxSite(SiteKind.Argument, node));
            }

            base.VisitArgument(node);
        }

        public override void VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            if (AddValue(node) is { } added && MaybeConstant(added, 0))
            {
                Found.Add(new SyntaxSite(SiteKind.Add, node));
            }

            base.VisitInvocationExpression(node);
        }

        public override void VisitInitializerExpression(InitializerExpressionSyntax node)
        {
            if (node.IsKind(SyntaxKind.CollectionInitializerExpression))
            {
                foreach (ExpressionSyntax element in node.Expressions)
                {
                    ExpressionSyntax? value = element is InitializerExpressionSyntax complex && complex.IsKind(SyntaxKind.ComplexElementInitializerExpression)
                        ? (complex.Expressions.Count > 0 ? complex.Expressions[complex.Expressions.Count - 1] : null)
                        : element;
                    if (value is not null && MaybeConstant(value, 0))
                    {
                        Found.Add(new SyntaxSite(SiteKind.Element, value));
                    }
                }
            }

            base.VisitInitializerExpression(node);
        }

        public override void VisitEqualsValueClause(EqualsValueClauseSyntax node)
        {
            if (node.Parent is PropertyDeclarationSyntax or VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or ParameterSyntax
                && MaybeConstant(node.Value, 0))
            {
                Found.Add(new SyntaxSite(SiteKind.Declaration, node));
            }

            base.VisitEqualsValueClause(node);
        }

        public override void VisitParameter(ParameterSyntax node)
        {
            // A lambda's or local function's parameters are no members of any type: their names come from here.
            if (node.AttributeLists.Count > 0)
            {
                switch (node.Parent?.Parent)
                {
                    case LocalFunctionStatementSyntax function:
                        (LocalMembers ??= new(StringComparer.Ordinal)).Add(node.Identifier.ValueText);
                        (LocalMethods ??= new(StringComparer.Ordinal)).Add(function.Identifier.ValueText);
                        break;
                    case AnonymousFunctionExpressionSyntax:
                        (LocalMembers ??= new(StringComparer.Ordinal)).Add(node.Identifier.ValueText);
                        break;
                }
            }

            // The type holds no values; the attributes and the default value may.
            foreach (AttributeListSyntax attributes in node.AttributeLists)
            {
                VisitAttributeList(attributes);
            }

            Visit(node.Default);
        }

        public override void VisitBinaryExpression(BinaryExpressionSyntax node)
        {
            // Long concatenations nest to the left: walk that side in a loop, not by recursion.
            ExpressionSyntax current = node;
            while (current is BinaryExpressionSyntax binary)
            {
                Visit(binary.Right);
                current = binary.Left;
            }

            Visit(current);
        }

        // Nothing under these gives a value to anything.
        public override void VisitUsingDirective(UsingDirectiveSyntax node)
        {
        }

        public override void VisitExternAliasDirective(ExternAliasDirectiveSyntax node)
        {
        }

        public override void VisitAttributeList(AttributeListSyntax node)
        {
            // An attribute's arguments are constants by definition; nothing inside them needs a closer look.
            foreach (AttributeSyntax attribute in node.Attributes)
            {
                if (attribute.ArgumentList is { Arguments.Count: > 0 })
                {
                    Found.Add(new SyntaxSite(SiteKind.Attribute, attribute));
                }
            }
        }

        public override void VisitQualifiedName(QualifiedNameSyntax node)
        {
        }

        public override void VisitAliasQualifiedName(AliasQualifiedNameSyntax node)
        {
        }

        public override void VisitTypeArgumentList(TypeArgumentListSyntax node)
        {
        }

        public override void VisitTypeParameterList(TypeParameterListSyntax node)
        {
            foreach (TypeParameterSyntax parameter in node.Parameters)
            {
                foreach (AttributeListSyntax attributes in parameter.AttributeLists)
                {
                    VisitAttributeList(attributes);
                }
            }
        }

        public override void VisitTypeParameterConstraintClause(TypeParameterConstraintClauseSyntax node)
        {
        }

        public override void VisitSimpleBaseType(SimpleBaseTypeSyntax node)
        {
        }
    }

    /// <summary>The name tests: the compilation's candidate names, plus the lambdas' and local functions' of this tree.</summary>
    private readonly struct NameFilter
    {
        private readonly CandidateNames names;
        private readonly HashSet<string>? localMembers;
        private readonly HashSet<string>? localMethods;

        public NameFilter(CandidateNames names, HashSet<string>? localMembers, HashSet<string>? localMethods)
        {
            this.names = names;
            this.localMembers = localMembers;
            this.localMethods = localMethods;
        }

        public bool Keeps(SyntaxSite site) => site.Kind switch
        {
            SiteKind.Assignment => TargetPasses(((AssignmentExpressionSyntax)site.Node).Left),
            SiteKind.Argument => CallPasses((ArgumentSyntax)site.Node),
            SiteKind.Add => TargetPasses(Receiver((InvocationExpressionSyntax)site.Node)),
            SiteKind.Declaration => DeclarationPasses((EqualsValueClauseSyntax)site.Node),
            SiteKind.Attribute => AttributePasses((AttributeSyntax)site.Node),
            SiteKind.Element => site.Node.FirstAncestorOrSelf<InitializerExpressionSyntax>(static i => i.IsKind(SyntaxKind.CollectionInitializerExpression)) is { } initializer
                && InitializerPasses(initializer),
            _ => true,
        };

        private bool IsMember(SyntaxToken name) => names.IsMember(name.ValueText) || localMembers?.Contains(name.ValueText) == true;

        private bool IsMethod(SyntaxToken name) => names.IsMethod(name.ValueText) || localMethods?.Contains(name.ValueText) == true;

        /// <summary>What an assignment writes to: a member by its name, or a collection member through an indexer.</summary>
        private bool TargetPasses(ExpressionSyntax? target)
        {
            switch (target)
            {
                case IdentifierNameSyntax identifier:
                    // A parameter of an override may be renamed and still take its rules from the base method's.
                    return IsMember(identifier.Identifier) || EnclosingMethodPasses(identifier);
                case MemberAccessExpressionSyntax access:
                    return IsMember(access.Name.Identifier);
                case MemberBindingExpressionSyntax binding:
                    return IsMember(binding.Name.Identifier);
                case ElementAccessExpressionSyntax element:
                    return TargetPasses(element.Expression);
                case ImplicitElementAccessSyntax:
                    return target.Parent?.Parent is InitializerExpressionSyntax initializer && InitializerPasses(initializer);
                case ParenthesizedExpressionSyntax parenthesized:
                    return TargetPasses(parenthesized.Expression);
                case ThisExpressionSyntax or BaseExpressionSyntax:
                    return false;
                case TupleExpressionSyntax tuple:
                    // (option.Name, other) = (...): each element is a target of its own.
                    foreach (ArgumentSyntax element in tuple.Arguments)
                    {
                        if (TargetPasses(element.Expression))
                        {
                            return true;
                        }
                    }

                    return false;
                case DeclarationExpressionSyntax:
                    // var (a, b) = ...: new locals, no member.
                    return false;
                default:
                    return true;
            }
        }

        private bool EnclosingMethodPasses(SyntaxNode node)
        {
            foreach (SyntaxNode ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case MethodDeclarationSyntax method:
                        return IsMethod(method.Identifier);
                    case LocalFunctionStatementSyntax function:
                        return IsMethod(function.Identifier);
                    case ConstructorDeclarationSyntax constructor:
                        return names.IsConstructedType(constructor.Identifier.ValueText);
                    case IndexerDeclarationSyntax:
                        return names.AnyIndexer;
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>Where the collection an initializer fills goes: <c>Metadata = { ... }</c>, or the creation's destination.</summary>
        private bool InitializerPasses(InitializerExpressionSyntax initializer) => initializer.Parent switch
        {
            AssignmentExpressionSyntax nested when nested.Right == initializer => TargetPasses(nested.Left),
            BaseObjectCreationExpressionSyntax creation => DestinationPasses(creation),
            _ => false,
        };

        /// <summary>A new collection counts where it is assigned to a member, passed to a parameter or initializes a member.</summary>
        private bool DestinationPasses(ExpressionSyntax creation)
        {
            SyntaxNode current = creation;
            while (current.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax
                || current.Parent is PostfixUnaryExpressionSyntax postfix && postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression)
                || current.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AsExpression) && binary.Left == current)
            {
                current = current.Parent;
            }

            return current.Parent switch
            {
                AssignmentExpressionSyntax assignment when assignment.Right == current => TargetPasses(assignment.Left),
                ArgumentSyntax argument => CallPasses(argument),
                EqualsValueClauseSyntax equals => equals.Parent is PropertyDeclarationSyntax or VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax }
                    && DeclarationPasses(equals),
                _ => false,
            };
        }

        /// <summary>Whatever takes the arguments: its name must be one of a method, type or delegate with annotated parameters.</summary>
        private bool CallPasses(ArgumentSyntax argument)
        {
            // A tuple's elements are arguments in the syntax, but no parameter takes them.
            if (argument.Parent is not BaseArgumentListSyntax list)
            {
                return false;
            }

            switch (list.Parent)
            {
                case InvocationExpressionSyntax invocation:
                    SyntaxToken? name = invocation.Expression switch
                    {
                        SimpleNameSyntax simple => simple.Identifier,
                        MemberAccessExpressionSyntax access => access.Name.Identifier,
                        MemberBindingExpressionSyntax binding => binding.Name.Identifier,
                        _ => null,
                    };
                    return names.AnyDelegate || name is { } method && IsMethod(method);
                case ObjectCreationExpressionSyntax creation:
                    return SimpleName(creation.Type) is { } type ? names.IsConstructedType(type) : names.AnyConstructor;
                case ImplicitObjectCreationExpressionSyntax or ConstructorInitializerSyntax:
                    return names.AnyConstructor;
                case PrimaryConstructorBaseTypeSyntax primary:
                    return SimpleName(primary.Type) is { } baseType ? names.IsConstructedType(baseType) : names.AnyConstructor;
                case ElementAccessExpressionSyntax or ElementBindingExpressionSyntax or ImplicitElementAccessSyntax:
                    return names.AnyIndexer;
                default:
                    return true;
            }
        }

        private bool DeclarationPasses(EqualsValueClauseSyntax equals)
        {
            switch (equals.Parent)
            {
                case PropertyDeclarationSyntax property:
                    return IsMember(property.Identifier) && MayHaveRules(property);
                case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } variable:
                    // A field has rules of its own or none: it overrides and implements nothing.
                    return IsMember(variable.Identifier) && field.AttributeLists.Count > 0;
                case ParameterSyntax parameter:
                    if (parameter.AttributeLists.Count > 0 || IsMember(parameter.Identifier))
                    {
                        return true;
                    }

                    // A parameter without attributes takes those of the method its method overrides or implements.
                    // Constructors, delegates and indexers override and implement no method: theirs have none.
                    return parameter.Parent?.Parent switch
                    {
                        MethodDeclarationSyntax method => IsMethod(method.Identifier),
                        LocalFunctionStatementSyntax function => IsMethod(function.Identifier),
                        _ => false,
                    };
                default:
                    return false;
            }
        }

        /// <summary>
        /// A property has rules of its own, or those of a member it overrides or implements: neither is possible
        /// without an attribute, an <c>override</c>, an explicit interface or a base list (of any part of its type).
        /// </summary>
        private static bool MayHaveRules(PropertyDeclarationSyntax property) =>
            property.AttributeLists.Count > 0
            || property.ExplicitInterfaceSpecifier is not null
            || property.Modifiers.Any(SyntaxKind.OverrideKeyword)
            || property.Parent is not TypeDeclarationSyntax type
            || type.BaseList is not null
            || type.Modifiers.Any(SyntaxKind.PartialKeyword);

        /// <summary><c>[Tag("x", Extra = "y")]</c>: the constructor goes by the type's name, with or without its suffix.</summary>
        private bool AttributePasses(AttributeSyntax attribute)
        {
            foreach (AttributeArgumentSyntax argument in attribute.ArgumentList!.Arguments)
            {
                if (argument.NameEquals is { } named)
                {
                    if (IsMember(named.Name.Identifier))
                    {
                        return true;
                    }
                }
                else if (SimpleName(attribute.Name) is { } type && (names.IsConstructedType(type) || names.IsConstructedType(type + "Attribute")))
                {
                    return true;
                }
            }

            return false;
        }

        private static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Expression,

            // x?.Add(v): the receiver is the conditional access's expression; keep it rather than search for it.
            _ => null,
        };
    }
}
