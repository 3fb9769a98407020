using System.Globalization;
using System.Linq;
using System.Text;
using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>A model's <c>ReadJson</c>: unknown members skipped, a missing required member an error that names it.</summary>
internal sealed partial class ModelEmitter
{
    /// <summary>How a read value reaches its local.</summary>
    private enum ReadInto
    {
        /// <summary>The read declares the local (<c>var item = ...</c>).</summary>
        Declare,

        /// <summary>The local exists.</summary>
        Assign,
    }

    private void EmitRead(TypeModel type, string self)
    {
        OpenReadJson(self, "Reads a value from JSON; unknown members are skipped, a missing required member is an error that names it.", "an object");
        (string[] locals, string?[] seen) = LocalNames.ForMembers(type);
        for (int i = 0; i < locals.Length; i++)
        {
            // Collections are read into their concrete type; a required value type that may not be null has a flag.
            PropertyModel property = type.Properties[i];
            if (property.WriteOnly)
            {
                continue;
            }

            string localType = property.Type.Kind is TypeRefKind.Array or TypeRefKind.Map
                ? CSharpTypes.Concrete(property.Type, Ns, type.IsInput)
                : CSharpTypes.Of(property.Type, Ns, type.IsInput);
            _w.Line(IsNullable(property) || !property.Type.IsValueType ? $"{localType}? {locals[i]} = null;" : $"{localType} {locals[i]} = default;");
            if (seen[i] is { } flag)
            {
                _w.Line($"bool {flag} = false;");
            }
        }

        // The other members' map: a name no member's local can have.
        string additional = "additionalMembers";
        while (locals.Any(l => l.StartsWith(additional, System.StringComparison.Ordinal)) || seen.Any(s => s?.StartsWith(additional, System.StringComparison.Ordinal) == true))
        {
            additional += "_";
        }

        TypeRef? map = AdditionalMap(type);
        if (map is not null)
        {
            _w.Line($"{CSharpTypes.Concrete(map, Ns, type.IsInput)}? {additional} = null;");
        }

        _w.Open($"while (reader.Read() && reader.TokenType != {CSharpTypes.Json}.JsonTokenType.EndObject)");
        if (map is not null && type.Properties.All(p => p.WriteOnly))
        {
            _w.Line($"string {additional}Key = {CSharpTypes.Evs}.EvsJson.GetString(ref reader);");
            _w.Line("reader.Read();");
            EmitAdditionalRead(type, map, additional, additional + "Key");
        }
        else if (type.Properties.All(p => p.WriteOnly))
        {
            _w.Line("reader.Read();");
            _w.Line("reader.Skip();");
        }
        else
        {
            // Raw bytes, by length first: one jump picks the few names of that length, each compared in a load or
            // two. ValueTextEquals would look at the token every time, and a chain of names compares every length.
            // The name's bytes stay valid after the reader moves on to the value: they are the input's own, or a copy.
            _w.Line($"global::System.ReadOnlySpan<byte> propertyName = {CSharpTypes.Evs}.EvsJson.PropertyName(ref reader);");
            _w.Line("reader.Read();");
            _w.Open("switch (propertyName.Length)");
            foreach (int i in Enumerable.Range(0, locals.Length).Where(i => !type.Properties[i].WriteOnly).OrderBy(i => Encoding.UTF8.GetByteCount(type.Properties[i].JsonName)))
            {
                PropertyModel property = type.Properties[i];
                string length = Encoding.UTF8.GetByteCount(property.JsonName).ToString(CultureInfo.InvariantCulture);
                _w.Line($"case {length} when global::System.MemoryExtensions.SequenceEqual(propertyName, {CSharpLiteral.Utf8(property.JsonName)}):");
                _w.Indent();
                EmitPropertyRead(type, property, locals[i], seen[i]);
                _w.Line("break;");
                _w.Outdent();
            }

            _w.Line("default:");
            _w.Indent();
            if (map is not null)
            {
                EmitAdditionalRead(type, map, additional, "global::System.Text.Encoding.UTF8.GetString(propertyName)");
            }
            else
            {
                _w.Line("reader.Skip();");
            }

            _w.Line("break;");
            _w.Outdent();
            _w.Close();
        }

        _w.Close();
        for (int i = 0; i < locals.Length; i++)
        {
            PropertyModel property = type.Properties[i];
            if (property.Required && !property.WriteOnly)
            {
                _w.Open($"if ({(seen[i] is { } flag ? "!" + flag : locals[i] + " is null")})");
                _w.Line($"throw {CSharpTypes.Evs}.EvsJson.MissingProperty({CSharpTypes.Evs}.ContractCheck.Join(path, {CSharpLiteral.String(property.JsonName)}));");
                _w.Close();
            }
        }

        _w.Line();
        _w.Line($"return new {self}");
        _w.Line("{");
        _w.Indent();
        for (int i = 0; i < locals.Length; i++)
        {
            if (!type.Properties[i].WriteOnly)
            {
                _w.Line($"{Naming.Escape(type.Properties[i].Name)} = {locals[i]},");
            }
        }

        if (map is not null)
        {
            _w.Line($"{ContractModelBuilder.AdditionalPropertiesName} = {additional},");
        }

        _w.Outdent();
        _w.Line("};");
        _w.Close();
    }

    /// <summary>A member the spec does not name: read into the map of other members, created on the first.</summary>
    private void EmitAdditionalRead(TypeModel type, TypeRef map, string additional, string name)
    {
        // Named after the map's local, which no member's local has, so they cannot clash with one either.
        string key = additional + "Key", value = additional + "Value";
        if (name != key)
        {
            _w.Line($"string {key} = {name};");
        }

        EmitValueRead(type.AdditionalProperties!, value, ReadInto.Declare, $"{CSharpTypes.Evs}.ContractCheck.Join(path, {key})", type.IsInput, 1);
        _w.Line($"({additional} ??= new {CSharpTypes.Concrete(map, Ns, type.IsInput)}(global::System.StringComparer.Ordinal))[{key}] = {value};");
    }

    /// <summary>One known member: reads its value into <paramref name="local"/> and notes it as seen.</summary>
    private void EmitPropertyRead(TypeModel type, PropertyModel property, string local, string? seen)
    {
        string name = CSharpLiteral.String(property.JsonName);
        if (MemberRead(property.Type, IsNullable(property), name, type.IsInput) is { } read)
        {
            _w.Line($"{local} = {read};");
        }
        else if (IsNullable(property))
        {
            _w.Open($"if (reader.TokenType == {CSharpTypes.Json}.JsonTokenType.Null)");
            _w.Line($"{local} = null;");
            _w.Close();
            _w.Open("else");
            EmitValueRead(property.Type, local, ReadInto.Assign, $"{CSharpTypes.Evs}.ContractCheck.Join(path, {name})", type.IsInput, 0);
            _w.Close();
        }
        else
        {
            EmitValueRead(property.Type, local, ReadInto.Assign, $"{CSharpTypes.Evs}.ContractCheck.Join(path, {name})", type.IsInput, 0);
        }

        if (seen is not null)
        {
            _w.Line($"{seen} = true;");
        }
    }

    /// <summary>
    /// The call that reads the member <paramref name="name"/> (a C# expression) of the object at <c>path</c>, the
    /// reader on its value; null for a collection of objects, enums or collections, which a loop reads.
    /// </summary>
    private string? MemberRead(TypeRef type, bool nullable, string name, bool input)
    {
        string evs = CSharpTypes.Evs;
        if (Scalar(type.Kind) is { } scalar)
        {
            // The runtime reads null itself: its message for a wrong token is the same either way.
            return $"{evs}.EvsJson.Read{(nullable ? "Nullable" : string.Empty)}{scalar}(ref reader, path, {name})";
        }

        string? read = type.Kind switch
        {
            TypeRefKind.Enum => $"{CSharpTypes.Named(Ns, type.Name!)}.ReadJsonValue(ref reader, path, {name})",
            TypeRefKind.Object => $"{CSharpTypes.Named(Ns, type.Name!)}.ReadJson(ref reader, {evs}.ContractCheck.Join(path, {name}))",
            TypeRefKind.Array when Scalar(type.Element!.Kind) is { } item => $"{evs}.EvsJson.ReadList(ref reader, path, {name}, {evs}.EvsJsonScalar.{item}Values)",
            TypeRefKind.Map when Scalar(type.Element!.Kind) is { } item => $"{evs}.EvsJson.ReadMap(ref reader, path, {name}, {evs}.EvsJsonScalar.{item}Values)",
            _ => null,
        };
        if (read is null || !nullable)
        {
            return read;
        }

        // An enum converts from a string, so a bare null would become one; its nullable type's default is meant.
        string none = type.Kind == TypeRefKind.Enum ? $"default({CSharpTypes.Named(Ns, type.Name!)}?)" : "null";
        return $"reader.TokenType == {CSharpTypes.Json}.JsonTokenType.Null ? {none} : {read}";
    }

    /// <summary>The runtime's name for a scalar kind (<c>EvsJson.ReadInt64</c>, <c>EvsJsonScalar.Int64Values</c>); null for others.</summary>
    private static string? Scalar(TypeRefKind kind) => kind switch
    {
        TypeRefKind.String => "String",
        TypeRefKind.StringOrNumber => "StringOrNumber",
        TypeRefKind.Int32 => "Int32",
        TypeRefKind.Int64 => "Int64",
        TypeRefKind.Double => "Double",
        TypeRefKind.Boolean => "Boolean",
        TypeRefKind.DateTime => "DateTime",
        TypeRefKind.Date => "Date",
        TypeRefKind.Bytes => "Bytes",
        TypeRefKind.Any => "Element",
        _ => null,
    };

    /// <summary>Writes both <c>ReadJson</c> overloads up to the object's first member; the caller writes the rest and closes.</summary>
    private void OpenReadJson(string self, string summary, string expected)
    {
        _w.Line();
        _w.Line($"/// <summary>{summary}</summary>");
        _w.Line("/// <param name=\"reader\">The reader, on the value's first token or just before it.</param>");
        _w.Line("/// <returns>The value.</returns>");
        _w.Line($"public static {self} ReadJson(ref {CSharpTypes.Json}.Utf8JsonReader reader) => ReadJson(ref reader, string.Empty);");

        // Internal: the path only makes the errors of nested values name where they are.
        _w.Line();
        _w.Open($"internal static {self} ReadJson(ref {CSharpTypes.Json}.Utf8JsonReader reader, string path)");
        _w.Open($"if (reader.TokenType == {CSharpTypes.Json}.JsonTokenType.None && !reader.Read())");
        _w.Line($"throw {CSharpTypes.Evs}.EvsJson.MissingProperty(path.Length == 0 ? \"$\" : path);");
        _w.Close();
        EmitExpect("StartObject", "path.Length == 0 ? \"$\" : path", expected);
    }

    /// <summary>Throws unless the reader is on a token of <paramref name="token"/> (a JsonTokenType member).</summary>
    private void EmitExpect(string token, string path, string expected)
    {
        _w.Open($"if (reader.TokenType != {CSharpTypes.Json}.JsonTokenType.{token})");
        _w.Line($"throw {CSharpTypes.Evs}.EvsJson.Unexpected(ref reader, {path}, \"{expected}\");");
        _w.Close();
    }

    /// <summary>
    /// Reads the value the reader is on into <paramref name="target"/> where no one call can: an item of a collection,
    /// or a collection of objects, enums or collections. <paramref name="path"/> is evaluated only on error for a
    /// scalar or an enum, and <paramref name="depth"/> numbers the locals of nested collections.
    /// </summary>
    private void EmitValueRead(TypeRef type, string target, ReadInto into, string path, bool input, int depth)
    {
        string evs = CSharpTypes.Evs;
        string declare = into == ReadInto.Declare ? CSharpTypes.Of(type, Ns, input) + " " : string.Empty;
        switch (type.Kind)
        {
            case TypeRefKind.Enum:
                EmitExpect("String", path, "a string");
                _w.Line($"{declare}{target} = {CSharpTypes.Named(Ns, type.Name!)}.ReadJsonValue(ref reader);");
                break;
            case TypeRefKind.Object:
                _w.Line($"{declare}{target} = {CSharpTypes.Named(Ns, type.Name!)}.ReadJson(ref reader, {path});");
                break;
            case TypeRefKind.Array:
                string item = LocalNames.Nested("item", depth);
                EmitExpect("StartArray", path, "an array");
                _w.Line($"{(into == ReadInto.Declare ? "var " : string.Empty)}{target} = new {CSharpTypes.Concrete(type, Ns, input)}();");
                _w.Open($"while (reader.Read() && reader.TokenType != {CSharpTypes.Json}.JsonTokenType.EndArray)");
                EmitValueRead(type.Element!, item, ReadInto.Declare, $"{evs}.ContractCheck.Join({path}, {target}.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture))", input, depth + 1);
                _w.Line($"{target}.Add({item});");
                _w.Close();
                break;
            case TypeRefKind.Map:
                string key = LocalNames.Nested("key", depth);
                string value = LocalNames.Nested("item", depth);
                EmitExpect("StartObject", path, "an object");
                _w.Line($"{(into == ReadInto.Declare ? "var " : string.Empty)}{target} = new {CSharpTypes.Concrete(type, Ns, input)}(global::System.StringComparer.Ordinal);");
                _w.Open($"while (reader.Read() && reader.TokenType != {CSharpTypes.Json}.JsonTokenType.EndObject)");
                _w.Line($"string {key} = {evs}.EvsJson.GetString(ref reader);");
                _w.Line("reader.Read();");
                EmitValueRead(type.Element!, value, ReadInto.Declare, $"{evs}.ContractCheck.Join({path}, {key})", input, depth + 1);
                _w.Line($"{target}[{key}] = {value};");
                _w.Close();
                break;
            default:
                // A scalar item of a nested collection: the runtime's kind reads it, the path is composed on error.
                string scalar = $"{evs}.EvsJsonScalar.{Scalar(type.Kind)}Values";
                _w.Open($"if (!{scalar}.TryRead(ref reader, out {CSharpTypes.Of(type, Ns, input)} {target}))");
                _w.Line($"throw {evs}.EvsJson.Unexpected(ref reader, {path}, {scalar}.Expected);");
                _w.Close();
                break;
        }
    }
}
