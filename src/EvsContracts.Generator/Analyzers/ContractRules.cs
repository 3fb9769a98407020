using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using EvsContracts.Generator.Reader.OpenApi;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Analyzers;

/// <summary>The kinds of rule a constraint attribute expresses.</summary>
internal enum ContractRuleKind
{
    MaxUtf8Bytes,
    ReservedPrefixes,
    MinCodePoints,
    MaxCodePoints,
    UuidFormat,
    Pattern,
    EnumValues,
    Minimum,
    Maximum,
    MinItems,
    MaxItems,
}

/// <summary>One rule read from one attribute: its kind and the attribute's argument.</summary>
internal sealed class ContractRule
{
    public ContractRule(ContractRuleKind kind, int limit = 0, double number = 0, ImmutableArray<string> texts = default, Regex? regex = null)
    {
        Kind = kind;
        Limit = limit;
        Number = number;
        Texts = texts.IsDefault ? ImmutableArray<string>.Empty : texts;
        Regex = regex;
    }

    public ContractRuleKind Kind { get; }

    /// <summary>The byte, code point or item count of a length or count rule.</summary>
    public int Limit { get; }

    /// <summary>The bound of a minimum or maximum rule.</summary>
    public double Number { get; }

    /// <summary>The prefixes of a reserved-prefix rule, the values of an enum rule, the pattern of a pattern rule.</summary>
    public ImmutableArray<string> Texts { get; }

    /// <summary>The pattern as the generated check reads it; <see langword="null"/> when it does not compile (it checks nothing).</summary>
    public Regex? Regex { get; }

    /// <summary>Whether the rule counts the items of a collection rather than judging its values.</summary>
    public bool CountsItems => Kind is ContractRuleKind.MinItems or ContractRuleKind.MaxItems;
}

/// <summary>
/// The constraint attributes as one compilation sees them, and the rules they put on properties, fields and
/// parameters, read once per symbol.
/// </summary>
/// <remarks>
/// The attributes are matched by metadata name, not by assembly: the runtime library's, a hand-written copy in the
/// user's code, or another build of the runtime all count.
/// </remarks>
internal sealed class ContractRules
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly (string Name, ContractRuleKind Kind)[] Known =
    {
        ("MaxUtf8BytesAttribute", ContractRuleKind.MaxUtf8Bytes),
        ("ReservedPrefixesAttribute", ContractRuleKind.ReservedPrefixes),
        ("MinCodePointsAttribute", ContractRuleKind.MinCodePoints),
        ("MaxCodePointsAttribute", ContractRuleKind.MaxCodePoints),
        ("UuidFormatAttribute", ContractRuleKind.UuidFormat),
        ("PatternAttribute", ContractRuleKind.Pattern),
        ("EnumValuesAttribute", ContractRuleKind.EnumValues),
        ("MinimumAttribute", ContractRuleKind.Minimum),
        ("MaximumAttribute", ContractRuleKind.Maximum),
        ("MinItemsAttribute", ContractRuleKind.MinItems),
        ("MaxItemsAttribute", ContractRuleKind.MaxItems),
    };

    private readonly Dictionary<INamedTypeSymbol, ContractRuleKind> _kinds;
    private readonly HashSet<IAssemblySymbol> _carriers;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<ContractRule>> _rules = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, Regex?> _regexes = new(StringComparer.Ordinal);

    private ContractRules(Dictionary<INamedTypeSymbol, ContractRuleKind> kinds, HashSet<IAssemblySymbol> carriers)
    {
        _kinds = kinds;
        _carriers = carriers;
    }

    /// <summary>The rules of a compilation, or <see langword="null"/> when it knows none of the attributes.</summary>
    public static ContractRules? Create(Compilation compilation)
    {
        var kinds = new Dictionary<INamedTypeSymbol, ContractRuleKind>(SymbolEqualityComparer.Default);
        foreach (var (name, kind) in Known)
        {
            foreach (INamedTypeSymbol type in compilation.GetTypesByMetadataName("EvsContracts." + name))
            {
                kinds[type] = kind;
            }
        }

        if (kinds.Count == 0)
        {
            return null;
        }

        // Only the assemblies that declare the attributes, reference one that does, or are being compiled can apply
        // them: the members of every other assembly (the framework's, for one) are skipped without reading attributes.
        var declaring = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        foreach (INamedTypeSymbol type in kinds.Keys)
        {
            declaring.Add(type.ContainingAssembly);
        }

        var carriers = new HashSet<IAssemblySymbol>(declaring, SymbolEqualityComparer.Default) { compilation.Assembly };
        foreach (IAssemblySymbol referenced in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            foreach (IModuleSymbol module in referenced.Modules)
            {
                if (module.ReferencedAssemblySymbols.Any(declaring.Contains))
                {
                    carriers.Add(referenced);
                }
            }
        }

        return new ContractRules(kinds, carriers);
    }

    /// <summary>
    /// The rules on a property, field or parameter. A member without attributes of its own takes those of the member
    /// it overrides or implements, so a call through a class that implements an annotated interface is checked too.
    /// </summary>
    public ImmutableArray<ContractRule> For(ISymbol symbol) =>
        symbol is IPropertySymbol or IFieldSymbol or IParameterSymbol && _carriers.Contains(symbol.ContainingAssembly)
            ? _rules.GetOrAdd(symbol.OriginalDefinition, ComputeRules)
            : ImmutableArray<ContractRule>.Empty;

    private ImmutableArray<ContractRule> ComputeRules(ISymbol symbol)
    {
        ImmutableArray<ContractRule> own = ReadRules(symbol);
        if (!own.IsEmpty)
        {
            return own;
        }

        foreach (ISymbol related in RelatedMembers(symbol))
        {
            ImmutableArray<ContractRule> inherited = ReadRules(related);
            if (!inherited.IsEmpty)
            {
                return inherited;
            }
        }

        return ImmutableArray<ContractRule>.Empty;
    }

    private ImmutableArray<ContractRule> ReadRules(ISymbol symbol)
    {
        ImmutableArray<ContractRule>.Builder? rules = null;
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && _kinds.TryGetValue(type, out ContractRuleKind kind)
                && ReadRule(kind, attribute.ConstructorArguments) is { } rule)
            {
                (rules ??= ImmutableArray.CreateBuilder<ContractRule>()).Add(rule);
            }
        }

        return rules?.ToImmutable() ?? ImmutableArray<ContractRule>.Empty;
    }

    private ContractRule? ReadRule(ContractRuleKind kind, ImmutableArray<TypedConstant> arguments)
    {
        // An attribute with errors in its arguments has none here; such an attribute states no rule.
        TypedConstant first = arguments.IsDefaultOrEmpty ? default : arguments[0];
        object? value = first.Kind == TypedConstantKind.Primitive ? first.Value : null;
        switch (kind)
        {
            case ContractRuleKind.UuidFormat:
                return new ContractRule(kind);
            case ContractRuleKind.Minimum or ContractRuleKind.Maximum:
                return ContractViolations.TryGetNumber(value, out double bound) && !double.IsNaN(bound) ? new ContractRule(kind, number: bound) : null;
            case ContractRuleKind.Pattern:
                return value is string pattern ? new ContractRule(kind, texts: ImmutableArray.Create(pattern), regex: _regexes.GetOrAdd(pattern, Compile)) : null;
            case ContractRuleKind.ReservedPrefixes or ContractRuleKind.EnumValues:
                if (first.Kind != TypedConstantKind.Array || first.Values.IsDefault)
                {
                    return null;
                }

                // A null entry states nothing.
                ImmutableArray<string>.Builder texts = ImmutableArray.CreateBuilder<string>(first.Values.Length);
                foreach (TypedConstant entry in first.Values)
                {
                    if (entry.Value is string text)
                    {
                        texts.Add(text);
                    }
                }

                return new ContractRule(kind, texts: texts.ToImmutable());
            default:
                return value is int limit && limit >= 0 ? new ContractRule(kind, limit: limit) : null;
        }
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(EcmaPattern.ToDotNet(pattern), RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static IEnumerable<ISymbol> RelatedMembers(ISymbol symbol)
    {
        switch (symbol)
        {
            case IPropertySymbol property:
                for (IPropertySymbol? p = property.OverriddenProperty; p is not null; p = p.OverriddenProperty)
                {
                    yield return p;
                }

                foreach (ISymbol implemented in ImplementedInterfaceMembers(property, property.ExplicitInterfaceImplementations))
                {
                    yield return implemented;
                }

                break;
            case IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter:
                for (IMethodSymbol? m = method.OverriddenMethod; m is not null; m = m.OverriddenMethod)
                {
                    if (parameter.Ordinal < m.Parameters.Length)
                    {
                        yield return m.Parameters[parameter.Ordinal];
                    }
                }

                foreach (ISymbol implemented in ImplementedInterfaceMembers(method, method.ExplicitInterfaceImplementations))
                {
                    if (implemented is IMethodSymbol im && parameter.Ordinal < im.Parameters.Length)
                    {
                        yield return im.Parameters[parameter.Ordinal];
                    }
                }

                break;
        }
    }

    private static IEnumerable<ISymbol> ImplementedInterfaceMembers<TMember>(ISymbol member, ImmutableArray<TMember> explicitly)
        where TMember : ISymbol
    {
        foreach (TMember implemented in explicitly)
        {
            yield return implemented;
        }

        foreach (INamedTypeSymbol face in member.ContainingType?.AllInterfaces ?? ImmutableArray<INamedTypeSymbol>.Empty)
        {
            foreach (ISymbol candidate in face.GetMembers(member.Name))
            {
                ISymbol? implementation = member.ContainingType!.FindImplementationForInterfaceMember(candidate);
                if (SymbolEqualityComparer.Default.Equals(implementation?.OriginalDefinition, member.OriginalDefinition))
                {
                    yield return candidate;
                }
            }
        }
    }
}
