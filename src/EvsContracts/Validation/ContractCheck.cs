using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvsContracts;

/// <summary>
/// The checks that generated <c>Validate()</c> methods call, one per rule of the spec.
/// </summary>
/// <remarks>
/// A valid value costs nothing: no path string, no list, no boxing. The list of violations is created on the first
/// violation, and the path (<c>parent + "." + name</c>) is only composed then.
/// <see langword="null"/> passes every check except <see cref="Required(object?, string, string, ref List{ContractViolation}?)"/>,
/// because null means the value is absent.
/// </remarks>
public static partial class ContractCheck
{
    /// <summary>
    /// Composes a JSON path: <paramref name="name"/> itself when <paramref name="parent"/> is empty (no allocation),
    /// else <c>parent.name</c>.
    /// </summary>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <returns>The path of the property.</returns>
    public static string Join(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(name);
        return parent.Length == 0 ? name : string.Concat(parent, ".", name);
    }

    /// <summary>
    /// Composes the path of a map entry: <c>parent["key"]</c>, with <c>"</c> and <c>\</c> in the key escaped.
    /// </summary>
    /// <param name="parent">The path of the map.</param>
    /// <param name="key">The entry's key.</param>
    /// <returns>The path of the entry.</returns>
    public static string Entry(string parent, string key)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(key);
        if (key.AsSpan().IndexOfAny('"', '\\') < 0)
        {
            return string.Concat(parent, "[\"", key, "\"]");
        }

        var text = new StringBuilder(parent.Length + key.Length + 8);
        text.Append(parent).Append("[\"");
        foreach (char c in key)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.Append("\"]").ToString();
    }

    /// <summary>Turns the lazily created list into the result of <c>Validate()</c>: empty when it was never created.</summary>
    /// <param name="violations">The list the checks filled, or <see langword="null"/>.</param>
    /// <returns>The violations, or an empty list.</returns>
    public static IReadOnlyList<ContractViolation> Result(List<ContractViolation>? violations) =>
        violations is null || violations.Count == 0 ? Array.Empty<ContractViolation>() : violations.AsReadOnly();

    /// <summary>Records a <see cref="ContractRules.Required"/> violation when <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void Required(object? value, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (value is null)
        {
            AddRequired(parent, name, ref violations);
        }
    }

    /// <summary>
    /// Records a <see cref="ContractRules.Required"/> violation when a nullable value type has no value. This
    /// overload exists so that a present value is not boxed.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void Required<T>(T? value, string parent, string name, ref List<ContractViolation>? violations)
        where T : struct
    {
        if (!value.HasValue)
        {
            AddRequired(parent, name, ref violations);
        }
    }

    /// <summary>Records a <see cref="ContractRules.MaxBytes"/> violation when the UTF-8 form of <paramref name="value"/> is over <paramref name="maxBytes"/>.</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="maxBytes">The largest allowed UTF-8 byte count.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void MaxUtf8Bytes(string? value, int maxBytes, string parent, string name, ref List<ContractViolation>? violations)
    {
        // Every UTF-16 unit takes at most 3 UTF-8 bytes (a pair takes 4 for 2 units), so short values need no count.
        if (value is null || (long)value.Length * 3 <= maxBytes)
        {
            return;
        }

        int bytes = Utf8Text.GetByteCount(value);
        if (bytes > maxBytes)
        {
            string path = Join(parent, name);
            Add(
                ref violations,
                path,
                ContractRules.MaxBytes,
                Invariant(maxBytes),
                Invariant(bytes),
                $"{path} is {Invariant(bytes)} UTF-8 bytes; the limit is {Invariant(maxBytes)}");
        }
    }

    /// <summary>Records a <see cref="ContractRules.MinLength"/> violation when <paramref name="value"/> has fewer than <paramref name="minCodePoints"/> Unicode code points.</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="minCodePoints">The smallest allowed number of code points.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void MinLength(string? value, int minCodePoints, string parent, string name, ref List<ContractViolation>? violations)
    {
        // A string has at least Length / 2 code points, so long values need no count.
        if (value is null || value.Length / 2 >= minCodePoints)
        {
            return;
        }

        int length = Utf8Text.CountCodePoints(value);
        if (length < minCodePoints)
        {
            string path = Join(parent, name);
            Add(
                ref violations,
                path,
                ContractRules.MinLength,
                Invariant(minCodePoints),
                Invariant(length),
                $"{path} is {Invariant(length)} {Characters(length)} long; the minimum is {Invariant(minCodePoints)}");
        }
    }

    /// <summary>Records a <see cref="ContractRules.MaxLength"/> violation when <paramref name="value"/> has more than <paramref name="maxCodePoints"/> Unicode code points.</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="maxCodePoints">The largest allowed number of code points.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void MaxLength(string? value, int maxCodePoints, string parent, string name, ref List<ContractViolation>? violations)
    {
        // A string has at most Length code points, so short values need no count.
        if (value is null || value.Length <= maxCodePoints)
        {
            return;
        }

        int length = Utf8Text.CountCodePoints(value);
        if (length > maxCodePoints)
        {
            string path = Join(parent, name);
            Add(
                ref violations,
                path,
                ContractRules.MaxLength,
                Invariant(maxCodePoints),
                Invariant(length),
                $"{path} is {Invariant(length)} {Characters(length)} long; the limit is {Invariant(maxCodePoints)}");
        }
    }

    /// <summary>Records a <see cref="ContractRules.ReservedPrefix"/> violation when <paramref name="value"/> starts with <paramref name="prefix"/> (ordinal, case-sensitive).</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="prefix">The reserved prefix.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void ReservedPrefix(string? value, string prefix, string parent, string name, ref List<ContractViolation>? violations)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (value is not null && prefix.Length > 0 && value.StartsWith(prefix, StringComparison.Ordinal))
        {
            string path = Join(parent, name);
            Add(
                ref violations,
                path,
                ContractRules.ReservedPrefix,
                prefix,
                null,
                $"{path} starts with the reserved prefix \"{prefix}\"");
        }
    }

    /// <summary>Records a <see cref="ContractRules.Format"/> violation when <paramref name="value"/> is not a UUID (8-4-4-4-12 hexadecimal digits, either case).</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void Uuid(string? value, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (value is not null && !IsUuid(value))
        {
            string path = Join(parent, name);
            Add(ref violations, path, ContractRules.Format, "uuid", null, $"{path} is not a UUID");
        }
    }

    /// <summary>Records a <see cref="ContractRules.Pattern"/> violation when <paramref name="regex"/> does not match <paramref name="value"/>.</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="regex">The pattern; as in JSON Schema it matches anywhere unless anchored.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void Pattern(string? value, Regex regex, string parent, string name, ref List<ContractViolation>? violations)
    {
        ArgumentNullException.ThrowIfNull(regex);
        if (value is not null && !regex.IsMatch(value))
        {
            string path = Join(parent, name);
            string pattern = regex.ToString();
            Add(ref violations, path, ContractRules.Pattern, pattern, null, $"{path} does not match the pattern {pattern}");
        }
    }

    /// <summary>Records a <see cref="ContractRules.Enum"/> violation when <paramref name="value"/> is not one of <paramref name="allowed"/> (ordinal).</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="allowed">The allowed values.</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void Enum(string? value, ReadOnlySpan<string> allowed, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (value is null)
        {
            return;
        }

        foreach (string candidate in allowed)
        {
            if (string.Equals(value, candidate, StringComparison.Ordinal))
            {
                return;
            }
        }

        string path = Join(parent, name);
        string list = string.Join(", ", allowed.ToArray());
        Add(ref violations, path, ContractRules.Enum, list, value, $"{path} is \"{value}\", which is not one of: {list}");
    }

    /// <summary>Records a <see cref="ContractRules.Minimum"/> violation when <paramref name="value"/> is below <paramref name="minimum"/> (NaN fails).</summary>
    /// <param name="value">The value.</param>
    /// <param name="minimum">The smallest allowed value (inclusive).</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void Minimum(double value, double minimum, string parent, string name, ref List<ContractViolation>? violations)
    {
        // Written as "not at least" so that NaN fails.
        if (!(value >= minimum))
        {
            string path = Join(parent, name);
            Add(
                ref violations,
                path,
                ContractRules.Minimum,
                Invariant(minimum),
                Invariant(value),
                $"{path} is {Invariant(value)}; the minimum is {Invariant(minimum)}");
        }
    }

    /// <summary>Records a <see cref="ContractRules.Minimum"/> violation when <paramref name="value"/> is below <paramref name="minimum"/> (NaN fails).</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="minimum">The smallest allowed value (inclusive).</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void Minimum(double? value, double minimum, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (value is { } present)
        {
            Minimum(present, minimum, parent, name, ref violations);
        }
    }

    /// <summary>Records a <see cref="ContractRules.Maximum"/> violation when <paramref name="value"/> is above <paramref name="maximum"/> (NaN fails).</summary>
    /// <param name="value">The value.</param>
    /// <param name="maximum">The largest allowed value (inclusive).</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void Maximum(double value, double maximum, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (!(value <= maximum))
        {
            string path = Join(parent, name);
            Add(
                ref violations,
                path,
                ContractRules.Maximum,
                Invariant(maximum),
                Invariant(value),
                $"{path} is {Invariant(value)}; the limit is {Invariant(maximum)}");
        }
    }

    /// <summary>Records a <see cref="ContractRules.Maximum"/> violation when <paramref name="value"/> is above <paramref name="maximum"/> (NaN fails).</summary>
    /// <param name="value">The value; <see langword="null"/> passes.</param>
    /// <param name="maximum">The largest allowed value (inclusive).</param>
    /// <param name="parent">The path of the containing object, <c>""</c> at the root.</param>
    /// <param name="name">The JSON property name.</param>
    /// <param name="violations">The list of violations, created on the first one.</param>
    public static void Maximum(double? value, double maximum, string parent, string name, ref List<ContractViolation>? violations)
    {
        if (value is { } present)
        {
            Maximum(present, maximum, parent, name, ref violations);
        }
    }

    /// <summary>Tells whether <paramref name="value"/> is a UUID in its usual 8-4-4-4-12 form, hexadecimal digits in either case.</summary>
    /// <param name="value">The text.</param>
    /// <returns><see langword="true"/> for a UUID.</returns>
    public static bool IsUuid(ReadOnlySpan<char> value)
    {
        // Guid.TryParseExact would also accept surrounding white space; the wire format does not.
        if (value.Length != 36)
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (i is 8 or 13 or 18 or 23)
            {
                if (c != '-')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddRequired(string parent, string name, ref List<ContractViolation>? violations)
    {
        string path = Join(parent, name);
        Add(ref violations, path, ContractRules.Required, null, null, $"{path} is required");
    }

    private static void Add(ref List<ContractViolation>? violations, string path, string rule, string? limit, string? actual, string message) =>
        (violations ??= new List<ContractViolation>()).Add(new ContractViolation(path, rule, limit, actual, message));

    private static string Characters(int count) => count == 1 ? "character" : "characters";

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
