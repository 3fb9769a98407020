using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>A keyed envelope: <c>{"itemNotFound": {...}}</c>, an object with one member whose name is data.</summary>
internal sealed partial class ModelEmitter
{
    private void EmitEnvelope(TypeModel type)
    {
        string self = CSharpTypes.Named(Ns, type.Name);
        TypeRef valueType = type.EnvelopeValue!;
        EmitterCommon.Summary(_w, type.Description, $"The {type.Name} object of the spec.");
        _w.Line("/// <remarks>On the wire an object with exactly one member, whose name is data: <c>{\"itemNotFound\": {...}}</c>.</remarks>");
        EmitClassHeader(type.Name, self);
        _w.Line("/// <summary>The member's name, such as <c>badRequest</c> or <c>itemNotFound</c>.</summary>");
        _w.Line("public required string Key { get; init; }");
        _w.Line();
        _w.Line("/// <summary>The member's value.</summary>");
        _w.Line($"public required {CSharpTypes.Of(valueType, Ns, type.IsInput)} Value {{ get; init; }}");
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
        EmitValueWrite(valueType, "Value", type.IsInput, 0);
        _w.Line("writer.WriteEndObject();");
        _w.Close();

        const string Where = "path.Length == 0 ? \"$\" : path";
        OpenReadJson(self, "Reads a one-member JSON object.", "an object with one member");
        _w.Open($"if (!reader.Read() || reader.TokenType != {CSharpTypes.Json}.JsonTokenType.PropertyName)");
        _w.Line($"throw {CSharpTypes.Evs}.EvsJson.Unexpected(ref reader, {Where}, \"an object with one member\");");
        _w.Close();
        _w.Line($"string name = {CSharpTypes.Evs}.EvsJson.GetString(ref reader);");
        _w.Line("reader.Read();");
        if (MemberRead(valueType, false, "name", type.IsInput) is { } read)
        {
            _w.Line($"{CSharpTypes.Of(valueType, Ns, type.IsInput)} value = {read};");
        }
        else
        {
            EmitValueRead(valueType, "value", ReadInto.Declare, $"{CSharpTypes.Evs}.ContractCheck.Join(path, name)", type.IsInput, 0);
        }

        _w.Open($"if (!reader.Read() || reader.TokenType != {CSharpTypes.Json}.JsonTokenType.EndObject)");
        _w.Line($"throw {CSharpTypes.Evs}.EvsJson.Unexpected(ref reader, {Where}, \"the end of an object with one member\");");
        _w.Close();
        _w.Line($"return new {self} {{ Key = name, Value = value }};");
        _w.Close();
        EmitConvenience(self);
        _w.Close();
    }
}
