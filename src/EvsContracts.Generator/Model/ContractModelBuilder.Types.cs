using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvsContracts.Generator.Diagnostics;
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

        schema = Merged(schema);
        CheckConstraints(schema);
        if (schema.Type == SchemaType.String)
        {
            _types[typeName] = DefineEnum(typeName, schema);
        }
        else if (schema.Properties.Count == 0 && schema.AdditionalProperties is not null && schema.MaxProperties == 1)
        {
            TypeRef value = Resolve(schema.AdditionalProperties, typeName + "Value", typeName);
            _types[typeName] = new TypeModel { Name = typeName, Kind = TypeModelKind.KeyedEnvelope, Description = schema.Description, EnvelopeValue = value };
        }
        else
        {
            // Reserve the name first: a property may refer back to the type it is declared in.
            var model = new TypeModel { Name = typeName, Kind = TypeModelKind.Object, Description = schema.Description };
            _types[typeName] = model;
            _typeOrder.Add(typeName);
            EquatableArray<PropertyModel> properties = DefineProperties(typeName, schema);
            TypeRef? additional = null;
            if (schema.AdditionalProperties is { } others)
            {
                additional = Resolve(others, typeName + "AdditionalProperty", typeName);
                if (properties.Any(p => p.Name == AdditionalPropertiesName))
                {
                    _diagnostics.Report(DiagnosticDescriptors.PropertyNameReserved, schema.Node.Get("additionalProperties")!, Quote(AdditionalPropertiesName), typeName, AdditionalPropertiesName);
                }
            }

            _types[typeName] = model with { Properties = properties, AdditionalProperties = additional };
            return;
        }

        _typeOrder.Add(typeName);
    }

    /// <summary>The member that holds an object's other members, when its schema has <c>additionalProperties</c>.</summary>
    internal const string AdditionalPropertiesName = "AdditionalProperties";

    private TypeModel DefineEnum(string typeName, OpenApiSchema schema)
    {
        var members = new List<EnumMemberModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string value in schema.Enum!)
        {
            string name = Naming.ToPascalCase(value);
            if (name == typeName || Array.IndexOf(s_reservedEnumMemberNames, name) >= 0)
            {
                name += "Value";
            }

            if (!Naming.IsValidIdentifier(name))
            {
                _diagnostics.Report(DiagnosticDescriptors.EnumValueNameInvalid, schema.Node.Get("enum")!, Quote(value), typeName, schema.Pointer);
                continue;
            }

            if (!names.Add(name))
            {
                _diagnostics.Report(DiagnosticDescriptors.EnumValueNamesCollide, schema.Node.Get("enum")!, Quote(value), typeName, name, schema.Pointer);
                continue;
            }

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

    private EquatableArray<PropertyModel> DefineProperties(string typeName, OpenApiSchema schema)
    {
        var properties = new List<PropertyModel>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (OpenApiProperty property in schema.Properties)
        {
            string name = Naming.ToPascalCase(property.Name);
            if (name == typeName)
            {
                // C# forbids a member named like its type (CS0542).
                name += "Value";
            }

            if (!Naming.IsValidIdentifier(name))
            {
                _diagnostics.Report(DiagnosticDescriptors.PropertyNameInvalid, property.Member, Quote(property.Name), typeName);
                continue;
            }

            if (Array.IndexOf(s_reservedMemberNames, name) >= 0)
            {
                _diagnostics.Report(DiagnosticDescriptors.PropertyNameReserved, property.Member, Quote(property.Name), typeName, name);
                continue;
            }

            if (names.TryGetValue(name, out string? other))
            {
                _diagnostics.Report(DiagnosticDescriptors.PropertyNamesCollide, property.Member, Quote(other), Quote(property.Name), typeName, name);
                continue;
            }

            names[name] = property.Name;
            OpenApiSchema propertySchema = Merged(property.Schema);
            TypeRef type = Resolve(propertySchema, typeName + name, typeName);
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
                _diagnostics.Report(DiagnosticDescriptors.RequiredPropertyMissing, schema.Node.Get("required")!, Quote(required), typeName, schema.Pointer);
            }
        }

        return properties.ToEquatableArray();
    }

    private string? DescriptionOfRef(OpenApiSchema schema) =>
        schema.RefName is { } name && _components.TryGetValue(name, out OpenApiNamedSchema? target) && !IsGeneratedType(target.Schema)
            ? Merged(target.Schema).Description
            : null;

    /// <summary>The C# type of a schema used as a member, element or parameter; inline objects and enums become types named after their place.</summary>
    private TypeRef Resolve(OpenApiSchema schema, string inlineName, string owner)
    {
        schema = Merged(schema);
        if (schema.RefName is { } refName)
        {
            if (_componentTypeNames.TryGetValue(refName, out string? typeName))
            {
                OpenApiNamedSchema component = _components[refName];
                using (_diagnostics.Within(component.Part))
                {
                    DefineType(typeName, component.Schema);
                }

                OpenApiSchema target = Merged(component.Schema);
                return new TypeRef { Kind = target.Type == SchemaType.String ? TypeRefKind.Enum : TypeRefKind.Object, Name = typeName };
            }

            if (!_components.TryGetValue(refName, out OpenApiNamedSchema? alias) || !_resolving.Add(refName))
            {
                _diagnostics.Report(DiagnosticDescriptors.AliasCycle, schema.Node, Quote(refName), schema.Pointer);
                return new TypeRef { Kind = TypeRefKind.String };
            }

            try
            {
                using SpecDiagnosticBag.PartScope scope = _diagnostics.Within(alias.Part);
                return Resolve(alias.Schema, inlineName, owner);
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
                DefineInlineType(inlineName, schema);
                return new TypeRef { Kind = TypeRefKind.Enum, Name = inlineName };
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
                return new TypeRef { Kind = TypeRefKind.Array, Element = Resolve(schema.Items!, inlineName + "Item", owner), Constraints = ConstraintsOf(schema) };
            default:
                if (schema.Properties.Count == 0 && schema.AdditionalProperties is not null && schema.MaxProperties != 1)
                {
                    return new TypeRef { Kind = TypeRefKind.Map, Element = Resolve(schema.AdditionalProperties, inlineName + "Value", owner) };
                }

                DefineInlineType(inlineName, schema);
                return new TypeRef { Kind = TypeRefKind.Object, Name = inlineName };
        }
    }

    private void DefineInlineType(string name, OpenApiSchema schema)
    {
        if (_types.ContainsKey(name) || Claim(name, "the inline schema " + schema.Pointer) is not null)
        {
            if (!_checkedSchemas.Contains("inline:" + schema.Pointer))
            {
                _diagnostics.Report(DiagnosticDescriptors.InlineSchemaNameTaken, schema.Node, schema.Pointer, name);
            }

            return;
        }

        _checkedSchemas.Add("inline:" + schema.Pointer);
        DefineType(name, schema);
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
