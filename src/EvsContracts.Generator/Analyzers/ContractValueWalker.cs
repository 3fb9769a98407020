using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EvsContracts.Generator.Analyzers;

/// <summary>Checks one value against one rule; returns <see langword="true"/> when it reported a diagnostic.</summary>
internal delegate bool ValueCheck(ValueSite site, ContractRule rule, object value);

/// <summary>
/// The part the four analyzers share: finds every place a value flows into a member or parameter that carries
/// constraint attributes, works out its constant values, and hands each (value, rule) pair to the analyzer.
/// </summary>
/// <remarks>
/// The places: simple assignments (also in object and <c>with</c> initializers), <c>+=</c> on strings, arguments
/// of methods and constructors, property, field and parameter initializers, and, for a dictionary or collection
/// member, the values added through <c>Add</c>, collection initializers and indexer initializers.
/// </remarks>
internal sealed class ContractValueWalker
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private readonly ContractAttributes attributes;
    private readonly ValueCheck check;
    private readonly ConstantValues values = new();
    private readonly ConcurrentDictionary<string, Regex?> regexes = new(StringComparer.Ordinal);

    private ContractValueWalker(ContractAttributes attributes, ValueCheck check)
    {
        this.attributes = attributes;
        this.check = check;
    }

    /// <summary>Sets up an analyzer: resolves the attributes once per compilation, and does nothing without them.</summary>
    public static void Register(AnalysisContext context, Func<ContractRuleKind, bool> wanted, ValueCheck check) =>
        context.RegisterCompilationStartAction(start =>
        {
            ContractAttributes? attributes = ContractAttributes.Resolve(start.Compilation, wanted);
            if (attributes is null)
            {
                return;
            }

            var walker = new ContractValueWalker(attributes, check);
            start.RegisterOperationAction(walker.OnAssignment, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(walker.OnCompoundAssignment, OperationKind.CompoundAssignment);
            start.RegisterOperationAction(walker.OnArgument, OperationKind.Argument);
            start.RegisterOperationAction(walker.OnInitializer, OperationKind.PropertyInitializer, OperationKind.FieldInitializer, OperationKind.ParameterInitializer);
            start.RegisterOperationAction(walker.OnInvocation, OperationKind.Invocation);
        });

    /// <summary>The pattern's regular expression, or <see langword="null"/> when it does not compile (then it checks nothing).</summary>
    public Regex? GetRegex(string pattern) => regexes.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    private void OnAssignment(OperationAnalysisContext context)
    {
        if (context.Operation is not ISimpleAssignmentOperation { IsRef: false } assignment)
        {
            return;
        }

        if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer)
        {
            if (ResolveCollection(indexer.Instance) is { } collection)
            {
                IOperation? key = indexer.Arguments.Length == 1 ? indexer.Arguments[0].Value : null;
                Check(context, collection, ElementName(collection, key), assignment.Value, element: true, lowerBound: false);
            }

            return;
        }

        if (MemberOf(assignment.Target) is { } member)
        {
            Check(context, member, ContractAttributes.DisplayName(member), assignment.Value, element: false, lowerBound: false);
        }
    }

    private void OnCompoundAssignment(OperationAnalysisContext context)
    {
        // Only the appended part of s += c is known, so it is a lower bound on the length and says nothing else.
        if (context.Operation is not ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound
            || compound.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        if (compound.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer)
        {
            if (ResolveCollection(indexer.Instance) is { } collection)
            {
                IOperation? key = indexer.Arguments.Length == 1 ? indexer.Arguments[0].Value : null;
                Check(context, collection, ElementName(collection, key), compound.Value, element: true, lowerBound: true);
            }
        }
        else if (MemberOf(compound.Target) is { } member)
        {
            Check(context, member, ContractAttributes.DisplayName(member), compound.Value, element: false, lowerBound: true);
        }
    }

    private void OnArgument(OperationAnalysisContext context)
    {
        // A default value is checked where the parameter declares it, and a params array is not a single value.
        if (context.Operation is IArgumentOperation { ArgumentKind: ArgumentKind.Explicit, Parameter: { RefKind: RefKind.None or RefKind.In } parameter } argument)
        {
            Check(context, parameter, parameter.Name, argument.Value, element: false, lowerBound: false);
        }
    }

    private void OnInitializer(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            case IPropertyInitializerOperation property:
                foreach (IPropertySymbol member in property.InitializedProperties)
                {
                    Check(context, member, ContractAttributes.DisplayName(member), property.Value, element: false, lowerBound: false);
                }

                break;
            case IFieldInitializerOperation field:
                foreach (IFieldSymbol member in field.InitializedFields)
                {
                    Check(context, member, member.Name, field.Value, element: false, lowerBound: false);
                }

                break;
            case IParameterInitializerOperation parameter:
                Check(context, parameter.Parameter, parameter.Parameter.Name, parameter.Value, element: false, lowerBound: false);
                break;
        }
    }

    private void OnInvocation(OperationAnalysisContext context)
    {
        // Add(value) and Add(key, value) on a collection member, explicit or from a collection initializer.
        if (context.Operation is not IInvocationOperation { TargetMethod: { IsStatic: false, Name: "Add" or "TryAdd" } method } invocation
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
            Check(context, collection, ElementName(collection, key), value.Value, element: true, lowerBound: false);
        }
    }

    private void Check(OperationAnalysisContext context, ISymbol member, string name, IOperation? value, bool element, bool lowerBound)
    {
        ImmutableArray<ContractRule> rules = attributes.GetRules(member);
        if (rules.IsEmpty || value is null || IsCollection(TypeOf(member)) != element)
        {
            return;
        }

        if (values.Resolve(value) is not { } candidates)
        {
            return;
        }

        var site = new ValueSite(this, context, name, value, candidates, lowerBound);
        foreach (ContractRule rule in rules)
        {
            foreach (object? candidate in candidates.Values)
            {
                // null is an absent value: only "required" can object to it, and no attribute here says so.
                if (candidate is not null && check(site, rule, candidate))
                {
                    break;
                }
            }
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
