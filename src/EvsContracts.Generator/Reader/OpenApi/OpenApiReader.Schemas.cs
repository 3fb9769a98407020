using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.Json;
using static EvsContracts.Generator.Diagnostics.DiagnosticText;

namespace EvsContracts.Generator.Reader.OpenApi;

/// <summary>Schemas: types, enums, patterns, constraints, properties and schema references.</summary>
internal sealed partial class OpenApiReader
{
    /// <summary>Schema keywords that change what a value may be; generating code while ignoring them would be wrong.</summary>
    private static readonly string[] s_unsupportedSchemaKeywords =
    {
        "not", "if", "then", "else", "patternProperties",
        "prefixItems", "const", "dependentRequired", "dependentSchemas", "propertyNames", "unevaluatedProperties",
        "unevaluatedItems", "contains", "$dynamicRef", "$recursiveRef",
    };

    /// <summary>The members of OpenAPI and JSON Schema a pointer passes through on its way to a schema.</summary>
    private static readonly string[] s_pointerKeywords =
    {
        "components", "schemas", "definitions", "$defs", "properties", "items", "additionalProperties", "allOf", "oneOf",
        "anyOf", "paths", "parameters", "requestBodies", "requestBody", "responses", "content", "schema",
    };

    /// <summary>What only a JSON number that is not written as an integer holds.</summary>
    private static readonly char[] s_fractionMarks = { '.', 'e', 'E' };

    private static readonly string[] s_supportedFormats = { "uuid", "date-time", "date", "byte", "binary", "base64", "int32", "int64", "float", "double" };

    private OpenApiSchema? ReadSchema(JsonNode node, string pointer)
    {
        if (node is JsonBooleanNode)
        {
            // JSON Schema's boolean schemas (OpenAPI 3.1): true admits any value, as {} does. false admits none, which
            // only a member that is never sent can satisfy; it is read as any value too, so nothing that arrives is lost.
            return new OpenApiSchema(new JsonObjectNode(node.Start, node.End, Array.Empty<JsonMember>()), pointer) { Type = SchemaType.Any };
        }

        if (node is not JsonObjectNode obj)
        {
            Report(DiagnosticDescriptors.SchemaNotObject, node, pointer, Article(node.KindName));
            return null;
        }

        var schema = new OpenApiSchema(obj, pointer);
        if (obj.Find("$ref") is { } refMember)
        {
            // Siblings of $ref are ignored by OpenAPI 3.0 but meant by their authors (and allowed by 3.1):
            // a nullable or described reference keeps that.
            schema.Nullable = OptionalBool(obj, "nullable", pointer) ?? false;
            schema.Description = OptionalString(obj, "description", pointer);
            schema.ReadOnly = OptionalBool(obj, "readOnly", pointer) ?? false;
            schema.WriteOnly = OptionalBool(obj, "writeOnly", pointer) ?? false;
            if (refMember.Value is JsonStringNode { Value: var target } refNode && IsPointerIntoSchema(target))
            {
                return ReadPointedSchema(schema, refNode);
            }

            return ReadSchemaRef(schema, refMember) ? schema : null;
        }

        bool ok = true;
        foreach (JsonMember member in obj.Members)
        {
            if (Array.IndexOf(s_unsupportedSchemaKeywords, member.Name) >= 0)
            {
                Report(DiagnosticDescriptors.SchemaKeywordUnsupported, member, Quote(member.Name), pointer + "/" + member.Name);
                ok = false;
            }
        }

        ok &= ReadType(schema, obj, pointer);
        schema.Nullable |= OptionalBool(obj, "nullable", pointer) ?? false;
        schema.Description = OptionalString(obj, "description", pointer);
        schema.ReadOnly = OptionalBool(obj, "readOnly", pointer) ?? false;
        schema.WriteOnly = OptionalBool(obj, "writeOnly", pointer) ?? false;
        schema.Format = OptionalString(obj, "format", pointer);
        if (schema.Format is not null && Array.IndexOf(s_supportedFormats, schema.Format) < 0)
        {
            // An unknown format is an annotation in JSON Schema: the value stays a plain string, so this is safe to ignore.
            schema.Format = null;
        }

        if (obj.Find("default") is { } defaultMember)
        {
            schema.DefaultText = RawText(defaultMember.Value);
        }

        schema.MinLength = NonNegativeInt(obj, "minLength", pointer);
        schema.MaxLength = NonNegativeInt(obj, "maxLength", pointer);
        schema.MaxBytes = NonNegativeInt(obj, "x-max-bytes", pointer);
        schema.MinProperties = NonNegativeInt(obj, "minProperties", pointer);
        schema.MaxProperties = NonNegativeInt(obj, "maxProperties", pointer);
        schema.Minimum = Number(obj, "minimum", pointer);
        schema.Maximum = Number(obj, "maximum", pointer);
        schema.ExclusiveMinimum = ExclusiveBound(obj, "exclusiveMinimum", schema.Minimum, pointer, out bool minimumMoved);
        schema.ExclusiveMaximum = ExclusiveBound(obj, "exclusiveMaximum", schema.Maximum, pointer, out bool maximumMoved);
        schema.Minimum = minimumMoved ? null : schema.Minimum;
        schema.Maximum = maximumMoved ? null : schema.Maximum;
        schema.MultipleOf = Number(obj, "multipleOf", pointer);
        if (schema.MultipleOf <= 0)
        {
            Report(DiagnosticDescriptors.MultipleOfNotPositive, obj.Get("multipleOf")!, pointer);
            schema.MultipleOf = null;
            ok = false;
        }

        schema.MinItems = NonNegativeInt(obj, "minItems", pointer);
        schema.MaxItems = NonNegativeInt(obj, "maxItems", pointer);
        schema.UniqueItems = OptionalBool(obj, "uniqueItems", pointer) ?? false;
        schema.ExtensibleEnum = OptionalBool(obj, "x-extensible-enum", pointer) ?? false;
        if (obj.Find("x-reserved-prefixes") is { } prefixes)
        {
            schema.ReservedPrefixes = StringArray(prefixes.Value, pointer + "/x-reserved-prefixes");
        }

        if (obj.Find("pattern") is { } patternMember)
        {
            schema.Pattern = ReadPattern(patternMember, pointer);
        }

        if (obj.Find("enum") is { } enumMember)
        {
            ok &= ReadEnum(schema, enumMember, pointer);
        }

        if (obj.Find("properties") is { } propertiesMember)
        {
            if (propertiesMember.Value is JsonObjectNode properties)
            {
                foreach (JsonMember property in properties.Members)
                {
                    OpenApiSchema? propertySchema = ReadSchema(property.Value, pointer + "/properties/" + EscapePointer(property.Name));
                    if (propertySchema is not null)
                    {
                        schema.Properties.Add(new OpenApiProperty(property.Name, property, propertySchema));
                    }
                }
            }
            else
            {
                Report(DiagnosticDescriptors.NotAnObject, propertiesMember.Value, pointer + "/properties");
            }
        }

        if (obj.Find("required") is { } requiredMember)
        {
            List<string>? names = StringArray(requiredMember.Value, pointer + "/required");
            if (names is not null)
            {
                schema.Required.AddRange(names);
            }
        }

        if (obj.Find("items") is { } itemsMember)
        {
            schema.Items = ReadSchema(itemsMember.Value, pointer + "/items");
            ok &= schema.Items is not null;
        }
        else if (schema.Type == SchemaType.Array)
        {
            // No items: JSON Schema admits items of any kind (OpenAPI 3.0 asks for items, 3.1 does not).
            schema.Items = new OpenApiSchema(obj, pointer + "/items") { Type = SchemaType.Any };
        }

        if (obj.Find("additionalProperties") is { } additionalMember)
        {
            if (additionalMember.Value is JsonObjectNode)
            {
                schema.AdditionalProperties = ReadSchema(additionalMember.Value, pointer + "/additionalProperties");
                ok &= schema.AdditionalProperties is not null;
            }
            else if (additionalMember.Value is JsonBooleanNode { Value: true })
            {
                // Members of any type: the same as an empty schema.
                schema.AdditionalProperties = new OpenApiSchema(obj, pointer + "/additionalProperties") { Type = SchemaType.Any };
            }
            else if (additionalMember.Value is not JsonBooleanNode)
            {
                Report(DiagnosticDescriptors.AdditionalPropertiesInvalid, additionalMember.Value, pointer);
                ok = false;
            }
        }

        if (obj.Find("allOf") is { } allOfMember)
        {
            ok &= ReadAllOf(schema, allOfMember, pointer);
        }

        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (obj.Find(keyword) is { } variantsMember)
            {
                ok &= ReadVariants(schema, variantsMember, keyword, pointer);
            }
        }

        return ok ? schema : null;
    }

    /// <summary>
    /// An exclusive bound in either form, as the 3.1 number: OpenAPI 3.0's <c>exclusiveMinimum: true</c> makes
    /// <paramref name="inclusive"/> exclusive (<paramref name="moved"/>), <c>false</c> leaves it as it is.
    /// </summary>
    private decimal? ExclusiveBound(JsonObjectNode obj, string name, decimal? inclusive, string pointer, out bool moved)
    {
        moved = false;
        if (obj.Find(name) is not { } member)
        {
            return null;
        }

        if (member.Value is JsonBooleanNode flag)
        {
            moved = flag.Value && inclusive is not null;
            return moved ? inclusive : null;
        }

        return Number(obj, name, pointer);
    }

    /// <summary><c>{"type": "null"}</c> alone (or with a description): a part that only says "or null".</summary>
    private static bool IsNullOnly(JsonNode node) =>
        node is JsonObjectNode only && only.Find("type")?.Value is JsonStringNode { Value: "null" } or JsonArrayNode { Items: [JsonStringNode { Value: "null" }] }
        && only.Members.All(m => m.Name is "type" or "description" or "title" || m.Name.StartsWith("x-", StringComparison.Ordinal));

    private bool ReadAllOf(OpenApiSchema schema, JsonMember member, string pointer)
    {
        if (member.Value is not JsonArrayNode parts || parts.Items.Count == 0)
        {
            Report(DiagnosticDescriptors.AllOfEmpty, member.Value, pointer);
            return false;
        }

        schema.AllOf = new List<OpenApiSchema>();
        bool ok = true;
        for (int i = 0; i < parts.Items.Count; i++)
        {
            if (IsNullOnly(parts.Items[i]))
            {
                // allOf: [{ $ref }, { "type": "null" }] can only mean "the reference, or null", as in a oneOf: read
                // literally, no value but null could be both, and the other part would say nothing.
                schema.Nullable = true;
                continue;
            }

            OpenApiSchema? part = ReadSchema(parts.Items[i], pointer + "/allOf/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (part is null)
            {
                ok = false;
                continue;
            }

            schema.AllOf.Add(part);
        }

        return ok;
    }

    /// <summary>
    /// The variants of a <c>oneOf</c> or <c>anyOf</c>. A variant that is only <c>{"type": "null"}</c> makes the
    /// schema nullable instead (the 3.1 way to write an optional reference).
    /// </summary>
    private bool ReadVariants(OpenApiSchema schema, JsonMember member, string keyword, string pointer)
    {
        if (member.Value is not JsonArrayNode variants || variants.Items.Count == 0)
        {
            Report(DiagnosticDescriptors.VariantsEmpty, member.Value, pointer, keyword);
            return false;
        }

        schema.Variants ??= new List<OpenApiSchema>();
        bool ok = true;
        for (int i = 0; i < variants.Items.Count; i++)
        {
            if (IsNullOnly(variants.Items[i]))
            {
                schema.Nullable = true;
                continue;
            }

            OpenApiSchema? variant = ReadSchema(variants.Items[i], pointer + "/" + keyword + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (variant is null)
            {
                ok = false;
                continue;
            }

            schema.Variants.Add(variant);
        }

        return ok;
    }

    /// <summary>A local reference to a place other than <c>#/components/schemas/&lt;name&gt;</c> that holds a schema.</summary>
    private bool IsPointerIntoSchema(string target)
    {
        const string Prefix = "#/components/schemas/";
        if (!target.StartsWith("#/", StringComparison.Ordinal)
            || (target.StartsWith(Prefix, StringComparison.Ordinal) && target.IndexOf('/', Prefix.Length) < 0))
        {
            return false;
        }

        return ResolvePointer(target) is JsonObjectNode;
    }

    /// <summary>
    /// A reference into another schema (<c>#/components/schemas/Pet/properties/owner</c>) or into an operation
    /// (<c>#/paths/~1pets/get/responses/200/content/application~1json/schema</c>): the schema there, read as if it were
    /// written in place, so it is generated as an inline schema of the place that uses it. The part it is in (a named
    /// schema) is needed by the part reading it. A place reached again while it is being read holds itself (a tree
    /// node whose children are nodes): that place becomes a named schema of its own, which every reference to it
    /// names from then on.
    /// </summary>
    private OpenApiSchema? ReadPointedSchema(OpenApiSchema reference, JsonStringNode refNode)
    {
        string target = refNode.Value;
        if (_recursiveTargets.TryGetValue(target, out string? named) || !_pointedSchemas.Add(target))
        {
            return NameRecursiveTarget(reference, target, named);
        }

        try
        {
            const string Prefix = "#/components/schemas/";
            if (target.StartsWith(Prefix, StringComparison.Ordinal)
                && _schemaParts.TryGetValue(UnescapePointer(target.Substring(Prefix.Length, target.IndexOf('/', Prefix.Length) - Prefix.Length)), out SpecPart? needed))
            {
                Need(needed);
            }

            OpenApiSchema? pointed = ReadSchema(ResolvePointer(target)!, target.Substring(1));
            if (pointed is not null)
            {
                // What the reference says beside $ref (nullable, a description) is kept, as for a named schema.
                pointed.Nullable |= reference.Nullable;
                pointed.Description = reference.Description ?? pointed.Description;
            }

            return pointed;
        }
        finally
        {
            _pointedSchemas.Remove(target);
        }
    }

    /// <summary>Makes <paramref name="reference"/> name the schema at <paramref name="target"/>, named on first use.</summary>
    private OpenApiSchema NameRecursiveTarget(OpenApiSchema reference, string target, string? name)
    {
        if (name is null)
        {
            name = RecursiveTargetName(target);
            _recursiveTargets[target] = name;
            _recursiveTargetsToRead.Add((name, target));
            _schemaParts[name] = new SpecPart(SpecPartKind.Schema, name);
        }

        Need(_schemaParts[name]);
        reference.RefName = name;
        return reference;
    }

    /// <summary>
    /// The schemas <see cref="NameRecursiveTarget"/> named, each read in its own part as a named schema; reading one
    /// may name another.
    /// </summary>
    private void ReadRecursiveTargets(OpenApiDocument document)
    {
        for (int i = 0; i < _recursiveTargetsToRead.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            (string name, string target) = _recursiveTargetsToRead[i];
            SpecPart part = _schemaParts[name];
            document.Parts.Add(part);
            using SpecDiagnosticBag.PartScope scope = _diagnostics.Within(part);
            JsonNode node = ResolvePointer(target)!;
            OpenApiSchema? schema = ReadSchema(node, target.Substring(1));
            if (schema is not null)
            {
                document.Schemas.Add(new OpenApiNamedSchema(name, MemberAt(target) ?? new JsonMember(name, node.Start, node.Start + 1, node), schema, part));
            }
        }
    }

    /// <summary>
    /// A readable name for a schema reached by a pointer: its named schema and the names on the way, without the
    /// keywords between them (<c>#/components/schemas/Report/definitions/component</c>: <c>Report/component</c>). It
    /// keeps a <c>/</c>, which no name in <c>components.schemas</c> holds, so it never takes one of theirs.
    /// </summary>
    private string RecursiveTargetName(string target)
    {
        var words = new List<string>();
        foreach (string raw in target.Substring(2).Split('/'))
        {
            string token = PointerToken(raw);
            if (Array.IndexOf(s_pointerKeywords, token) < 0 && !token.All(char.IsDigit))
            {
                words.Add(token);
            }
        }

        string stem = words.Count > 0 ? string.Join("/", words) : "schema";
        string name = stem.IndexOf('/') >= 0 ? stem : stem + "/schema";
        for (int i = 2; _schemaParts.ContainsKey(name); i++)
        {
            name = stem + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>The member whose value a pointer leads to, when that value is a member of an object.</summary>
    private JsonMember? MemberAt(string target)
    {
        int slash = target.LastIndexOf('/');
        return slash > 1 && ResolvePointer(target.Substring(0, slash)) is JsonObjectNode parent
            ? parent.Find(PointerToken(target.Substring(slash + 1)))
            : null;
    }

    /// <summary>Records that the part being read needs <paramref name="needed"/>.</summary>
    private void Need(SpecPart needed)
    {
        if (_diagnostics.CurrentPart is { } part && part != needed && !part.Needs.Contains(needed))
        {
            part.Needs.Add(needed);
        }
    }

    private bool ReadSchemaRef(OpenApiSchema schema, JsonMember refMember)
    {
        if (refMember.Value is not JsonStringNode refNode)
        {
            Report(DiagnosticDescriptors.NotAString, refMember.Value, schema.Pointer + "/$ref");
            return false;
        }

        const string Prefix = "#/components/schemas/";
        string target = refNode.Value;
        if (!target.StartsWith("#", StringComparison.Ordinal))
        {
            Report(DiagnosticDescriptors.RemoteSchemaReference, refNode, Quote(target), schema.Pointer);
            return false;
        }

        string name = target.StartsWith(Prefix, StringComparison.Ordinal) ? UnescapePointer(target.Substring(Prefix.Length)) : string.Empty;
        if (name.Length == 0 || name.IndexOf('/') >= 0)
        {
            if (ResolvePointer(target) is null)
            {
                Report(DiagnosticDescriptors.ReferenceUnresolved, refNode, Quote(target), schema.Pointer);
            }
            else
            {
                Report(DiagnosticDescriptors.NonSchemaReference, refNode, Quote(target), schema.Pointer);
            }

            return false;
        }

        if (!_schemaParts.TryGetValue(name, out SpecPart? needed))
        {
            Report(DiagnosticDescriptors.SchemaReferenceUnresolved, refNode, Quote(target), Quote(name), schema.Pointer);
            return false;
        }

        Need(needed);
        schema.RefName = name;
        return true;
    }

    private bool ReadType(OpenApiSchema schema, JsonObjectNode obj, string pointer)
    {
        JsonMember? typeMember = obj.Find("type");
        if (typeMember is null)
        {
            // An untyped schema is what its shape says it is; with no shape it admits any JSON value. The parts of an
            // allOf give its type when they are merged.
            schema.Type = obj.Find("allOf") is not null || obj.Find("oneOf") is not null || obj.Find("anyOf") is not null ? SchemaType.None
                : obj.Find("properties") is not null || obj.Find("additionalProperties") is not null ? SchemaType.Object
                : obj.Find("items") is not null ? SchemaType.Array
                : obj.Find("enum") is not null ? SchemaType.String
                : SchemaType.Any;
            return true;
        }

        var names = new List<string>();
        if (typeMember.Value is JsonStringNode single)
        {
            names.Add(single.Value);
        }
        else if (typeMember.Value is JsonArrayNode array)
        {
            foreach (JsonNode item in array.Items)
            {
                if (item is not JsonStringNode name)
                {
                    Report(DiagnosticDescriptors.TypeNameNotString, item, pointer);
                    return false;
                }

                names.Add(name.Value);
            }
        }
        else
        {
            Report(DiagnosticDescriptors.TypeInvalid, typeMember.Value, pointer);
            return false;
        }

        schema.Nullable = names.Remove("null");
        names.Sort(StringComparer.Ordinal);
        string key = string.Join(",", names);
        switch (key)
        {
            case "object": schema.Type = SchemaType.Object; return true;
            case "string": schema.Type = SchemaType.String; return true;
            case "integer": schema.Type = SchemaType.Integer; return true;
            case "number": schema.Type = SchemaType.Number; return true;
            case "boolean": schema.Type = SchemaType.Boolean; return true;
            case "array": schema.Type = SchemaType.Array; return true;
            case "integer,string": schema.Type = SchemaType.StringOrInteger; return true;
            case "":
                // Only null: a member that is always null (or absent). It is any JSON value to the reader, so a
                // service that starts to send a value does not break the client.
                schema.Type = SchemaType.Any;
                return true;
            default:
                Report(DiagnosticDescriptors.TypeCombinationUnsupported, typeMember.Value, key, pointer);
                return false;
        }
    }

    private bool ReadEnum(OpenApiSchema schema, JsonMember enumMember, string pointer)
    {
        if (enumMember.Value is not JsonArrayNode values || values.Items.Count == 0)
        {
            Report(DiagnosticDescriptors.EnumEmpty, enumMember.Value, pointer);
            return false;
        }

        // An enum without a type is of the type its values have: integers are an integer enum, anything mixed
        // (or another kind) is any JSON value.
        if (schema.Node.Find("type") is null && schema.Type == SchemaType.String && !values.Items.All(v => v is JsonStringNode or JsonNullNode))
        {
            schema.Type = values.Items.All(v => v is JsonNullNode || (v is JsonNumberNode n && n.Text.IndexOfAny(s_fractionMarks) < 0)) ? SchemaType.Integer
                : values.Items.All(v => v is JsonNumberNode or JsonNullNode) ? SchemaType.Number
                : SchemaType.Any;
        }

        if (schema.Type == SchemaType.Integer)
        {
            return ReadIntegerEnum(schema, values, pointer);
        }

        if (schema.Type != SchemaType.String)
        {
            // A boolean or number enum narrows what the type already says: the type is kept, without the check.
            Report(DiagnosticDescriptors.NonStringEnum, enumMember, pointer, schema.Type.ToString().ToLowerInvariant());
            return true;
        }

        var list = new List<string>();
        foreach (JsonNode item in values.Items)
        {
            if (item is JsonNullNode)
            {
                // null listed in an enum: the value may be null.
                schema.Nullable = true;
                continue;
            }

            if (item is not JsonStringNode text)
            {
                // Real specs put a stray object or number in a string enum: the values stay strings, unchecked.
                Report(DiagnosticDescriptors.EnumValueOfOtherType, item, pointer, "a string");
                return true;
            }

            // JSON Schema asks for unique values but allows a value listed twice; it is the same value.
            if (!list.Contains(text.Value))
            {
                list.Add(text.Value);
            }
        }

        if (list.Count == 0)
        {
            OnlyNull(schema);
            return true;
        }

        schema.Enum = list;
        return true;
    }

    /// <summary>An integer enum: the values as invariant text, so <c>1.0</c> and <c>1</c> are one value.</summary>
    private bool ReadIntegerEnum(OpenApiSchema schema, JsonArrayNode values, string pointer)
    {
        var list = new List<string>();
        foreach (JsonNode item in values.Items)
        {
            if (item is JsonNullNode)
            {
                schema.Nullable = true;
                continue;
            }

            if (item is not JsonNumberNode number
                || !decimal.TryParse(number.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal value)
                || decimal.Truncate(value) != value || value < long.MinValue || value > long.MaxValue)
            {
                // An integer enum that lists names or fractions (real specs do): the values stay integers, unchecked.
                Report(DiagnosticDescriptors.EnumValueOfOtherType, item, pointer, "an integer");
                return true;
            }

            string text = ((long)value).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!list.Contains(text))
            {
                list.Add(text);
            }
        }

        if (list.Count == 0)
        {
            OnlyNull(schema);
            return true;
        }

        schema.IntegerEnum = list;
        return true;
    }

    /// <summary>
    /// An enum that lists only null: a member that is always null (or absent), read as any JSON value, as
    /// <c>type: "null"</c> is, so a service that starts to send a value does not break the client.
    /// </summary>
    private static void OnlyNull(OpenApiSchema schema)
    {
        schema.Type = SchemaType.Any;
        schema.Nullable = true;
    }

    private string? ReadPattern(JsonMember member, string pointer)
    {
        if (member.Value is not JsonStringNode pattern)
        {
            Report(DiagnosticDescriptors.PatternNotString, member.Value, pointer);
            return null;
        }

        try
        {
            _ = new Regex(EcmaPattern.ToDotNet(pattern.Value), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return pattern.Value;
        }
        catch (ArgumentException e)
        {
            Report(DiagnosticDescriptors.PatternNotDotNet, pattern, pointer, e.Message);
            return null;
        }
    }

    /// <summary>The literal JSON text of a default value, for documentation.</summary>
    private static string RawText(JsonNode node) => node switch
    {
        JsonStringNode s => "\"" + s.Value + "\"",
        JsonNumberNode n => n.Text,
        JsonBooleanNode b => b.Value ? "true" : "false",
        JsonNullNode => "null",
        JsonArrayNode => "[...]",
        _ => "{...}",
    };
}
