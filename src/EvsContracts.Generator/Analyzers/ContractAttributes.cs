using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// The constraint attributes of the runtime library as one compilation sees them, and the rules they put on members.
/// </summary>
/// <remarks>
/// The attributes are matched by metadata name, not by assembly: a hand-written copy in the user's own code or a
/// reference to another build of the runtime works the same. Several types with the same name (a project that
/// references the runtime and also declares its own) all count.
/// </remarks>
internal sealed class ContractAttributes
{
    private const string Namespace = "EvsContracts.";

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
    };

    private readonly Dictionary<INamedTypeSymbol, ContractRuleKind> kinds;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<ContractRule>> cache = new(SymbolEqualityComparer.Default);

    private ContractAttributes(Dictionary<INamedTypeSymbol, ContractRuleKind> kinds) => this.kinds = kinds;

    /// <summary>
    /// Resolves every kind of constraint attribute, or returns <see langword="null"/> when the compilation knows none
    /// of them (then nothing can carry a rule and the analyzers have nothing to do).
    /// </summary>
    public static ContractAttributes? Resolve(Compilation compilation)
    {
        var kinds = new Dictionary<INamedTypeSymbol, ContractRuleKind>(SymbolEqualityComparer.Default);
        foreach (var (name, kind) in Known)
        {
            foreach (INamedTypeSymbol type in compilation.GetTypesByMetadataName(Namespace + name))
            {
                kinds[type] = kind;
            }
        }

        return kinds.Count == 0 ? null : new ContractAttributes(kinds);
    }

    /// <summary>Whether the compilation knows an attribute of a kind the caller wants.</summary>
    public bool Knows(Func<ContractRuleKind, bool> wanted)
    {
        foreach (ContractRuleKind kind in kinds.Values)
        {
            if (wanted(kind))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The assemblies that declare the attributes: only they and the assemblies that reference them can use one.</summary>
    public IEnumerable<IAssemblySymbol> DeclaringAssemblies
    {
        get
        {
            foreach (INamedTypeSymbol type in kinds.Keys)
            {
                yield return type.ContainingAssembly;
            }
        }
    }

    /// <summary>Whether the symbol carries one of the attributes itself (whatever its arguments say).</summary>
    public bool HasOwnAttribute(ISymbol symbol)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && kinds.ContainsKey(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The rules on a property, field or parameter. A member without attributes of its own takes those of the member
    /// it overrides or implements, so a call through a class that implements an annotated interface is checked too.
    /// </summary>
    public ImmutableArray<ContractRule> GetRules(ISymbol? symbol)
    {
        if (symbol is not (IPropertySymbol or IFieldSymbol or IParameterSymbol))
        {
            return ImmutableArray<ContractRule>.Empty;
        }

        return cache.GetOrAdd(symbol.OriginalDefinition, ComputeRules);
    }

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
            if (attribute.AttributeClass is not { } type || !kinds.TryGetValue(type, out ContractRuleKind kind))
            {
                continue;
            }

            ContractRule? rule = ReadRule(kind, attribute.ConstructorArguments);
            if (rule is not null)
            {
                (rules ??= ImmutableArray.CreateBuilder<ContractRule>()).Add(rule);
            }
        }

        return rules?.ToImmutable() ?? ImmutableArray<ContractRule>.Empty;
    }

    private static ContractRule? ReadRule(ContractRuleKind kind, ImmutableArray<TypedConstant> arguments)
    {
        // An attribute with errors in its arguments has none here; such an attribute states no rule.
        TypedConstant first = arguments.IsDefaultOrEmpty ? default : arguments[0];
        switch (kind)
        {
            case ContractRuleKind.UuidFormat:
                return ContractRule.ForFlag(kind);
            case ContractRuleKind.MaxUtf8Bytes or ContractRuleKind.MinCodePoints or ContractRuleKind.MaxCodePoints:
                return first.Kind == TypedConstantKind.Primitive && first.Value is int limit && limit >= 0 ? ContractRule.ForLimit(kind, limit) : null;
            case ContractRuleKind.Minimum or ContractRuleKind.Maximum:
                return first.Kind == TypedConstantKind.Primitive && ConstantValues.TryGetNumber(first.Value, out double bound) && !double.IsNaN(bound)
                    ? ContractRule.ForNumber(kind, bound)
                    : null;
            case ContractRuleKind.Pattern:
                return first.Kind == TypedConstantKind.Primitive && first.Value is string pattern ? ContractRule.ForText(kind, pattern) : null;
            case ContractRuleKind.ReservedPrefixes or ContractRuleKind.EnumValues:
                return ReadStrings(first) is { } texts ? ContractRule.ForTexts(kind, texts) : null;
            default:
                return null;
        }
    }

    private static ImmutableArray<string>? ReadStrings(TypedConstant argument)
    {
        if (argument.Kind != TypedConstantKind.Array || argument.Values.IsDefault)
        {
            return null;
        }

        ImmutableArray<string>.Builder texts = ImmutableArray.CreateBuilder<string>(argument.Values.Length);
        foreach (TypedConstant value in argument.Values)
        {
            // A null entry states nothing; an empty prefix would reserve every value and is ignored likewise.
            if (value.Value is string text)
            {
                texts.Add(text);
            }
        }

        return texts.ToImmutable();
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

                foreach (ISymbol implemented in ImplementedInterfaceMembers(property))
                {
                    yield return implemented;
                }

                break;
            case IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter:
                for (IMethodSymbol? m = method.OverriddenMethod; m is not null; m = m.OverriddenMethod)
                {
                    if (ParameterAt(m.Parameters, parameter.Ordinal) is { } p)
                    {
                        yield return p;
                    }
                }

                foreach (ISymbol implemented in ImplementedInterfaceMembers(method))
                {
                    if (implemented is IMethodSymbol im && ParameterAt(im.Parameters, parameter.Ordinal) is { } p)
                    {
                        yield return p;
                    }
                }

                break;
        }
    }

    private static IParameterSymbol? ParameterAt(ImmutableArray<IParameterSymbol> parameters, int ordinal) =>
        ordinal >= 0 && ordinal < parameters.Length ? parameters[ordinal] : null;

    private static IEnumerable<ISymbol> ImplementedInterfaceMembers(ISymbol member)
    {
        if (member.ContainingType is not { } type)
        {
            yield break;
        }

        foreach (ISymbol explicitly in ExplicitImplementations(member))
        {
            yield return explicitly;
        }

        foreach (INamedTypeSymbol face in type.AllInterfaces)
        {
            foreach (ISymbol candidate in face.GetMembers(member.Name))
            {
                ISymbol? implementation = type.FindImplementationForInterfaceMember(candidate);
                if (SymbolEqualityComparer.Default.Equals(implementation?.OriginalDefinition, member.OriginalDefinition))
                {
                    yield return candidate;
                }
            }
        }
    }

    private static IEnumerable<ISymbol> ExplicitImplementations(ISymbol member) => member switch
    {
        IMethodSymbol method => method.ExplicitInterfaceImplementations,
        IPropertySymbol property => property.ExplicitInterfaceImplementations,
        _ => ImmutableArray<ISymbol>.Empty,
    };

    /// <summary>For messages: the member's name as written in C#.</summary>
    public static string DisplayName(ISymbol symbol) => symbol switch
    {
        // An explicit implementation's metadata name carries the interface; the user wrote the short name.
        IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 } p => p.ExplicitInterfaceImplementations[0].Name,
        _ => symbol.Name,
    };

    /// <summary>For messages: numbers as C# would print them, whatever the culture of the build.</summary>
    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
