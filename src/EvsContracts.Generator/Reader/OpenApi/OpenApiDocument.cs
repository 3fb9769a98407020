using System;
using System.Collections.Generic;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Model;
using EvsContracts.Generator.Reader.Json;

namespace EvsContracts.Generator.Reader.OpenApi;

/// <summary>
/// The supported OpenAPI subset, as read from one spec. It still knows the JSON nodes it came from, so the model
/// builder can point its own diagnostics at the spec; it never leaves the parse step.
/// </summary>
internal sealed class OpenApiDocument
{
    public OpenApiDocument(string version, string title, string? clientName, string? @namespace, JsonNode infoNode)
    {
        Version = version;
        Title = title;
        ClientName = clientName;
        Namespace = @namespace;
        InfoNode = infoNode;
    }

    public string Version { get; }

    public string Title { get; }

    public string? ClientName { get; }

    public string? Namespace { get; }

    public JsonNode InfoNode { get; }

    /// <summary>The value of <c>info.title</c>.</summary>
    public required JsonNode TitleNode { get; init; }

    /// <summary>The value of <c>info.x-client-name</c>, when the spec names its client.</summary>
    public JsonNode? ClientNameNode { get; init; }

    /// <summary>The value of <c>info.x-namespace</c>, when the spec names its namespace.</summary>
    public JsonNode? NamespaceNode { get; init; }

    public List<OpenApiOperation> Operations { get; } = new();

    /// <summary>Named schemas of <c>components.schemas</c>, in document order.</summary>
    public List<OpenApiNamedSchema> Schemas { get; } = new();

    /// <summary>Every part of the spec that is generated or left out as a whole, in document order.</summary>
    public List<SpecPart> Parts { get; } = new();
}

internal sealed class OpenApiNamedSchema
{
    public OpenApiNamedSchema(string name, JsonMember member, OpenApiSchema schema, SpecPart part)
    {
        Name = name;
        Member = member;
        Schema = schema;
        Part = part;
    }

    public SpecPart Part { get; }

    public string Name { get; }

    public JsonMember Member { get; }

    public OpenApiSchema Schema { get; }
}

internal sealed class OpenApiOperation
{
    public OpenApiOperation(string method, string key, string path, string pointer, string? operationId, JsonNode operationIdNode, SpecPart part)
    {
        Method = method;
        Key = key;
        Path = path;
        Pointer = pointer;
        OperationId = operationId;
        OperationIdNode = operationIdNode;
        Part = part;
    }

    public SpecPart Part { get; }

    /// <summary>Where the operation is written: <c>/paths/~1pets/get</c>, or in the path item another one refers to.</summary>
    public string Pointer { get; }

    public string Method { get; }

    /// <summary>The path as the spec spells it, with any query and fragment (<c>/?Action=Describe#Thing</c>).</summary>
    public string Key { get; }

    /// <summary>The path template alone, without the query or fragment the spec's key may carry.</summary>
    public string Path { get; }

    /// <summary>The query the path carries, escaped for the wire (<c>Action=Describe&amp;Version=1</c>).</summary>
    public string? FixedQuery { get; set; }

    /// <summary>The operationId; null when the spec gives none (the method is then named after method and path).</summary>
    public string? OperationId { get; }

    /// <summary>Where diagnostics about the operation point: its operationId's value, or the operation itself.</summary>
    public JsonNode OperationIdNode { get; }

    /// <summary>How messages name the operation: its operationId, or <c>GET /pets</c>.</summary>
    public string DisplayName => OperationId ?? Method.ToUpperInvariant() + " " + Key;

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public List<OpenApiParameter> Parameters { get; } = new();

    public OpenApiSchema? RequestBody { get; set; }

    /// <summary>The request body's media type, when it has one.</summary>
    public OpenApiMedia? RequestMedia { get; set; }

    public bool RequestBodyRequired { get; set; }

    public List<OpenApiResponse> Responses { get; } = new();

    /// <summary>The operation declares only redirects (3xx): its success is the answer they lead to, read as bytes.</summary>
    public bool RedirectOnly { get; set; }

    public List<OpenApiStatusWaiter> StatusWaiters { get; } = new();

    public OpenApiPagination? Pagination { get; set; }
}

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

internal sealed class OpenApiParameter
{
    public OpenApiParameter(string name, ParameterLocation location, bool required, OpenApiSchema schema, JsonNode node, string pointer)
    {
        Name = name;
        Location = location;
        Required = required;
        Schema = schema;
        Node = node;
        Pointer = pointer;
    }

    public string Name { get; }

    public ParameterLocation Location { get; }

    public bool Required { get; }

    public OpenApiSchema Schema { get; }

    public JsonNode Node { get; }

    /// <summary>The JSON pointer of the parameter, for messages.</summary>
    public string Pointer { get; }

    public string? Description { get; set; }

    /// <summary>
    /// OpenAPI's <c>explode</c>: an array or object is sent as one <c>name=value</c> (or <c>member=value</c>) per item,
    /// rather than as one value that joins them.
    /// </summary>
    public bool Explode { get; set; }

    /// <summary>OpenAPI's <c>style</c>, or the default of the parameter's location.</summary>
    public ParameterStyle Style { get; set; }

    /// <summary>Described by <c>content: {"application/json": ...}</c>: the value is sent as its JSON text.</summary>
    public bool Json { get; set; }
}

internal sealed class OpenApiResponse
{
    public OpenApiResponse(string status, OpenApiSchema? schema, string? description, SpecPart? part)
    {
        Status = status;
        Schema = schema;
        Description = description;
        Part = part;
    }

    /// <summary>An error response's own part (its schema is left out without the operation); null for a success.</summary>
    public SpecPart? Part { get; }

    /// <summary>A three-digit status code, or <c>default</c>.</summary>
    public string Status { get; }

    public OpenApiSchema? Schema { get; }

    public string? Description { get; }

    /// <summary>The body's media type, when it has a body.</summary>
    public OpenApiMedia? Media { get; init; }
}

/// <summary>How a body goes on the wire.</summary>
internal enum ContentKind
{
    /// <summary><c>application/json</c>, <c>text/json</c>, <c>*/*+json</c>: the model's JSON.</summary>
    Json,

    /// <summary><c>text/*</c>, XML, YAML: a string.</summary>
    Text,

    /// <summary><c>application/octet-stream</c>, <c>application/pdf</c>, <c>image/*</c>, a <c>format: binary</c> schema: a stream.</summary>
    Binary,

    /// <summary><c>application/x-www-form-urlencoded</c>: the object's members as form fields.</summary>
    Form,

    /// <summary><c>multipart/form-data</c>: the object's members as parts, files among them.</summary>
    Multipart,
}

/// <summary>An <c>encoding</c> entry of a form's media type: how one of its fields goes on the wire.</summary>
internal sealed class OpenApiEncoding
{
    /// <summary><c>contentType</c>: the part's media type (multipart), or <c>application/json</c> for a field sent as JSON text.</summary>
    public string? ContentType { get; set; }

    /// <summary><c>style</c>: <c>form</c> (the default) or <c>deepObject</c>.</summary>
    public string? Style { get; set; }

    /// <summary><c>explode</c>, when given.</summary>
    public bool? Explode { get; set; }
}

/// <summary>The media type chosen for a body, and how it goes on the wire.</summary>
internal sealed class OpenApiMedia
{
    public OpenApiMedia(ContentKind kind, string contentType, string accept)
    {
        Kind = kind;
        ContentType = contentType;
        Accept = accept;
    }

    public ContentKind Kind { get; }

    /// <summary>The <c>Content-Type</c> a request body is sent with: the media type without parameters, never a wildcard.</summary>
    public string ContentType { get; }

    /// <summary>The <c>Accept</c> a response is asked with (a wildcard may stand).</summary>
    public string Accept { get; }

    /// <summary>A form's <c>encoding</c>, by field name.</summary>
    public Dictionary<string, OpenApiEncoding> Encoding { get; } = new(StringComparer.Ordinal);
}

/// <summary><c>x-status-waiter</c>: poll this operation until a status property reaches a wanted value.</summary>
internal sealed class OpenApiStatusWaiter
{
    public OpenApiStatusWaiter(string method, IReadOnlyList<string> propertyPath, IReadOnlyList<string> failureValues, bool untilNotFound, JsonNode node)
    {
        UntilNotFound = untilNotFound;
        Method = method;
        PropertyPath = propertyPath;
        FailureValues = failureValues;
        Node = node;
    }

    public string Method { get; }

    public IReadOnlyList<string> PropertyPath { get; }

    public IReadOnlyList<string> FailureValues { get; }

    /// <summary>Wait until the operation answers 404 (the resource is gone) instead of for a status value.</summary>
    public bool UntilNotFound { get; }

    public JsonNode Node { get; }
}

internal enum SchemaType
{
    None,
    Object,
    String,
    Integer,
    Number,
    Boolean,
    Array,

    /// <summary><c>type: ["string", "integer"]</c>: text that may arrive as a number on the wire.</summary>
    StringOrInteger,

    /// <summary>No <c>type</c> and nothing that implies one: any JSON value.</summary>
    Any,
}

internal sealed class OpenApiSchema
{
    public OpenApiSchema(JsonObjectNode node, string pointer)
    {
        Node = node;
        Pointer = pointer;
    }

    public JsonObjectNode Node { get; }

    /// <summary>The JSON pointer of the schema, for messages.</summary>
    public string Pointer { get; }

    /// <summary>Set for <c>$ref: #/components/schemas/Name</c>; every other member is then unset.</summary>
    public string? RefName { get; set; }

    public SchemaType Type { get; set; }

    public bool Nullable { get; set; }

    /// <summary><c>readOnly</c>: sent by the service only, so never written.</summary>
    public bool ReadOnly { get; set; }

    /// <summary><c>writeOnly</c>: sent to the service only, so never read.</summary>
    public bool WriteOnly { get; set; }

    public string? Format { get; set; }

    public string? Description { get; set; }

    public string? DefaultText { get; set; }

    public List<string>? Enum { get; set; }

    public bool ExtensibleEnum { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public int? MaxBytes { get; set; }

    public List<string>? ReservedPrefixes { get; set; }

    public string? Pattern { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    /// <summary>The 3.1 <c>exclusiveMinimum</c>; the 3.0 boolean form is read into it.</summary>
    public decimal? ExclusiveMinimum { get; set; }

    /// <summary>The 3.1 <c>exclusiveMaximum</c>; the 3.0 boolean form is read into it.</summary>
    public decimal? ExclusiveMaximum { get; set; }

    public decimal? MultipleOf { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public bool UniqueItems { get; set; }

    /// <summary>The values of an integer <c>enum</c>, as invariant text.</summary>
    public List<string>? IntegerEnum { get; set; }

    public int? MinProperties { get; set; }

    public int? MaxProperties { get; set; }

    public List<OpenApiProperty> Properties { get; } = new();

    public List<string> Required { get; } = new();

    public OpenApiSchema? Items { get; set; }

    public OpenApiSchema? AdditionalProperties { get; set; }

    /// <summary>The parts of an <c>allOf</c>; the model builder merges them with the schema's own members.</summary>
    public List<OpenApiSchema>? AllOf { get; set; }

    /// <summary>The variants of a <c>oneOf</c> or <c>anyOf</c>, without the ones that only allow null.</summary>
    public List<OpenApiSchema>? Variants { get; set; }

    /// <summary>
    /// Made by the model builder from two schemas (a property two <c>allOf</c> parts declare), so <see cref="Node"/>
    /// holds only one of them and does not tell what the schema says.
    /// </summary>
    public bool Composed { get; set; }
}

internal sealed class OpenApiProperty
{
    public OpenApiProperty(string name, JsonMember member, OpenApiSchema schema)
    {
        Name = name;
        Member = member;
        Schema = schema;
    }

    public string Name { get; }

    public JsonMember Member { get; }

    public OpenApiSchema Schema { get; }
}
