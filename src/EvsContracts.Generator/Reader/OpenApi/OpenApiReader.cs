using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.Json;
using Microsoft.CodeAnalysis;
using static EvsContracts.Generator.Diagnostics.DiagnosticText;

namespace EvsContracts.Generator.Reader.OpenApi;

/// <summary>
/// Reads the supported OpenAPI subset out of a parsed JSON document. Anything outside the subset becomes an
/// EVS101–EVS103 diagnostic at the member that causes it, reported within the part of the spec being read (a named
/// schema, a path, an operation, an error response), which is then left out; the reader goes on to find every
/// problem in one pass. A reference made within a part is recorded as a need of that part.
/// </summary>
internal sealed partial class OpenApiReader
{
    /// <summary>
    /// The longest spec string that becomes a C# string constant or name (schema and property names, enum values,
    /// prefixes, patterns, paths, parameter names). Metadata caps all string constants together at 16 MB, and only
    /// writing the assembly finds out (CS8103); prose (descriptions, titles) goes into comments and is not limited.
    /// </summary>
    public const int MaxLiteralLength = 16 * 1024;

    /// <summary>Members whose text is prose, never generated as code.</summary>
    private static readonly string[] s_proseMembers = { "description", "summary", "title", "version" };

    /// <summary>Members that hold sample data, never generated as code.</summary>
    private static readonly string[] s_sampleMembers = { "example", "examples", "default" };

    /// <summary>The extensions the generator reads; any other <c>x-</c> member is another tool's, never generated.</summary>
    private static readonly string[] s_readExtensions =
        { "x-client-name", "x-extensible-enum", "x-max-bytes", "x-namespace", "x-pagination", "x-reserved-prefixes", "x-status-waiter" };

    /// <summary>Whether the generator reads an <c>x-</c> member of that name.</summary>
    public static bool IsReadExtension(string name) => Array.IndexOf(s_readExtensions, name) >= 0;

    private readonly JsonObjectNode _root;
    private readonly SpecDiagnosticBag _diagnostics;

    /// <summary>Checked per path item and per named schema: a spec of thousands of each takes a while to read.</summary>
    private readonly CancellationToken _cancellationToken;

    /// <summary>The part of each named schema, made before any is read so that a reference may point forward.</summary>
    private readonly Dictionary<string, SpecPart> _schemaParts = new(StringComparer.Ordinal);

    /// <summary>The references into other schemas being read (<see cref="ReadPointedSchema"/>).</summary>
    private readonly HashSet<string> _pointedSchemas = new(StringComparer.Ordinal);

    /// <summary>The name given to each place a reference into another schema reaches again while reading it.</summary>
    private readonly Dictionary<string, string> _recursiveTargets = new(StringComparer.Ordinal);

    /// <summary>Those places in the order met, read as named schemas once everything else is read.</summary>
    private readonly List<(string Name, string Target)> _recursiveTargetsToRead = new();

    /// <summary>The members and items from the pointer the literal check started at down to the literal it is on.</summary>
    private readonly List<(string? Name, int Index)> _literalPath = new();

    private OpenApiReader(JsonObjectNode root, SpecDiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _root = root;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public static OpenApiDocument? Read(JsonNode root, SpecDiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        if (root is not JsonObjectNode rootObject)
        {
            diagnostics.Report(DiagnosticDescriptors.DocumentNotObject, root, Article(root.KindName));
            return null;
        }

        return new OpenApiReader(rootObject, diagnostics, cancellationToken).ReadDocument();
    }

    private OpenApiDocument? ReadDocument()
    {
        JsonMember? versionMember = _root.Find("openapi");
        if (versionMember is null)
        {
            Report(DiagnosticDescriptors.OpenApiVersionMissing, _root.Start, _root.Start + 1);
            return null;
        }

        if (versionMember.Value is not JsonStringNode versionNode
            || !(versionNode.Value.StartsWith("3.0.", StringComparison.Ordinal) || versionNode.Value.StartsWith("3.1.", StringComparison.Ordinal)))
        {
            Report(DiagnosticDescriptors.OpenApiVersionUnsupported, versionMember.Value);
            return null;
        }

        JsonMember? infoMember = _root.Find("info");
        if (infoMember?.Value is not JsonObjectNode info)
        {
            ReportMissingOrWrong(_root, infoMember, "info", "an object");
            return null;
        }

        string? title = RequiredString(info, "info", "title");
        RequiredVersion(info);
        string? clientName = OptionalString(info, "x-client-name", "/info");
        string? @namespace = OptionalString(info, "x-namespace", "/info");
        if (title is null)
        {
            return null;
        }

        var document = new OpenApiDocument(versionNode.Value, title, clientName, @namespace, info)
        {
            TitleNode = info.Get("title")!,
            ClientNameNode = clientName is null ? null : info.Get("x-client-name"),
            NamespaceNode = @namespace is null ? null : info.Get("x-namespace"),
        };
        bool is30 = versionNode.Value.StartsWith("3.0.", StringComparison.Ordinal);

        CheckDocumentLiteralLengths();
        ReadComponents(document);

        JsonMember? pathsMember = _root.Find("paths");
        if (pathsMember is null)
        {
            if (is30)
            {
                Report(DiagnosticDescriptors.PathsMissing30, _root.Start, _root.Start + 1);
            }
            else if (_root.Find("components") is null)
            {
                // OpenAPI 3.1 asks for at least one of the three; with none of the two it reads there is nothing to
                // generate, which must not pass in silence.
                if (_root.Find("webhooks") is { } webhooks)
                {
                    Report(DiagnosticDescriptors.OnlyWebhooks, webhooks);
                }
                else
                {
                    Report(DiagnosticDescriptors.NothingToRead31, _root.Start, _root.Start + 1);
                }
            }
        }
        else if (pathsMember.Value is JsonObjectNode paths)
        {
            foreach (JsonMember path in paths.Members)
            {
                _cancellationToken.ThrowIfCancellationRequested();

                // The paths object may carry extensions (Apicurio's x-codegen-contextRoot); a path starts with '/'.
                if (!path.Name.StartsWith("x-", StringComparison.Ordinal))
                {
                    ReadPathItem(document, path);
                }
            }
        }
        else
        {
            Report(DiagnosticDescriptors.NotAnObject, pathsMember.Value, Quote("paths"));
        }

        ReadRecursiveTargets(document);
        return document;
    }

    /// <summary>
    /// Checks the literals of the document outside its parts: paths and named schemas are checked as they are read,
    /// so that a literal too long leaves out only the operation or schema that holds it.
    /// </summary>
    private void CheckDocumentLiteralLengths()
    {
        foreach (JsonMember member in _root.Members)
        {
            if (member.Name == "components" && member.Value is JsonObjectNode components)
            {
                foreach (JsonMember component in components.Members)
                {
                    if (component.Name != "schemas")
                    {
                        CheckLiteralLengths(component, "/components");
                    }
                }
            }
            else if (member.Name != "paths")
            {
                CheckLiteralLengths(member, string.Empty);
            }
        }
    }

    /// <summary>Checks a member's name and the literals of its value; <paramref name="pointer"/> is the object's that holds it.</summary>
    private void CheckLiteralLengths(JsonMember member, string pointer)
    {
        if (member.Name.Length > MaxLiteralLength)
        {
            Report(DiagnosticDescriptors.NameTooLong, member, Count(member.Name.Length), LiteralPointer(pointer), Count(MaxLiteralLength));
        }
        else if (Array.IndexOf(s_sampleMembers, member.Name) < 0
            && !(member.Value is JsonStringNode && Array.IndexOf(s_proseMembers, member.Name) >= 0)
            && !(member.Name.StartsWith("x-", StringComparison.Ordinal) && !IsReadExtension(member.Name)))
        {
            _literalPath.Add((member.Name, 0));
            CheckLiteralLengths(member.Value, pointer);
            _literalPath.RemoveAt(_literalPath.Count - 1);
        }
    }

    private void CheckLiteralLengths(JsonNode node, string pointer)
    {
        switch (node)
        {
            case JsonObjectNode obj:
                for (int i = 0; i < obj.Members.Count; i++)
                {
                    CheckLiteralLengths(obj.Members[i], pointer);
                }

                break;
            case JsonArrayNode array:
                for (int i = 0; i < array.Items.Count; i++)
                {
                    _literalPath.Add((null, i));
                    CheckLiteralLengths(array.Items[i], pointer);
                    _literalPath.RemoveAt(_literalPath.Count - 1);
                }

                break;
            case JsonStringNode text when text.Value.Length > MaxLiteralLength:
                Report(DiagnosticDescriptors.StringTooLong, text, Count(text.Value.Length), LiteralPointer(pointer), Count(MaxLiteralLength));
                break;
        }
    }

    /// <summary>The pointer of the literal being checked, made only when one is reported.</summary>
    private string LiteralPointer(string pointer)
    {
        var builder = new StringBuilder(pointer);
        foreach ((string? name, int index) in _literalPath)
        {
            builder.Append('/').Append(name is null ? index.ToString(CultureInfo.InvariantCulture) : EscapePointer(name));
        }

        return builder.ToString();
    }

    /// <summary>A new part of <paramref name="document"/>, to read into with <see cref="SpecDiagnosticBag.Within"/>.</summary>
    private static SpecPart NewPart(OpenApiDocument document, SpecPartKind kind, string name)
    {
        var part = new SpecPart(kind, name);
        document.Parts.Add(part);
        return part;
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
            Report(DiagnosticDescriptors.NotAnObject, componentsMember.Value, Quote("components"));
            return;
        }

        JsonMember? schemasMember = components.Find("schemas");
        if (schemasMember is null)
        {
            return;
        }

        if (schemasMember.Value is not JsonObjectNode schemas)
        {
            Report(DiagnosticDescriptors.NotAnObject, schemasMember.Value, Quote("components.schemas"));
            return;
        }

        // Names first, so a reference may point forward.
        foreach (JsonMember member in schemas.Members)
        {
            _schemaParts[member.Name] = NewPart(document, SpecPartKind.Schema, member.Name);
        }

        foreach (JsonMember member in schemas.Members)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            SpecPart part = _schemaParts[member.Name];
            using SpecDiagnosticBag.PartScope scope = _diagnostics.Within(part);
            CheckLiteralLengths(member, "/components/schemas");
            OpenApiSchema? schema = ReadSchema(member.Value, "/components/schemas/" + EscapePointer(member.Name));
            if (schema is not null)
            {
                document.Schemas.Add(new OpenApiNamedSchema(member.Name, member, schema, part));
            }
        }
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

    /// <summary>
    /// info.version is prose; YAML reads an unquoted <c>version: 1.0</c> as a number, which is taken as it is written.
    /// </summary>
    private void RequiredVersion(JsonObjectNode info)
    {
        if (info.Get("version") is not JsonNumberNode)
        {
            RequiredString(info, "info", "version");
        }
    }

    private void ReportMissingOrWrong(JsonObjectNode owner, JsonMember? member, string what, string expected)
    {
        if (member is null)
        {
            Report(DiagnosticDescriptors.RequiredMemberMissing, owner.Start, owner.Start + 1, Quote(what));
        }
        else
        {
            Report(DiagnosticDescriptors.MemberOfWrongKind, member.Value, Quote(what), expected, Article(member.Value.KindName));
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

        Report(DiagnosticDescriptors.MemberOfWrongKind, member.Value, pointer + "/" + name, "a string", Article(member.Value.KindName));
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

        Report(DiagnosticDescriptors.MemberOfWrongKind, member.Value, pointer + "/" + name, "true or false", Article(member.Value.KindName));
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

        Report(DiagnosticDescriptors.NotANonNegativeInteger, member.Value, pointer + "/" + name);
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

        Report(DiagnosticDescriptors.NotANumber, member.Value, pointer + "/" + name);
        return null;
    }

    private List<string>? StringArray(JsonNode node, string pointer)
    {
        if (node is not JsonArrayNode array)
        {
            Report(DiagnosticDescriptors.NotAStringArray, node, pointer);
            return null;
        }

        var list = new List<string>(array.Items.Count);
        foreach (JsonNode item in array.Items)
        {
            if (item is not JsonStringNode text)
            {
                Report(DiagnosticDescriptors.StringArrayItemNotString, item, pointer);
                return null;
            }

            list.Add(text.Value);
        }

        return list;
    }

    private void Report(DiagnosticDescriptor descriptor, JsonNode node, params string[] arguments) =>
        _diagnostics.Report(descriptor, node, arguments);

    private void Report(DiagnosticDescriptor descriptor, JsonMember member, params string[] arguments) =>
        _diagnostics.Report(descriptor, member, arguments);

    private void Report(DiagnosticDescriptor descriptor, int start, int end, params string[] arguments) =>
        _diagnostics.Report(descriptor, start, end, arguments);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Article(string kind) => kind is "object" or "array" ? "an " + kind : kind == "null" ? "null" : "a " + kind;
}
