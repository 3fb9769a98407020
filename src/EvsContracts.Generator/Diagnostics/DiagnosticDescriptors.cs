using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Diagnostics;

/// <summary>Every diagnostic the package reports: EVS0xx for misuse in C#, EVS1xx for problems in a spec.</summary>
internal static class DiagnosticDescriptors
{
    public const string UsageCategory = "EvsContracts.Usage";
    public const string SpecCategory = "EvsContracts.Spec";

    public const string ReservedPrefixId = "EVS001";
    public const string MaxLengthId = "EVS002";
    public const string UuidFormatId = "EVS003";
    public const string ConstraintId = "EVS004";
    public const string InvalidJsonId = "EVS100";
    public const string NotOpenApiId = "EVS101";
    public const string UnsupportedId = "EVS102";
    public const string UnresolvedRefId = "EVS103";
    public const string InvalidNameId = "EVS104";
    public const string ContradictionId = "EVS105";

    public static readonly DiagnosticDescriptor ReservedPrefix = Usage(
        ReservedPrefixId, DiagnosticSeverity.Warning,
        "Value starts with a reserved prefix",
        "{0} starts with the reserved prefix \"{1}\"{2}",
        "The contract reserves values that start with this prefix: the service gives them a meaning of its own.");

    public static readonly DiagnosticDescriptor MaxLength = Usage(
        MaxLengthId, DiagnosticSeverity.Error,
        "Value exceeds the contract's length limit",
        "{0} is {1} {2}; the limit is {3}{4}",
        "The value is longer than the contract allows, counted as the contract counts (UTF-8 bytes for x-max-bytes, code points for maxLength).");

    public static readonly DiagnosticDescriptor UuidFormat = Usage(
        UuidFormatId, DiagnosticSeverity.Warning,
        "Value is not a UUID",
        "{0} must be a UUID (8-4-4-4-12 hexadecimal digits), but {1} is not{2}",
        "The contract declares format: uuid for this member.");

    public static readonly DiagnosticDescriptor Constraint = Usage(
        ConstraintId, DiagnosticSeverity.Warning,
        "Value violates the contract",
        "{0} {1}{2}",
        "The constant violates a pattern, enum or numeric range the contract declares.");

    public static readonly DiagnosticDescriptor InvalidJson = Spec(
        InvalidJsonId, "Spec file is not valid JSON", "{0}",
        "The spec could not be read as JSON; the location is the first character the reader could not accept.");

    public static readonly DiagnosticDescriptor NotOpenApi = Spec(
        NotOpenApiId, "Spec file is not a supported OpenAPI document", "{0}",
        "The spec must be an OpenAPI 3.0.x or 3.1.x document with the members the generator needs.");

    public static readonly DiagnosticDescriptor Unsupported = Spec(
        UnsupportedId, "Construct outside the supported OpenAPI subset", "{0}",
        "The generator supports a documented subset of OpenAPI (spec/README.md); anything else is reported rather than generated wrongly.");

    public static readonly DiagnosticDescriptor UnresolvedRef = Spec(
        UnresolvedRefId, "Reference does not resolve", "{0}",
        "Only local references (#/components/...) that exist in the same document are supported.");

    public static readonly DiagnosticDescriptor InvalidName = Spec(
        InvalidNameId, "Name is not a usable C# identifier", "{0}",
        "A name from the spec could not become a C# identifier, or two names became the same identifier.");

    public static readonly DiagnosticDescriptor Contradiction = Spec(
        ContradictionId, "Contradictory constraints", "{0}",
        "Two constraints of the same schema cannot both hold, so no value could be valid.");

    private static DiagnosticDescriptor Usage(string id, DiagnosticSeverity severity, string title, string format, string description) =>
        new(id, title, format, UsageCategory, severity, isEnabledByDefault: true, description, HelpLink(id));

    private static DiagnosticDescriptor Spec(string id, string title, string format, string description) =>
        new(id, title, format, SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, description, HelpLink(id));

    private static string HelpLink(string id) => $"https://github.com/evscontracts/evscontracts/blob/main/docs/diagnostics/{id}.md";
}
