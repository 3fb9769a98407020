using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>
/// Writes the model types: each class (or enum struct) with its constraint attributes, <c>Validate()</c>, and
/// hand-rolled Utf8JsonWriter/Utf8JsonReader code with a <c>[JsonConverter]</c> so System.Text.Json uses it too.
/// </summary>
/// <remarks>
/// One partial file per concern: this one the file and the object classes' shape; validation, writing, reading,
/// keyed envelopes and enums each in their own.
/// </remarks>
internal sealed partial class ModelEmitter
{
    /// <summary>An envelope's one value has a fixed name, so its pattern field has one too.</summary>
    private const string ValuePatternField = "s_valuePattern";

    private readonly ContractModel _contract;
    private readonly SourceWriter _w;
    private readonly ValueCheckEmitter _checks;

    /// <summary>Checked per type: a spec of thousands of schemas writes megabytes.</summary>
    private readonly CancellationToken _cancellationToken;

    private ModelEmitter(ContractModel contract, CancellationToken cancellationToken, SourceWriter? writer = null)
    {
        _contract = contract;
        _w = writer ?? new SourceWriter();
        _cancellationToken = cancellationToken;
        _checks = new ValueCheckEmitter(contract, _w, "violations", new HashSet<string>());
    }

    private string Ns => _contract.Namespace;

    /// <summary>Every model type of the contract, in the model's order, as one file.</summary>
    public static GeneratedText Emit(ContractModel contract, CancellationToken cancellationToken = default)
    {
        var emitter = new ModelEmitter(contract, cancellationToken);
        emitter.EmitFile();
        return emitter._w.ToText();
    }

    /// <summary>The attributes analyzers read; on a collection they describe its elements.</summary>
    internal static IEnumerable<string> ConstraintAttributes(TypeRef type)
    {
        if (type.Kind == TypeRefKind.Array && type.Constraints.MinItems is int minItems)
        {
            yield return $"[{CSharpTypes.Evs}.MinItems({Int(minItems)})]";
        }

        if (type.Kind == TypeRefKind.Array && type.Constraints.MaxItems is int maxItems)
        {
            yield return $"[{CSharpTypes.Evs}.MaxItems({Int(maxItems)})]";
        }

        Constraints c = type.Kind is TypeRefKind.Array or TypeRefKind.Map ? type.Element!.Constraints : type.Constraints;
        if (c.MaxBytes is int maxBytes)
        {
            yield return $"[{CSharpTypes.Evs}.MaxUtf8Bytes({Int(maxBytes)})]";
        }

        if (c.MinLength is int minLength)
        {
            yield return $"[{CSharpTypes.Evs}.MinCodePoints({Int(minLength)})]";
        }

        if (c.MaxLength is int maxLength)
        {
            yield return $"[{CSharpTypes.Evs}.MaxCodePoints({Int(maxLength)})]";
        }

        if (!c.ReservedPrefixes.IsEmpty)
        {
            var literals = new List<string>();
            foreach (string prefix in c.ReservedPrefixes)
            {
                literals.Add(CSharpLiteral.String(prefix));
            }

            yield return $"[{CSharpTypes.Evs}.ReservedPrefixes({string.Join(", ", literals)})]";
        }

        if (c.Uuid)
        {
            yield return $"[{CSharpTypes.Evs}.UuidFormat]";
        }

        if (c.Pattern is { } pattern)
        {
            yield return $"[{CSharpTypes.Evs}.Pattern({CSharpLiteral.String(pattern)})]";
        }

        if (c.Minimum is { } minimum)
        {
            yield return $"[{CSharpTypes.Evs}.Minimum({minimum}d)]";
        }

        if (c.Maximum is { } maximum)
        {
            yield return $"[{CSharpTypes.Evs}.Maximum({maximum}d)]";
        }

        if (c.ExclusiveMinimum is { } exclusiveMinimum)
        {
            yield return $"[{CSharpTypes.Evs}.ExclusiveMinimum({exclusiveMinimum}d)]";
        }

        if (c.ExclusiveMaximum is { } exclusiveMaximum)
        {
            yield return $"[{CSharpTypes.Evs}.ExclusiveMaximum({exclusiveMaximum}d)]";
        }

        if (c.MultipleOf is { } multipleOf)
        {
            yield return $"[{CSharpTypes.Evs}.MultipleOf({multipleOf}d)]";
        }

        if (!c.IntegerEnum.IsEmpty)
        {
            yield return $"[{CSharpTypes.Evs}.EnumValues({string.Join(", ", c.IntegerEnum.Select(v => v + "L"))})]";
        }
    }

    /// <summary>The pattern field of the additional members' values.</summary>
    private const string AdditionalPatternField = "s_additionalPropertiesPattern";

    /// <summary>The dictionary of an object's other members, as a map type; null when its schema has no additionalProperties.</summary>
    private static TypeRef? AdditionalMap(TypeModel type) =>
        type.AdditionalProperties is { } value ? new TypeRef { Kind = TypeRefKind.Map, Element = value } : null;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A private static field's name for a member: <c>s_</c> and a lower first letter cannot clash with a member.</summary>
    private static string StaticField(PropertyModel property, string suffix) =>
        "s_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1) + suffix;

    private static string PatternField(PropertyModel property) => StaticField(property, "Pattern");

    /// <summary>
    /// Whether the C# member may be null: when it is optional or nullable, and when one direction of the wire lacks
    /// it (a read-only member in a request the user builds, a write-only member in a response).
    /// </summary>
    private static bool IsNullable(PropertyModel property) => !property.Required || property.Nullable || property.ReadOnly || property.WriteOnly;

    private void EmitFile()
    {
        EmitterCommon.Header(_w, _contract);
        EmitterCommon.Namespace(_w, Ns);
        bool first = true;
        foreach (TypeModel type in _contract.Types)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!first)
            {
                _w.Line();
            }

            first = false;
            switch (type.Kind)
            {
                case TypeModelKind.Enum:
                    EmitEnum(type);
                    break;
                case TypeModelKind.KeyedEnvelope:
                    EmitEnvelope(type);
                    break;
                default:
                    EmitObject(type);
                    break;
            }
        }
    }

    private void EmitObject(TypeModel type)
    {
        string self = CSharpTypes.Named(Ns, type.Name);
        EmitterCommon.Summary(_w, type.Description, $"The {type.Name} object of the spec.");
        EmitClassHeader(type.Name, self);

        foreach (PropertyModel property in type.Properties)
        {
            EmitProperty(type, property);
        }

        if (AdditionalMap(type) is { } additional)
        {
            _w.Line();
            _w.Line("/// <summary>The members the spec does not name, by their JSON names; read after the named ones are matched, written after them.</summary>");
            _w.Line("/// <remarks>A name the type declares as a property does not belong here: it would be written twice.</remarks>");
            foreach (string attribute in ConstraintAttributes(additional))
            {
                _w.Line(attribute);
            }

            string accessor = type.IsInput ? "set" : "init";
            _w.Line($"public {CSharpTypes.Of(additional, Ns, type.IsInput)}? {Model.ContractModelBuilder.AdditionalPropertiesName} {{ get; {accessor}; }}");
        }

        foreach (PropertyModel property in type.Properties)
        {
            ValueCheckEmitter.EmitPatternField(_w, property.Type, PatternField(property));
        }

        if (AdditionalMap(type) is { } map)
        {
            ValueCheckEmitter.EmitPatternField(_w, map, AdditionalPatternField);
        }

        EmitValidate(type);
        EmitWrite(type);
        EmitRead(type, self);
        EmitConvenience(self);
        _w.Close();
    }

    private void EmitClassHeader(string name, string self)
    {
        _w.Line($"[{CSharpTypes.Json}.Serialization.JsonConverter(typeof({CSharpTypes.Evs}.EvsJsonModelConverter<{self}>))]");
        EmitterCommon.GeneratedCode(_w);
        _w.Open($"public sealed partial class {Naming.Escape(name)} : {CSharpTypes.Evs}.IEvsJsonModel<{self}>");
    }

    private void EmitProperty(TypeModel owner, PropertyModel property)
    {
        _w.Line();
        EmitterCommon.Summary(_w, property.Description, $"The <c>{EmitterCommon.DocText(property.JsonName)}</c> member.");
        string remarks = $"JSON: <c>{EmitterCommon.DocText(property.JsonName)}</c>.";
        if (property.DefaultText is { } defaultText)
        {
            remarks += $" The service's default: <c>{EmitterCommon.DocText(defaultText)}</c>.";
        }

        if (property.ReadOnly)
        {
            remarks += " Read-only: sent by the service, never written.";
        }
        else if (property.WriteOnly)
        {
            remarks += " Write-only: sent to the service, never read back.";
        }

        _w.Line("/// <remarks>" + remarks + "</remarks>");
        foreach (string attribute in ConstraintAttributes(property.Type))
        {
            _w.Line(attribute);
        }

        string type = CSharpTypes.Of(property.Type, Ns, owner.IsInput);
        string required = property.Required && !property.ReadOnly && !property.WriteOnly ? "required " : string.Empty;
        string accessor = owner.IsInput ? "set" : "init";
        _w.Line($"public {required}{type}{(IsNullable(property) ? "?" : string.Empty)} {Naming.Escape(property.Name)} {{ get; {accessor}; }}");
    }

    private void EmitConvenience(string self)
    {
        _w.Line();
        _w.Line("/// <summary>This value as UTF-8 JSON.</summary>");
        _w.Line("/// <returns>The JSON bytes.</returns>");
        _w.Line($"public byte[] ToUtf8Json() => {CSharpTypes.Evs}.EvsJsonModel.ToUtf8Json(this);");
        _w.Line();
        _w.Line("/// <summary>This value as a JSON string.</summary>");
        _w.Line("/// <returns>The JSON text.</returns>");
        _w.Line($"public string ToJson() => {CSharpTypes.Evs}.EvsJsonModel.ToJson(this);");
        _w.Line();
        _w.Line("/// <summary>Reads a value from UTF-8 JSON.</summary>");
        _w.Line("/// <param name=\"utf8Json\">The JSON bytes.</param>");
        _w.Line("/// <returns>The value.</returns>");
        _w.Line($"public static {self} FromJson(global::System.ReadOnlySpan<byte> utf8Json) => {CSharpTypes.Evs}.EvsJsonModel.FromJson<{self}>(utf8Json);");
        _w.Line();
        _w.Line("/// <summary>Reads a value from JSON text.</summary>");
        _w.Line("/// <param name=\"json\">The JSON text.</param>");
        _w.Line("/// <returns>The value.</returns>");
        _w.Line($"public static {self} FromJson(string json) => {CSharpTypes.Evs}.EvsJsonModel.FromJson<{self}>(json);");
    }
}
