using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the package reports: EVS0xx for misuse in C#, EVS1xx for problems in a spec, EVS900 for a defect
/// in the generator.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string UsageCategory = "EvsContracts.Usage";
    public const string SpecCategory = "EvsContracts.Spec";
    public const string GeneratorCategory = "EvsContracts.Generator";

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
    public const string InternalErrorId = "EVS900";

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

    // ---- Spec descriptors -----------------------------------------------------------------------------------------
    // One descriptor per problem, several under one id: users filter and look up by id, the format says what is
    // wrong. An argument that quotes a spec string comes already quoted (DiagnosticText.Quote), so a long one can be
    // cut to its start and its length; that is why such quotes are not in the formats.

    // EVS100: the spec cannot be read as JSON or YAML.

    public static readonly DiagnosticDescriptor SpecUnreadable = Spec(InvalidJsonId, "The spec file could not be read");

    /// <summary>{0}: what the JSON reader could not accept.</summary>
    public static readonly DiagnosticDescriptor SpecNotJson = Spec(InvalidJsonId, "The spec is not valid JSON: {0}");

    public static readonly DiagnosticDescriptor SpecNotYaml = Spec(InvalidJsonId, "The spec is not valid YAML: {0}");

    // EVS101: not an OpenAPI document, or a member the generator needs is missing or of the wrong kind.

    public static readonly DiagnosticDescriptor DocumentNotObject = Spec(NotOpenApiId, "The spec must be a JSON object (an OpenAPI document), not {0}");

    public static readonly DiagnosticDescriptor OpenApiVersionMissing = Spec(NotOpenApiId, "The spec has no \"openapi\" member: it is not an OpenAPI 3.0/3.1 document");

    public static readonly DiagnosticDescriptor OpenApiVersionUnsupported = Spec(NotOpenApiId, "\"openapi\" must be a 3.0.x or 3.1.x version string");

    public static readonly DiagnosticDescriptor PathsMissing30 = Spec(NotOpenApiId, "An OpenAPI 3.0 document must have \"paths\"");

    public static readonly DiagnosticDescriptor NothingToRead31 = Spec(NotOpenApiId, "An OpenAPI 3.1 document must have \"paths\", \"components\" or \"webhooks\"");

    public static readonly DiagnosticDescriptor RequiredMemberMissing = Spec(NotOpenApiId, "The required member {0} is missing");

    /// <summary>{0}: the member; {1}: the JSON kind it must have ("a string"); {2}: the kind it has.</summary>
    public static readonly DiagnosticDescriptor MemberOfWrongKind = Spec(NotOpenApiId, "{0} must be {1}, not {2}");

    public static readonly DiagnosticDescriptor NotAnObject = Spec(NotOpenApiId, "{0} must be an object");

    public static readonly DiagnosticDescriptor NotAnArray = Spec(NotOpenApiId, "{0} must be an array");

    public static readonly DiagnosticDescriptor NotAString = Spec(NotOpenApiId, "{0} must be a string");

    public static readonly DiagnosticDescriptor NotANonNegativeInteger = Spec(NotOpenApiId, "{0} must be a non-negative integer");

    public static readonly DiagnosticDescriptor NotANumber = Spec(NotOpenApiId, "{0} must be a number");

    public static readonly DiagnosticDescriptor NotAStringArray = Spec(NotOpenApiId, "{0} must be an array of strings");

    public static readonly DiagnosticDescriptor StringArrayItemNotString = Spec(NotOpenApiId, "{0} must list strings only");

    public static readonly DiagnosticDescriptor PathNotAbsolute = Spec(NotOpenApiId, "The path {0} must start with '/'");

    /// <summary>{1}: why the path is not a template the client can fill in.</summary>
    public static readonly DiagnosticDescriptor PathTemplateInvalid = Spec(NotOpenApiId, "The path {0} {1}");

    public static readonly DiagnosticDescriptor PathItemNotObject = Spec(NotOpenApiId, "The path item {0} must be an object");

    public static readonly DiagnosticDescriptor OperationNotObject = Spec(NotOpenApiId, "The operation {0} must be an object");


    public static readonly DiagnosticDescriptor PathParameterOptional = Spec(NotOpenApiId, "The path parameter {0} must be \"required\": true ({1})");

    public static readonly DiagnosticDescriptor ParameterSchemaMissing = Spec(NotOpenApiId, "The parameter {0} has no schema ({1})");

    public static readonly DiagnosticDescriptor ContentMissing = Spec(NotOpenApiId, "{0} has no \"content\"");


    public static readonly DiagnosticDescriptor StatusWaiterNotObject = Spec(NotOpenApiId, "{0} must be an object with method, property and failureValues");

    public static readonly DiagnosticDescriptor StatusWaiterPropertyMissing = Spec(NotOpenApiId, "x-status-waiter.property: {0} is not a property on the way to the status ({1})");

    public static readonly DiagnosticDescriptor PaginationNotObject = Spec(NotOpenApiId, "{0} must be an object with style, items and the query parameters the style needs");

    /// <summary>{0}: the member, quoted; {1}: where the extension is.</summary>
    public static readonly DiagnosticDescriptor PaginationMemberUnknown = Spec(NotOpenApiId, "x-pagination has no member {0}; it knows method, style, items, pageSize, marker, markerProperty, offset, nextLink and omitParameters ({1})");

    public static readonly DiagnosticDescriptor PaginationStyleInvalid = Spec(NotOpenApiId, "x-pagination.style must be \"marker\", \"offset\" or \"nextLink\", not {0} ({1})");

    /// <summary>{0}: the style, quoted; {1}: the member it needs, quoted; {2}: where the extension is.</summary>
    public static readonly DiagnosticDescriptor PaginationStyleNeedsMember = Spec(NotOpenApiId, "x-pagination with style {0} needs {1} ({2})");

    /// <summary>{0}: the member; {1}: the parameter, quoted; {2}: the operation.</summary>
    public static readonly DiagnosticDescriptor PaginationParameterMissing = Spec(NotOpenApiId, "x-pagination.{0}: {1} is not a query parameter of {2}");

    /// <summary>{0}: the member; {1}: the parameter, quoted; {2}: what it must be; {3}: the operation.</summary>
    public static readonly DiagnosticDescriptor PaginationParameterInvalid = Spec(NotOpenApiId, "x-pagination.{0}: the query parameter {1} must be {2} ({3})");

    /// <summary>{0}: the member; {1}: the path segment, quoted; {2}: the operation.</summary>
    public static readonly DiagnosticDescriptor PaginationPathMissing = Spec(NotOpenApiId, "x-pagination.{0}: {1} is not a property on the way ({2})");

    public static readonly DiagnosticDescriptor PaginationItemsNotArray = Spec(NotOpenApiId, "x-pagination.items must lead to an array property of the answer ({0})");

    public static readonly DiagnosticDescriptor PaginationItemsNotObjects = Spec(NotOpenApiId, "x-pagination.markerProperty needs items that are objects with that property ({0})");

    public static readonly DiagnosticDescriptor PaginationNextLinkInvalid = Spec(NotOpenApiId, "x-pagination.nextLink must lead to a string, or to an array of objects with string properties rel and href ({0})");

    public static readonly DiagnosticDescriptor StatusWaiterPropertyNotString = Spec(NotOpenApiId, "x-status-waiter.property must name a string or string enum property ({0})");

    public static readonly DiagnosticDescriptor SchemaNotObject = Spec(NotOpenApiId, "The schema {0} must be an object, not {1}");

    public static readonly DiagnosticDescriptor AdditionalPropertiesInvalid = Spec(NotOpenApiId, "{0}/additionalProperties must be a schema or a boolean");

    public static readonly DiagnosticDescriptor TypeNameNotString = Spec(NotOpenApiId, "{0}/type must list type names as strings");

    public static readonly DiagnosticDescriptor TypeInvalid = Spec(NotOpenApiId, "{0}/type must be a string or an array of strings");

    public static readonly DiagnosticDescriptor AllOfEmpty = Spec(NotOpenApiId, "{0}/allOf must be a non-empty array of schemas");

    public static readonly DiagnosticDescriptor VariantsEmpty = Spec(NotOpenApiId, "{0}/{1} must be a non-empty array of schemas");

    public static readonly DiagnosticDescriptor EnumEmpty = Spec(NotOpenApiId, "{0}/enum must be a non-empty array");

    public static readonly DiagnosticDescriptor MultipleOfNotPositive = Spec(NotOpenApiId, "{0}/multipleOf must be greater than 0");

    // EVS102 (a warning): outside the supported subset. The construct is left out with what needs it; each format
    // gets a last argument that says what (see Unsupported).

    public static readonly DiagnosticDescriptor OnlyWebhooks = Spec(UnsupportedId, "The document has only \"webhooks\", which are not supported, and neither \"paths\" nor \"components\"");

    public static readonly DiagnosticDescriptor NameTooLong = Spec(UnsupportedId, "A name of {0} characters is too long ({1}); names are limited to {2}");

    public static readonly DiagnosticDescriptor StringTooLong = Spec(UnsupportedId, "A string of {0} characters is too long to generate as code ({1}); names, enum values, prefixes and patterns are limited to {2}");

    public static readonly DiagnosticDescriptor PathQueryTemplated = Spec(UnsupportedId, "The path {0} carries a query with a '{{parameter}}' that is not the whole value of a 'key={{parameter}}' pair, which is not supported; declare it as a query parameter");

    public static readonly DiagnosticDescriptor ParameterLocationUnsupported = Spec(UnsupportedId, "Parameters in {0} are not supported ({1}/in); supported: path, query, header");

    public static readonly DiagnosticDescriptor ParameterContent = Spec(UnsupportedId, "Parameters described by \"content\" are supported with one application/json media type only ({0}/content); use \"schema\" or JSON");

    /// <summary>{0}: the name, quoted; {1}: the parameter; {2}: what its type is ("an array of objects"); {3}: where it goes ("the query").</summary>
    public static readonly DiagnosticDescriptor ParameterTypeUnsupported = Spec(UnsupportedId, "The parameter {0} is {2}, which OpenAPI gives no way to write in {3} ({1}/schema); a value, a list of values or an object of values can be, and anything as JSON content");

    /// <summary>{0}: the style, quoted; {1}: the parameter; {2}: its location.</summary>
    public static readonly DiagnosticDescriptor ParameterStyleUnsupported = Spec(UnsupportedId, "The parameter style {0} is not one OpenAPI defines in the {2} ({1}/style); it defines simple, label and matrix in the path, form, spaceDelimited, pipeDelimited and deepObject in the query, and simple in headers");

    public static readonly DiagnosticDescriptor ResponseKeyUnsupported = Spec(UnsupportedId, "The response key {0} is not supported ({1}); use a status code like 202, or default");

    public static readonly DiagnosticDescriptor MediaTypeUnsupported = Spec(UnsupportedId, "The media type {0} is not supported ({1}/content); supported: JSON, text, binary, application/x-www-form-urlencoded and multipart/form-data bodies");

    public static readonly DiagnosticDescriptor FormBodyNotObject = Spec(UnsupportedId, "The application/x-www-form-urlencoded body of {0} must be an object schema, whose members are the fields ({1})");

    public static readonly DiagnosticDescriptor MultipartBodyNotObject = Spec(UnsupportedId, "The multipart/form-data body of {0} must be an object schema with properties, which are the fields ({1})");

    public static readonly DiagnosticDescriptor FormFieldUnsupported = Spec(UnsupportedId, "The form field {0} is not a value or a list of values, which is all application/x-www-form-urlencoded carries ({1})");

    public static readonly DiagnosticDescriptor NoSuccessResponse = Spec(UnsupportedId, "The operation {0} declares neither a success (2xx) response nor a default one ({1}/responses)");
    public static readonly DiagnosticDescriptor PaginationNeedsGet = Spec(UnsupportedId, "x-pagination needs a GET operation without a request body and with a response body ({0})");

    public static readonly DiagnosticDescriptor StatusWaiterNeedsGet = Spec(UnsupportedId, "x-status-waiter needs a GET operation with a response body ({0})");

    /// <summary>{0}: the keyword, quoted; {1}: where it is.</summary>
    public static readonly DiagnosticDescriptor SchemaKeywordUnsupported = Spec(UnsupportedId, "{0} is not supported ({1})");

    public static readonly DiagnosticDescriptor TypeCombinationUnsupported = Spec(UnsupportedId, "The type [{0}] is not supported ({1}/type); one type, optionally with \"null\", or [\"string\", \"integer\"]");

    public static readonly DiagnosticDescriptor AllOfPatterns = Spec(UnsupportedId, "The allOf parts of {0} have two different patterns; one pattern per value is supported");



    /// <summary>{1}: why .NET refused the pattern.</summary>

    public static readonly DiagnosticDescriptor RemoteSchemaReference = Spec(UnsupportedId, "The remote reference {0} is not supported ({1}/$ref); only local references (#/components/schemas/...) are");

    public static readonly DiagnosticDescriptor RemoteReference = Spec(UnsupportedId, "The remote reference {0} is not supported ({1}/$ref); only local references are");

    public static readonly DiagnosticDescriptor NonSchemaReference = Spec(UnsupportedId, "The reference {0} is not supported ({1}/$ref); a schema reference must lead to a schema");

    // EVS102 notes: what the generator cannot express is only one check or one name, so it leaves out that alone and
    // says so in the message; the schema or operation it is in is generated.

    /// <summary>{1}: why .NET refused the pattern.</summary>
    public static readonly DiagnosticDescriptor PatternNotString = Note("The pattern is not a string ({0}/pattern); values are not checked against it");

    public static readonly DiagnosticDescriptor PathParameterNotInPath = Note("The path parameter {0} does not appear in {1}, so the method does not take it");

    public static readonly DiagnosticDescriptor PatternNotDotNet = Note("The pattern is not a regular expression .NET can run ({0}/pattern): {1}; values are not checked against it");

    /// <summary>{0}: the name, quoted; {1}: the type; {2}: the schema.</summary>
    public static readonly DiagnosticDescriptor RequiredPropertyMissing = Note("{0} is required but is not one of the properties of {1} ({2}/required); the requirement is not checked");

    /// <summary>{0}: the path; {1}: the template parameter's name; {2}: the method; {3}: the name, quoted.</summary>
    public static readonly DiagnosticDescriptor PathParameterUndeclared = Note("The path {0} names {{{1}}} but {2} declares no path parameter {3}; it is generated as a required string parameter");

    /// <summary>{0}: the schema; {1}: the kind of value the enum would need ("a string").</summary>
    public static readonly DiagnosticDescriptor EnumValueOfOtherType = Note("The enum lists a value that is not {1} ({0}/enum); values are not checked against it");

    /// <summary>{0}: the schema; {1}: its type.</summary>
    public static readonly DiagnosticDescriptor NonStringEnum = Note("An enum of type {1} is not checked ({0}/enum); only string and integer enums are");

    /// <summary>{0}: the operation.</summary>
    public static readonly DiagnosticDescriptor Callbacks = Note("The callbacks of {0} (requests the service makes to the caller) are not generated ({1}/callbacks); the operation is");

    /// <summary>As <see cref="ParameterTypeUnsupported"/>, for an optional parameter.</summary>
    public static readonly DiagnosticDescriptor ParameterNotSent = Note("The optional parameter {0} is {2}, which OpenAPI gives no way to write in {3} ({1}/schema); the operation is generated without it");

    private static readonly DiagnosticDescriptor[] s_notes = { PatternNotString, PathParameterNotInPath, PatternNotDotNet, RequiredPropertyMissing, PathParameterUndeclared, EnumValueOfOtherType, NonStringEnum, Callbacks, ParameterNotSent };

    // EVS103: references that do not resolve.

    public static readonly DiagnosticDescriptor ReferenceUnresolved = Spec(UnresolvedRefId, "The reference {0} does not resolve ({1}/$ref)");

    public static readonly DiagnosticDescriptor SchemaReferenceUnresolved = Spec(UnresolvedRefId, "The reference {0} does not resolve: there is no schema {1} in components.schemas ({2}/$ref)");

    public static readonly DiagnosticDescriptor ReferenceCycle = Spec(UnresolvedRefId, "The references from {0} go round in a circle");

    public static readonly DiagnosticDescriptor AliasCycle = Spec(UnresolvedRefId, "The reference to {0} goes round in a circle ({1}/$ref)");

    // EVS104: names that give no C# identifier, or the same one twice.

    public static readonly DiagnosticDescriptor NamespaceInvalid = Spec(InvalidNameId, "The namespace {0} is not a valid C# namespace");

    public static readonly DiagnosticDescriptor ClientNameInvalid = Spec(InvalidNameId, "The client name {0} is not a valid C# identifier; set info.x-client-name");

    public static readonly DiagnosticDescriptor ClientNameLowerCase = Spec(InvalidNameId, "The client name {0} has only lower-case ASCII letters, which C# may reserve for keywords (CS8981); capitalize it");

    public static readonly DiagnosticDescriptor GeneratedFileClash = Spec(InvalidNameId, "Two specs generate {0}; give them different namespaces (EvsContract Namespace=\"...\")");

    public static readonly DiagnosticDescriptor SchemaNameInvalid = Spec(InvalidNameId, "The schema name {0} does not give a C# type name");

    public static readonly DiagnosticDescriptor PaginationMethodInvalid = Spec(InvalidNameId, "x-pagination.method {0} is not a valid C# method name");

    public static readonly DiagnosticDescriptor StatusWaiterMethodInvalid = Spec(InvalidNameId, "x-status-waiter.method {0} is not a valid C# method name");

    // EVS105: constraints no value can satisfy. {0} is the schema's JSON Pointer.

    public static readonly DiagnosticDescriptor MinLengthOverMaxLength = Spec(ContradictionId, "Contradictory constraints at {0}: minLength {1} is greater than maxLength {2}");

    public static readonly DiagnosticDescriptor MinLengthOverMaxBytes = Spec(ContradictionId, "Contradictory constraints at {0}: minLength {1} needs at least {1} UTF-8 bytes, more than x-max-bytes {2}");

    public static readonly DiagnosticDescriptor MinimumOverMaximum = Spec(ContradictionId, "Contradictory constraints at {0}: minimum {1} is greater than maximum {2}");

    public static readonly DiagnosticDescriptor MinPropertiesOverMaxProperties = Spec(ContradictionId, "Contradictory constraints at {0}: minProperties {1} is greater than maxProperties {2}");

    public static readonly DiagnosticDescriptor EmptyReservedPrefix = Spec(ContradictionId, "Contradictory constraints at {0}: an empty reserved prefix would refuse every value");

    public static readonly DiagnosticDescriptor EveryEnumValueReserved = Spec(ContradictionId, "Contradictory constraints at {0}: every enum value starts with a reserved prefix");

    public static readonly DiagnosticDescriptor AllOfTypesConflict = Spec(ContradictionId, "Contradictory constraints at {0}: its allOf parts are of type {1} and of type {2}");

    public static readonly DiagnosticDescriptor AllOfEnumsDisjoint = Spec(ContradictionId, "Contradictory constraints at {0}: the enums of its allOf parts share no value");

    public static readonly DiagnosticDescriptor MinItemsOverMaxItems = Spec(ContradictionId, "Contradictory constraints at {0}: minItems {1} is greater than maxItems {2}");


    // EVS900: a defect in the generator itself.

    /// <summary>{0}: the exception's type; {1}: its message.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        InternalErrorId,
        "The generator failed",
        "The generator failed with {0}: {1}; this is a defect in EvsContracts, please report it with the spec that caused it",
        GeneratorCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "An exception escaped the generator's own code. Nothing is generated from the spec; the spec may well be valid.",
        HelpLink(InternalErrorId));

    private static DiagnosticDescriptor Usage(string id, DiagnosticSeverity severity, string title, string format, string description) =>
        new(id, title, format, UsageCategory, severity, isEnabledByDefault: true, description, HelpLink(id));

    /// <summary>
    /// Whether <paramref name="descriptor"/> is an EVS102 note: it leaves out only what its message says (a check, a
    /// requirement), not the schema or operation it is found in.
    /// </summary>
    public static bool IsNote(DiagnosticDescriptor descriptor) => Array.IndexOf(s_notes, descriptor) >= 0;

    /// <summary>An EVS102 warning that leaves out only what its format says; it gets no "left out" argument.</summary>
    private static DiagnosticDescriptor Note(string format) =>
        new(UnsupportedId, SpecTitle(UnsupportedId), format, SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, SpecDescription(UnsupportedId), HelpLink(UnsupportedId));

    /// <summary>
    /// Whether <paramref name="descriptor"/> ends by saying what its problem leaves out: every spec problem found in
    /// the document's parts does (a warning and an error alike), but a note and a file that cannot be read.
    /// </summary>
    public static bool SaysWhatItLeavesOut(DiagnosticDescriptor descriptor) =>
        descriptor.Category == SpecCategory && descriptor.Id != InvalidJsonId && !IsNote(descriptor);

    /// <summary>
    /// A spec problem under one of the EVS1xx ids, with the id's title, severity, description and help page. EVS102
    /// is a warning: the construct and what needs it are left out, the rest is generated; the others are errors. Past
    /// EVS100, a format gets one more argument, filled in once the whole spec is read (<see cref="LeftOutParts"/>):
    /// what is left out, so that an error says what it costs as a warning does.
    /// </summary>
    private static DiagnosticDescriptor Spec(string id, string format) => new(
        id,
        SpecTitle(id),
        id == InvalidJsonId ? format : format + "{" + ArgumentCount(format).ToString(CultureInfo.InvariantCulture) + "}",
        SpecCategory,
        id == UnsupportedId ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        SpecDescription(id),
        HelpLink(id));

    /// <summary>How many arguments a format string takes: one more than its highest <c>{n}</c>.</summary>
    private static int ArgumentCount(string format)
    {
        int count = 0;
        for (int i = 0; i < format.Length - 2; i++)
        {
            if (format[i] == '{' && format[i + 1] == '{')
            {
                i++;
            }
            else if (format[i] == '{' && char.IsDigit(format[i + 1]) && format[i + 2] == '}')
            {
                count = Math.Max(count, format[i + 1] - '0' + 1);
            }
        }

        return count;
    }

    private static string SpecTitle(string id) => id switch
    {
        InvalidJsonId => "Spec file is not valid JSON or YAML",
        NotOpenApiId => "Spec file is not a supported OpenAPI document",
        UnsupportedId => "Construct outside the supported OpenAPI subset",
        UnresolvedRefId => "Reference does not resolve",
        InvalidNameId => "Name is not a usable C# identifier",
        ContradictionId => "Contradictory constraints",
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    private static string SpecDescription(string id) => id switch
    {
        InvalidJsonId => "The spec could not be read as JSON (or as YAML, for a .yaml or .yml file); the location is the first character the reader could not accept.",
        NotOpenApiId => "The spec must be an OpenAPI 3.0.x or 3.1.x document with the members the generator needs.",
        UnsupportedId => "The generator supports a documented subset of OpenAPI (spec/README.md). A construct outside it is left out with the operations and schemas that need it, never generated wrongly; the rest of the spec is generated.",
        UnresolvedRefId => "Only local references (#/components/...) that exist in the same document are supported.",
        InvalidNameId => "A name from the spec could not become a C# identifier, or two names became the same identifier.",
        ContradictionId => "Two constraints of the same schema cannot both hold, so no value could be valid.",
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    private static string HelpLink(string id) => $"https://github.com/evscontracts/evscontracts/blob/main/docs/diagnostics/{id}.md";
}
