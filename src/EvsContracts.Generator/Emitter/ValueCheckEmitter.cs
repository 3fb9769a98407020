using System.Collections.Generic;
using System.Globalization;
using EvsContracts.Generator.Model;
using EvsContracts.Generator.Reader.OpenApi;

namespace EvsContracts.Generator.Emitter;

/// <summary>
/// Writes the checks of one value against the spec's rules. A model's <c>ValidateInto</c> and a client method's
/// parameters use the same checks; they differ only in the names the caller passes: the violations list, the value,
/// its parent path and the field that holds its compiled pattern.
/// </summary>
internal sealed class ValueCheckEmitter
{
    private readonly ContractModel _contract;
    private readonly SourceWriter _w;
    private readonly string _violations;
    private readonly ISet<string> _taken;

    /// <param name="contract">The contract, for enum names and whether an enum is extensible.</param>
    /// <param name="writer">Where the checks go.</param>
    /// <param name="violations">The generated list variable the checks add to, by <c>ref</c>.</param>
    /// <param name="taken">Names the generated member already uses (its parameters); loop variables avoid them.</param>
    public ValueCheckEmitter(ContractModel contract, SourceWriter writer, string violations, ISet<string> taken)
    {
        _contract = contract;
        _w = writer;
        _violations = violations;
        _taken = taken;
    }

    /// <summary>
    /// Declares the compiled pattern the checks of <paramref name="type"/> use, if it has one: compiled once per type,
    /// culture-invariant, bounded so a hostile value cannot stall the caller, and rewritten to match as ECMA-262 does.
    /// </summary>
    public static void EmitPatternField(SourceWriter w, TypeRef type, string field)
    {
        if (PatternOf(type) is { } pattern)
        {
            w.Line();
            w.Line($"private static readonly global::System.Text.RegularExpressions.Regex {field} = new({CSharpLiteral.String(EcmaPattern.ToDotNet(pattern))}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));");
        }
    }

    /// <summary>The pattern of a value, or of the values a collection holds at any depth: all share one field.</summary>
    public static string? PatternOf(TypeRef type)
    {
        while (type.Kind is TypeRefKind.Array or TypeRefKind.Map)
        {
            type = type.Element!;
        }

        return type.Constraints.Pattern;
    }

    /// <summary>
    /// Checks of one value. <paramref name="value"/>, <paramref name="parent"/> and <paramref name="name"/> are
    /// expressions; the path is only composed on a violation. <paramref name="nullableValueType"/> says the value is a
    /// <c>Nullable&lt;T&gt;</c> whose absence passes.
    /// </summary>
    public void Emit(TypeRef type, string value, string parent, string name, string patternField, bool nullableValueType) =>
        Emit(type, value, parent, name, patternField, nullableValueType, 0);

    private void Emit(TypeRef type, string value, string parent, string name, string patternField, bool nullableValueType, int depth)
    {
        string check = CSharpTypes.Evs + ".ContractCheck";
        string tail = $"{parent}, {name}, ref {_violations});";
        Constraints c = type.Constraints;
        switch (type.Kind)
        {
            case TypeRefKind.String or TypeRefKind.StringOrNumber:
                if (c.MaxBytes is int maxBytes)
                {
                    _w.Line($"{check}.MaxUtf8Bytes({value}, {Int(maxBytes)}, {tail}");
                }

                if (c.MinLength is int minLength)
                {
                    _w.Line($"{check}.MinLength({value}, {Int(minLength)}, {tail}");
                }

                if (c.MaxLength is int maxLength)
                {
                    _w.Line($"{check}.MaxLength({value}, {Int(maxLength)}, {tail}");
                }

                foreach (string prefix in c.ReservedPrefixes)
                {
                    _w.Line($"{check}.ReservedPrefix({value}, {CSharpLiteral.String(prefix)}, {tail}");
                }

                if (c.Uuid)
                {
                    _w.Line($"{check}.Uuid({value}, {tail}");
                }

                if (c.Pattern is not null)
                {
                    _w.Line($"{check}.Pattern({value}, {patternField}, {tail}");
                }

                break;

            // The checks take a double?, and a null passes: an absent number needs no test of its own.
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double:
                if (c.Minimum is { } minimum)
                {
                    _w.Line($"{check}.Minimum({value}, {minimum}d, {tail}");
                }

                if (c.Maximum is { } maximum)
                {
                    _w.Line($"{check}.Maximum({value}, {maximum}d, {tail}");
                }

                if (c.ExclusiveMinimum is { } exclusiveMinimum)
                {
                    _w.Line($"{check}.ExclusiveMinimum({value}, {exclusiveMinimum}d, {tail}");
                }

                if (c.ExclusiveMaximum is { } exclusiveMaximum)
                {
                    _w.Line($"{check}.ExclusiveMaximum({value}, {exclusiveMaximum}d, {tail}");
                }

                if (c.MultipleOf is { } multipleOf)
                {
                    _w.Line($"{check}.MultipleOf({value}, {multipleOf}d, {tail}");
                }

                if (!c.IntegerEnum.IsEmpty)
                {
                    // A constant array converted to a span is the assembly's own data: nothing is allocated.
                    _w.Line($"{check}.Enum({value}, new long[] {{ {string.Join(", ", c.IntegerEnum)} }}, {tail}");
                }

                break;

            case TypeRefKind.Enum when !IsExtensible(type.Name!):
                string text = nullableValueType ? value + "?.Value" : value + ".Value";
                _w.Line($"{check}.Enum({text}, {CSharpTypes.Named(_contract.Namespace, type.Name!)}.AllowedValues.AsSpan(), {tail}");
                break;

            case TypeRefKind.Object:
                _w.Line($"{value}?.ValidateInto({check}.Join({parent}, {name}), ref {_violations});");
                break;

            case TypeRefKind.Array or TypeRefKind.Map when HasChecks(type):
                if (c.MinItems is int minItems)
                {
                    _w.Line($"{check}.MinItems({value}?.Count, {Int(minItems)}, {tail}");
                }

                if (c.MaxItems is int maxItems)
                {
                    _w.Line($"{check}.MaxItems({value}?.Count, {Int(maxItems)}, {tail}");
                }

                if (c.UniqueItems && ComparesByValue(type.Element!))
                {
                    _w.Line($"{check}.UniqueItems({value}, {tail}");
                }

                if (!HasChecks(type.Element!))
                {
                    break;
                }

                // A list is walked by index (no enumerator to allocate); a map by its entries, each named by its key.
                bool list = type.Kind == TypeRefKind.Array;
                string item = LoopVariable(list ? "i" : "entry", depth);
                _w.Open($"if ({value} is not null)");
                _w.Open(list ? $"for (int {item} = 0; {item} < {value}.Count; {item}++)" : $"foreach (var {item} in {value})");
                Emit(
                    type.Element!,
                    list ? $"{value}[{item}]" : $"{item}.Value",
                    $"{check}.Join({parent}, {name})",
                    list ? $"{item}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" : $"{item}.Key",
                    patternField,
                    false,
                    depth + 1);
                _w.Close();
                _w.Close();
                break;
        }
    }

    /// <summary>A loop's variable: a fixed word numbered by depth, and by more when a parameter has that name.</summary>
    private string LoopVariable(string word, int depth)
    {
        string name = LocalNames.Nested(word, depth);
        for (int extra = depth + 2; _taken.Contains(name); extra++)
        {
            name = word + Int(extra);
        }

        return name;
    }

    /// <summary>
    /// Whether a value of <paramref name="type"/> has anything to check: rules of its own, a closed enum's list, or
    /// elements that do (iterating a dictionary allocates its enumerator, so a loop is written only then).
    /// </summary>
    public bool HasChecks(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Object => true,
        TypeRefKind.Enum => !IsExtensible(type.Name!),
        TypeRefKind.Array => HasOwnChecks(type) || HasChecks(type.Element!),
        TypeRefKind.Map => HasChecks(type.Element!),
        _ => !type.Constraints.IsEmpty,
    };

    /// <summary>
    /// Whether equal items of this kind are equal in C# (<c>uniqueItems</c> is checked only then): scalars and enums;
    /// generated objects, bytes and JSON values compare by reference.
    /// </summary>
    private static bool ComparesByValue(TypeRef type) =>
        type.Kind is not (TypeRefKind.Object or TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Bytes or TypeRefKind.Any or TypeRefKind.File);

    private static bool HasOwnChecks(TypeRef type) =>
        type.Constraints.MinItems is not null || type.Constraints.MaxItems is not null || (type.Constraints.UniqueItems && ComparesByValue(type.Element!));

    private bool IsExtensible(string enumName)
    {
        foreach (TypeModel type in _contract.Types)
        {
            if (type.Name == enumName)
            {
                return type.ExtensibleEnum;
            }
        }

        return true;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
