using EvsContracts.Generator.Support;

namespace EvsContracts.Generator.Model;

// The C# contract of one spec: what the emitter writes.
//
// Equality rule. Every type here is a sealed record compared by value, and its members are only strings, numbers,
// booleans, enums, other records of this file, and EquatableArray<T> of them (compared item by item; a plain array
// or List would compare by reference). Nothing refers to Roslyn (ISymbol, SyntaxNode, Location, Compilation) or to
// the spec's JSON nodes. So the same spec gives an equal model, the incremental pipeline sees the step as unchanged
// and keeps everything after it cached, and a cached model roots no compilation. CachingTests walks the pipeline's
// outputs to hold this.
//
// Members are named and init-only: "required" for what every instance has, a default for what only some kinds have
// (an enum's members, an array's element, an operation's body).

/// <summary>Everything generated from one spec.</summary>
internal sealed record ContractModel
{
    public required string Namespace { get; init; }

    public required string ClientName { get; init; }

    public required string Title { get; init; }

    /// <summary>What the names of the generated files start with: <c>{Namespace}.{ClientName}</c>.</summary>
    public required string HintPrefix { get; init; }

    public required EquatableArray<TypeModel> Types { get; init; }

    public required EquatableArray<OperationModel> Operations { get; init; }
}

internal enum TypeModelKind
{
    /// <summary>A class with properties.</summary>
    Object,

    /// <summary>A string enum, emitted as a readonly struct that keeps any value it reads.</summary>
    Enum,

    /// <summary><c>{"itemNotFound": {...}}</c>: an object with exactly one member whose name is data.</summary>
    KeyedEnvelope,
}

internal sealed record TypeModel
{
    public required string Name { get; init; }

    public required TypeModelKind Kind { get; init; }

    public required string? Description { get; init; }

    /// <summary>An object's properties.</summary>
    public EquatableArray<PropertyModel> Properties { get; init; } = EquatableArray<PropertyModel>.Empty;

    /// <summary>An enum's values.</summary>
    public EquatableArray<EnumMemberModel> EnumMembers { get; init; } = EquatableArray<EnumMemberModel>.Empty;

    /// <summary>An enum that documents its values as open-ended (<c>x-extensible-enum</c>).</summary>
    public bool ExtensibleEnum { get; init; }

    /// <summary>
    /// An object's <c>additionalProperties</c> beside its named properties: the type of the other members' values,
    /// kept in an <c>AdditionalProperties</c> dictionary.
    /// </summary>
    public TypeRef? AdditionalProperties { get; init; }

    /// <summary>A keyed envelope's value.</summary>
    public TypeRef? EnvelopeValue { get; init; }

    /// <summary>Reachable from a request body: users build it, so its members are settable and its collections mutable.</summary>
    public bool IsInput { get; init; }
}

internal sealed record EnumMemberModel
{
    public required string Name { get; init; }

    public required string Value { get; init; }
}

internal sealed record PropertyModel
{
    public required string JsonName { get; init; }

    public required string Name { get; init; }

    public required TypeRef Type { get; init; }

    public required bool Required { get; init; }

    public required bool Nullable { get; init; }

    public string? Description { get; init; }

    /// <summary>The JSON text of the schema's default, for documentation.</summary>
    public string? DefaultText { get; init; }

    /// <summary><c>readOnly</c>: the service sends it and ignores it in requests, so it is read but never written.</summary>
    public bool ReadOnly { get; init; }

    /// <summary><c>writeOnly</c>: sent to the service, never sent back, so it is written but never read.</summary>
    public bool WriteOnly { get; init; }
}

internal enum TypeRefKind
{
    String,

    /// <summary>A string that may arrive as a JSON number; the number's literal text is kept.</summary>
    StringOrNumber,
    Int32,
    Int64,
    Double,
    Boolean,
    DateTime,

    /// <summary>A calendar date (<c>format: date</c>), <c>YYYY-MM-DD</c> on the wire.</summary>
    Date,

    /// <summary>Bytes sent as base64 text (<c>format: byte</c>).</summary>
    Bytes,

    /// <summary>A value of any type (a schema with no <c>type</c>), kept as a <c>JsonElement</c>.</summary>
    Any,
    Object,
    Enum,
    Array,
    Map,

    /// <summary>A file (<c>format: binary</c> or <c>base64</c>), a part of a <c>multipart/form-data</c> body: <c>EvsFile</c>.</summary>
    File,
}

/// <summary>The type of a property, parameter or element, with the constraints on its values.</summary>
internal sealed record TypeRef
{
    public required TypeRefKind Kind { get; init; }

    /// <summary>The generated type's name, for objects and enums.</summary>
    public string? Name { get; init; }

    /// <summary>The element of an array, the value of a map.</summary>
    public TypeRef? Element { get; init; }

    public Constraints Constraints { get; init; } = Constraints.None;

    public bool IsValueType => Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double
        or TypeRefKind.Boolean or TypeRefKind.DateTime or TypeRefKind.Date or TypeRefKind.Any or TypeRefKind.Enum;
}

/// <summary>Validation rules on a value; numbers are kept as invariant text so the model stays exact.</summary>
internal sealed record Constraints
{
    public static readonly Constraints None = new();

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MaxBytes { get; init; }

    public EquatableArray<string> ReservedPrefixes { get; init; } = EquatableArray<string>.Empty;

    public bool Uuid { get; init; }

    public string? Pattern { get; init; }

    public string? Minimum { get; init; }

    public string? Maximum { get; init; }

    public string? ExclusiveMinimum { get; init; }

    public string? ExclusiveMaximum { get; init; }

    public string? MultipleOf { get; init; }

    /// <summary>The values an integer may take (an integer <c>enum</c>), as invariant text.</summary>
    public EquatableArray<string> IntegerEnum { get; init; } = EquatableArray<string>.Empty;

    /// <summary>An array's own count rules (its elements' rules are on the element).</summary>
    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public bool UniqueItems { get; init; }

    public bool IsEmpty => this == None;
}

internal enum HttpMethodKind
{
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Head,
    Options,
    Trace,
}

/// <summary>How a parameter's value is written (OpenAPI's <c>style</c>, after RFC 6570's expansions).</summary>
internal enum ParameterStyle
{
    /// <summary>Query: <c>name=value</c>; a list <c>name=a,b</c>, or <c>name=a&amp;name=b</c> exploded.</summary>
    Form,

    /// <summary>Query: a list joined by <c>%20</c>.</summary>
    SpaceDelimited,

    /// <summary>Query: a list joined by <c>|</c>.</summary>
    PipeDelimited,

    /// <summary>Query: an object's members as <c>name[member]=value</c>.</summary>
    DeepObject,

    /// <summary>Path and header: the value; a list <c>a,b</c>.</summary>
    Simple,

    /// <summary>Path: <c>.value</c>; a list <c>.a,b</c>, or <c>.a.b</c> exploded.</summary>
    Label,

    /// <summary>Path: <c>;name=value</c>; a list <c>;name=a,b</c>, or <c>;name=a;name=b</c> exploded.</summary>
    Matrix,
}

internal enum ParameterKind
{
    Path,
    Query,
    Header,

    /// <summary>A field of a <c>multipart/form-data</c> body: one part, or one per item of a list.</summary>
    Part,
}

/// <summary>How a body goes on the wire, and its C# shape.</summary>
internal enum BodyKind
{
    /// <summary>A model's JSON.</summary>
    Json,

    /// <summary>A <c>string</c>, sent as UTF-8.</summary>
    Text,

    /// <summary>A <c>Stream</c>: sent from the caller's stream, answered as one the caller disposes.</summary>
    Binary,

    /// <summary>A model's members as <c>application/x-www-form-urlencoded</c> fields.</summary>
    Form,

    /// <summary><c>multipart/form-data</c>: the method takes the form's fields, as parameters of <see cref="ParameterKind.Part"/>.</summary>
    Multipart,
}

internal sealed record OperationModel
{
    public required string Name { get; init; }

    public required HttpMethodKind Method { get; init; }

    /// <summary>The path alone, with <c>{name}</c> for each path parameter.</summary>
    public required string PathTemplate { get; init; }

    /// <summary>The query the spec's path carries, escaped, sent before the query parameters (<c>Action=Describe</c>).</summary>
    public string? FixedQuery { get; init; }

    /// <summary>The path as the spec writes it, query included and fragment not, as the documentation shows it.</summary>
    public required string SpecPath { get; init; }

    public required EquatableArray<ParameterModel> Parameters { get; init; }

    /// <summary>The request body: the model for JSON and form fields, <see cref="TypeRefKind.String"/> for text and bytes.</summary>
    public TypeRef? Body { get; init; }

    public bool BodyRequired { get; init; }

    /// <summary>How the request body goes on the wire.</summary>
    public BodyKind BodyKind { get; init; }

    /// <summary>The request body's <c>Content-Type</c>.</summary>
    public string BodyMediaType { get; init; } = "application/json";

    /// <summary>
    /// The fields of a form body its <c>encoding</c> sends in OpenAPI's <c>deepObject</c> style (Stripe's
    /// <c>shipping[address][line1]=...</c>), by JSON name.
    /// </summary>
    public EquatableArray<string> FormDeepObjects { get; init; } = EquatableArray<string>.Empty;

    /// <summary>How the success body is read.</summary>
    public BodyKind SuccessKind { get; init; }

    /// <summary>The <c>Accept</c> header of an operation whose success has a body.</summary>
    public string SuccessMediaType { get; init; } = "application/json";

    public required int SuccessStatus { get; init; }

    /// <summary>Every status that is a success, when there is more than the one <see cref="SuccessStatus"/>.</summary>
    public SuccessModel? Success { get; init; }

    /// <summary>The success response's body, when it has one.</summary>
    public TypeRef? SuccessType { get; init; }

    /// <summary>The spec declares only redirects: the result is the body of the answer they lead to.</summary>
    public bool RedirectOnly { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    /// <summary>The polling helpers over this operation (<c>x-status-waiter</c>).</summary>
    public EquatableArray<WaiterModel> Waiters { get; init; } = EquatableArray<WaiterModel>.Empty;

    /// <summary>The enumeration over every page, for a list operation (<c>x-pagination</c>).</summary>
    public PaginationModel? Pagination { get; init; }
}

/// <summary>The statuses an operation answers with success: those that carry the result's body, and those that carry none.</summary>
internal sealed record SuccessModel
{
    public required EquatableArray<int> WithBody { get; init; }

    public required EquatableArray<int> WithoutBody { get; init; }

    /// <summary>A <c>2XX</c> range with the result's body: any other 2xx status carries it.</summary>
    public required bool AnyWithBody { get; init; }

    /// <summary>A <c>2XX</c> range without a body.</summary>
    public required bool AnyWithoutBody { get; init; }

    /// <summary>Some success carries no body, so the result may be null.</summary>
    public bool MayBeEmpty => WithoutBody.Count > 0 || AnyWithoutBody;
}

internal sealed record ParameterModel
{
    /// <summary>The name on the wire: in the path template, the query string or the header.</summary>
    public required string WireName { get; init; }

    public required string Name { get; init; }

    public required ParameterKind Kind { get; init; }

    public required bool Required { get; init; }

    public required TypeRef Type { get; init; }

    public string? Description { get; init; }

    /// <summary>OpenAPI's <c>explode</c>, for a list or an object: one <c>name=value</c> (or <c>member=value</c>) per item, rather than one value that joins them.</summary>
    public bool Explode { get; init; }

    /// <summary>How the value is written: OpenAPI's <c>style</c>, or its location's default.</summary>
    public ParameterStyle Style { get; init; }

    /// <summary>Described by JSON <c>content</c>: an object, array, map or any value is sent as its JSON text.</summary>
    public bool Json { get; init; }

    /// <summary>An object or a map whose members are sent as <see cref="Style"/> says (<c>deepObject</c>: <c>name[member]=value</c>).</summary>
    public bool Members { get; init; }

    /// <summary><c>style: deepObject</c>: an object (or a map) whose members go in the query as <c>name[member]=value</c>.</summary>
    public bool DeepObject => Members && Style == ParameterStyle.DeepObject;

    /// <summary>What joins a list's items in the query or a header: <c>,</c>, <c>%20</c> (spaceDelimited) or <c>%7C</c> (pipeDelimited, escaped as a query needs).</summary>
    public string Delimiter => Style switch
    {
        ParameterStyle.SpaceDelimited => "%20",
        ParameterStyle.PipeDelimited => "%7C",
        _ => ",",
    };

    /// <summary>
    /// A multipart part's <c>Content-Type</c>: for a file, the one sent when the file names none; for a field, the one
    /// sent with it (<c>application/json</c> for a value written as JSON), or none for text.
    /// </summary>
    public string? PartContentType { get; init; }
}

/// <summary>A polling helper over a GET operation: wait until a status property reaches a wanted value, or until the resource is gone.</summary>
internal sealed record WaiterModel
{
    public required string MethodName { get; init; }

    /// <summary>The C# property names from the response to the status.</summary>
    public required EquatableArray<string> PropertyPath { get; init; }

    public required string StatusTypeName { get; init; }

    public required bool StatusIsEnum { get; init; }

    public required EquatableArray<string> FailureValues { get; init; }

    /// <summary>Wait until the operation answers 404 instead of for a status; the method takes no status.</summary>
    public bool UntilNotFound { get; init; }
}
