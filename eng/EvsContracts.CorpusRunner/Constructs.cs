using System.Text.RegularExpressions;

namespace EvsContracts.CorpusRunner;

/// <summary>
/// Names the construct a spec diagnostic is about, for the histogram of what is still refused: from the message's
/// JSON Pointer (its last keyword: <c>not</c>, <c>oneOf</c>, <c>in: cookie</c>, ...) or, failing that, from the
/// message's wording with its particulars taken out.
/// </summary>
public static partial class Constructs
{
    // Keywords a pointer may end in that say what the construct is; a name (a schema's, a property's) says nothing.
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "not", "oneOf", "anyOf", "allOf", "if", "then", "else", "discriminator", "additionalProperties",
        "patternProperties", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "prefixItems", "contains",
        "dependentSchemas", "dependentRequired", "const", "enum", "type", "pattern", "format", "items", "$ref",
        "callbacks", "webhooks", "links", "content", "in", "style", "explode", "allowReserved", "encoding",
        "multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
        "uniqueItems", "minLength", "maxLength", "minProperties", "maxProperties", "nullable", "readOnly",
        "writeOnly", "default", "example", "examples", "requestBody", "responses", "parameters", "headers",
        "security", "servers", "x-status-waiter", "x-pagination",
    };

    public static string Of(string message)
    {
        // What the problem leaves out is not what it is about.
        int clause = message.IndexOf(LeftOutClauses.Marker, StringComparison.Ordinal);
        clause = clause < 0 ? message.IndexOf("; nothing is generated", StringComparison.Ordinal) : clause;
        message = clause < 0 ? message : message[..clause];

        if (Contradiction().Match(message) is { Success: true } contradiction)
        {
            return "contradiction: " + Template(contradiction.Groups[1].Value);
        }

        if (message.Contains("has no \"type\"", StringComparison.Ordinal))
        {
            return "schema with no type";
        }

        if (ParameterLocation().Match(message) is { Success: true } location)
        {
            return "in: " + location.Groups[1].Value;
        }

        if (MediaType().Match(message) is { Success: true } media)
        {
            return "media type " + media.Groups[1].Value.Trim('"');
        }

        if (ParameterType().Match(message) is { Success: true } parameterType)
        {
            return "parameter that is " + parameterType.Groups[1].Value;
        }

        if (message.StartsWith("Parameters described by \"content\"", StringComparison.Ordinal))
        {
            return "parameter with content";
        }

        if (message.StartsWith("The multipart/form-data body", StringComparison.Ordinal))
        {
            return "multipart form without fields";
        }

        if (message.StartsWith("The application/x-www-form-urlencoded body", StringComparison.Ordinal))
        {
            return "form body not an object";
        }

        if (message.Contains("must be an object schema", StringComparison.Ordinal))
        {
            return message.StartsWith("The request body", StringComparison.Ordinal) ? "request body not an object" : "success response not an object";
        }

        if (message.Contains("remote reference", StringComparison.Ordinal))
        {
            return "remote $ref";
        }

        if (message.StartsWith("Only string enums", StringComparison.Ordinal))
        {
            return "enum of non-strings";
        }

        if (message.StartsWith("The type [", StringComparison.Ordinal))
        {
            return "type array";
        }

        if (Method().Match(message) is { Success: true } method)
        {
            return "method " + method.Groups[1].Value.Trim('"');
        }

        if (message.Contains("success responses", StringComparison.Ordinal))
        {
            return "several 2xx responses";
        }

        if (message.Contains("response key", StringComparison.Ordinal))
        {
            return "response key (status range)";
        }

        if (message.Contains("\"properties\" and an \"additionalProperties\"", StringComparison.Ordinal))
        {
            return "properties with additionalProperties";
        }

        if (Pointer().Match(message) is { Success: true } pointer)
        {
            string[] segments = pointer.Value.TrimEnd(')', '.', ',', ';').Split('/');
            for (int i = segments.Length - 1; i > 0; i--)
            {
                if (s_keywords.Contains(segments[i]))
                {
                    return segments[i];
                }
            }
        }

        return Template(message);
    }

    /// <summary>The message with pointers, quoted text and numbers replaced, so messages of one kind count together.</summary>
    public static string Template(string message)
    {
        string text = Pointer().Replace(message, "<pointer>");
        text = Quoted().Replace(text, "\"…\"");
        text = Number().Replace(text, "N");
        return text.Length > 110 ? text[..110] + "…" : text;
    }

    // Diagnostics write pointers from the document's root, with or without the leading '#'.
    [GeneratedRegex(@"#?/(?:paths|components|webhooks|info|servers|security|tags)\b[^\s]*", RegexOptions.CultureInvariant)]
    private static partial Regex Pointer();

    [GeneratedRegex("\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b\d+\b", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^Parameters in (\S+) are not supported", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterLocation();

    [GeneratedRegex(@"[Mm]edia type (\S+) is not supported", RegexOptions.CultureInvariant)]
    private static partial Regex MediaType();

    [GeneratedRegex(@"^The (?:optional )?parameter ""[^""]*"" is (an array of \S+|an object)", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterType();

    [GeneratedRegex(@"^The method (\S+) is not supported", RegexOptions.CultureInvariant)]
    private static partial Regex Method();

    // EVS105 names the schema, not the keyword: what contradicts what is the construct.
    [GeneratedRegex(@"^Contradictory constraints at \S+: (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Contradiction();
}
