using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.Json;
using EvsContracts.Generator.Reader.OpenApi;
using EvsContracts.Generator.Support;
using Microsoft.CodeAnalysis;
using static EvsContracts.Generator.Diagnostics.DiagnosticText;

namespace EvsContracts.Generator.Model;

/// <summary>Types: objects, enums, envelopes and inline schemas, their properties, and constraint consistency (EVS105).</summary>
internal sealed partial class ContractModelBuilder
{
    private void DefineType(string typeName, OpenApiSchema schema)
    {
        if (_types.ContainsKey(typeName))
        {
            return;
        }

        // A type, named or inline, breaks a chain of aliases: a list alias of the type it is a member of
        // (Configuration has Configurations, a ConfigurationList of Configuration), or an alias of a list of objects
        // whose members hold that alias again (Just Eat's order-item), is a reference in C#, not a circle.
        HashSet<string> aliases = _resolving;
        _resolving = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            schema = Merged(schema);
            CheckConstraints(schema);
            if (schema.Type == SchemaType.String)
            {
                _types[typeName] = DefineEnum(typeName, schema);
            }
            else if (schema.Properties.Count == 0 && schema.AdditionalProperties is not null && schema.MaxProperties == 1)
            {
                TypeRef value = Resolve(schema.AdditionalProperties, typeName + "Value");
                _types[typeName] = new TypeModel { Name = typeName, Kind = TypeModelKind.KeyedEnvelope, Description = schema.Description, EnvelopeValue = value };
            }
            else
            {
                // Reserve the name first: a property may refer back to the type it is declared in.
                var model = new TypeModel { Name = typeName, Kind = TypeModelKind.Object, Description = schema.Description };
                _types[typeName] = model;
                _typeOrder.Add(typeName);
                EquatableArray<PropertyModel> properties = DefineProperties(typeName, schema);
                TypeRef? additional = schema.AdditionalProperties is { } others
                    ? Resolve(others, typeName + "AdditionalProperty")
                    : null;

                _types[typeName] = model with { Properties = properties, AdditionalProperties = additional };
                return;
            }

            _typeOrder.Add(typeName);
        }
        finally
        {
            _resolving = aliases;
        }
    }

    /// <summary>The member that holds an object's other members, when its schema has <c>additionalProperties</c>.</summary>
    internal const string AdditionalPropertiesName = "AdditionalProperties";

    private static TypeModel DefineEnum(string typeName, OpenApiSchema schema)
    {
        var members = new List<EnumMemberModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < schema.Enum!.Count; i++)
        {
            string value = schema.Enum[i];
            string name = MemberName(value, i, "Value");
            if (name == typeName || Array.IndexOf(s_reservedEnumMemberNames, name) >= 0)
            {
                name += "Value";
            }

            // Values that meet after conversion ("last_activity", "-last_activity") are numbered in enum order; the
            // wire value stays as written.
            name = NumberedMemberName(name, names, typeName);

            members.Add(new EnumMemberModel { Name = name, Value = value });
        }

        return new TypeModel
        {
            Name = typeName,
            Kind = TypeModelKind.Enum,
            Description = schema.Description,
            EnumMembers = members.ToEquatableArray(),
            ExtensibleEnum = schema.ExtensibleEnum,
        };
    }

    /// <summary>Symbols an enum value may be made of alone, and the words a member is named with.</summary>
    private static readonly (char Symbol, string Word)[] s_symbolNames =
    {
        ('*', "Asterisk"), ('-', "Minus"), ('+', "Plus"), ('.', "Dot"), ('/', "Slash"), ('\\', "Backslash"), ('_', "Underscore"),
        (' ', "Space"), ('=', "Equals"), ('<', "LessThan"), ('>', "GreaterThan"), ('!', "Not"), ('?', "Question"), ('@', "At"),
        ('#', "Hash"), ('$', "Dollar"), ('%', "Percent"), ('&', "And"), ('|', "Or"), ('~', "Tilde"), (':', "Colon"), (',', "Comma"),
    };

    /// <summary>
    /// The member name of an enum value or a property: <c>in_progress</c> → <c>InProgress</c>; <c>""</c> →
    /// <c>Empty</c>; a name of symbols alone is spelled out (<c>*</c> → <c>Asterisk</c>, <c>&gt;=</c> →
    /// <c>GreaterThanEquals</c>); a signed number keeps its sign (<c>-1</c> → <c>Minus1</c>); anything else C# cannot
    /// take is <paramref name="fallback"/> and its position from 1.
    /// </summary>
    private static string MemberName(string value, int index, string fallback)
    {
        if (value.Length == 0)
        {
            return "Empty";
        }

        string name = Naming.ToPascalCase(value);
        if (name.Length == 0)
        {
            var spelled = new System.Text.StringBuilder();
            foreach (char c in value)
            {
                int at = Array.FindIndex(s_symbolNames, s => s.Symbol == c);
                if (at < 0)
                {
                    return fallback + (index + 1).ToString(CultureInfo.InvariantCulture);
                }

                spelled.Append(s_symbolNames[at].Word);
            }

            name = spelled.ToString();
        }
        else if (name[0] == '_' && value[0] is '-' or '+' && value.Length > 1 && char.IsDigit(value[1]))
        {
            name = (value[0] == '-' ? "Minus" : "Plus") + name.Substring(1);
        }

        return Naming.IsValidIdentifier(name) ? name : fallback + (index + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <paramref name="stem"/>, or the first of <c>stem2</c>, <c>stem3</c>, ... (<c>stem_2</c> after a digit) that
    /// <paramref name="taken"/> does not hold and is not the type's own name; the name returned is added to it.
    /// </summary>
    private static string NumberedMemberName(string stem, HashSet<string> taken, string typeName)
    {
        string separator = char.IsDigit(stem[stem.Length - 1]) ? "_" : string.Empty;
        string name = stem;
        for (int n = 2; name == typeName || !taken.Add(name); n++)
        {
            name = stem + separator + n.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    private EquatableArray<PropertyModel> DefineProperties(string typeName, OpenApiSchema schema)
    {
        var properties = new List<PropertyModel>();

        // The member that holds the other members is taken first: a property of that name is numbered.
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (schema.AdditionalProperties is not null)
        {
            names.Add(AdditionalPropertiesName);
        }

        for (int index = 0; index < schema.Properties.Count; index++)
        {
            // Names real specs give that C# cannot take as they are get a readable one: spelled out ("+1" → Plus1),
            // moved off a member every model has (Equals → EqualsValue) or off the type's own name (CS0542), and
            // numbered in spec order when two meet after conversion ("id", "_id" → Id, Id2). The wire name stays.
            OpenApiProperty property = schema.Properties[index];
            string name = MemberName(property.Name, index, "Property");
            if (name == typeName || Array.IndexOf(s_reservedMemberNames, name) >= 0)
            {
                name += "Value";
            }

            name = NumberedMemberName(name, names, typeName);
            OpenApiSchema propertySchema = Merged(property.Schema);
            TypeRef type = Resolve(propertySchema, typeName + name);
            OpenApiSchema? refTarget = propertySchema.RefName is { } refName && _components.TryGetValue(refName, out var target) ? Merged(target.Schema) : null;
            bool nullable = propertySchema.Nullable || (refTarget is not null && refTarget.Nullable && !IsGeneratedShape(refTarget));
            properties.Add(new PropertyModel
            {
                JsonName = property.Name,
                Name = name,
                Type = type,
                Required = schema.Required.Contains(property.Name),
                Nullable = nullable,
                Description = propertySchema.Description ?? DescriptionOfRef(propertySchema),
                DefaultText = propertySchema.DefaultText,
                ReadOnly = propertySchema.ReadOnly || refTarget?.ReadOnly == true,
                WriteOnly = propertySchema.WriteOnly || refTarget?.WriteOnly == true,
            });
        }

        foreach (string required in schema.Required)
        {
            if (!schema.Properties.Exists(p => p.Name == required))
            {
                // Real specs require members they describe elsewhere (or nowhere); JSON Schema lets such a member be
                // one of the others, so this is not a contradiction: the generated type just cannot check it.
                JsonNode at = schema.Node.Get("required") is JsonArrayNode list && list.Items.FirstOrDefault(n => n is JsonStringNode { } s && s.Value == required) is { } item
                    ? item
                    : schema.Node;
                _diagnostics.Report(DiagnosticDescriptors.RequiredPropertyMissing, at, Quote(required), typeName, schema.Pointer);
            }
        }

        return properties.ToEquatableArray();
    }

    private string? DescriptionOfRef(OpenApiSchema schema) =>
        schema.RefName is { } name && _components.TryGetValue(name, out OpenApiNamedSchema? target) && !IsGeneratedType(target.Schema)
            ? Merged(target.Schema).Description
            : null;

    /// <summary>
    /// The C# type of a schema used as a member, element or parameter; inline objects and enums become types named
    /// after their place. An inline schema written like a named one is that type; written like an inline schema met
    /// before, it is that one's type when <paramref name="shared"/> (places named after an operation are not, so a
    /// signature never shows another operation's name).
    /// </summary>
    private TypeRef Resolve(OpenApiSchema schema, string inlineName, bool shared = true)
    {
        int? shape = _identity.Of(schema);
        schema = Merged(schema);
        if (schema.RefName is { } refName)
        {
            if (_componentTypeNames.ContainsKey(refName))
            {
                string typeName = DefineComponentType(refName);
                OpenApiSchema target = Merged(_components[refName].Schema);
                return new TypeRef { Kind = target.Type == SchemaType.String ? TypeRefKind.Enum : TypeRefKind.Object, Name = typeName };
            }

            if (!_components.TryGetValue(refName, out OpenApiNamedSchema? alias) || !_resolving.Add(refName))
            {
                _diagnostics.Report(DiagnosticDescriptors.AliasCycle, schema.Node, Quote(refName), schema.Pointer);
                return new TypeRef { Kind = TypeRefKind.String };
            }

            try
            {
                // The inline types of an alias (the items of a named array) are named after the alias, once, not
                // after each place that uses it.
                using SpecDiagnosticBag.PartScope scope = _diagnostics.Within(alias.Part);
                return Resolve(alias.Schema, AliasStem(refName));
            }
            finally
            {
                _resolving.Remove(refName);
            }
        }

        CheckConstraints(schema);
        switch (schema.Type)
        {
            case SchemaType.String when schema.Enum is not null:
                return new TypeRef { Kind = TypeRefKind.Enum, Name = DefineInlineType(inlineName, schema, shape, shared) };
            case SchemaType.String when schema.Format == "date-time":
                return new TypeRef { Kind = TypeRefKind.DateTime, Constraints = ConstraintsOf(schema) };
            case SchemaType.String when schema.Format == "date":
                return new TypeRef { Kind = TypeRefKind.Date };
            case SchemaType.String when schema.Format == "byte":
                return new TypeRef { Kind = TypeRefKind.Bytes };
            case SchemaType.String:
                return new TypeRef { Kind = TypeRefKind.String, Constraints = ConstraintsOf(schema) };
            case SchemaType.StringOrInteger:
                return new TypeRef { Kind = TypeRefKind.StringOrNumber, Constraints = ConstraintsOf(schema) };
            case SchemaType.Integer:
                return new TypeRef { Kind = schema.Format == "int64" ? TypeRefKind.Int64 : TypeRefKind.Int32, Constraints = ConstraintsOf(schema) };
            case SchemaType.Number:
                return new TypeRef { Kind = TypeRefKind.Double, Constraints = ConstraintsOf(schema) };
            case SchemaType.Boolean:
                return new TypeRef { Kind = TypeRefKind.Boolean };
            case SchemaType.Any:
                return new TypeRef { Kind = TypeRefKind.Any };
            case SchemaType.Array:
                return new TypeRef { Kind = TypeRefKind.Array, Element = Resolve(schema.Items!, inlineName + "Item", shared), Constraints = ConstraintsOf(schema) };
            default:
                if (schema.Properties.Count == 0 && schema.AdditionalProperties is not null && schema.MaxProperties != 1)
                {
                    return new TypeRef { Kind = TypeRefKind.Map, Element = Resolve(schema.AdditionalProperties, inlineName + "Value", shared) };
                }

                return new TypeRef { Kind = TypeRefKind.Object, Name = DefineInlineType(inlineName, schema, shape, shared) };
        }
    }

    /// <summary>The stem the inline types of an alias are named with: its name as a C# name (<c>content-directory</c> → <c>ContentDirectory</c>).</summary>
    private static string AliasStem(string componentName)
    {
        string name = Naming.ToPascalCase(componentName);
        return Naming.IsValidIdentifier(name) ? name : "Schema";
    }

    /// <summary>Defines the type of a named schema (once) and returns its name.</summary>
    private string DefineComponentType(string refName)
    {
        string typeName = _componentTypeNames[refName];
        OpenApiNamedSchema component = _components[refName];
        using (_diagnostics.Within(component.Part))
        {
            DefineType(typeName, component.Schema);
        }

        return typeName;
    }

    /// <summary>
    /// Defines the type of an inline schema, named after its place; returns its name. A name another type has is
    /// numbered (<c>TagResourceRequest2</c>), in the order the builder meets them: components, then operations in
    /// document order. The same schema asked for under the same name again is the same type; one written like a named
    /// schema is that type, and one written like a shared inline schema met before is that one's type.
    /// </summary>
    private string DefineInlineType(string name, OpenApiSchema schema, int? shape, bool shared)
    {
        // Merging two parts that both recurse (allOf of two types, each with children of its own type) unfolds
        // without end, one longer name a level: the place in the spec met again inside its own type is that type.
        if (_inlineTypesBeingDefined.TryGetValue(schema.Pointer, out string? outer))
        {
            return outer;
        }

        string key = name + " " + schema.Pointer;
        if (_inlineNames.TryGetValue(key, out string? defined))
        {
            return defined;
        }

        if (shape is int known)
        {
            if (_componentsByShape.TryGetValue(known, out string? component))
            {
                return DefineComponentType(component);
            }

            if (shared && _inlineTypesByShape.TryGetValue(known, out string? same))
            {
                return same;
            }
        }

        string unique = ClaimUnique(name, "the inline schema " + schema.Pointer);
        _inlineNames[key] = unique;
        if (shared && shape is int first)
        {
            _inlineTypesByShape[first] = unique;
        }

        _inlineTypesBeingDefined[schema.Pointer] = unique;
        try
        {
            DefineType(unique, schema);
        }
        finally
        {
            _inlineTypesBeingDefined.Remove(schema.Pointer);
        }

        return unique;
    }

    private static Constraints ConstraintsOf(OpenApiSchema schema) => new()
    {
        MinLength = schema.MinLength,
        MaxLength = schema.MaxLength,
        MaxBytes = schema.MaxBytes,
        ReservedPrefixes = (schema.ReservedPrefixes ?? new List<string>()).ToEquatableArray(),
        Uuid = schema.Format == "uuid",
        Pattern = schema.Pattern,
        Minimum = schema.Minimum?.ToString(CultureInfo.InvariantCulture),
        Maximum = schema.Maximum?.ToString(CultureInfo.InvariantCulture),
        ExclusiveMinimum = schema.ExclusiveMinimum?.ToString(CultureInfo.InvariantCulture),
        ExclusiveMaximum = schema.ExclusiveMaximum?.ToString(CultureInfo.InvariantCulture),
        MultipleOf = schema.MultipleOf?.ToString(CultureInfo.InvariantCulture),
        IntegerEnum = (schema.IntegerEnum ?? new List<string>()).ToEquatableArray(),
        MinItems = schema.MinItems,
        MaxItems = schema.MaxItems,
        UniqueItems = schema.UniqueItems,
    };

    /// <summary>EVS105: constraints no value can satisfy.</summary>
    private void CheckConstraints(OpenApiSchema schema)
    {
        if (!_checkedSchemas.Add(schema.Pointer))
        {
            return;
        }

        if (schema.MinLength > schema.MaxLength)
        {
            Contradiction(schema, "minLength", DiagnosticDescriptors.MinLengthOverMaxLength, Number(schema.MinLength), Number(schema.MaxLength));
        }

        if (schema.MaxBytes is int maxBytes && schema.MinLength > maxBytes)
        {
            // Every code point takes at least one UTF-8 byte.
            Contradiction(schema, "x-max-bytes", DiagnosticDescriptors.MinLengthOverMaxBytes, Number(schema.MinLength), Number(maxBytes));
        }

        if (schema.Minimum > schema.Maximum)
        {
            Contradiction(schema, "minimum", DiagnosticDescriptors.MinimumOverMaximum, Number(schema.Minimum), Number(schema.Maximum));
        }

        if (schema.MinItems > schema.MaxItems)
        {
            Contradiction(schema, "minItems", DiagnosticDescriptors.MinItemsOverMaxItems, Number(schema.MinItems), Number(schema.MaxItems));
        }

        if (schema.MinProperties > schema.MaxProperties)
        {
            Contradiction(schema, "minProperties", DiagnosticDescriptors.MinPropertiesOverMaxProperties, Number(schema.MinProperties), Number(schema.MaxProperties));
        }

        if (schema.ReservedPrefixes is { } prefixes && prefixes.Contains(string.Empty))
        {
            Contradiction(schema, "x-reserved-prefixes", DiagnosticDescriptors.EmptyReservedPrefix);
        }

        if (schema.Enum is { } values && schema.ReservedPrefixes is { } reserved
            && values.All(v => reserved.Exists(p => p.Length > 0 && v.StartsWith(p, StringComparison.Ordinal))))
        {
            Contradiction(schema, "enum", DiagnosticDescriptors.EveryEnumValueReserved);
        }
    }

    /// <summary>Reports at the keyword when the schema spells it, else at the schema; the first argument is the schema's pointer.</summary>
    private void Contradiction(OpenApiSchema schema, string keyword, DiagnosticDescriptor descriptor, params string[] values)
    {
        SpecLocation location = schema.Node.Find(keyword) is { } member ? _diagnostics.Locate(member) : _diagnostics.Locate(schema.Node);
        _diagnostics.Report(descriptor, location, new[] { schema.Pointer }.Concat(values).ToArray());
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
