namespace EvsContracts;

/// <summary>
/// The names of the rules a <see cref="ContractViolation"/> can report, as they appear in
/// <see cref="ContractViolation.Rule"/>. They are stable: code may switch on them.
/// </summary>
public static class ContractRules
{
    /// <summary>A required value is absent (<see langword="null"/>).</summary>
    public const string Required = "required";

    /// <summary>A string is longer in UTF-8 bytes than the spec's <c>x-max-bytes</c>.</summary>
    public const string MaxBytes = "maxBytes";

    /// <summary>A string has fewer Unicode code points than the spec's <c>minLength</c>.</summary>
    public const string MinLength = "minLength";

    /// <summary>A string has more Unicode code points than the spec's <c>maxLength</c>.</summary>
    public const string MaxLength = "maxLength";

    /// <summary>A string starts with one of the spec's <c>x-reserved-prefixes</c> (ordinal, case-sensitive).</summary>
    public const string ReservedPrefix = "reservedPrefix";

    /// <summary>A string does not have the spec's <c>format</c> (for example <c>uuid</c>).</summary>
    public const string Format = "format";

    /// <summary>A string does not match the spec's <c>pattern</c>.</summary>
    public const string Pattern = "pattern";

    /// <summary>A string is not one of the spec's <c>enum</c> values.</summary>
    public const string Enum = "enum";

    /// <summary>A number is below the spec's <c>minimum</c>.</summary>
    public const string Minimum = "minimum";

    /// <summary>A number is above the spec's <c>maximum</c>.</summary>
    public const string Maximum = "maximum";

    /// <summary>A number is not greater than the spec's <c>exclusiveMinimum</c>.</summary>
    public const string ExclusiveMinimum = "exclusiveMinimum";

    /// <summary>A number is not less than the spec's <c>exclusiveMaximum</c>.</summary>
    public const string ExclusiveMaximum = "exclusiveMaximum";

    /// <summary>A number is not a whole multiple of the spec's <c>multipleOf</c>.</summary>
    public const string MultipleOf = "multipleOf";

    /// <summary>A collection has fewer items than the spec's <c>minItems</c>.</summary>
    public const string MinItems = "minItems";

    /// <summary>A collection has more items than the spec's <c>maxItems</c>.</summary>
    public const string MaxItems = "maxItems";

    /// <summary>A collection holds an item twice although the spec says <c>uniqueItems</c>.</summary>
    public const string UniqueItems = "uniqueItems";
}
