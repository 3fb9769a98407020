using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>
/// Writes the model types: each class (or enum struct) with its constraint attributes, <c>Validate()</c>, and
/// hand-rolled Utf8JsonWriter/Utf8JsonReader code with a <c>[JsonConverter]</c> so System.Text.Json uses it too.
/// </summary>
internal sealed class ModelEmitter
{
    private readonly ContractModel _contract;
    private readonly SourceWriter _w = new();
    private readonly ValueCheckEmitter _checks;
    private int _locals;

    private ModelEmitter(ContractModel contract)
    {
        _contract = contract;
        _checks = new ValueCheckEmitter(contract, _w, "violations", Local);
    }

    private string Ns => _contract.Namespace;

    /// <summary>Every model type of the contract, in the model's order, as one file.</summary>
    public static string Emit(ContractModel contract)
    {
        var emitter = new ModelEmitter(contract);
        emitter.EmitFile();
        return emitter._w.ToString();
    }

    private void EmitFile()
    {
        EmitterCommon.Header(_w, _contract);
        _w.Open("namespace " + Ns);
        bool first = true;
        foreach (TypeModel type in _contract.Types)
        {
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

        _w.Close();
    }

    // ---- objects -------------------------------------------------------------------------------------------------

    private void EmitObject(TypeModel type)
    {
        string self = CSharpTypes.Named(Ns, type.Name);
        EmitterCommon.Summary(_w, type.Description, $"The {type.Name} object of the spec.");
        EmitClassHeader(type.Name, self);

        foreach (PropertyModel property in type.Properties)
        {
            EmitProperty(type, property);
        }

        EmitPatternFields(type);
        EmitValidate(type);
        EmitWrite(type);
        EmitRead(type, self);
        EmitConvenience(self);
        _w.Close();
        EmitConverter(type.Name, self, $"{self}.ReadJson(ref reader, string.Empty)", "value.WriteJson(writer)");
    }

    private void EmitClassHeader(string name, string self)
    {
        _w.Line($"[{CSharpTypes.Json}.Serialization.JsonConverter(typeof({CSharpTypes.Named(Ns, name + "JsonConverter")}))]");
        EmitterCommon.GeneratedCode(_w);
        _w.Open($"public sealed partial class {Naming.Escape(name)} : {CSharpTypes.Evs}.IEvsJsonModel<{self}>");
    }

    private void EmitProperty(TypeModel owner, PropertyModel property)
    {
        _w.Line();
        EmitterCommon.Summary(_w, property.Description, $"The <c>{EmitterCommon.DocText(property.JsonName)}</c> member.");
        var remarks = new List<string> { $"JSON: <c>{EmitterCommon.DocText(property.JsonName)}</c>." };
        if (property.DefaultText is { } defaultText)
        {
            remarks.Add($"The service's default: <c>{EmitterCommon.DocText(defaultText)}</c>.");
        }

        _w.Line("/// <remarks>" + string.Join(" ", remarks) + "</remarks>");
        foreach (string attribute in ConstraintAttributes(property.Type))
        {
            _w.Line(attribute);
        }

        string type = CSharpTypes.Of(property.Type, Ns, owner.IsInput);
        bool nullable = !property.Required || property.Nullable;
        string required = property.Required ? "required " : string.Empty;
        string accessor = owner.IsInput ? "set" : "init";
        _w.Line($"public {required}{type}{(nullable ? "?" : string.Empty)} {Naming.Escape(property.Name)} {{ get; {accessor}; }}");
    }

    /// <summary>The attributes analyzers read; on a collection they describe its elements.</summary>
    internal static IEnumerable<string> ConstraintAttributes(TypeRef type)
    {
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
            yield return $"[{CSharpTypes.Evs}.ReservedPrefixes({string.Join(", ", Literals(c.ReservedPrefixes))})]";
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
    }

    private static IEnumerable<string> Literals(IEnumerable<string> values)
    {
        foreach (string value in values)
        {
            yield return CSharpLiteral.String(value);
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void EmitPatternFields(TypeModel type)
    {
        foreach (PropertyModel property in type.Properties)
        {
            ValueCheckEmitter.EmitPatternField(_w, property.Type, PatternField(property));
        }
    }

    /// <summary>An envelope's one value has a fixed name, so its pattern field has one too.</summary>
    private const string ValuePatternField = "s_valuePattern";

    private static string PatternField(PropertyModel property) => "s_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1) + "Pattern";

    // ---- validation ----------------------------------------------------------------------------------------------

    private void EmitValidate(TypeModel type)
    {
        OpenValidateInto();
        foreach (PropertyModel property in type.Properties)
        {
            string name = Naming.Escape(property.Name);
            string json = CSharpLiteral.String(property.JsonName);
            if (property.Required && !property.Nullable && !property.Type.IsValueType)
            {
                _w.Line($"{CSharpTypes.Evs}.ContractCheck.Required({name}, path, {json}, ref violations);");
            }

            bool nullable = !property.Required || property.Nullable;
            _checks.Emit(property.Type, name, "path", json, PatternField(property), property.Type.IsValueType && nullable);
        }

        _w.Close();
    }

    /// <summary>Writes <c>Validate()</c> and opens <c>ValidateInto</c>, whose body the caller writes and closes.</summary>
    private void OpenValidateInto()
    {
        _w.Line();
        _w.Line("/// <summary>Checks this value against the spec's rules; an empty list means it is valid. Allocates nothing when valid.</summary>");
        _w.Line("/// <returns>Every violation, each with its JSON path, rule, limit and a message.</returns>");
        _w.Open($"public {CSharpTypes.Generic}.IReadOnlyList<{CSharpTypes.Evs}.ContractViolation> Validate()");
        _w.Line($"{CSharpTypes.ViolationList}? violations = null;");
        _w.Line("ValidateInto(string.Empty, ref violations);");
        _w.Line($"return {CSharpTypes.Evs}.ContractCheck.Result(violations);");
        _w.Close();

        _w.Line();
        _w.Line("/// <summary>Adds this value's violations to <paramref name=\"violations\"/>, under <paramref name=\"path\"/>.</summary>");
        _w.Line("/// <param name=\"path\">The JSON path of this value; empty at the root.</param>");
        _w.Line("/// <param name=\"violations\">The list, created on the first violation.</param>");
        _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        _w.Open($"public void ValidateInto(string path, ref {CSharpTypes.ViolationList}? violations)");
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    private void EmitWrite(TypeModel type)
    {
        // Names encoded once: the writer then copies them without looking for characters to escape.
        foreach (PropertyModel property in type.Properties)
        {
            _w.Line();
            _w.Line($"private static readonly {CSharpTypes.Json}.JsonEncodedText {NameField(property)} = {CSharpTypes.Json}.JsonEncodedText.Encode({CSharpLiteral.Utf8(property.JsonName)}, {CSharpTypes.Evs}.EvsJson.MinimalEncoder);");
        }

        _w.Line();
        _w.Line("/// <summary>Writes this value as JSON: names as in the spec, absent optional members omitted, text as raw UTF-8.</summary>");
        _w.Line("/// <param name=\"writer\">The writer.</param>");
        _w.Open($"public void WriteJson({CSharpTypes.Json}.Utf8JsonWriter writer)");
        _w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        _w.Line("writer.WriteStartObject();");
        foreach (PropertyModel property in type.Properties)
        {
            string name = Naming.Escape(property.Name);
            string jsonName = NameField(property);
            bool nullable = !property.Required || property.Nullable;
            bool valueType = property.Type.IsValueType;
            if (!nullable && valueType)
            {
                EmitPropertyWrite(property.Type, jsonName, name, type.IsInput);
                continue;
            }

            string local = Local("value");
            _w.Open($"if ({name} is {{ }} {local})");
            EmitPropertyWrite(property.Type, jsonName, local, type.IsInput);
            _w.Close();
            if (property.Required)
            {
                // A required member that is null is written as null: the server, not the client, should refuse it.
                _w.Open("else");
                _w.Line($"writer.WriteNull({jsonName});");
                _w.Close();
            }
        }

        _w.Line("writer.WriteEndObject();");
        _w.Close();
    }

    private static string NameField(PropertyModel property) => "__" + property.Name + "JsonName";

    private void EmitPropertyWrite(TypeRef type, string jsonName, string value, bool input)
    {
        if (type.Kind is TypeRefKind.String or TypeRefKind.StringOrNumber)
        {
            _w.Line($"{CSharpTypes.Evs}.EvsJson.WriteString(writer, {jsonName}, {value});");
            return;
        }

        switch (type.Kind)
        {
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double:
                _w.Line($"writer.WriteNumber({jsonName}, {value});");
                return;
            case TypeRefKind.Boolean:
                _w.Line($"writer.WriteBoolean({jsonName}, {value});");
                return;
        }

        _w.Line($"writer.WritePropertyName({jsonName});");
        EmitValueWrite(type, value, input);
    }

    private void EmitValueWrite(TypeRef type, string value, bool input)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String or TypeRefKind.StringOrNumber:
                _w.Line($"{CSharpTypes.Evs}.EvsJson.WriteStringValue(writer, {value});");
                break;
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double:
                _w.Line($"writer.WriteNumberValue({value});");
                break;
            case TypeRefKind.Boolean:
                _w.Line($"writer.WriteBooleanValue({value});");
                break;
            case TypeRefKind.DateTime:
                _w.Line($"{CSharpTypes.Evs}.EvsDateTime.Write(writer, {value});");
                break;
            case TypeRefKind.Enum:
                _w.Line($"{CSharpTypes.Evs}.EvsJson.WriteStringValue(writer, {value}.Value);");
                break;
            case TypeRefKind.Object:
                _w.Line($"{value}.WriteJson(writer);");
                break;
            case TypeRefKind.Array:
                string list = Local("list");
                string index = Local("i");
                _w.Line("writer.WriteStartArray();");
                _w.Line($"var {list} = {value};");
                _w.Open($"for (int {index} = 0; {index} < {list}.Count; {index}++)");
                EmitValueWrite(type.Element!, $"{list}[{index}]", input);
                _w.Close();
                _w.Line("writer.WriteEndArray();");
                break;
            case TypeRefKind.Map:
                // The reader makes a Dictionary, and most callers assign one: its struct enumerator allocates
                // nothing, where enumerating through the interface boxes one. Both loops share one local number.
                string entry = Local("entry");
                string dictionary = "__dictionary" + entry.Substring("__entry".Length);
                string element = CSharpTypes.Of(type.Element!, Ns, input);
                _w.Line("writer.WriteStartObject();");
                _w.Open($"if ({value} is {CSharpTypes.Generic}.Dictionary<string, {element}> {dictionary})");
                EmitEntriesWrite(type.Element!, dictionary, entry, input);
                _w.Close();
                _w.Open("else");
                EmitEntriesWrite(type.Element!, value, entry, input);
                _w.Close();
                _w.Line("writer.WriteEndObject();");
                break;
        }
    }

    private void EmitEntriesWrite(TypeRef element, string map, string entry, bool input)
    {
        _w.Open($"foreach (var {entry} in {map})");
        _w.Line($"writer.WritePropertyName({entry}.Key);");
        EmitValueWrite(element, $"{entry}.Value", input);
        _w.Close();
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    private void EmitRead(TypeModel type, string self)
    {
        OpenReadJson(self, "Reads a value from JSON; unknown members are skipped, a missing required member is an error that names it.", "an object");

        var locals = new List<(PropertyModel Property, string Local, string? Seen)>();
        foreach (PropertyModel property in type.Properties)
        {
            string local = Local("p" + property.Name);
            string? seen = property.Required && (property.Type.IsValueType || property.Nullable) ? Local("has" + property.Name) : null;
            string localType = CSharpTypes.Of(property.Type, Ns, type.IsInput);
            _w.Line($"{localType}? {local} = default;");
            if (seen is not null)
            {
                _w.Line($"bool {seen} = false;");
            }

            locals.Add((property, local, seen));
        }

        _w.Open($"while (reader.Read() && reader.TokenType != {CSharpTypes.Json}.JsonTokenType.EndObject)");
        if (locals.Count == 0)
        {
            _w.Line("reader.Read();");
            _w.Line("reader.Skip();");
            _w.Close();
        }
        else
        {
            // Raw bytes, by length first: one jump picks the few names of that length, each compared in a load or
            // two. ValueTextEquals would look at the token every time, and a chain of names compares every length.
            _w.Line($"global::System.ReadOnlySpan<byte> __name = {CSharpTypes.Evs}.EvsJson.PropertyName(ref reader);");
            _w.Open("switch (__name.Length)");
            var byLength = locals.Select(l => (Length: Encoding.UTF8.GetByteCount(l.Property.JsonName), l.Property, l.Local, l.Seen))
                .OrderBy(l => l.Length);
            foreach (var (length, property, local, seen) in byLength)
            {
                _w.Line($"case {length.ToString(CultureInfo.InvariantCulture)} when global::System.MemoryExtensions.SequenceEqual(__name, {CSharpLiteral.Utf8(property.JsonName)}):");
                _w.Indent();
                EmitPropertyRead(type, property, local, seen);
                _w.Line("break;");
                _w.Outdent();
            }

            _w.Line("default:");
            _w.Indent();
            _w.Line("reader.Read();");
            _w.Line("reader.Skip();");
            _w.Line("break;");
            _w.Outdent();
            _w.Close();
            _w.Close();
        }

        foreach (var (property, local, seen) in locals)
        {
            if (!property.Required)
            {
                continue;
            }

            string condition = seen is not null ? "!" + seen : local + " is null";
            _w.Open($"if ({condition})");
            _w.Line($"throw {CSharpTypes.Evs}.EvsJson.MissingProperty({CSharpTypes.Evs}.ContractCheck.Join(path, {CSharpLiteral.String(property.JsonName)}));");
            _w.Close();
        }

        _w.Line();
        _w.Line($"return new {self}");
        _w.Line("{");
        _w.Indent();
        foreach (var (property, local, _) in locals)
        {
            bool nonNullValue = property.Required && !property.Nullable;
            string suffix = nonNullValue ? (property.Type.IsValueType ? ".GetValueOrDefault()" : "!") : string.Empty;
            _w.Line($"{Naming.Escape(property.Name)} = {local}{suffix},");
        }

        _w.Outdent();
        _w.Line("};");
        _w.Close();
    }

    /// <summary>Writes both <c>ReadJson</c> overloads up to the object's first member; the caller writes the rest and closes.</summary>
    /// <summary>One known member: reads its value into <paramref name="local"/> and notes it as seen.</summary>
    private void EmitPropertyRead(TypeModel type, PropertyModel property, string local, string? seen)
    {
        _w.Line("reader.Read();");
        string pathExpression = $"{CSharpTypes.Evs}.ContractCheck.Join(path, {CSharpLiteral.String(property.JsonName)})";
        bool nullable = !property.Required || property.Nullable;
        if (nullable)
        {
            _w.Open($"if (reader.TokenType == {CSharpTypes.Json}.JsonTokenType.Null)");
            _w.Line($"{local} = null;");
            _w.Close();
            _w.Open("else");
            EmitValueRead(property.Type, local, pathExpression, type.IsInput);
            _w.Close();
        }
        else
        {
            EmitValueRead(property.Type, local, pathExpression, type.IsInput);
        }

        if (seen is not null)
        {
            _w.Line($"{seen} = true;");
        }
    }

    private void OpenReadJson(string self, string summary, string expected)
    {
        _w.Line();
        _w.Line($"/// <summary>{summary}</summary>");
        _w.Line("/// <param name=\"reader\">The reader, on the value's first token or just before it.</param>");
        _w.Line("/// <returns>The value.</returns>");
        _w.Line($"public static {self} ReadJson(ref {CSharpTypes.Json}.Utf8JsonReader reader) => ReadJson(ref reader, string.Empty);");
        _w.Line();
        _w.Line("/// <inheritdoc cref=\"ReadJson(ref global::System.Text.Json.Utf8JsonReader)\"/>");
        _w.Line("/// <param name=\"reader\">The reader.</param>");
        _w.Line("/// <param name=\"path\">The JSON path of the value, for error messages.</param>");
        _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        _w.Open($"public static {self} ReadJson(ref {CSharpTypes.Json}.Utf8JsonReader reader, string path)");
        _w.Open($"if (reader.TokenType == {CSharpTypes.Json}.JsonTokenType.None && !reader.Read())");
        _w.Line($"throw {CSharpTypes.Evs}.EvsJson.MissingProperty(path.Length == 0 ? \"$\" : path);");
        _w.Close();
        _w.Open($"if (reader.TokenType != {CSharpTypes.Json}.JsonTokenType.StartObject)");
        _w.Line($"throw {CSharpTypes.Evs}.EvsJson.Unexpected(ref reader, path.Length == 0 ? \"$\" : path, \"{expected}\");");
        _w.Close();
    }

    /// <summary>Reads the value the reader is on into <paramref name="target"/>; <paramref name="path"/> is evaluated only on error.</summary>
    private void EmitValueRead(TypeRef type, string target, string path, bool input)
    {
        string json = CSharpTypes.Json;
        string evs = CSharpTypes.Evs;
        switch (type.Kind)
        {
            case TypeRefKind.String:
                _w.Open($"if (reader.TokenType != {json}.JsonTokenType.String)");
                _w.Line($"throw {evs}.EvsJson.Unexpected(ref reader, {path}, \"a string\");");
                _w.Close();
                _w.Line($"{target} = {evs}.EvsJson.GetString(ref reader);");
                break;
            case TypeRefKind.StringOrNumber:
                _w.Line($"{target} = {evs}.EvsJson.ReadStringOrNumber(ref reader, {path});");
                break;
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double:
                string clr = type.Kind switch { TypeRefKind.Int32 => "Int32", TypeRefKind.Int64 => "Int64", _ => "Double" };
                string expected = type.Kind == TypeRefKind.Double ? "a number" : type.Kind == TypeRefKind.Int32 ? "a 32-bit integer" : "a 64-bit integer";
                string number = Local("number");
                _w.Open($"if (reader.TokenType != {json}.JsonTokenType.Number || !reader.TryGet{clr}(out var {number}))");
                _w.Line($"throw {evs}.EvsJson.Unexpected(ref reader, {path}, \"{expected}\");");
                _w.Close();
                _w.Line($"{target} = {number};");
                break;
            case TypeRefKind.Boolean:
                _w.Open($"if (reader.TokenType is not ({json}.JsonTokenType.True or {json}.JsonTokenType.False))");
                _w.Line($"throw {evs}.EvsJson.Unexpected(ref reader, {path}, \"true or false\");");
                _w.Close();
                _w.Line($"{target} = reader.GetBoolean();");
                break;
            case TypeRefKind.DateTime:
                string date = Local("date");
                _w.Open($"if (!{evs}.EvsDateTime.TryRead(ref reader, out var {date}))");
                _w.Line($"throw {evs}.EvsJson.Unexpected(ref reader, {path}, \"a date-time string (YYYY-MM-DDTHH:MM:SS[.fraction][offset])\");");
                _w.Close();
                _w.Line($"{target} = {date};");
                break;
            case TypeRefKind.Enum:
                _w.Open($"if (reader.TokenType != {json}.JsonTokenType.String)");
                _w.Line($"throw {evs}.EvsJson.Unexpected(ref reader, {path}, \"a string\");");
                _w.Close();
                _w.Line($"{target} = {CSharpTypes.Named(Ns, type.Name!)}.ReadJsonValue(ref reader);");
                break;
            case TypeRefKind.Object:
                _w.Line($"{target} = {CSharpTypes.Named(Ns, type.Name!)}.ReadJson(ref reader, {path});");
                break;
            case TypeRefKind.Array:
                string list = Local("list");
                string item = Local("item");
                _w.Open($"if (reader.TokenType != {json}.JsonTokenType.StartArray)");
                _w.Line($"throw {evs}.EvsJson.Unexpected(ref reader, {path}, \"an array\");");
                _w.Close();
                _w.Line($"var {list} = new {CSharpTypes.Concrete(type, Ns, input)}();");
                _w.Open($"while (reader.Read() && reader.TokenType != {json}.JsonTokenType.EndArray)");
                _w.Line($"{CSharpTypes.Of(type.Element!, Ns, input)} {item};");
                EmitValueRead(type.Element!, item, $"{evs}.ContractCheck.Join({path}, {list}.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture))", input);
                _w.Line($"{list}.Add({item});");
                _w.Close();
                _w.Line($"{target} = {list};");
                break;
            case TypeRefKind.Map:
                string map = Local("map");
                string key = Local("key");
                string value = Local("value");
                _w.Open($"if (reader.TokenType != {json}.JsonTokenType.StartObject)");
                _w.Line($"throw {evs}.EvsJson.Unexpected(ref reader, {path}, \"an object\");");
                _w.Close();
                _w.Line($"var {map} = new {CSharpTypes.Concrete(type, Ns, input)}(global::System.StringComparer.Ordinal);");
                _w.Open($"while (reader.Read() && reader.TokenType != {json}.JsonTokenType.EndObject)");
                _w.Line($"string {key} = {evs}.EvsJson.GetString(ref reader);");
                _w.Line("reader.Read();");
                _w.Line($"{CSharpTypes.Of(type.Element!, Ns, input)} {value};");
                EmitValueRead(type.Element!, value, $"{evs}.ContractCheck.Join({path}, {key})", input);
                _w.Line($"{map}[{key}] = {value};");
                _w.Close();
                _w.Line($"{target} = {map};");
                break;
        }
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

    private void EmitConverter(string name, string self, string read, string write)
    {
        _w.Line();
        _w.Line($"/// <summary>Lets System.Text.Json use the generated reader and writer of <see cref=\"{self}\"/>.</summary>");
        EmitterCommon.GeneratedCode(_w);
        _w.Open($"public sealed class {name}JsonConverter : {CSharpTypes.Json}.Serialization.JsonConverter<{self}>");
        _w.Line("/// <inheritdoc/>");
        _w.Line($"public override {self} Read(ref {CSharpTypes.Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {CSharpTypes.Json}.JsonSerializerOptions options) => {read};");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line($"public override void Write({CSharpTypes.Json}.Utf8JsonWriter writer, {self} value, {CSharpTypes.Json}.JsonSerializerOptions options) => {write};");
        _w.Close();
    }

    // ---- keyed envelopes -----------------------------------------------------------------------------------------

    private void EmitEnvelope(TypeModel type)
    {
        string self = CSharpTypes.Named(Ns, type.Name);
        TypeRef valueType = type.EnvelopeValue!;
        string value = CSharpTypes.Of(valueType, Ns, type.IsInput);
        EmitterCommon.Summary(_w, type.Description, $"The {type.Name} object of the spec.");
        _w.Line("/// <remarks>On the wire an object with exactly one member, whose name is data: <c>{\"itemNotFound\": {...}}</c>.</remarks>");
        EmitClassHeader(type.Name, self);
        _w.Line("/// <summary>The member's name, such as <c>badRequest</c> or <c>itemNotFound</c>.</summary>");
        _w.Line("public required string Key { get; init; }");
        _w.Line();
        _w.Line("/// <summary>The member's value.</summary>");
        _w.Line($"public required {value} Value {{ get; init; }}");
        ValueCheckEmitter.EmitPatternField(_w, valueType, ValuePatternField);

        OpenValidateInto();
        _w.Line($"{CSharpTypes.Evs}.ContractCheck.Required(Key, path, \"key\", ref violations);");
        if (!valueType.IsValueType)
        {
            _w.Line($"{CSharpTypes.Evs}.ContractCheck.Required(Value, path, Key ?? \"value\", ref violations);");
        }

        _checks.Emit(valueType, "Value", "path", "Key ?? \"value\"", ValuePatternField, false);
        _w.Close();

        _w.Line();
        _w.Line("/// <summary>Writes this value as a one-member JSON object.</summary>");
        _w.Line("/// <param name=\"writer\">The writer.</param>");
        _w.Open($"public void WriteJson({CSharpTypes.Json}.Utf8JsonWriter writer)");
        _w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        _w.Line("writer.WriteStartObject();");
        _w.Line("writer.WritePropertyName(Key);");
        EmitValueWrite(valueType, "Value", type.IsInput);
        _w.Line("writer.WriteEndObject();");
        _w.Close();

        OpenReadJson(self, "Reads a one-member JSON object.", "an object with one member");
        _w.Open($"if (!reader.Read() || reader.TokenType != {CSharpTypes.Json}.JsonTokenType.PropertyName)");
        _w.Line($"throw {CSharpTypes.Evs}.EvsJson.Unexpected(ref reader, path.Length == 0 ? \"$\" : path, \"an object with one member\");");
        _w.Close();
        _w.Line($"string key = {CSharpTypes.Evs}.EvsJson.GetString(ref reader);");
        _w.Line("reader.Read();");
        _w.Line($"{value} item;");
        EmitValueRead(valueType, "item", $"{CSharpTypes.Evs}.ContractCheck.Join(path, key)", type.IsInput);
        _w.Open($"if (!reader.Read() || reader.TokenType != {CSharpTypes.Json}.JsonTokenType.EndObject)");
        _w.Line($"throw {CSharpTypes.Evs}.EvsJson.Unexpected(ref reader, path.Length == 0 ? \"$\" : path, \"the end of an object with one member\");");
        _w.Close();
        _w.Line($"return new {self} {{ Key = key, Value = item }};");
        _w.Close();
        EmitConvenience(self);
        _w.Close();
        EmitConverter(type.Name, self, $"{self}.ReadJson(ref reader, string.Empty)", "value.WriteJson(writer)");
    }

    // ---- enums ---------------------------------------------------------------------------------------------------

    private void EmitEnum(TypeModel type)
    {
        string self = CSharpTypes.Named(Ns, type.Name);
        string name = Naming.Escape(type.Name);
        string json = CSharpTypes.Json;
        EmitterCommon.Summary(_w, type.Description, $"The {type.Name} values of the spec.");
        _w.Line(type.ExtensibleEnum
            ? "/// <remarks>Extensible: a value the spec does not list is kept as it is and round-trips.</remarks>"
            : "/// <remarks>A value the spec does not list is kept when read, and reported by the owning model's <c>Validate()</c>.</remarks>");
        _w.Line($"[{json}.Serialization.JsonConverter(typeof({CSharpTypes.Named(Ns, type.Name + "JsonConverter")}))]");
        EmitterCommon.GeneratedCode(_w);
        _w.Open($"public readonly partial struct {name} : global::System.IEquatable<{self}>");
        _w.Line("private readonly string? _value;");
        _w.Line();
        _w.Line("/// <summary>A value, listed by the spec or not.</summary>");
        _w.Line("/// <param name=\"value\">The value as it appears in JSON.</param>");
        _w.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (EnumMemberModel member in type.EnumMembers)
        {
            _w.Line();
            _w.Line($"/// <summary><c>{EmitterCommon.DocText(member.Value)}</c></summary>");
            _w.Line($"public static {self} {Naming.Escape(member.Name)} {{ get; }} = new({CSharpLiteral.String(member.Value)});");
        }

        _w.Line();
        _w.Line("/// <summary>The values the spec lists, as JSON text.</summary>");
        _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        var literals = new List<string>();
        foreach (EnumMemberModel member in type.EnumMembers)
        {
            literals.Add(CSharpLiteral.String(member.Value));
        }

        _w.Line($"public static readonly string[] AllowedValues = {{ {string.Join(", ", literals)} }};");
        _w.Line();
        _w.Line("/// <summary>The value as it appears in JSON.</summary>");
        _w.Line("public string Value => _value ?? string.Empty;");
        _w.Line();
        _w.Line("/// <summary>Whether the spec lists this value.</summary>");
        _w.Line($"public bool IsKnown => global::System.Array.IndexOf(AllowedValues, Value) >= 0;");
        _w.Line();
        _w.Line("/// <summary>Reads a value; known values come back without allocating.</summary>");
        _w.Line("/// <param name=\"reader\">The reader, on a string token (the caller checks it, so the error can name its path).</param>");
        _w.Line("/// <returns>The value.</returns>");
        _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        _w.Open($"public static {self} ReadJsonValue(ref {json}.Utf8JsonReader reader)");
        foreach (EnumMemberModel member in type.EnumMembers)
        {
            _w.Open($"if (reader.ValueTextEquals({CSharpLiteral.Utf8(member.Value)}))");
            _w.Line($"return {Naming.Escape(member.Name)};");
            _w.Close();
        }

        _w.Line($"return new {self}({CSharpTypes.Evs}.EvsJson.GetString(ref reader));");
        _w.Close();
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line($"public bool Equals({self} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        _w.Line();
        _w.Line("/// <summary>The value as it appears in JSON.</summary>");
        _w.Line("/// <returns>The value.</returns>");
        _w.Line("public override string ToString() => Value;");
        _w.Line();
        _w.Line("/// <summary>Compares two values ordinally.</summary>");
        _w.Line($"public static bool operator ==({self} left, {self} right) => left.Equals(right);");
        _w.Line();
        _w.Line("/// <summary>Compares two values ordinally.</summary>");
        _w.Line($"public static bool operator !=({self} left, {self} right) => !left.Equals(right);");
        _w.Line();
        _w.Line("/// <summary>Any string is a value; the spec's own are the static properties.</summary>");
        _w.Line($"public static implicit operator {self}(string value) => new(value);");
        _w.Close();
        EmitConverter(type.Name, self, $"reader.TokenType == {json}.JsonTokenType.String ? {self}.ReadJsonValue(ref reader) : throw {CSharpTypes.Evs}.EvsJson.Unexpected(ref reader, \"$\", \"a string\")", $"{CSharpTypes.Evs}.EvsJson.WriteStringValue(writer, value.Value)");
    }

    private string Local(string hint) => "__" + char.ToLowerInvariant(hint[0]) + hint.Substring(1) + (_locals++).ToString(CultureInfo.InvariantCulture);
}
