using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace EvsContracts.Generator.Analyzers;

/// <summary>The values an expression can have, as far as the analyzers can know them.</summary>
internal sealed class Candidates
{
    public Candidates(ImmutableArray<object?> values, ILocalSymbol? local, bool isLiteral)
    {
        Values = values;
        Local = local;
        IsLiteral = isLiteral;
    }

    /// <summary>The values, in source order; <see langword="null"/> entries stand for the null constant.</summary>
    public ImmutableArray<object?> Values { get; }

    /// <summary>The local the values were read from, or <see langword="null"/> for a constant expression.</summary>
    public ILocalSymbol? Local { get; }

    /// <summary>The expression is one string literal, which a code fix can rewrite.</summary>
    public bool IsLiteral { get; }
}

/// <summary>
/// Finds the constant values of an expression: what the compiler folds (literals, const fields and locals,
/// concatenation, constant interpolated strings, <c>nameof</c>), and the values of a local that is only ever
/// assigned constants.
/// </summary>
/// <remarks>
/// A local is tracked without flow analysis, on purpose, so the rule is easy to predict: every value it is given
/// anywhere in its method (its initializer and each <c>=</c>) is a value it may have at every use, and a <c>+=</c>
/// extends the value of the assignment before it in the source, which it replaces. Any other kind of write (a
/// non-constant value, <c>ref</c> or <c>out</c>, <c>++</c>, deconstruction, a <c>ref</c> alias) makes the local
/// unknown.
/// </remarks>
internal sealed class ConstantValues
{
    private const int MaxWrites = 64;

    private readonly ConcurrentDictionary<ILocalSymbol, LocalValues> locals = new(SymbolEqualityComparer.Default);

    public Candidates? Resolve(IOperation? operation)
    {
        operation = Unwrap(operation);
        if (operation is null)
        {
            return null;
        }

        Optional<object?> constant = operation.ConstantValue;
        if (constant.HasValue)
        {
            return new Candidates(ImmutableArray.Create(constant.Value), null, IsStringLiteral(operation.Syntax));
        }

        if (operation is ILocalReferenceOperation { Local: { } local } reference && !local.IsRef)
        {
            LocalValues values = locals.GetOrAdd(local, l => LocalValues.Compute(l, reference));
            return values.Known ? new Candidates(values.Values, local, isLiteral: false) : null;
        }

        return null;
    }

    /// <summary>
    /// Looks through conversions the compiler adds that lose the constant (to a nullable type, for one), so that
    /// <c>int? Size = 5</c> is still seen as 5. A user-defined conversion runs code, so its result is unknown.
    /// </summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion && !conversion.ConstantValue.HasValue && !conversion.Conversion.IsUserDefined)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    public static bool TryGetNumber(object? value, out double number)
    {
        switch (value)
        {
            case int v: number = v; return true;
            case long v: number = v; return true;
            case double v: number = v; return true;
            case float v: number = v; return true;
            case decimal v: number = (double)v; return true;
            case short v: number = v; return true;
            case byte v: number = v; return true;
            case sbyte v: number = v; return true;
            case ushort v: number = v; return true;
            case uint v: number = v; return true;
            case ulong v: number = v; return true;
            default: number = 0; return false;
        }
    }

    private static bool IsStringLiteral(SyntaxNode? syntax)
    {
        while (syntax is ParenthesizedExpressionSyntax parenthesized)
        {
            syntax = parenthesized.Expression;
        }

        return syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression);
    }

    private sealed class LocalValues
    {
        private static readonly LocalValues Unknown = new(known: false, ImmutableArray<object?>.Empty);

        private LocalValues(bool known, ImmutableArray<object?> values)
        {
            Known = known;
            Values = values;
        }

        public bool Known { get; }

        public ImmutableArray<object?> Values { get; }

        public static LocalValues Compute(ILocalSymbol local, IOperation use)
        {
            if (!IsPlainDeclaration(local))
            {
                return Unknown;
            }

            IOperation root = use;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            bool declared = false;
            var writes = new List<(int Position, IOperation Value, bool Append)>();
            foreach (IOperation operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        declared = true;
                        if (declarator.Initializer?.Value is { } initial)
                        {
                            writes.Add((declarator.Syntax.SpanStart, initial, false));
                        }

                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                        if (!TryClassify(reference, out IOperation? value, out bool append))
                        {
                            return Unknown;
                        }

                        if (value is not null)
                        {
                            writes.Add((reference.Syntax.SpanStart, value, append));
                        }

                        break;
                }

                if (writes.Count > MaxWrites)
                {
                    return Unknown;
                }
            }

            if (!declared || writes.Count == 0)
            {
                return Unknown;
            }

            writes.Sort((a, b) => a.Position.CompareTo(b.Position));
            ImmutableArray<object?>.Builder values = ImmutableArray.CreateBuilder<object?>(writes.Count);
            bool hasPrevious = false;
            object? previous = null;
            foreach (var (_, operation, append) in writes)
            {
                Optional<object?> constant = Unwrap(operation)?.ConstantValue ?? default;
                if (!constant.HasValue)
                {
                    return Unknown;
                }

                object? value = constant.Value;
                if (append)
                {
                    // s += c folds with the value the assignment before it gave; without one there is nothing to fold.
                    if (!hasPrevious || previous is not (string or null) || value is not (string or char or null))
                    {
                        return Unknown;
                    }

                    value = string.Concat((string?)previous, value is char c ? c.ToString() : (string?)value);

                    // The value before the += is only a step on the way; the result takes its place.
                    values[values.Count - 1] = value;
                }
                else
                {
                    values.Add(value);
                }

                previous = value;
                hasPrevious = true;
            }

            return new LocalValues(known: true, values.ToImmutable());
        }

        /// <summary>A local from a plain declaration statement (not a pattern, <c>out var</c>, <c>foreach</c> or <c>catch</c> variable).</summary>
        private static bool IsPlainDeclaration(ILocalSymbol local)
        {
            if (local.IsRef || local.IsConst || local.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            return local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax
            {
                Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax or ForStatementSyntax or UsingStatementSyntax },
            };
        }

        /// <summary>
        /// Tells a read (no value) from a write the tracker understands (its value), and fails on any other write.
        /// </summary>
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
                case IIncrementOrDecrementOperation:
                case IDeconstructionAssignmentOperation:
                    return false;
                case IArgumentOperation argument:
                    return argument.Parameter?.RefKind is null or RefKind.None or RefKind.In;
                case ITupleOperation tuple:
                    return !IsDeconstructionTarget(tuple);
                default:
                    return true;
            }
        }

        private static bool IsDeconstructionTarget(ITupleOperation tuple)
        {
            IOperation current = tuple;
            while (current.Parent is ITupleOperation outer)
            {
                current = outer;
            }

            return current.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current
                || current.Parent is IForEachLoopOperation;
        }
    }
}
