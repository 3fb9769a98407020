using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace EvsContracts.Generator.Analyzers;

/// <summary>The values of locals that are only ever given constants, found once per local and compilation.</summary>
/// <remarks>
/// A local is tracked without flow analysis, on purpose, so the rule is easy to predict: every value it is given
/// anywhere in its method (its initializer and each <c>=</c>) is a value it may have at every use, and a <c>+=</c>
/// extends the value of the assignment before it in the source, which it replaces. Any other kind of write (a
/// non-constant value, <c>ref</c> or <c>out</c>, <c>++</c>, deconstruction, a <c>ref</c> alias) makes the local
/// unknown.
/// </remarks>
internal sealed class LocalConstants
{
    private const int MaxWrites = 64;

    private readonly ConcurrentDictionary<ILocalSymbol, ImmutableArray<object?>> _values = new(SymbolEqualityComparer.Default);

    /// <summary>The values the local may hold at <paramref name="use"/>, in source order; empty when they are not all known.</summary>
    public ImmutableArray<object?> Get(ILocalReferenceOperation use) => _values.GetOrAdd(use.Local, _ => Compute(use));

    private static ImmutableArray<object?> Compute(ILocalReferenceOperation use)
    {
        ILocalSymbol local = use.Local;
        if (!IsPlainDeclaration(local))
        {
            return ImmutableArray<object?>.Empty;
        }

        // The whole body the local lives in, lambdas and local functions included.
        IOperation root = use;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        bool declared = false;
        var writes = new List<(int Position, IOperation Value, bool Append)>();
        foreach (IOperation operation in root.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                declared = true;
                if (declarator.Initializer?.Value is { } initial)
                {
                    writes.Add((declarator.Syntax.SpanStart, initial, false));
                }
            }
            else if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                if (!TryClassify(reference, out IOperation? value, out bool append))
                {
                    return ImmutableArray<object?>.Empty;
                }

                if (value is not null)
                {
                    writes.Add((reference.Syntax.SpanStart, value, append));
                }
            }

            if (writes.Count > MaxWrites)
            {
                return ImmutableArray<object?>.Empty;
            }
        }

        if (!declared || writes.Count == 0)
        {
            return ImmutableArray<object?>.Empty;
        }

        writes.Sort((a, b) => a.Position.CompareTo(b.Position));
        ImmutableArray<object?>.Builder values = ImmutableArray.CreateBuilder<object?>(writes.Count);
        foreach (var (_, operation, append) in writes)
        {
            Optional<object?> constant = ContractConstantAnalyzer.Unwrap(operation).ConstantValue;
            if (!constant.HasValue)
            {
                return ImmutableArray<object?>.Empty;
            }

            if (!append)
            {
                values.Add(constant.Value);
                continue;
            }

            // s += c folds with the value the assignment before it gave, which the result replaces.
            if (values.Count == 0 || values[values.Count - 1] is not (string or null) || constant.Value is not (string or char or null))
            {
                return ImmutableArray<object?>.Empty;
            }

            values[values.Count - 1] = (string?)values[values.Count - 1] + constant.Value;
        }

        return values.ToImmutable();
    }

    /// <summary>A local from a plain declaration statement (not a pattern, <c>out var</c>, <c>foreach</c> or <c>catch</c> variable).</summary>
    private static bool IsPlainDeclaration(ILocalSymbol local) =>
        !local.IsRef && !local.IsConst && local.DeclaringSyntaxReferences.Length == 1
        && local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax
        {
            Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax or ForStatementSyntax or UsingStatementSyntax },
        };

    /// <summary>Tells a read (no value) from a write the rule understands (its value), and fails on any other write.</summary>
    private static bool TryClassify(ILocalReferenceOperation reference, out IOperation? value, out bool append)
    {
        value = null;
        append = false;
        if (reference.IsDeclaration || reference.Syntax.Parent is RefExpressionSyntax
            || reference.Syntax.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.AddressOfExpression }
            || reference.Syntax.Parent is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword })
        {
            return false;
        }

        switch (reference.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                value = assignment.Value;
                return !assignment.IsRef;
            case ICompoundAssignmentOperation compound when compound.Target == reference:
                value = compound.Value;
                append = true;
                return compound.OperatorKind == BinaryOperatorKind.Add && compound.Type?.SpecialType == SpecialType.System_String;
            case IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation:
                return false;
            case IArgumentOperation argument:
                return argument.Parameter?.RefKind is null or RefKind.None or RefKind.In;
            case ITupleOperation tuple:
                // A tuple that is written to: the left of a deconstruction, or a foreach's variables.
                IOperation outer = tuple;
                while (outer.Parent is ITupleOperation parent)
                {
                    outer = parent;
                }

                return !(outer.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == outer || outer.Parent is IForEachLoopOperation);
            default:
                return true;
        }
    }
}
