using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// EVS001–EVS004: a constant given to a property, field or parameter breaks a rule that its constraint attributes
/// state (a reserved prefix, a length, the UUID format, a pattern, enum, range or item count).
/// </summary>
/// <remarks>
/// <para>
/// Built as the .NET SDK builds CA2241: a compilation-start action resolves the attribute types once, and operation
/// actions look at each place a value flows into a member or parameter: simple and compound assignments (also in
/// object, <c>with</c> and collection initializers), arguments of methods, constructors, indexers and attributes,
/// property, field and parameter initializers, <c>Add</c> on a collection member, and the elements and item count
/// of a collection expression or array given to a collection member.
/// </para>
/// <para>
/// Constants are what the compiler folds (<see cref="IOperation.ConstantValue"/>), plus the values of a local only
/// ever given constants (<see cref="LocalConstants"/>). The analyzer is built against Roslyn 4.8, which has no
/// collection-expression operation: it shows one as an operation of kind <c>None</c>; later versions as
/// <c>CollectionExpression</c>. Both list the elements as child operations, so they are read by their syntax.
/// </para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractConstantAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ReservedPrefix, DiagnosticDescriptors.MaxLength, DiagnosticDescriptors.UuidFormat, DiagnosticDescriptors.Constraint);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Without the attributes nothing can carry a rule: the compilation costs nothing more.
            if (ContractRules.Create(start.Compilation) is not { } rules)
            {
                return;
            }

            var checks = new CompilationChecks(rules);
            start.RegisterOperationAction(checks.OnAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            start.RegisterOperationAction(checks.OnArgument, OperationKind.Argument);
            start.RegisterOperationAction(checks.OnInitializer, OperationKind.PropertyInitializer, OperationKind.FieldInitializer, OperationKind.ParameterInitializer);
            start.RegisterOperationAction(checks.OnInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(checks.OnFunction, OperationKind.LocalFunction, OperationKind.AnonymousFunction);
        });
    }

    /// <summary>
    /// Looks through conversions the compiler adds that lose the constant (to a nullable type, for one), so that
    /// <c>int? Size = 5</c> is still seen as 5. A user-defined conversion runs code, so its result is unknown.
    /// </summary>
    internal static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion && !conversion.ConstantValue.HasValue && !conversion.Conversion.IsUserDefined)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The state of one compilation: its rules and the values of its locals.</summary>
    private sealed class CompilationChecks
    {
        private readonly ContractRules _rules;
        private readonly LocalConstants _locals = new();

        public CompilationChecks(ContractRules rules) => _rules = rules;

        public void OnAssignment(OperationAnalysisContext context)
        {
            // Only the appended part of s += c is known: a lower bound on the length that says nothing else.
            var assignment = (IAssignmentOperation)context.Operation;
            bool append = assignment is ICompoundAssignmentOperation;
            if (assignment is ISimpleAssignmentOperation { IsRef: true }
                || assignment is ICompoundAssignmentOperation compound
                    && (compound.OperatorKind != BinaryOperatorKind.Add || compound.Type?.SpecialType != SpecialType.System_String))
            {
                return;
            }

            if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer)
            {
                IOperation? key = indexer.Arguments.Length == 1 ? indexer.Arguments[0].Value : null;
                CheckElement(context, ResolveCollection(indexer.Instance), key, assignment.Value, append);
            }
            else if (MemberOf(assignment.Target) is { } member)
            {
                Check(context, member, assignment.Value, append);
            }
        }

        public void OnArgument(OperationAnalysisContext context)
        {
            // A default value is checked where the parameter declares it, and a params array is not a single value.
            if (context.Operation is IArgumentOperation { ArgumentKind: ArgumentKind.Explicit, Parameter: { RefKind: RefKind.None or RefKind.In } parameter } argument)
            {
                Check(context, parameter, argument.Value, lowerBound: false);
            }
        }

        public void OnInitializer(OperationAnalysisContext context)
        {
            switch (context.Operation)
            {
                case IPropertyInitializerOperation property:
                    foreach (IPropertySymbol member in property.InitializedProperties)
                    {
                        Check(context, member, property.Value, lowerBound: false);
                    }

                    break;
                case IFieldInitializerOperation field:
                    foreach (IFieldSymbol member in field.InitializedFields)
                    {
                        Check(context, member, field.Value, lowerBound: false);
                    }

                    break;
                case IParameterInitializerOperation parameter:
                    Check(context, parameter.Parameter, parameter.Value, lowerBound: false);
                    break;
            }
        }

        /// <summary>
        /// The default values of a local function's or lambda's parameters, which no operation block holds (a method's
        /// are its own blocks, seen by <see cref="OnInitializer"/>).
        /// </summary>
        public void OnFunction(OperationAnalysisContext context)
        {
            // Read from the syntax first: almost no lambda or local function has a default value, and asking a
            // parameter for one binds it.
            if (!HasDefaultValue(context.Operation.Syntax))
            {
                return;
            }

            IMethodSymbol? function = context.Operation switch
            {
                ILocalFunctionOperation local => local.Symbol,
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                _ => null,
            };
            foreach (IParameterSymbol parameter in function?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty)
            {
                if (parameter.HasExplicitDefaultValue && !_rules.For(parameter).IsEmpty
                    && parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is ParameterSyntax { Default: { } value }
                    && context.Operation.SemanticModel?.GetOperation(value, context.CancellationToken) is IParameterInitializerOperation initializer)
                {
                    Check(context, parameter, initializer.Value, lowerBound: false);
                }
            }
        }

        private static bool HasDefaultValue(SyntaxNode function)
        {
            ParameterListSyntax? parameters = function switch
            {
                LocalFunctionStatementSyntax local => local.ParameterList,
                ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
                AnonymousMethodExpressionSyntax method => method.ParameterList,
                _ => null,
            };
            if (parameters is null)
            {
                return false;
            }

            foreach (ParameterSyntax parameter in parameters.Parameters)
            {
                if (parameter.Default is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>Add(value)</c> and <c>Add(key, value)</c> on a collection member, explicit or from a collection initializer.</summary>
        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod is not { IsStatic: false, Name: "Add" or "TryAdd", Parameters.Length: 1 or 2 } method
                || invocation.Arguments.Length != method.Parameters.Length)
            {
                return;
            }

            // The value is the last parameter; Add(key, value) names the element by its key.
            IArgumentOperation? value = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == method.Parameters.Length - 1);
            IOperation? key = method.Parameters.Length == 2 ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value : null;
            if (value is { ArgumentKind: ArgumentKind.Explicit })
            {
                CheckElement(context, ResolveCollection(invocation.Instance), key, value.Value, lowerBound: false);
            }
        }

        /// <summary>A value for the member itself: one value, or for a collection member a literal's items.</summary>
        private void Check(OperationAnalysisContext context, ISymbol member, IOperation value, bool lowerBound)
        {
            ImmutableArray<ContractRule> rules = _rules.For(member);
            if (rules.IsEmpty || !InFilter(context, value))
            {
                return;
            }

            if (!IsCollection(member))
            {
                CheckValue(context, rules, DisplayName(member), value, lowerBound);
                return;
            }

            IOperation literal = Unwrap(value);
            IEnumerable<IOperation> items;
            if (literal.Syntax is CollectionExpressionSyntax)
            {
                items = literal.ChildOperations;
            }
            else if (literal is IArrayCreationOperation { Initializer: { } initializer })
            {
                items = initializer.ElementValues;
            }
            else
            {
                // Other values (a new collection with an initializer, say) are checked element by element as added.
                return;
            }

            int count = 0;
            bool exact = true;
            string itemName = "a value in " + DisplayName(member);
            foreach (IOperation item in items)
            {
                if (item.Syntax is SpreadElementSyntax)
                {
                    exact = false;
                    continue;
                }

                count++;
                CheckValue(context, rules, itemName, item, lowerBound: false);
            }

            if (exact)
            {
                var site = new ValueSite(DisplayName(member), value.Syntax, null, IsLowerBound: false);
                foreach (ContractRule rule in rules)
                {
                    if (rule.CountsItems && ContractViolations.CheckCount(rule, count, site) is { } diagnostic)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }
        }

        /// <summary>A value put into a collection member: by an indexer, <c>Add</c>, or an initializer's element.</summary>
        private void CheckElement(OperationAnalysisContext context, ISymbol? collection, IOperation? key, IOperation value, bool lowerBound)
        {
            // The rules first: a cached lookup that finds none for nearly every collection, where IsCollection walks interfaces.
            if (collection is null || _rules.For(collection) is not { IsEmpty: false } rules || !InFilter(context, value) || !IsCollection(collection))
            {
                return;
            }

            string name = DisplayName(collection);
            name = key?.ConstantValue is { HasValue: true, Value: string text } ? $"{name}[{ContractText.Quote(text)}]" : "a value in " + name;
            CheckValue(context, rules, name, value, lowerBound);
        }

        /// <summary>Reports, for each rule, the first of the value's possible constants that breaks it.</summary>
        private void CheckValue(OperationAnalysisContext context, ImmutableArray<ContractRule> rules, string name, IOperation value, bool lowerBound)
        {
            IOperation operation = Unwrap(value);
            ImmutableArray<object?> candidates;
            ILocalSymbol? local = null;
            if (operation.ConstantValue.HasValue)
            {
                candidates = ImmutableArray.Create(operation.ConstantValue.Value);
            }
            else if (operation is ILocalReferenceOperation reference)
            {
                candidates = _locals.Get(reference);
                local = reference.Local;
            }
            else
            {
                return;
            }

            var site = new ValueSite(name, value.Syntax, local, lowerBound);
            foreach (ContractRule rule in rules)
            {
                foreach (object? candidate in candidates)
                {
                    // null is an absent value: only "required" can object to it, and no attribute here says so.
                    if (candidate is not null && !rule.CountsItems && ContractViolations.Check(rule, candidate, site) is { } diagnostic)
                    {
                        context.ReportDiagnostic(diagnostic);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>An IDE that asks about a few lines (a filter span) gets only what is reported there.</summary>
    private static bool InFilter(OperationAnalysisContext context, IOperation value) =>
        context.FilterSpan is not { } span || span.IntersectsWith(value.Syntax.Span);

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

        switch (current?.Parent)
        {
            case IMemberInitializerOperation member:
                return MemberOf(member.InitializedMember);
            case IObjectCreationOperation or ITypeParameterObjectCreationOperation:
                // A new collection: where it goes, the member it is assigned to or the parameter it is passed to.
                IOperation creation = current.Parent;
                while (creation.Parent is IConversionOperation conversion)
                {
                    creation = conversion;
                }

                return creation.Parent switch
                {
                    ISimpleAssignmentOperation assignment when assignment.Value == creation => MemberOf(assignment.Target),
                    IArgumentOperation argument => argument.Parameter,
                    IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => property.InitializedProperties[0],
                    IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0],
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static ISymbol? MemberOf(IOperation? target) => target switch
    {
        IPropertyReferenceOperation { Property: { IsIndexer: false } property } => property,
        IFieldReferenceOperation field => field.Field,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>A string is one value; arrays, lists and dictionaries hold values, and the rules apply to those.</summary>
    private static bool IsCollection(ISymbol member)
    {
        ITypeSymbol? type = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        return type is not null && type.SpecialType != SpecialType.System_String
            && (type is IArrayTypeSymbol || type.SpecialType == SpecialType.System_Collections_IEnumerable
                || type.AllInterfaces.Any(face => face.SpecialType == SpecialType.System_Collections_IEnumerable));
    }

    /// <summary>For messages: the member's name as written in C#; an explicit implementation's metadata name carries the interface.</summary>
    private static string DisplayName(ISymbol symbol) =>
        symbol is IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 } property ? property.ExplicitInterfaceImplementations[0].Name : symbol.Name;
}
