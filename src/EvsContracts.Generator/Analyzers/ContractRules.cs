using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using EvsContracts.Generator.Reader.OpenApi;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Analyzers;

/// <summary>The kinds of rule a constraint attribute expresses, named as the attributes are (without "Attribute").</summary>
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
    ExclusiveMinimum,
    ExclusiveMaximum,
    MultipleOf,
}

/// <summary>One rule read from one attribute: its kind and the attribute's argument.</summary>
/// <param name="Kind">The kind of rule.</param>
/// <param name="Limit">The byte, code point or item count of a length or count rule.</param>
/// <param name="Number">The bound of a minimum or maximum rule.</param>
/// <param name="Texts">The prefixes of a reserved-prefix rule, the values of an enum rule, the pattern of a pattern rule.</param>
/// <param name="Regex">The pattern as the generated check reads it; <see langword="null"/> when it does not compile (it checks nothing).</param>
internal sealed record ContractRule(ContractRuleKind Kind, int Limit, double Number, ImmutableArray<string> Texts, Regex? Regex)
{
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
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromSeconds(1);

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
        foreach (ContractRuleKind kind in (ContractRuleKind[])Enum.GetValues(typeof(ContractRuleKind)))
        {
            foreach (INamedTypeSymbol type in compilation.GetTypesByMetadataName($"EvsContracts.{kind}Attribute"))
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
        ImmutableArray<string> none = ImmutableArray<string>.Empty;
        switch (kind)
        {
            case ContractRuleKind.UuidFormat:
                return new ContractRule(kind, 0, 0, none, null);
            case ContractRuleKind.Minimum or ContractRuleKind.Maximum or ContractRuleKind.ExclusiveMinimum or ContractRuleKind.ExclusiveMaximum:
                return ContractViolations.TryGetNumber(value, out double bound) && !double.IsNaN(bound) ? new ContractRule(kind, 0, bound, none, null) : null;
            case ContractRuleKind.MultipleOf:
                return ContractViolations.TryGetNumber(value, out double factor) && factor > 0 ? new ContractRule(kind, 0, factor, none, null) : null;
            case ContractRuleKind.Pattern:
                return value is string pattern ? new ContractRule(kind, 0, 0, ImmutableArray.Create(pattern), _regexes.GetOrAdd(pattern, Compile)) : null;
            case ContractRuleKind.ReservedPrefixes or ContractRuleKind.EnumValues:
                // A null entry states nothing; integers (an integer enum) are kept as invariant text.
                return first.Kind == TypedConstantKind.Array && !first.Values.IsDefault
                    ? new ContractRule(kind, 0, 0, first.Values.Select(entry => entry.Value is long number ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : entry.Value as string).OfType<string>().ToImmutableArray(), null)
                    : null;
            default:
                return value is int limit && limit >= 0 ? new ContractRule(kind, limit, 0, none, null) : null;
        }
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(EcmaPattern.ToDotNet(pattern), RegexOptions.CultureInvariant, s_regexTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>What a member overrides or implements: a parameter's counterparts are at the same position.</summary>
    private static IEnumerable<ISymbol> RelatedMembers(ISymbol symbol) => symbol switch
    {
        IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter => Bases(method)
            .OfType<IMethodSymbol>()
            .Where(m => parameter.Ordinal < m.Parameters.Length)
            .Select(m => m.Parameters[parameter.Ordinal]),
        IPropertySymbol property => Bases(property),
        _ => Enumerable.Empty<ISymbol>(),
    };

    private static IEnumerable<ISymbol> Bases(ISymbol member)
    {
        for (ISymbol? overridden = Overridden(member); overridden is not null; overridden = Overridden(overridden))
        {
            yield return overridden;
        }

        // An explicit implementation's name carries the interface, so the search by name below cannot find it.
        foreach (ISymbol implemented in member switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations,
            IPropertySymbol property => property.ExplicitInterfaceImplementations,
            _ => Enumerable.Empty<ISymbol>(),
        })
        {
            yield return implemented;
        }

        INamedTypeSymbol type = member.ContainingType;
        foreach (INamedTypeSymbol face in type.AllInterfaces)
        {
            foreach (ISymbol candidate in face.GetMembers(member.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate)?.OriginalDefinition, member.OriginalDefinition))
                {
                    yield return candidate;
                }
            }
        }
    }

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        _ => null,
    };
}
