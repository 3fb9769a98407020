using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Analyzers;

/// <summary>Checks one value against one rule; returns <see langword="true"/> when it reported a diagnostic.</summary>
internal delegate bool ValueCheck(ValueSite site, ContractRule rule, object value);

/// <summary>
/// The part the four analyzers share: finds every place a value flows into a member or parameter that carries
/// constraint attributes, works out its constant values, and hands each (value, rule) pair to the analyzer.
/// </summary>
/// <remarks>
/// <para>
/// The places: simple assignments (also in object and <c>with</c> initializers), <c>+=</c> on strings, arguments
/// of methods and constructors, property, field and parameter initializers, and, for a dictionary or collection
/// member, the values added through <c>Add</c>, collection initializers and indexer initializers.
/// </para>
/// <para>
/// Why no operation actions: asking Roslyn for operations makes it bind every method body of every file again,
/// which in the 1,000-file benchmark cost about a tenth of the compilation whatever the analyzer did. Instead one
/// semantic-model action per file walks the syntax (<see cref="SyntaxSites"/>) and asks for the operations of the
/// few nodes that name a constrained member; a file that names none is never bound for the analyzers.
/// </para>
/// </remarks>
internal sealed class ContractValueWalker
{
    private readonly ContractIndex index;
    private readonly ContractAttributes attributes;
    private readonly CandidateNames names;
    private readonly SemanticModel model;
    private readonly CancellationToken cancellationToken;
    private readonly ImmutableArray<ContractSite>.Builder sites = ImmutableArray.CreateBuilder<ContractSite>();

    // Off in a file whose lambdas or local functions have annotated parameters: their rules go by no known name.
    private bool unboundChecks;

    private ContractValueWalker(ContractIndex index, ContractAttributes attributes, CandidateNames names, SemanticModel model, CancellationToken cancellationToken)
    {
        this.index = index;
        this.attributes = attributes;
        this.names = names;
        this.model = model;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Sets up an analyzer: does nothing in a compilation without attributes of its kinds.</summary>
    public static void Register(AnalysisContext context, Func<ContractRuleKind, bool> wanted, ValueCheck check) =>
        context.RegisterCompilationStartAction(start =>
        {
            ContractIndex index = ContractIndex.For(start.Compilation);
            if (index.Attributes is not { } attributes || !attributes.Knows(wanted))
            {
                return;
            }

            start.RegisterSemanticModelAction(model =>
            {
                if (model.IsGeneratedCode)
                {
                    return;
                }

                foreach (ContractSite site in index.GetSites(model.SemanticModel, model.FilterSpan, model.CancellationToken))
                {
                    Report(site, index, wanted, check, model.ReportDiagnostic);
                }
            });
        });

    /// <summary>The sites of a tree (or of a span of it), for every kind of rule.</summary>
    public static ImmutableArray<ContractSite> FindSites(ContractIndex index, SemanticModel model, TextSpan? span, CancellationToken cancellationToken)
    {
        if (index.Attributes is not { } attributes)
        {
            return ImmutableArray<ContractSite>.Empty;
        }

        CandidateNames names = index.GetNames(attributes, cancellationToken);
        List<SyntaxSite> candidates = SyntaxSites.Find(model.SyntaxTree.GetRoot(cancellationToken), span, names, out bool localRules, cancellationToken);
        if (candidates.Count == 0)
        {
            return ImmutableArray<ContractSite>.Empty;
        }

        var walker = new ContractValueWalker(index, attributes, names, model, cancellationToken) { unboundChecks = !localRules };
        foreach (SyntaxSite candidate in candidates)
        {
            walker.Visit(candidate);
        }

        return walker.sites.ToImmutable();
    }

    private static void Report(ContractSite site, ContractIndex index, Func<ContractRuleKind, bool> wanted, ValueCheck check, Action<Diagnostic> report)
    {
        ValueSite? view = null;
        foreach (ContractRule rule in site.Rules)
        {
            if (!wanted(rule.Kind))
            {
                continue;
            }

            view ??= new ValueSite(site, index, report);
            foreach (object? candidate in site.Candidates.Values)
            {
                // null is an absent value: only "required" can object to it, and no attribute here says so.
                if (candidate is not null && check(view, rule, candidate))
                {
                    break;
                }
            }
        }
    }

    private void Visit(SyntaxSite candidate)
    {
        switch (candidate.Kind)
        {
            case SiteKind.Assignment:
                var assignmentSyntax = (AssignmentExpressionSyntax)candidate.Node;
                if (PassesUnbound(assignmentSyntax.Right, TargetRules(assignmentSyntax.Left), assignmentSyntax.IsKind(SyntaxKind.AddAssignmentExpression)))
                {
                    break;
                }

                switch (model.GetOperation(candidate.Node, cancellationToken))
                {
                    case ISimpleAssignmentOperation assignment:
                        OnAssignment(assignment);
                        break;
                    case ICompoundAssignmentOperation compound:
                        OnCompoundAssignment(compound);
                        break;
                }

                break;
            case SiteKind.Argument:
                var argumentSyntax = (ArgumentSyntax)candidate.Node;
                if (PassesUnbound(argumentSyntax.Expression, CallRules(argumentSyntax), lowerBound: false))
                {
                    break;
                }

                if (model.GetOperation(candidate.Node, cancellationToken) is IArgumentOperation argument)
                {
                    OnArgument(argument);
                }

                break;
            case SiteKind.Add:
                var addSyntax = (InvocationExpressionSyntax)candidate.Node;
                SeparatedSyntaxList<ArgumentSyntax> added = addSyntax.ArgumentList.Arguments;
                if (addSyntax.Expression is MemberAccessExpressionSyntax access
                    && PassesUnbound(added[added.Count - 1].Expression, TargetRules(access.Expression), lowerBound: false))
                {
                    break;
                }

                if (model.GetOperation(candidate.Node, cancellationToken) is IInvocationOperation invocation)
                {
                    OnInvocation(invocation);
                }

                break;
            case SiteKind.Element:
                // The Add call of a collection initializer is implicit, so no syntax maps to it: climb from the value.
                IOperation? value = model.GetOperation(candidate.Node, cancellationToken);
                while (value?.Parent is IConversionOperation { IsImplicit: true } conversion)
                {
                    value = conversion;
                }

                if (value?.Parent is IArgumentOperation { Parent: IInvocationOperation add })
                {
                    OnInvocation(add);
                }

                break;
            case SiteKind.Declaration:
                VisitDeclaration((EqualsValueClauseSyntax)candidate.Node);
                break;
            case SiteKind.Attribute:
                if (model.GetOperation(candidate.Node, cancellationToken) is IAttributeOperation { Operation: IObjectCreationOperation creation })
                {
                    foreach (IArgumentOperation attributeArgument in creation.Arguments)
                    {
                        OnArgument(attributeArgument);
                    }

                    foreach (IOperation named in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
                    {
                        if (named is ISimpleAssignmentOperation assignment)
                        {
                            OnAssignment(assignment);
                        }
                    }
                }

                break;
        }
    }

    private void VisitDeclaration(EqualsValueClauseSyntax equals)
    {
        // A property's or field's symbol comes from the declaration tables, without binding anything; only a member
        // with rules has its initializer bound.
        SyntaxNode? declaration = equals.Parent is PropertyDeclarationSyntax or VariableDeclaratorSyntax ? equals.Parent : null;
        if (declaration is not null)
        {
            ImmutableArray<ContractRule> rules = attributes.GetRules(model.GetDeclaredSymbol(declaration, cancellationToken));
            if (rules.IsEmpty || PassesUnbound(equals.Value, rules, lowerBound: false))
            {
                return;
            }
        }

        switch (model.GetOperation(equals, cancellationToken))
        {
            case IPropertyInitializerOperation property:
                foreach (IPropertySymbol member in property.InitializedProperties)
                {
                    Check(member, ContractAttributes.DisplayName(member), property.Value, element: false, lowerBound: false);
                }

                break;
            case IFieldInitializerOperation field:
                foreach (IFieldSymbol member in field.InitializedFields)
                {
                    Check(member, member.Name, field.Value, element: false, lowerBound: false);
                }

                break;
            case IParameterInitializerOperation parameter:
                Check(parameter.Parameter, parameter.Parameter.Name, parameter.Value, element: false, lowerBound: false);
                break;
        }
    }

    /// <summary>
    /// Whether the syntax alone shows that no rule can object, so the node needs no binding: the value is certainly
    /// not a constant (a parameter, or an expression over one), or it is a string the syntax spells out that
    /// satisfies every rule of every member the target's name can stand for. Only that answer skips binding; any
    /// doubt, and any value that breaks a rule, goes on to the operation-based checks, which word the diagnostic.
    /// </summary>
    private bool PassesUnbound(ExpressionSyntax value, ImmutableArray<ContractRule>? rules, bool lowerBound)
    {
        if (!unboundChecks || rules is not { } all)
        {
            return false;
        }

        switch (SyntaxValues.Evaluate(value, out string? text))
        {
            case SyntaxValueKind.NotConstant:
                return true;
            case SyntaxValueKind.Known:
                if (text is null)
                {
                    return true;
                }

                foreach (ContractRule rule in all)
                {
                    if (MayObject(rule, text, lowerBound))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The rules of the members an assignment target or an <c>Add</c> receiver can name.</summary>
    private ImmutableArray<ContractRule>? TargetRules(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax identifier => names.MemberRules(identifier.Identifier.ValueText),
        MemberAccessExpressionSyntax access => names.MemberRules(access.Name.Identifier.ValueText),
        ElementAccessExpressionSyntax element => TargetRules(element.Expression),
        _ => null,
    };

    /// <summary>The rules of the parameters a call's arguments can go to, by the method's or the type's name.</summary>
    private ImmutableArray<ContractRule>? CallRules(ArgumentSyntax argument)
    {
        // A delegate is called under any name, so its parameters' rules are not under the name.
        if (argument.Parent?.Parent is InvocationExpressionSyntax invocation && !names.AnyDelegate)
        {
            return invocation.Expression switch
            {
                SimpleNameSyntax simple => names.MethodRules(simple.Identifier.ValueText),
                MemberAccessExpressionSyntax access => names.MethodRules(access.Name.Identifier.ValueText),
                MemberBindingExpressionSyntax binding => names.MethodRules(binding.Name.Identifier.ValueText),
                _ => null,
            };
        }

        return argument.Parent?.Parent is ObjectCreationExpressionSyntax creation && SyntaxSites.SimpleName(creation.Type) is { } type
            ? names.ConstructorRules(type)
            : null;
    }

    /// <summary>Whether a rule can object to a string value: the analyzers' conditions, erring towards yes.</summary>
    private bool MayObject(ContractRule rule, string text, bool lowerBound)
    {
        switch (rule.Kind)
        {
            case ContractRuleKind.MaxUtf8Bytes:
                return ContractText.Utf8ByteCount(text) > rule.Limit;
            case ContractRuleKind.MaxCodePoints:
                return ContractText.CodePointCount(text) > rule.Limit;
            case ContractRuleKind.Minimum or ContractRuleKind.Maximum:
                // A string is no number: these rules say nothing about it.
                return false;
            case var _ when lowerBound:
                // After += only the end of the value is known; the other rules judge the whole.
                return false;
            case ContractRuleKind.MinCodePoints:
                return ContractText.CodePointCount(text) < rule.Limit;
            case ContractRuleKind.ReservedPrefixes:
                foreach (string prefix in rule.Texts)
                {
                    if (prefix.Length > 0 && text.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            case ContractRuleKind.UuidFormat:
                return !ContractText.IsUuid(text);
            case ContractRuleKind.EnumValues:
                foreach (string allowed in rule.Texts)
                {
                    if (string.Equals(allowed, text, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            case ContractRuleKind.Pattern:
                if (index.GetRegex(rule.Text) is not { } regex)
                {
                    return false;
                }

                try
                {
                    return !regex.IsMatch(text);
                }
                catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    return true;
                }

            default:
                return true;
        }
    }

    private void OnAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.IsRef)
        {
            return;
        }

        if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer)
        {
            if (ResolveCollection(indexer.Instance) is { } collection)
            {
                IOperation? key = indexer.Arguments.Length == 1 ? indexer.Arguments[0].Value : null;
                Check(collection, ElementName(collection, key), assignment.Value, element: true, lowerBound: false);
            }

            return;
        }

        if (MemberOf(assignment.Target) is { } member)
        {
            Check(member, ContractAttributes.DisplayName(member), assignment.Value, element: false, lowerBound: false);
        }
    }

    private void OnCompoundAssignment(ICompoundAssignmentOperation compound)
    {
        // Only the appended part of s += c is known, so it is a lower bound on the length and says nothing else.
        if (compound.OperatorKind != BinaryOperatorKind.Add || compound.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        if (compound.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer)
        {
            if (ResolveCollection(indexer.Instance) is { } collection)
            {
                IOperation? key = indexer.Arguments.Length == 1 ? indexer.Arguments[0].Value : null;
                Check(collection, ElementName(collection, key), compound.Value, element: true, lowerBound: true);
            }
        }
        else if (MemberOf(compound.Target) is { } member)
        {
            Check(member, ContractAttributes.DisplayName(member), compound.Value, element: false, lowerBound: true);
        }
    }

    private void OnArgument(IArgumentOperation argument)
    {
        // A default value is checked where the parameter declares it, and a params array is not a single value.
        if (argument is { ArgumentKind: ArgumentKind.Explicit, Parameter: { RefKind: RefKind.None or RefKind.In } parameter })
        {
            Check(parameter, parameter.Name, argument.Value, element: false, lowerBound: false);
        }
    }

    private void OnInvocation(IInvocationOperation invocation)
    {
        // Add(value) and Add(key, value) on a collection member, explicit or from a collection initializer.
        if (invocation.TargetMethod is not { IsStatic: false, Name: "Add" or "TryAdd" } method
            || method.Parameters.Length is not (1 or 2)
            || ResolveCollection(invocation.Instance) is not { } collection)
        {
            return;
        }

        IOperation? key = null;
        IArgumentOperation? value = null;
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                return;
            }

            if (parameter.Ordinal == method.Parameters.Length - 1)
            {
                value = argument;
            }
            else
            {
                key = argument.Value;
            }
        }

        if (value is { ArgumentKind: ArgumentKind.Explicit })
        {
            Check(collection, ElementName(collection, key), value.Value, element: true, lowerBound: false);
        }
    }

    private void Check(ISymbol member, string name, IOperation? value, bool element, bool lowerBound)
    {
        ImmutableArray<ContractRule> rules = attributes.GetRules(member);
        if (rules.IsEmpty || value is null || IsCollection(TypeOf(member)) != element)
        {
            return;
        }

        if (index.Values.Resolve(value) is { } candidates)
        {
            sites.Add(new ContractSite(name, value.Syntax, candidates, lowerBound, rules));
        }
    }

    /// <summary>The dictionary or collection member that an <c>Add</c> call or an indexer writes into.</summary>
    private static ISymbol? ResolveCollection(IOperation? instance)
    {
        if (instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } receiver)
        {
            return MemberOf(instance);
        }

        // In a collection or indexer initializer: find the initializer, then what it initializes.
        IOperation? current = receiver.Parent;
        while (current is not null and not IObjectOrCollectionInitializerOperation)
        {
            current = current.Parent;
        }

        return current?.Parent switch
        {
            IMemberInitializerOperation member => MemberOf(member.InitializedMember),
            IObjectCreationOperation or ITypeParameterObjectCreationOperation => Destination(current.Parent),
            _ => null,
        };
    }

    /// <summary>Where a newly created collection goes: the member it is assigned to or the parameter it is passed to.</summary>
    private static ISymbol? Destination(IOperation creation)
    {
        IOperation current = creation;
        while (current.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }

        return current.Parent switch
        {
            ISimpleAssignmentOperation assignment when assignment.Value == current => MemberOf(assignment.Target),
            IArgumentOperation argument => argument.Parameter,
            IPropertyInitializerOperation property when property.InitializedProperties.Length == 1 => property.InitializedProperties[0],
            IFieldInitializerOperation field when field.InitializedFields.Length == 1 => field.InitializedFields[0],
            _ => null,
        };
    }

    private static ISymbol? MemberOf(IOperation? target) => target switch
    {
        IPropertyReferenceOperation { Property: { IsIndexer: false } property } => property,
        IFieldReferenceOperation field => field.Field,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    private static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    /// <summary>A string is one value; arrays, lists and dictionaries hold values, and the rules apply to those.</summary>
    private static bool IsCollection(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (type is IArrayTypeSymbol || type.SpecialType == SpecialType.System_Collections_IEnumerable)
        {
            return true;
        }

        foreach (INamedTypeSymbol face in type.AllInterfaces)
        {
            if (face.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }
        }

        return false;
    }

    private static string ElementName(ISymbol collection, IOperation? key)
    {
        string name = ContractAttributes.DisplayName(collection);
        return key?.ConstantValue is { HasValue: true, Value: string text }
            ? string.Concat(name, "[", ContractText.Quote(text), "]")
            : string.Concat("a value in ", name);
    }

    /// <summary>Formats an integer for a message or a diagnostic property.</summary>
    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
