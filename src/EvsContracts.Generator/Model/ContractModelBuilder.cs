using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.Json;
using EvsContracts.Generator.Reader.OpenApi;
using EvsContracts.Generator.Support;

namespace EvsContracts.Generator.Model;

/// <summary>
/// Turns the OpenAPI subset into the C# contract: type and member names (EVS104), constraint consistency (EVS105),
/// which types are inputs (request bodies: settable members, mutable collections) and the client's operations.
/// </summary>
internal sealed class ContractModelBuilder
{
    /// <summary>Members every generated model has; a spec property may not take their names.</summary>
    private static readonly string[] ReservedMemberNames =
    {
        "Validate", "ValidateInto", "WriteJson", "ReadJson", "ToJson", "ToUtf8Json", "FromJson",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    private static readonly string[] ReservedEnumMemberNames = { "Value", "IsKnown", "KnownValues", "AllowedValues", "ReadJsonValue", "Equals", "GetHashCode", "ToString", "GetType" };

    private readonly OpenApiDocument _document;
    private readonly SpecDiagnosticBag _diagnostics;
    private readonly Dictionary<string, OpenApiNamedSchema> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeModel> _types = new(StringComparer.Ordinal);
    private readonly List<string> _typeOrder = new();
    private readonly HashSet<string> _checkedSchemas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    /// <summary>
    /// Every type name generated into the namespace, and what holds it. Compared ignoring case: types that differ
    /// only in case are not CLS-compliant, and a case-insensitive language (Visual Basic) cannot tell them apart.
    /// </summary>
    private readonly Dictionary<string, string> _claimedNames = new(StringComparer.OrdinalIgnoreCase);

    private ContractModelBuilder(OpenApiDocument document, SpecDiagnosticBag diagnostics)
    {
        _document = document;
        _diagnostics = diagnostics;
    }

    public static ContractModel? Build(OpenApiDocument document, SpecInput input, SpecDiagnosticBag diagnostics)
    {
        var builder = new ContractModelBuilder(document, diagnostics);
        return builder.BuildModel(input);
    }

    private ContractModel? BuildModel(SpecInput input)
    {
        string @namespace = input.Namespace ?? _document.Namespace ?? input.DefaultNamespace;
        foreach (string part in @namespace.Split('.'))
        {
            if (!Naming.IsPlainIdentifier(part))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The namespace \"{@namespace}\" is not a valid C# namespace", _document.InfoNode);
                return null;
            }
        }

        string clientName = input.ClientName ?? _document.ClientName ?? Naming.ToPascalCase(_document.Title) + "Client";
        if (!Naming.IsPlainIdentifier(clientName))
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The client name \"{clientName}\" is not a valid C# identifier; set info.x-client-name", _document.InfoNode);
            return null;
        }

        if (clientName.All(c => c is >= 'a' and <= 'z'))
        {
            // CS8981: such type names may become keywords, so a warnings-as-errors build stops on them.
            _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The client name \"{clientName}\" has only lower-case ASCII letters, which C# may reserve for keywords (CS8981); capitalize it", _document.InfoNode);
            return null;
        }

        foreach (string generated in new[] { clientName, "I" + clientName, clientName + "ServiceCollectionExtensions" })
        {
            _claimedNames[generated] = "the client " + clientName;
        }

        NameComponents();
        foreach (OpenApiNamedSchema component in _document.Schemas)
        {
            if (_componentTypeNames.TryGetValue(component.Name, out string? typeName))
            {
                DefineType(typeName, component.Schema);
            }
            else if (!IsGeneratedType(component.Schema))
            {
                // An alias (a named string, array, ...): checked here, inlined where it is used. (A type whose name
                // was refused above is not retried under its raw name.)
                Resolve(component.Schema, component.Name, string.Empty);
            }
        }

        List<OperationModel> operations = BuildOperations();
        MarkInputs(operations);

        var types = _typeOrder.Select(name => _types[name]).OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray();
        string hintPrefix = @namespace + "." + clientName;
        return new ContractModel(@namespace, clientName, _document.Title, hintPrefix, types, operations.ToEquatableArray());
    }

    private void NameComponents()
    {
        foreach (OpenApiNamedSchema component in _document.Schemas)
        {
            _components[component.Name] = component;
            if (!IsGeneratedType(component.Schema))
            {
                continue;
            }

            string name = Naming.ToPascalCase(component.Name);
            if (!Naming.IsValidIdentifier(name))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The schema name \"{component.Name}\" does not give a C# type name", component.Member);
                continue;
            }

            if (Array.IndexOf(ReservedMemberNames, name) >= 0 || Array.IndexOf(ReservedEnumMemberNames, name) >= 0 || name == "Key")
            {
                // C# forbids a member named like its type (CS0542), and every generated type has these members.
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The schema name \"{component.Name}\" becomes the C# name {name}, which is also the name of a member every generated type has", component.Member);
                continue;
            }

            if (Claim(name, $"\"{component.Name}\"") is { } holder)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The schema name \"{component.Name}\" becomes the C# name {name}, which {holder} already has (generated names must differ in more than case)", component.Member);
                continue;
            }

            _componentTypeNames[component.Name] = name;
        }
    }

    /// <summary>Takes a type name and the name of its JSON converter; when either is taken, returns what holds it.</summary>
    private string? Claim(string typeName, string owner)
    {
        string converter = typeName + "JsonConverter";
        if (_claimedNames.TryGetValue(typeName, out string? holder) || _claimedNames.TryGetValue(converter, out holder))
        {
            return holder;
        }

        _claimedNames[typeName] = owner;
        _claimedNames[converter] = owner;
        return null;
    }

    private static bool IsGeneratedType(OpenApiSchema schema) =>
        schema.RefName is null && (schema.Type == SchemaType.Object || (schema.Type == SchemaType.String && schema.Enum is not null));

    private void DefineType(string typeName, OpenApiSchema schema)
    {
        if (_types.ContainsKey(typeName))
        {
            return;
        }

        CheckConstraints(schema);
        TypeModel model;
        if (schema.Type == SchemaType.String)
        {
            model = DefineEnum(typeName, schema);
        }
        else if (schema.Properties.Count == 0 && schema.AdditionalProperties is not null && schema.MaxProperties == 1)
        {
            TypeRef value = Resolve(schema.AdditionalProperties, typeName + "Value", typeName);
            model = new TypeModel(typeName, TypeModelKind.KeyedEnvelope, schema.Description, EquatableArray<PropertyModel>.Empty,
                EquatableArray<EnumMemberModel>.Empty, false, value, false);
        }
        else
        {
            // Reserve the name first: a property may refer back to the type it is declared in.
            _types[typeName] = new TypeModel(typeName, TypeModelKind.Object, schema.Description, EquatableArray<PropertyModel>.Empty,
                EquatableArray<EnumMemberModel>.Empty, false, null, false);
            _typeOrder.Add(typeName);
            model = new TypeModel(typeName, TypeModelKind.Object, schema.Description, DefineProperties(typeName, schema),
                EquatableArray<EnumMemberModel>.Empty, false, null, false);
            _types[typeName] = model;
            return;
        }

        _types[typeName] = model;
        _typeOrder.Add(typeName);
    }

    private TypeModel DefineEnum(string typeName, OpenApiSchema schema)
    {
        var members = new List<EnumMemberModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string value in schema.Enum!)
        {
            string name = Naming.ToPascalCase(value);
            if (name == typeName || Array.IndexOf(ReservedEnumMemberNames, name) >= 0)
            {
                name += "Value";
            }

            if (!Naming.IsValidIdentifier(name))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The enum value \"{value}\" of {typeName} does not give a C# name ({schema.Pointer}/enum)", schema.Node.Get("enum")!);
                continue;
            }

            if (!names.Add(name))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The enum value \"{value}\" of {typeName} becomes {name}, which another value already has ({schema.Pointer}/enum)", schema.Node.Get("enum")!);
                continue;
            }

            members.Add(new EnumMemberModel(name, value));
        }

        return new TypeModel(typeName, TypeModelKind.Enum, schema.Description, EquatableArray<PropertyModel>.Empty,
            members.ToEquatableArray(), schema.ExtensibleEnum, null, false);
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
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The property \"{property.Name}\" of {typeName} does not give a C# name", property.Member);
                continue;
            }

            if (Array.IndexOf(ReservedMemberNames, name) >= 0)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The property \"{property.Name}\" of {typeName} becomes {name}, a member every generated model already has", property.Member);
                continue;
            }

            if (names.TryGetValue(name, out string? other))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The properties \"{other}\" and \"{property.Name}\" of {typeName} both become the C# name {name}", property.Member);
                continue;
            }

            names[name] = property.Name;
            TypeRef type = Resolve(property.Schema, typeName + name, typeName);
            bool nullable = property.Schema.Nullable || (property.Schema.RefName is { } refName && _components.TryGetValue(refName, out var target) && target.Schema.Nullable && !IsGeneratedType(target.Schema));
            properties.Add(new PropertyModel(
                property.Name,
                name,
                type,
                schema.Required.Contains(property.Name),
                nullable,
                property.Schema.Description ?? DescriptionOfRef(property.Schema),
                property.Schema.DefaultText));
        }

        foreach (string required in schema.Required)
        {
            if (!schema.Properties.Exists(p => p.Name == required))
            {
                _diagnostics.Report(DiagnosticDescriptors.ContradictionId, $"\"{required}\" is required but is not one of the properties of {typeName} ({schema.Pointer}/required)", schema.Node.Get("required")!);
            }
        }

        return properties.ToEquatableArray();
    }

    private string? DescriptionOfRef(OpenApiSchema schema) =>
        schema.RefName is { } name && _components.TryGetValue(name, out OpenApiNamedSchema? target) && !IsGeneratedType(target.Schema)
            ? target.Schema.Description
            : null;

    /// <summary>The C# type of a schema used as a member, element or parameter; inline objects and enums become types named after their place.</summary>
    private TypeRef Resolve(OpenApiSchema schema, string inlineName, string owner)
    {
        if (schema.RefName is { } refName)
        {
            if (_componentTypeNames.TryGetValue(refName, out string? typeName))
            {
                OpenApiSchema target = _components[refName].Schema;
                DefineType(typeName, target);
                return new TypeRef(target.Type == SchemaType.String ? TypeRefKind.Enum : TypeRefKind.Object, typeName, null, Constraints.None);
            }

            if (!_components.TryGetValue(refName, out OpenApiNamedSchema? alias) || !_resolving.Add(refName))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnresolvedRefId, $"The reference to \"{refName}\" goes round in a circle ({schema.Pointer}/$ref)", schema.Node);
                return new TypeRef(TypeRefKind.String, null, null, Constraints.None);
            }

            try
            {
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
                return new TypeRef(TypeRefKind.Enum, inlineName, null, Constraints.None);
            case SchemaType.String:
                return new TypeRef(schema.Format == "date-time" ? TypeRefKind.DateTime : TypeRefKind.String, null, null, ConstraintsOf(schema));
            case SchemaType.StringOrInteger:
                return new TypeRef(TypeRefKind.StringOrNumber, null, null, ConstraintsOf(schema));
            case SchemaType.Integer:
                return new TypeRef(schema.Format == "int64" ? TypeRefKind.Int64 : TypeRefKind.Int32, null, null, ConstraintsOf(schema));
            case SchemaType.Number:
                return new TypeRef(TypeRefKind.Double, null, null, ConstraintsOf(schema));
            case SchemaType.Boolean:
                return new TypeRef(TypeRefKind.Boolean, null, null, Constraints.None);
            case SchemaType.Array:
                return new TypeRef(TypeRefKind.Array, null, Resolve(schema.Items!, inlineName + "Item", owner), Constraints.None);
            default:
                if (schema.Properties.Count == 0 && schema.AdditionalProperties is not null && schema.MaxProperties != 1)
                {
                    return new TypeRef(TypeRefKind.Map, null, Resolve(schema.AdditionalProperties, inlineName + "Value", owner), Constraints.None);
                }

                DefineInlineType(inlineName, schema);
                return new TypeRef(TypeRefKind.Object, inlineName, null, Constraints.None);
        }
    }

    private void DefineInlineType(string name, OpenApiSchema schema)
    {
        if (_types.ContainsKey(name) || Claim(name, "the inline schema " + schema.Pointer) is not null)
        {
            if (!_checkedSchemas.Contains("inline:" + schema.Pointer))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The inline schema {schema.Pointer} would be named {name}, which another type already has; move it to components.schemas", schema.Node);
            }

            return;
        }

        _checkedSchemas.Add("inline:" + schema.Pointer);
        DefineType(name, schema);
    }

    private static Constraints ConstraintsOf(OpenApiSchema schema) => new(
        schema.MinLength,
        schema.MaxLength,
        schema.MaxBytes,
        (schema.ReservedPrefixes ?? new List<string>()).ToEquatableArray(),
        schema.Format == "uuid",
        schema.Pattern,
        schema.Minimum?.ToString(CultureInfo.InvariantCulture),
        schema.Maximum?.ToString(CultureInfo.InvariantCulture));

    /// <summary>EVS105: constraints no value can satisfy.</summary>
    private void CheckConstraints(OpenApiSchema schema)
    {
        if (!_checkedSchemas.Add(schema.Pointer))
        {
            return;
        }

        if (schema.MinLength > schema.MaxLength)
        {
            Contradiction(schema, "minLength", $"minLength {schema.MinLength} is greater than maxLength {schema.MaxLength}");
        }

        if (schema.MaxBytes is int maxBytes && schema.MinLength > maxBytes)
        {
            // Every code point takes at least one UTF-8 byte.
            Contradiction(schema, "x-max-bytes", $"minLength {schema.MinLength} needs at least {schema.MinLength} UTF-8 bytes, more than x-max-bytes {maxBytes}");
        }

        if (schema.Minimum > schema.Maximum)
        {
            Contradiction(schema, "minimum", $"minimum {schema.Minimum?.ToString(CultureInfo.InvariantCulture)} is greater than maximum {schema.Maximum?.ToString(CultureInfo.InvariantCulture)}");
        }

        if (schema.MinProperties > schema.MaxProperties)
        {
            Contradiction(schema, "minProperties", $"minProperties {schema.MinProperties} is greater than maxProperties {schema.MaxProperties}");
        }

        if (schema.ReservedPrefixes is { } prefixes && prefixes.Contains(string.Empty))
        {
            Contradiction(schema, "x-reserved-prefixes", "an empty reserved prefix would refuse every value");
        }

        if (schema.Enum is { } values && schema.ReservedPrefixes is { } reserved
            && values.All(v => reserved.Exists(p => p.Length > 0 && v.StartsWith(p, StringComparison.Ordinal))))
        {
            Contradiction(schema, "enum", "every enum value starts with a reserved prefix");
        }
    }

    private void Contradiction(OpenApiSchema schema, string keyword, string message)
    {
        JsonMember? member = schema.Node.Find(keyword);
        string text = $"Contradictory constraints at {schema.Pointer}: {message}";
        if (member is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.ContradictionId, text, schema.Node);
        }
        else
        {
            _diagnostics.Report(DiagnosticDescriptors.ContradictionId, text, member);
        }
    }

    private List<OperationModel> BuildOperations()
    {
        var operations = new List<OperationModel>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (OpenApiOperation operation in _document.Operations)
        {
            string name = Naming.ToPascalCase(operation.OperationId);
            if (!Naming.IsValidIdentifier(name))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The operationId \"{operation.OperationId}\" does not give a C# method name", operation.OperationIdNode);
                continue;
            }

            if (names.TryGetValue(name, out string? other))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The operationIds \"{other}\" and \"{operation.OperationId}\" both become the C# method {name}Async", operation.OperationIdNode);
                continue;
            }

            names[name] = operation.OperationId;
            OperationModel? model = BuildOperation(operation, name);
            if (model is not null)
            {
                operations.Add(model);
            }
        }

        return operations;
    }

    private OperationModel? BuildOperation(OpenApiOperation operation, string name)
    {
        var parameters = new List<ParameterModel>();
        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "body", "cancellationToken" };
        foreach (OpenApiParameter parameter in operation.Parameters)
        {
            string parameterName = Naming.ToCamelCase(parameter.Name);
            if (!Naming.IsValidIdentifier(parameterName) || !parameterNames.Add(parameterName))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"The parameter \"{parameter.Name}\" of {operation.OperationId} does not give a distinct C# parameter name (got \"{parameterName}\")", parameter.Node);
                return null;
            }

            TypeRef type = Resolve(parameter.Schema, name + Naming.ToPascalCase(parameter.Name), name);
            parameters.Add(new ParameterModel(parameter.Name, parameterName, (ParameterKind)parameter.Location, parameter.Required, type, parameter.Description ?? parameter.Schema.Description));
        }

        TypeRef? body = null;
        if (operation.RequestBody is { } bodySchema)
        {
            body = Resolve(bodySchema, name + "Request", name);
            if (body.Kind != TypeRefKind.Object || _types[body.Name!].Kind != TypeModelKind.Object)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedId, $"The request body of {operation.OperationId} must be an object schema ({bodySchema.Pointer})", bodySchema.Node);
                return null;
            }
        }

        var successes = operation.Responses.Where(r => r.Status[0] == '2').ToList();
        if (successes.Count != 1)
        {
            _diagnostics.Report(
                successes.Count == 0 ? DiagnosticDescriptors.NotOpenApiId : DiagnosticDescriptors.UnsupportedId,
                successes.Count == 0
                    ? $"The operation {operation.OperationId} declares no success (2xx) response"
                    : $"The operation {operation.OperationId} declares {successes.Count} success responses; exactly one 2xx response is supported",
                operation.OperationIdNode);
            return null;
        }

        OpenApiResponse success = successes[0];
        TypeRef? successType = null;
        if (success.Schema is { } responseSchema)
        {
            successType = Resolve(responseSchema, name + "Response", name);
            if (successType.Kind != TypeRefKind.Object)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedId, $"The success response of {operation.OperationId} must be an object schema ({responseSchema.Pointer})", responseSchema.Node);
                return null;
            }
        }

        // Error responses are read by the runtime's envelope reader; their schemas are still generated as types above.
        foreach (OpenApiResponse response in operation.Responses)
        {
            if (response.Schema is { } errorSchema && response != success)
            {
                Resolve(errorSchema, name + "Error" + (response.Status == "default" ? string.Empty : response.Status), name);
            }
        }

        WaiterModel? waiter = operation.StatusWaiter is { } w ? BuildWaiter(operation, w, successType) : null;
        return new OperationModel(
            name,
            operation.Method switch
            {
                "get" => HttpMethodKind.Get,
                "post" => HttpMethodKind.Post,
                "put" => HttpMethodKind.Put,
                "patch" => HttpMethodKind.Patch,
                _ => HttpMethodKind.Delete,
            },
            operation.Path,
            parameters.ToEquatableArray(),
            body,
            operation.RequestBodyRequired,
            int.Parse(success.Status, CultureInfo.InvariantCulture),
            successType,
            operation.Summary,
            operation.Description,
            waiter);
    }

    private WaiterModel? BuildWaiter(OpenApiOperation operation, OpenApiStatusWaiter waiter, TypeRef? successType)
    {
        if (operation.Method != "get" || successType is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedId, $"x-status-waiter needs a GET operation with a response body ({operation.OperationId})", waiter.Node);
            return null;
        }

        if (!Naming.IsValidIdentifier(waiter.Method))
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidNameId, $"x-status-waiter.method \"{waiter.Method}\" is not a valid C# method name", waiter.Node);
            return null;
        }

        var path = new List<string>();
        TypeRef current = successType;
        foreach (string segment in waiter.PropertyPath)
        {
            PropertyModel? property = current.Kind == TypeRefKind.Object && _types.TryGetValue(current.Name!, out TypeModel? type)
                ? type.Properties.FirstOrDefault(p => p.JsonName == segment)
                : null;
            if (property is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.NotOpenApiId, $"x-status-waiter.property: \"{segment}\" is not a property on the way to the status ({operation.OperationId})", waiter.Node);
                return null;
            }

            path.Add(property.Name);
            current = property.Type;
        }

        if (current.Kind is not (TypeRefKind.Enum or TypeRefKind.String))
        {
            _diagnostics.Report(DiagnosticDescriptors.NotOpenApiId, $"x-status-waiter.property must name a string or string enum property ({operation.OperationId})", waiter.Node);
            return null;
        }

        return new WaiterModel(
            waiter.Method,
            path.ToEquatableArray(),
            current.Kind == TypeRefKind.Enum ? current.Name! : "string",
            current.Kind == TypeRefKind.Enum,
            waiter.FailureValues.ToEquatableArray());
    }

    /// <summary>Types reachable from a request body are inputs: users build them, so their members are settable and their collections mutable.</summary>
    private void MarkInputs(List<OperationModel> operations)
    {
        var pending = new Stack<string>();
        foreach (OperationModel operation in operations)
        {
            if (operation.Body?.Name is { } name)
            {
                pending.Push(name);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (!seen.Add(name) || !_types.TryGetValue(name, out TypeModel? type))
            {
                continue;
            }

            _types[name] = type with { IsInput = true };
            foreach (PropertyModel property in type.Properties)
            {
                for (TypeRef? t = property.Type; t is not null; t = t.Element)
                {
                    if (t.Name is { } nested)
                    {
                        pending.Push(nested);
                    }
                }
            }
        }
    }
}
