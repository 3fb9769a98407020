using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>A model's <c>WriteJson</c>: names encoded once, absent optional members omitted, text as raw UTF-8.</summary>
internal sealed partial class ModelEmitter
{
    private void EmitWrite(TypeModel type)
    {
        // Names encoded once: the writer then copies them without looking for characters to escape.
        foreach (PropertyModel property in type.Properties)
        {
            if (property.ReadOnly)
            {
                continue;
            }

            _w.Line();
            _w.Line($"private static readonly {CSharpTypes.Json}.JsonEncodedText {NameField(property)} = {CSharpTypes.Json}.JsonEncodedText.Encode({CSharpLiteral.Utf8(property.JsonName)}, {CSharpTypes.Evs}.EvsJson.MinimalEncoder);");
        }

        string[] locals = LocalNames.ForMembers(type).Values;
        _w.Line();
        _w.Line("/// <summary>Writes this value as JSON: names as in the spec, absent optional members omitted, text as raw UTF-8.</summary>");
        _w.Line("/// <param name=\"writer\">The writer.</param>");
        _w.Open($"public void WriteJson({CSharpTypes.Json}.Utf8JsonWriter writer)");
        _w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        _w.Line("writer.WriteStartObject();");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            if (property.ReadOnly)
            {
                continue;
            }

            string name = Naming.Escape(property.Name);
            string jsonName = NameField(property);
            bool valueType = property.Type.IsValueType;
            if (!IsNullable(property) && valueType)
            {
                EmitPropertyWrite(property.Type, jsonName, name, type.IsInput);
                continue;
            }

            // A nullable value type is unwrapped into a local; a reference is read again once known not to be null.
            _w.Open(valueType ? $"if ({name} is {{ }} {locals[i]})" : $"if ({name} is not null)");
            EmitPropertyWrite(property.Type, jsonName, valueType ? locals[i] : name, type.IsInput);
            _w.Close();
            if (property.Required && !property.WriteOnly)
            {
                // A required member that is null is written as null: the server, not the client, should refuse it.
                // (A write-only one is null in every value read from a response; Validate() names it before sending.)
                _w.Open("else");
                _w.Line($"writer.WriteNull({jsonName});");
                _w.Close();
            }
        }

        if (type.AdditionalProperties is { } additional)
        {
            _w.Open($"if ({ContractModelBuilder.AdditionalPropertiesName} is not null)");
            _w.Open($"foreach (var member in {ContractModelBuilder.AdditionalPropertiesName})");
            _w.Line("writer.WritePropertyName(member.Key);");
            EmitValueWrite(additional, "member.Value", type.IsInput, 0);
            _w.Close();
            _w.Close();
        }

        _w.Line("writer.WriteEndObject();");
        _w.Close();
    }

    private static string NameField(PropertyModel property) => StaticField(property, "JsonName");

    private void EmitPropertyWrite(TypeRef type, string jsonName, string value, bool input)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String or TypeRefKind.StringOrNumber:
                _w.Line($"{CSharpTypes.Evs}.EvsJson.WriteString(writer, {jsonName}, {value});");
                return;
            case TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double:
                _w.Line($"writer.WriteNumber({jsonName}, {value});");
                return;
            case TypeRefKind.Boolean:
                _w.Line($"writer.WriteBoolean({jsonName}, {value});");
                return;
        }

        _w.Line($"writer.WritePropertyName({jsonName});");
        EmitValueWrite(type, value, input, 0);
    }

    /// <summary>Writes one value; <paramref name="depth"/> numbers the locals of nested collections.</summary>
    private void EmitValueWrite(TypeRef type, string value, bool input, int depth)
    {
        if (ScalarWrite(type, value) is { } statement)
        {
            _w.Line(statement);
            return;
        }

        if (type.Kind == TypeRefKind.Array)
        {
            // By index: an IList or IReadOnlyList enumerated through the interface would box its enumerator.
            string i = LocalNames.Nested("i", depth);
            _w.Line("writer.WriteStartArray();");
            _w.Open($"for (int {i} = 0; {i} < {value}.Count; {i}++)");
            EmitValueWrite(type.Element!, $"{value}[{i}]", input, depth + 1);
            _w.Close();
            _w.Line("writer.WriteEndArray();");
            return;
        }

        // A map of strings, the common case (EVS metadata), has a runtime overload of its own: one call per entry.
        if (type.Element!.Kind == TypeRefKind.String)
        {
            _w.Line($"{CSharpTypes.Evs}.EvsJsonMaps.Write(writer, {value});");
            return;
        }

        // A map: the runtime walks the entries; the lambda is static, so it is cached and nothing is allocated.
        string item = LocalNames.Nested("value", depth);
        string head = $"{CSharpTypes.Evs}.EvsJsonMaps.Write(writer, {value}, static (writer, {item}) =>";
        if (ScalarWrite(type.Element!, item) is { } single)
        {
            _w.Line($"{head} {single.TrimEnd(';')});");
            return;
        }

        _w.Open(head);
        EmitValueWrite(type.Element!, item, input, depth + 1);
        _w.Close(");");
    }

    /// <summary>The one statement that writes a value that is not a collection; null for a collection.</summary>
    private static string? ScalarWrite(TypeRef type, string value) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.StringOrNumber => $"{CSharpTypes.Evs}.EvsJson.WriteStringValue(writer, {value});",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double => $"writer.WriteNumberValue({value});",
        TypeRefKind.Boolean => $"writer.WriteBooleanValue({value});",
        TypeRefKind.DateTime => $"{CSharpTypes.Evs}.EvsDateTime.Write(writer, {value});",
        TypeRefKind.Date => $"{CSharpTypes.Evs}.EvsJson.WriteDateValue(writer, {value});",
        TypeRefKind.Bytes => $"writer.WriteBase64StringValue({value});",
        TypeRefKind.Any => $"{value}.WriteTo(writer);",
        TypeRefKind.Enum => $"{CSharpTypes.Evs}.EvsJson.WriteStringValue(writer, {value}.Value);",
        TypeRefKind.Object => $"{value}.WriteJson(writer);",
        _ => null,
    };
}
