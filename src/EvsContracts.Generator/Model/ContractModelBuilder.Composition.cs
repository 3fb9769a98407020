using System;
using System.Collections.Generic;
using System.Linq;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.OpenApi;
using static EvsContracts.Generator.Diagnostics.DiagnosticText;

namespace EvsContracts.Generator.Model;

/// <summary>
/// <c>allOf</c>: a value must satisfy every part, so the parts and the schema's own members are merged into one schema
/// (properties, required names, constraints), and the rest of the builder never sees <c>allOf</c>.
/// </summary>
/// <remarks>
/// Flattening keeps the wire and <c>Validate()</c> exactly right whatever the parts are: a derived class would be
/// right only when the base's rules are not tightened by the other parts. An <c>allOf</c> whose only part with a shape
/// is one <c>$ref</c> (the usual way to describe a reference in OpenAPI 3.0) is that reference, so the referenced type
/// is used, and a reference to a primitive stays that primitive.
/// </remarks>
internal sealed partial class ContractModelBuilder
{
    private readonly Dictionary<OpenApiSchema, OpenApiSchema> _merged = new();
    private readonly HashSet<OpenApiSchema> _merging = new();

    /// <summary>The schema with its <c>allOf</c> parts merged in; the schema itself when it has none.</summary>
    private OpenApiSchema Merged(OpenApiSchema schema)
    {
        if (schema.AllOf is null && schema.Variants is null)
        {
            return schema;
        }

        if (_merged.TryGetValue(schema, out OpenApiSchema? done))
        {
            return done;
        }

        if (!_merging.Add(schema))
        {
            // A part that includes the schema itself, through references.
            _diagnostics.Report(DiagnosticDescriptors.AliasCycle, schema.Node, Quote(schema.Pointer), schema.Pointer);
            return Own(schema);
        }

        try
        {
            OpenApiSchema merged = Merge(schema);
            _merged[schema] = merged;
            return merged;
        }
        finally
        {
            _merging.Remove(schema);
        }
    }

    private OpenApiSchema Merge(OpenApiSchema schema)
    {
        if (schema.Variants is { } variants)
        {
            if (variants.Count > 1)
            {
                // A value that is one of several shapes: kept as the JSON it is (JsonElement), so nothing is lost
                // whichever variant arrives.
                return new OpenApiSchema(schema.Node, schema.Pointer)
                {
                    Composed = schema.Composed,
                    Type = SchemaType.Any,
                    Description = schema.Description,
                    ReadOnly = schema.ReadOnly,
                    WriteOnly = schema.WriteOnly,
                };
            }

            // One variant (beside null): that variant, as a part of an allOf.
            var single = new OpenApiSchema(schema.Node, schema.Pointer) { Composed = schema.Composed };
            MergeInto(single, schema);
            single.Type = schema.Type;
            single.Nullable = schema.Nullable;
            single.Description = schema.Description;
            single.AllOf = (schema.AllOf ?? new List<OpenApiSchema>()).Concat(variants).ToList();
            return Merge(single);
        }

        List<OpenApiSchema> shaped = schema.AllOf!.Where(HasShape).ToList();
        if (shaped.Count == 1 && shaped[0].RefName is { } refName && !HasShape(Own(schema)))
        {
            // allOf: [{ $ref }] with a description or nullable beside it: the reference, described.
            return new OpenApiSchema(schema.Node, schema.Pointer)
            {
                Composed = schema.Composed,
                RefName = refName,
                Nullable = schema.Nullable || shaped[0].Nullable,
                Description = schema.Description ?? shaped[0].Description,
                ReadOnly = schema.ReadOnly,
                WriteOnly = schema.WriteOnly,
            };
        }

        var merged = new OpenApiSchema(schema.Node, schema.Pointer) { Type = schema.Type, Composed = schema.Composed };
        OpenApiSchema own = Own(schema);
        bool nullable = true;
        foreach (OpenApiSchema part in schema.AllOf!.Select(Target).Append(own))
        {
            if (part != own)
            {
                nullable &= part.Nullable || !HasShape(part);
            }

            if (merged.Type is not (SchemaType.None or SchemaType.Any) && part.Type is not (SchemaType.None or SchemaType.Any)
                && MergeType(merged.Type, part.Type) == merged.Type && merged.Type != part.Type && !(merged.Type == SchemaType.Integer && part.Type == SchemaType.Number))
            {
                Contradiction(schema, "allOf", DiagnosticDescriptors.AllOfTypesConflict, TypeName(merged.Type), TypeName(part.Type));
            }

            if (merged.Pattern is { } pattern && part.Pattern is { } other && pattern != other)
            {
                Contradiction(schema, "allOf", DiagnosticDescriptors.AllOfPatterns);
            }

            MergeInto(merged, part);
        }

        if (merged.Enum is { Count: 0 } || merged.IntegerEnum is { Count: 0 })
        {
            Contradiction(schema, "allOf", DiagnosticDescriptors.AllOfEnumsDisjoint);
        }

        merged.Nullable = schema.Nullable || (nullable && shaped.Count > 0);
        merged.Description = schema.Description ?? shaped.Select(p => Target(p).Description).FirstOrDefault(d => d is not null);
        return merged;
    }

    /// <summary>What a part stands for: the schema a reference names (merged itself), or the inline part merged.</summary>
    private OpenApiSchema Target(OpenApiSchema part)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (part.RefName is { } refName && _components.TryGetValue(refName, out OpenApiNamedSchema? target) && seen.Add(refName))
        {
            part = target.Schema;
        }

        return Merged(part);
    }

    /// <summary>The schema's own members, without its allOf.</summary>
    private static OpenApiSchema Own(OpenApiSchema schema)
    {
        var own = new OpenApiSchema(schema.Node, schema.Pointer) { Composed = schema.Composed };
        MergeInto(own, schema);
        own.Nullable = schema.Nullable;
        own.Description = schema.Description;
        return own;
    }

    /// <summary>Whether a schema says anything about the value beyond documentation and nullability.</summary>
    private static bool HasShape(OpenApiSchema s) =>
        s.RefName is not null || s.AllOf is not null || s.Variants is not null || s.Type is not (SchemaType.None or SchemaType.Any) || s.Format is not null
        || s.Enum is not null || s.MinLength is not null || s.MaxLength is not null || s.MaxBytes is not null || s.ReservedPrefixes is not null
        || s.Pattern is not null || s.Minimum is not null || s.Maximum is not null || s.MinProperties is not null || s.MaxProperties is not null
        || s.ExclusiveMinimum is not null || s.ExclusiveMaximum is not null || s.MultipleOf is not null || s.IntegerEnum is not null
        || s.MinItems is not null || s.MaxItems is not null || s.UniqueItems
        || s.Properties.Count > 0 || s.Required.Count > 0 || s.Items is not null || s.AdditionalProperties is not null;

    /// <summary>Adds what <paramref name="part"/> requires to <paramref name="target"/> (the caller reports conflicts).</summary>
    private static void MergeInto(OpenApiSchema target, OpenApiSchema part)
    {
        target.Type = MergeType(target.Type, part.Type);
        target.Format ??= part.Format;
        target.DefaultText ??= part.DefaultText;
        target.ExtensibleEnum |= part.ExtensibleEnum;
        target.ReadOnly |= part.ReadOnly;
        target.WriteOnly |= part.WriteOnly;
        target.MinLength = Max(target.MinLength, part.MinLength);
        target.MaxLength = Min(target.MaxLength, part.MaxLength);
        target.MaxBytes = Min(target.MaxBytes, part.MaxBytes);
        target.MinProperties = Max(target.MinProperties, part.MinProperties);
        target.MaxProperties = Min(target.MaxProperties, part.MaxProperties);
        target.Minimum = part.Minimum is null || target.Minimum >= part.Minimum ? target.Minimum : part.Minimum;
        target.Maximum = part.Maximum is null || target.Maximum <= part.Maximum ? target.Maximum : part.Maximum;
        target.Pattern ??= part.Pattern;
        target.ExclusiveMinimum = part.ExclusiveMinimum is null || target.ExclusiveMinimum >= part.ExclusiveMinimum ? target.ExclusiveMinimum : part.ExclusiveMinimum;
        target.ExclusiveMaximum = part.ExclusiveMaximum is null || target.ExclusiveMaximum <= part.ExclusiveMaximum ? target.ExclusiveMaximum : part.ExclusiveMaximum;
        target.MultipleOf ??= part.MultipleOf;
        target.MinItems = Max(target.MinItems, part.MinItems);
        target.MaxItems = Min(target.MaxItems, part.MaxItems);
        target.UniqueItems |= part.UniqueItems;
        if (part.IntegerEnum is { } integers)
        {
            target.IntegerEnum = target.IntegerEnum is null ? integers : target.IntegerEnum.Intersect(integers, StringComparer.Ordinal).ToList();
        }
        if (part.ReservedPrefixes is { } prefixes)
        {
            target.ReservedPrefixes = (target.ReservedPrefixes ?? new List<string>()).Union(prefixes, StringComparer.Ordinal).ToList();
        }

        if (part.Enum is { } values)
        {
            target.Enum = target.Enum is null ? values : target.Enum.Intersect(values, StringComparer.Ordinal).ToList();
        }

        foreach (OpenApiProperty property in part.Properties)
        {
            int index = target.Properties.FindIndex(p => p.Name == property.Name);
            if (index < 0)
            {
                target.Properties.Add(property);
                continue;
            }

            // Declared by two parts: the value must satisfy both declarations.
            OpenApiProperty first = target.Properties[index];
            target.Properties[index] = new OpenApiProperty(property.Name, property.Member, Both(first.Schema, property.Schema));
        }

        foreach (string required in part.Required)
        {
            if (!target.Required.Contains(required))
            {
                target.Required.Add(required);
            }
        }

        target.Items = target.Items is null ? part.Items : part.Items is null ? target.Items : Both(target.Items, part.Items);
        target.AdditionalProperties = target.AdditionalProperties is null ? part.AdditionalProperties
            : part.AdditionalProperties is null ? target.AdditionalProperties
            : Both(target.AdditionalProperties, part.AdditionalProperties);
    }

    /// <summary>A schema that requires both, merged when it is used.</summary>
    private static OpenApiSchema Both(OpenApiSchema first, OpenApiSchema second) =>
        new(second.Node, second.Pointer) { Type = SchemaType.None, AllOf = new List<OpenApiSchema> { first, second }, Composed = true };

    private static SchemaType MergeType(SchemaType current, SchemaType next) =>
        next is SchemaType.None or SchemaType.Any ? current
        : current is SchemaType.None or SchemaType.Any ? next
        : current == SchemaType.Number && next == SchemaType.Integer ? next
        : current;

    private static string TypeName(SchemaType type) => type == SchemaType.StringOrInteger ? "[string, integer]" : type.ToString().ToLowerInvariant();

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
