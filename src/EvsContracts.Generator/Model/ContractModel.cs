using EvsContracts.Generator.Support;

namespace EvsContracts.Generator.Model;

// The C# contract of one spec: what the emitter writes, as equatable records. Nothing here refers to Roslyn
// symbols, syntax or locations, so an unchanged spec gives an equal model and every later step is cached.

/// <summary>Everything generated from one spec.</summary>
internal sealed record ContractModel(
    string Namespace,
    string ClientName,
    string Title,
    string HintPrefix,
    EquatableArray<TypeModel> Types,
    EquatableArray<OperationModel> Operations);

internal enum TypeModelKind
{
    /// <summary>A class with properties.</summary>
    Object,

    /// <summary>A string enum, emitted as a readonly struct that keeps any value it reads.</summary>
    Enum,

    /// <summary><c>{"itemNotFound": {...}}</c>: an object with exactly one member whose name is data.</summary>
    KeyedEnvelope,
}

internal sealed record TypeModel(
    string Name,
    TypeModelKind Kind,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> EnumMembers,
    bool ExtensibleEnum,
    TypeRef? EnvelopeValue,
    bool IsInput);

internal sealed record EnumMemberModel(string Name, string Value);

internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Description,
    string? DefaultText);

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
    Object,
    Enum,
    Array,
    Map,
}

/// <summary>The type of a property, parameter or element, with the constraints on its values.</summary>
internal sealed record TypeRef(TypeRefKind Kind, string? Name, TypeRef? Element, Constraints Constraints)
{
    public bool IsValueType => Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double
        or TypeRefKind.Boolean or TypeRefKind.DateTime or TypeRefKind.Enum;
}

/// <summary>Validation rules on a value; numbers are kept as invariant text so the model stays exact.</summary>
internal sealed record Constraints(
    int? MinLength,
    int? MaxLength,
    int? MaxBytes,
    EquatableArray<string> ReservedPrefixes,
    bool Uuid,
    string? Pattern,
    string? Minimum,
    string? Maximum)
{
    public static readonly Constraints None = new(null, null, null, EquatableArray<string>.Empty, false, null, null, null);

    public bool IsEmpty => this == None;
}

internal enum HttpMethodKind
{
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

internal enum ParameterKind
{
    Path,
    Query,
    Header,
}

internal sealed record OperationModel(
    string Name,
    HttpMethodKind Method,
    string PathTemplate,
    EquatableArray<ParameterModel> Parameters,
    TypeRef? Body,
    bool BodyRequired,
    int SuccessStatus,
    TypeRef? SuccessType,
    string? Summary,
    string? Description,
    WaiterModel? Waiter);

internal sealed record ParameterModel(
    string WireName,
    string Name,
    ParameterKind Kind,
    bool Required,
    TypeRef Type,
    string? Description);

/// <summary>A polling helper over a GET operation: wait until a status property reaches a wanted value.</summary>
internal sealed record WaiterModel(
    string MethodName,
    EquatableArray<string> PropertyPath,
    string StatusTypeName,
    bool StatusIsEnum,
    EquatableArray<string> FailureValues);
