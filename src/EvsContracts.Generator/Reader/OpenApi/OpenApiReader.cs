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
internal sealed partial class OpenApiReader
{
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

    private void Report(string id, string message, JsonNode node) => _diagnostics.Report(id, message, node);

    private void Report(string id, string message, JsonMember member) => _diagnostics.Report(id, message, member);

    private void Report(string id, string message, int start, int end) => _diagnostics.Report(id, message, start, end);

    private static string Article(string kind) => kind is "object" or "array" ? "an " + kind : kind == "null" ? "null" : "a " + kind;
}
