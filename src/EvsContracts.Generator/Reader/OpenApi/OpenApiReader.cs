using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.Json;

namespace EvsContracts.Generator.Reader.OpenApi;

/// <summary>
/// Reads the supported OpenAPI subset out of a parsed JSON document. Anything outside the subset becomes an
/// EVS101–EVS103 diagnostic at the member that causes it; the reader goes on to find every problem in one pass.
/// </summary>
internal sealed class OpenApiReader
{
    private static readonly string[] Methods = { "get", "post", "put", "patch", "delete" };
    private static readonly string[] UnsupportedMethods = { "head", "options", "trace" };

    /// <summary>Schema keywords that change what a value may be; generating code while ignoring them would be wrong.</summary>
    private static readonly string[] UnsupportedSchemaKeywords =
    {
        "oneOf", "anyOf", "allOf", "not", "if", "then", "else", "discriminator", "patternProperties",
        "prefixItems", "const", "dependentRequired", "dependentSchemas", "propertyNames", "unevaluatedProperties",
        "unevaluatedItems", "contains", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
        "uniqueItems", "$dynamicRef", "$recursiveRef",
    };

    /// <summary>
    /// The longest spec string that becomes a C# string constant or name (schema and property names, enum values,
    /// prefixes, patterns, paths, parameter names). Metadata caps all string constants together at 16 MB, and only
    /// writing the assembly finds out (CS8103); prose (descriptions, titles) goes into comments and is not limited.
    /// </summary>
    public const int MaxLiteralLength = 16 * 1024;

    /// <summary>Members whose text is prose, never generated as code.</summary>
    private static readonly string[] ProseMembers = { "description", "summary", "title", "version" };

    /// <summary>Members that hold sample data, never generated as code.</summary>
    private static readonly string[] SampleMembers = { "example", "examples", "default" };

    private static readonly string[] SupportedFormats = { "uuid", "date-time", "int32", "int64", "float", "double" };

    private readonly JsonObjectNode _root;
    private readonly SpecDiagnosticBag _diagnostics;
    private readonly HashSet<string> _componentNames = new(StringComparer.Ordinal);

    private OpenApiReader(JsonObjectNode root, SpecDiagnosticBag diagnostics)
    {
        _root = root;
        _diagnostics = diagnostics;
    }

    public static OpenApiDocument? Read(JsonNode root, SpecDiagnosticBag diagnostics)
    {
        if (root is not JsonObjectNode rootObject)
        {
            diagnostics.Report(DiagnosticDescriptors.NotOpenApiId, $"The spec must be a JSON object (an OpenAPI document), not {Article(root.KindName)}", root);
            return null;
        }

        return new OpenApiReader(rootObject, diagnostics).ReadDocument();
    }

    private OpenApiDocument? ReadDocument()
    {
        JsonMember? versionMember = _root.Find("openapi");
        if (versionMember is null)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, "The spec has no \"openapi\" member: it is not an OpenAPI 3.0/3.1 document", _root.Start, _root.Start + 1);
            return null;
        }

        if (versionMember.Value is not JsonStringNode versionNode
            || !(versionNode.Value.StartsWith("3.0.", StringComparison.Ordinal) || versionNode.Value.StartsWith("3.1.", StringComparison.Ordinal)))
        {
            Report(DiagnosticDescriptors.NotOpenApiId, "\"openapi\" must be a 3.0.x or 3.1.x version string", versionMember.Value);
            return null;
        }

        JsonMember? infoMember = _root.Find("info");
        if (infoMember?.Value is not JsonObjectNode info)
        {
            ReportMissingOrWrong(_root, infoMember, "info", "an object");
            return null;
        }

        string? title = RequiredString(info, "info", "title");
        RequiredString(info, "info", "version");
        string? clientName = OptionalString(info, "x-client-name", "/info");
        string? @namespace = OptionalString(info, "x-namespace", "/info");
        if (title is null)
        {
            return null;
        }

        var document = new OpenApiDocument(versionNode.Value, title, clientName, @namespace, info);
        bool is30 = versionNode.Value.StartsWith("3.0.", StringComparison.Ordinal);

        CheckLiteralLengths(_root, string.Empty);
        ReadComponents(document);

        JsonMember? pathsMember = _root.Find("paths");
        if (pathsMember is null)
        {
            if (is30)
            {
                Report(DiagnosticDescriptors.NotOpenApiId, "An OpenAPI 3.0 document must have \"paths\"", _root.Start, _root.Start + 1);
            }
            else if (_root.Find("components") is null)
            {
                // OpenAPI 3.1 asks for at least one of the three; with none of the two it reads there is nothing to
                // generate, which must not pass in silence.
                if (_root.Find("webhooks") is { } webhooks)
                {
                    Report(DiagnosticDescriptors.UnsupportedId, "The document has only \"webhooks\", which are not supported: there is nothing to generate without \"paths\" or \"components\"", webhooks);
                }
                else
                {
                    Report(DiagnosticDescriptors.NotOpenApiId, "An OpenAPI 3.1 document must have \"paths\", \"components\" or \"webhooks\"", _root.Start, _root.Start + 1);
                }
            }
        }
        else if (pathsMember.Value is JsonObjectNode paths)
        {
            foreach (JsonMember path in paths.Members)
            {
                ReadPathItem(document, path);
            }
        }
        else
        {
            Report(DiagnosticDescriptors.NotOpenApiId, "\"paths\" must be an object", pathsMember.Value);
        }

        return document;
    }

    private void CheckLiteralLengths(JsonNode node, string pointer)
    {
        switch (node)
        {
            case JsonObjectNode obj:
                foreach (JsonMember member in obj.Members)
                {
                    string memberPointer = pointer + "/" + EscapePointer(member.Name);
                    if (member.Name.Length > MaxLiteralLength)
                    {
                        Report(DiagnosticDescriptors.UnsupportedId, $"A name of {member.Name.Length} characters is too long ({pointer}); names are limited to {MaxLiteralLength}", member);
                    }
                    else if (Array.IndexOf(SampleMembers, member.Name) < 0
                        && !(member.Value is JsonStringNode && Array.IndexOf(ProseMembers, member.Name) >= 0))
                    {
                        CheckLiteralLengths(member.Value, memberPointer);
                    }
                }

                break;
            case JsonArrayNode array:
                for (int i = 0; i < array.Items.Count; i++)
                {
                    CheckLiteralLengths(array.Items[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case JsonStringNode text when text.Value.Length > MaxLiteralLength:
                Report(DiagnosticDescriptors.UnsupportedId, $"A string of {text.Value.Length} characters is too long to generate as code ({pointer}); names, enum values, prefixes and patterns are limited to {MaxLiteralLength}", text);
                break;
        }
    }

    private void ReadComponents(OpenApiDocument document)
    {
        JsonMember? componentsMember = _root.Find("components");
        if (componentsMember is null)
        {
            return;
        }

        if (componentsMember.Value is not JsonObjectNode components)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, "\"components\" must be an object", componentsMember.Value);
            return;
        }

        JsonMember? schemasMember = components.Find("schemas");
        if (schemasMember is null)
        {
            return;
        }

        if (schemasMember.Value is not JsonObjectNode schemas)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, "\"components.schemas\" must be an object", schemasMember.Value);
            return;
        }

        // Names first, so a reference may point forward.
        foreach (JsonMember member in schemas.Members)
        {
            _componentNames.Add(member.Name);
        }

        foreach (JsonMember member in schemas.Members)
        {
            OpenApiSchema? schema = ReadSchema(member.Value, "/components/schemas/" + EscapePointer(member.Name));
            if (schema is not null)
            {
                document.Schemas.Add(new OpenApiNamedSchema(member.Name, member, schema));
            }
        }
    }

    private void ReadPathItem(OpenApiDocument document, JsonMember pathMember)
    {
        string pointer = "/paths/" + EscapePointer(pathMember.Name);
        if (!pathMember.Name.StartsWith("/", StringComparison.Ordinal))
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"The path \"{pathMember.Name}\" must start with '/'", pathMember);
            return;
        }

        if (PathTemplateProblem(pathMember.Name) is { } problem)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"The path \"{pathMember.Name}\" {problem}", pathMember);
            return;
        }

        if (pathMember.Value is not JsonObjectNode item)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"The path item {pointer} must be an object", pathMember.Value);
            return;
        }

        var shared = new List<OpenApiParameter>();
        foreach (JsonMember member in item.Members)
        {
            string name = member.Name;
            if (name == "parameters")
            {
                ReadParameters(member.Value, pointer + "/parameters", shared);
            }
            else if (name == "$ref")
            {
                Report(DiagnosticDescriptors.UnsupportedId, $"A path item reference is not supported ({pointer}/$ref)", member);
            }
            else if (Array.IndexOf(UnsupportedMethods, name) >= 0)
            {
                Report(DiagnosticDescriptors.UnsupportedId, $"The method \"{name}\" is not supported ({pointer}/{name}); supported: get, post, put, patch, delete", member);
            }
        }

        foreach (JsonMember member in item.Members)
        {
            if (Array.IndexOf(Methods, member.Name) >= 0)
            {
                ReadOperation(document, pathMember.Name, member, pointer + "/" + member.Name, shared);
            }
        }
    }

    /// <summary>
    /// Why a path cannot be a template the client fills in: every brace must belong to one <c>{name}</c>, a query
    /// or fragment would silently move what follows out of the path, and neither a backslash nor a control character
    /// is sent as itself.
    /// </summary>
    private static string? PathTemplateProblem(string path)
    {
        int open = -1;
        for (int i = 0; i < path.Length; i++)
        {
            switch (path[i])
            {
                case '{' when open >= 0:
                    return "opens a '{' inside another";
                case '{':
                    open = i;
                    break;
                case '}' when open < 0:
                    return "closes a '}' that was not opened";
                case '}' when i == open + 1:
                    return "has an empty parameter name {}";
                case '}':
                    open = -1;
                    break;
                case '?' or '#':
                    return $"contains '{path[i]}'; a path may not carry a query or a fragment (declare query parameters instead)";
                case '\\':
                    return "contains '\\', which HTTP clients send as '/'";
                case < ' ' or '\u007F':
                    return "contains a control character, which no server reads as part of a path";
            }
        }

        return open >= 0 ? "has a '{' that is not closed" : null;
    }

    private void ReadOperation(OpenApiDocument document, string path, JsonMember methodMember, string pointer, List<OpenApiParameter> shared)
    {
        if (methodMember.Value is not JsonObjectNode operation)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"The operation {pointer} must be an object", methodMember.Value);
            return;
        }

        JsonMember? idMember = operation.Find("operationId");
        if (idMember?.Value is not JsonStringNode idNode || idNode.Value.Length == 0)
        {
            Report(
                DiagnosticDescriptors.NotOpenApiId,
                $"The operation {methodMember.Name.ToUpperInvariant()} {path} has no operationId; the generator names the client method after it",
                idMember is null ? methodMember.NameStart : idMember.Value.Start,
                idMember is null ? methodMember.NameEnd : idMember.Value.End);
            return;
        }

        var result = new OpenApiOperation(methodMember.Name, path, idNode.Value, idNode)
        {
            Summary = OptionalString(operation, "summary", pointer),
            Description = OptionalString(operation, "description", pointer),
        };

        var own = new List<OpenApiParameter>();
        if (operation.Find("parameters") is { } parametersMember)
        {
            ReadParameters(parametersMember.Value, pointer + "/parameters", own);
        }

        // Operation parameters override path-level ones with the same name and location.
        foreach (OpenApiParameter parameter in shared)
        {
            if (!own.Exists(p => p.Name == parameter.Name && p.Location == parameter.Location))
            {
                result.Parameters.Add(parameter);
            }
        }

        result.Parameters.AddRange(own);
        CheckPathParameters(result, methodMember);

        if (operation.Find("requestBody") is { } bodyMember)
        {
            ReadRequestBody(result, bodyMember.Value, pointer + "/requestBody");
        }

        JsonMember? responsesMember = operation.Find("responses");
        if (responsesMember?.Value is JsonObjectNode responses)
        {
            foreach (JsonMember response in responses.Members)
            {
                ReadResponse(result, response, pointer + "/responses/" + EscapePointer(response.Name));
            }
        }
        else if (responsesMember is not null)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/responses must be an object", responsesMember.Value);
        }

        if (operation.Find("callbacks") is { } callbacks)
        {
            Report(DiagnosticDescriptors.UnsupportedId, $"Callbacks are not supported ({pointer}/callbacks)", callbacks);
        }

        if (operation.Find("x-status-waiter") is { } waiter)
        {
            result.StatusWaiter = ReadStatusWaiter(waiter.Value, pointer + "/x-status-waiter");
        }

        document.Operations.Add(result);
    }

    private void CheckPathParameters(OpenApiOperation operation, JsonMember methodMember)
    {
        var inTemplate = new List<string>();
        foreach (Match match in Regex.Matches(operation.Path, "\\{([^{}]*)\\}"))
        {
            inTemplate.Add(match.Groups[1].Value);
        }

        foreach (string name in inTemplate)
        {
            if (!operation.Parameters.Exists(p => p.Location == ParameterLocation.Path && p.Name == name))
            {
                Report(DiagnosticDescriptors.NotOpenApiId, $"The path {operation.Path} names {{{name}}} but {methodMember.Name} declares no path parameter \"{name}\"", methodMember);
            }
        }

        foreach (OpenApiParameter parameter in operation.Parameters)
        {
            if (parameter.Location == ParameterLocation.Path && !inTemplate.Contains(parameter.Name))
            {
                Report(DiagnosticDescriptors.NotOpenApiId, $"The path parameter \"{parameter.Name}\" does not appear in {operation.Path}", parameter.Node);
            }
        }
    }

    private void ReadParameters(JsonNode node, string pointer, List<OpenApiParameter> into)
    {
        if (node is not JsonArrayNode array)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer} must be an array", node);
            return;
        }

        for (int i = 0; i < array.Items.Count; i++)
        {
            string itemPointer = pointer + "/" + i.ToString(CultureInfo.InvariantCulture);
            if (Deref(array.Items[i], ref itemPointer) is not JsonObjectNode parameter)
            {
                continue;
            }

            string? name = RequiredString(parameter, itemPointer, "name");
            string? location = RequiredString(parameter, itemPointer, "in");
            if (name is null || location is null)
            {
                continue;
            }

            ParameterLocation parsed;
            switch (location)
            {
                case "path": parsed = ParameterLocation.Path; break;
                case "query": parsed = ParameterLocation.Query; break;
                case "header": parsed = ParameterLocation.Header; break;
                default:
                    Report(DiagnosticDescriptors.UnsupportedId, $"Parameters in \"{location}\" are not supported ({itemPointer}/in); supported: path, query, header", parameter.Get("in")!);
                    continue;
            }

            if (parameter.Find("content") is { } content)
            {
                Report(DiagnosticDescriptors.UnsupportedId, $"Parameters described by \"content\" are not supported ({itemPointer}/content); use \"schema\"", content);
                continue;
            }

            JsonMember? schemaMember = parameter.Find("schema");
            if (schemaMember is null)
            {
                Report(DiagnosticDescriptors.NotOpenApiId, $"The parameter \"{name}\" has no schema ({itemPointer})", parameter);
                continue;
            }

            OpenApiSchema? schema = ReadSchema(schemaMember.Value, itemPointer + "/schema");
            if (schema is null)
            {
                continue;
            }

            if (schema.RefName is null && schema.Type is SchemaType.Object or SchemaType.Array)
            {
                Report(DiagnosticDescriptors.UnsupportedId, $"Parameters of type {schema.Type.ToString().ToLowerInvariant()} are not supported ({itemPointer}/schema); use a string, integer, number or boolean", schemaMember.Value);
                continue;
            }

            bool required = OptionalBool(parameter, "required", itemPointer) ?? false;
            if (parsed == ParameterLocation.Path && !required)
            {
                Report(DiagnosticDescriptors.NotOpenApiId, $"The path parameter \"{name}\" must be \"required\": true ({itemPointer})", parameter);
                continue;
            }

            into.Add(new OpenApiParameter(name, parsed, required, schema, parameter)
            {
                Description = OptionalString(parameter, "description", itemPointer),
            });
        }
    }

    private void ReadRequestBody(OpenApiOperation operation, JsonNode node, string pointer)
    {
        if (Deref(node, ref pointer) is not JsonObjectNode body)
        {
            return;
        }

        operation.RequestBodyRequired = OptionalBool(body, "required", pointer) ?? false;
        operation.RequestBody = ReadJsonContent(body, pointer, required: true);
    }

    private void ReadResponse(OpenApiOperation operation, JsonMember member, string pointer)
    {
        string status = member.Name;
        if (status != "default" && !(status.Length == 3 && status[0] >= '1' && status[0] <= '5' && char.IsDigit(status[1]) && char.IsDigit(status[2])))
        {
            if (!status.StartsWith("x-", StringComparison.Ordinal))
            {
                Report(DiagnosticDescriptors.UnsupportedId, $"The response key \"{status}\" is not supported ({pointer}); use a status code like 202, or default", member);
            }

            return;
        }

        if (Deref(member.Value, ref pointer) is not JsonObjectNode response)
        {
            return;
        }

        OpenApiSchema? schema = ReadJsonContent(response, pointer, required: false);
        operation.Responses.Add(new OpenApiResponse(status, schema, OptionalString(response, "description", pointer)));
    }

    /// <summary>Reads <c>content</c>: JSON is the only body the generated code knows how to read and write.</summary>
    private OpenApiSchema? ReadJsonContent(JsonObjectNode owner, string pointer, bool required)
    {
        JsonMember? contentMember = owner.Find("content");
        if (contentMember is null)
        {
            if (required)
            {
                Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer} has no \"content\"", owner);
            }

            return null;
        }

        if (contentMember.Value is not JsonObjectNode content)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/content must be an object", contentMember.Value);
            return null;
        }

        JsonMember? json = null;
        foreach (JsonMember media in content.Members)
        {
            if (IsJsonMediaType(media.Name))
            {
                json ??= media;
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedId, $"The media type \"{media.Name}\" is not supported ({pointer}/content); only application/json bodies are", media);
            }
        }

        if (json is null)
        {
            return null;
        }

        string mediaPointer = pointer + "/content/" + EscapePointer(json.Name);
        if (json.Value is not JsonObjectNode mediaObject)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"{mediaPointer} must be an object", json.Value);
            return null;
        }

        JsonMember? schemaMember = mediaObject.Find("schema");
        if (schemaMember is null)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"{mediaPointer} has no \"schema\"", json);
            return null;
        }

        return ReadSchema(schemaMember.Value, mediaPointer + "/schema");
    }

    private static bool IsJsonMediaType(string mediaType)
    {
        int semicolon = mediaType.IndexOf(';');
        string bare = (semicolon >= 0 ? mediaType.Substring(0, semicolon) : mediaType).Trim();
        return string.Equals(bare, "application/json", StringComparison.OrdinalIgnoreCase);
    }

    private OpenApiStatusWaiter? ReadStatusWaiter(JsonNode node, string pointer)
    {
        if (node is not JsonObjectNode waiter)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer} must be an object with method, property and failureValues", node);
            return null;
        }

        string? method = RequiredString(waiter, pointer, "method");
        string? property = RequiredString(waiter, pointer, "property");
        List<string>? failures = waiter.Find("failureValues") is { } f ? StringArray(f.Value, pointer + "/failureValues") : new List<string>();
        if (method is null || property is null || failures is null)
        {
            return null;
        }

        return new OpenApiStatusWaiter(method, property.Split('.'), failures, waiter);
    }

    private OpenApiSchema? ReadSchema(JsonNode node, string pointer)
    {
        if (node is not JsonObjectNode obj)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"The schema {pointer} must be an object, not {Article(node.KindName)}", node);
            return null;
        }

        var schema = new OpenApiSchema(obj, pointer);
        if (obj.Find("$ref") is { } refMember)
        {
            // Siblings of $ref are ignored by OpenAPI 3.0 but meant by their authors (and allowed by 3.1):
            // a nullable or described reference keeps that.
            schema.Nullable = OptionalBool(obj, "nullable", pointer) ?? false;
            schema.Description = OptionalString(obj, "description", pointer);
            return ReadSchemaRef(schema, refMember) ? schema : null;
        }

        bool ok = true;
        foreach (JsonMember member in obj.Members)
        {
            if (Array.IndexOf(UnsupportedSchemaKeywords, member.Name) >= 0)
            {
                Report(DiagnosticDescriptors.UnsupportedId, $"\"{member.Name}\" is not supported ({pointer}/{member.Name})", member);
                ok = false;
            }
        }

        ok &= ReadType(schema, obj, pointer);
        schema.Nullable |= OptionalBool(obj, "nullable", pointer) ?? false;
        schema.Description = OptionalString(obj, "description", pointer);
        schema.Format = OptionalString(obj, "format", pointer);
        if (schema.Format is not null && Array.IndexOf(SupportedFormats, schema.Format) < 0)
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
                Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/properties must be an object", propertiesMember.Value);
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
            Report(DiagnosticDescriptors.NotOpenApiId, $"The array schema {pointer} has no \"items\"", obj);
            ok = false;
        }

        if (obj.Find("additionalProperties") is { } additionalMember)
        {
            if (additionalMember.Value is JsonObjectNode)
            {
                schema.AdditionalProperties = ReadSchema(additionalMember.Value, pointer + "/additionalProperties");
                ok &= schema.AdditionalProperties is not null;
                if (schema.Properties.Count > 0)
                {
                    Report(DiagnosticDescriptors.UnsupportedId, $"An object with both \"properties\" and an \"additionalProperties\" schema is not supported ({pointer}/additionalProperties)", additionalMember);
                    ok = false;
                }
            }
            else if (additionalMember.Value is not JsonBooleanNode)
            {
                Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/additionalProperties must be a schema or a boolean", additionalMember.Value);
                ok = false;
            }
        }

        return ok ? schema : null;
    }

    private bool ReadSchemaRef(OpenApiSchema schema, JsonMember refMember)
    {
        if (refMember.Value is not JsonStringNode refNode)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"{schema.Pointer}/$ref must be a string", refMember.Value);
            return false;
        }

        const string Prefix = "#/components/schemas/";
        string target = refNode.Value;
        if (!target.StartsWith("#", StringComparison.Ordinal))
        {
            Report(DiagnosticDescriptors.UnsupportedId, $"The remote reference \"{target}\" is not supported ({schema.Pointer}/$ref); only local references (#/components/schemas/...) are", refNode);
            return false;
        }

        string name = target.StartsWith(Prefix, StringComparison.Ordinal) ? UnescapePointer(target.Substring(Prefix.Length)) : string.Empty;
        if (name.Length == 0 || name.IndexOf('/') >= 0)
        {
            if (ResolvePointer(target) is null)
            {
                Report(DiagnosticDescriptors.UnresolvedRefId, $"The reference \"{target}\" does not resolve ({schema.Pointer}/$ref)", refNode);
            }
            else
            {
                Report(DiagnosticDescriptors.UnsupportedId, $"The reference \"{target}\" is not supported ({schema.Pointer}/$ref); schemas may only reference #/components/schemas/<name>", refNode);
            }

            return false;
        }

        if (!_componentNames.Contains(name))
        {
            Report(DiagnosticDescriptors.UnresolvedRefId, $"The reference \"{target}\" does not resolve: there is no schema \"{name}\" in components.schemas ({schema.Pointer}/$ref)", refNode);
            return false;
        }

        schema.RefName = name;
        return true;
    }

    private bool ReadType(OpenApiSchema schema, JsonObjectNode obj, string pointer)
    {
        JsonMember? typeMember = obj.Find("type");
        if (typeMember is null)
        {
            // Untyped schemas are accepted when their shape says what they are.
            schema.Type = obj.Find("properties") is not null || obj.Find("additionalProperties") is not null ? SchemaType.Object
                : obj.Find("items") is not null ? SchemaType.Array
                : obj.Find("enum") is not null ? SchemaType.String
                : SchemaType.None;
            if (schema.Type == SchemaType.None)
            {
                Report(DiagnosticDescriptors.UnsupportedId, $"The schema {pointer} has no \"type\"; a value of any type is not supported", obj);
                return false;
            }

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
                    Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/type must list type names as strings", item);
                    return false;
                }

                names.Add(name.Value);
            }
        }
        else
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/type must be a string or an array of strings", typeMember.Value);
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
                Report(DiagnosticDescriptors.UnsupportedId, $"A schema whose only type is null is not supported ({pointer}/type)", typeMember.Value);
                return false;
            default:
                Report(DiagnosticDescriptors.UnsupportedId, $"The type [{key}] is not supported ({pointer}/type); one type, optionally with \"null\", or [\"string\", \"integer\"]", typeMember.Value);
                return false;
        }
    }

    private bool ReadEnum(OpenApiSchema schema, JsonMember enumMember, string pointer)
    {
        if (enumMember.Value is not JsonArrayNode values || values.Items.Count == 0)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/enum must be a non-empty array", enumMember.Value);
            return false;
        }

        if (schema.Type != SchemaType.String)
        {
            Report(DiagnosticDescriptors.UnsupportedId, $"Only string enums are supported ({pointer}/enum)", enumMember);
            return false;
        }

        var list = new List<string>();
        foreach (JsonNode item in values.Items)
        {
            if (item is JsonNullNode && schema.Nullable)
            {
                continue;
            }

            if (item is not JsonStringNode text)
            {
                Report(DiagnosticDescriptors.NotOpenApiId, $"A string enum may only list strings ({pointer}/enum)", item);
                return false;
            }

            if (list.Contains(text.Value))
            {
                Report(DiagnosticDescriptors.NotOpenApiId, $"The enum value \"{text.Value}\" is listed twice ({pointer}/enum)", item);
                return false;
            }

            list.Add(text.Value);
        }

        schema.Enum = list;
        return true;
    }

    private string? ReadPattern(JsonMember member, string pointer)
    {
        if (member.Value is not JsonStringNode pattern)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/pattern must be a string", member.Value);
            return null;
        }

        try
        {
            _ = new Regex(EcmaPattern.ToDotNet(pattern.Value), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return pattern.Value;
        }
        catch (ArgumentException e)
        {
            Report(DiagnosticDescriptors.UnsupportedId, $"The pattern is not a regular expression .NET can run ({pointer}/pattern): {e.Message}", pattern);
            return null;
        }
    }

    /// <summary>Follows a local <c>$ref</c> of a parameter, request body or response to the object it names.</summary>
    private JsonNode? Deref(JsonNode node, ref string pointer)
    {
        for (int hops = 0; hops < 32; hops++)
        {
            if (node is not JsonObjectNode obj || obj.Find("$ref") is not { } refMember)
            {
                if (node is not JsonObjectNode)
                {
                    Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer} must be an object", node);
                    return null;
                }

                return node;
            }

            if (refMember.Value is not JsonStringNode target)
            {
                Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/$ref must be a string", refMember.Value);
                return null;
            }

            if (!target.Value.StartsWith("#", StringComparison.Ordinal))
            {
                Report(DiagnosticDescriptors.UnsupportedId, $"The remote reference \"{target.Value}\" is not supported ({pointer}/$ref); only local references are", target);
                return null;
            }

            JsonNode? resolved = ResolvePointer(target.Value);
            if (resolved is null)
            {
                Report(DiagnosticDescriptors.UnresolvedRefId, $"The reference \"{target.Value}\" does not resolve ({pointer}/$ref)", target);
                return null;
            }

            node = resolved;
            pointer = target.Value.Substring(1);
        }

        Report(DiagnosticDescriptors.UnresolvedRefId, $"The references from {pointer} go round in a circle", node);
        return null;
    }

    private JsonNode? ResolvePointer(string reference)
    {
        if (reference == "#")
        {
            return _root;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode current = _root;
        foreach (string raw in reference.Substring(2).Split('/'))
        {
            string token = UnescapePointer(Uri.UnescapeDataString(raw));
            if (current is JsonObjectNode obj && obj.Get(token) is { } next)
            {
                current = next;
            }
            else if (current is JsonArrayNode array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < array.Items.Count)
            {
                current = array.Items[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private string? RequiredString(JsonObjectNode obj, string pointer, string name)
    {
        JsonMember? member = obj.Find(name);
        if (member?.Value is JsonStringNode text)
        {
            return text.Value;
        }

        ReportMissingOrWrong(obj, member, pointer.TrimStart('/') + "." + name, "a string");
        return null;
    }

    private void ReportMissingOrWrong(JsonObjectNode owner, JsonMember? member, string what, string expected)
    {
        if (member is null)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"The required member \"{what}\" is missing", owner.Start, owner.Start + 1);
        }
        else
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"\"{what}\" must be {expected}, not {Article(member.Value.KindName)}", member.Value);
        }
    }

    private string? OptionalString(JsonObjectNode obj, string name, string pointer)
    {
        JsonMember? member = obj.Find(name);
        if (member is null)
        {
            return null;
        }

        if (member.Value is JsonStringNode text)
        {
            return text.Value;
        }

        Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/{name} must be a string, not {Article(member.Value.KindName)}", member.Value);
        return null;
    }

    private bool? OptionalBool(JsonObjectNode obj, string name, string pointer)
    {
        JsonMember? member = obj.Find(name);
        if (member is null)
        {
            return null;
        }

        if (member.Value is JsonBooleanNode flag)
        {
            return flag.Value;
        }

        Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/{name} must be true or false, not {Article(member.Value.KindName)}", member.Value);
        return null;
    }

    private int? NonNegativeInt(JsonObjectNode obj, string name, string pointer)
    {
        JsonMember? member = obj.Find(name);
        if (member is null)
        {
            return null;
        }

        if (member.Value is JsonNumberNode number
            && decimal.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)
            && value >= 0 && value <= int.MaxValue && decimal.Truncate(value) == value)
        {
            return (int)value;
        }

        Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/{name} must be a non-negative integer", member.Value);
        return null;
    }

    private decimal? Number(JsonObjectNode obj, string name, string pointer)
    {
        JsonMember? member = obj.Find(name);
        if (member is null)
        {
            return null;
        }

        if (member.Value is JsonNumberNode number && decimal.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
        {
            return value;
        }

        Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer}/{name} must be a number", member.Value);
        return null;
    }

    private List<string>? StringArray(JsonNode node, string pointer)
    {
        if (node is not JsonArrayNode array)
        {
            Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer} must be an array of strings", node);
            return null;
        }

        var list = new List<string>(array.Items.Count);
        foreach (JsonNode item in array.Items)
        {
            if (item is not JsonStringNode text)
            {
                Report(DiagnosticDescriptors.NotOpenApiId, $"{pointer} must list strings only", item);
                return null;
            }

            list.Add(text.Value);
        }

        return list;
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

    private void Report(string id, string message, JsonNode node) => _diagnostics.Report(id, message, node);

    private void Report(string id, string message, JsonMember member) => _diagnostics.Report(id, message, member);

    private void Report(string id, string message, int start, int end) => _diagnostics.Report(id, message, start, end);

    private static string Article(string kind) => kind is "object" or "array" ? "an " + kind : kind == "null" ? "null" : "a " + kind;

    private static string EscapePointer(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private static string UnescapePointer(string token) => token.Replace("~1", "/").Replace("~0", "~");
}
