using System.Collections.Immutable;

namespace EvsContracts.Generator.Analyzers;

/// <summary>The kinds of rule a constraint attribute of the runtime library expresses.</summary>
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
}

/// <summary>One rule read from one attribute: the kind and the attribute's constructor argument.</summary>
internal sealed class ContractRule
{
    private ContractRule(ContractRuleKind kind, int limit, double number, string text, ImmutableArray<string> texts)
    {
        Kind = kind;
        Limit = limit;
        Number = number;
        Text = text;
        Texts = texts;
    }

    public ContractRuleKind Kind { get; }

    /// <summary>The byte or code point count of a length rule.</summary>
    public int Limit { get; }

    /// <summary>The bound of a minimum or maximum rule.</summary>
    public double Number { get; }

    /// <summary>The pattern of a pattern rule.</summary>
    public string Text { get; }

    /// <summary>The prefixes of a reserved-prefix rule, or the values of an enum rule.</summary>
    public ImmutableArray<string> Texts { get; }

    public static ContractRule ForLimit(ContractRuleKind kind, int limit) => new(kind, limit, 0, string.Empty, ImmutableArray<string>.Empty);

    public static ContractRule ForNumber(ContractRuleKind kind, double number) => new(kind, 0, number, string.Empty, ImmutableArray<string>.Empty);

    public static ContractRule ForText(ContractRuleKind kind, string text) => new(kind, 0, 0, text, ImmutableArray<string>.Empty);

    public static ContractRule ForTexts(ContractRuleKind kind, ImmutableArray<string> texts) => new(kind, 0, 0, string.Empty, texts);

    public static ContractRule ForFlag(ContractRuleKind kind) => new(kind, 0, 0, string.Empty, ImmutableArray<string>.Empty);
}
