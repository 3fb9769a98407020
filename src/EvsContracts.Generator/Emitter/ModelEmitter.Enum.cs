using System.Collections.Generic;
using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>A string enum: a readonly struct that keeps any value it reads, with the spec's values as properties.</summary>
internal sealed partial class ModelEmitter
{
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
        var literals = new List<string>();
        foreach (EnumMemberModel member in type.EnumMembers)
        {
            _w.Line();
            _w.Line($"/// <summary><c>{EmitterCommon.DocText(member.Value)}</c></summary>");
            _w.Line($"public static {self} {Naming.Escape(member.Name)} {{ get; }} = new({CSharpLiteral.String(member.Value)});");
            literals.Add(CSharpLiteral.String(member.Value));
        }

        _w.Line();
        _w.Line("/// <summary>The values the spec lists, as JSON text.</summary>");
        _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        _w.Line($"public static global::System.Collections.Immutable.ImmutableArray<string> AllowedValues {{ get; }} = global::System.Collections.Immutable.ImmutableArray.Create({string.Join(", ", literals)});");
        _w.Line();
        _w.Line("/// <summary>The value as it appears in JSON.</summary>");
        _w.Line("public string Value => _value ?? string.Empty;");
        _w.Line();
        _w.Line("/// <summary>Whether the spec lists this value.</summary>");
        _w.Line("public bool IsKnown => AllowedValues.Contains(Value);");

        // Internal: the models' readers check the token first, so the error can name its path.
        _w.Line();
        _w.Line("/// <summary>Reads a value from a string token; known values come back without allocating.</summary>");
        _w.Open($"internal static {self} ReadJsonValue(ref {json}.Utf8JsonReader reader)");
        foreach (EnumMemberModel member in type.EnumMembers)
        {
            _w.Open($"if (reader.ValueTextEquals({CSharpLiteral.Utf8(member.Value)}))");
            _w.Line($"return {Naming.Escape(member.Name)};");
            _w.Close();
        }

        _w.Line($"return new {self}({CSharpTypes.Evs}.EvsJson.GetString(ref reader));");
        _w.Close();
        _w.Line();
        _w.Line("/// <summary>Reads the member <paramref name=\"name\"/> of the object at <paramref name=\"path\"/>, which must be a string.</summary>");
        _w.Line($"internal static {self} ReadJsonValue(ref {json}.Utf8JsonReader reader, string path, string name) =>");
        _w.Line($"    reader.TokenType == {json}.JsonTokenType.String ? ReadJsonValue(ref reader) : throw {CSharpTypes.Evs}.EvsJson.Unexpected(ref reader, {CSharpTypes.Evs}.ContractCheck.Join(path, name), \"a string\");");
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

    /// <summary>
    /// The converter an enum's <c>[JsonConverter]</c> names (a model names the runtime's
    /// <c>EvsJsonModelConverter&lt;T&gt;</c>). Internal: System.Text.Json creates it from the attribute (its
    /// constructor is public), and nothing else needs to see it.
    /// </summary>
    private void EmitConverter(string name, string self, string read, string write)
    {
        _w.Line();
        _w.Line($"/// <summary>Lets System.Text.Json use the generated reader and writer of <see cref=\"{self}\"/>.</summary>");
        EmitterCommon.GeneratedCode(_w);
        _w.Open($"internal sealed class {name}JsonConverter : {CSharpTypes.Json}.Serialization.JsonConverter<{self}>");
        _w.Line($"public override {self} Read(ref {CSharpTypes.Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {CSharpTypes.Json}.JsonSerializerOptions options) => {read};");
        _w.Line();
        _w.Line($"public override void Write({CSharpTypes.Json}.Utf8JsonWriter writer, {self} value, {CSharpTypes.Json}.JsonSerializerOptions options) => {write};");
        _w.Close();
    }
}
