using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Model;
using EvsContracts.Generator.Reader.Json;
using static EvsContracts.Generator.Diagnostics.DiagnosticText;

namespace EvsContracts.Generator.Reader.OpenApi;

/// <summary>Paths, operations, parameters, request bodies and responses.</summary>
internal sealed partial class OpenApiReader
{
    private static readonly string[] s_methods = { "get", "post", "put", "patch", "delete", "head", "options", "trace" };

    private static readonly char[] s_braces = { '{', '}' };

    private void ReadPathItem(OpenApiDocument document, JsonMember pathMember)
    {
        SpecPart part = NewPart(document, SpecPartKind.Path, pathMember.Name);
        using SpecDiagnosticBag.PartScope scope = _diagnostics.Within(part);
        if (pathMember.Name.Length > MaxLiteralLength)
        {
            Report(DiagnosticDescriptors.NameTooLong, pathMember, Count(pathMember.Name.Length), "/paths", Count(MaxLiteralLength));
            return;
        }

        string pointer = "/paths/" + EscapePointer(pathMember.Name);
        if (!pathMember.Name.StartsWith("/", StringComparison.Ordinal))
        {
            Report(DiagnosticDescriptors.PathNotAbsolute, pathMember, Quote(pathMember.Name));
            return;
        }

        // A path may carry a fixed query (AWS: "/?Action=DescribeInstances&Version=2016-11-15") that is sent as it
        // is, and a fragment, which no client sends: it only tells two operations on one path apart.
        string key = pathMember.Name;
        int fragment = key.IndexOf('#');
        string withoutFragment = fragment >= 0 ? key.Substring(0, fragment) : key;
        int question = withoutFragment.IndexOf('?');
        string path = question >= 0 ? withoutFragment.Substring(0, question) : withoutFragment;
        string? query = question >= 0 ? withoutFragment.Substring(question + 1) : null;
        List<(string Key, string Parameter)> templated = TakeTemplatedQuery(path, ref query);
        if ((PathTemplateProblem(path) ?? (query is null ? null : FixedQueryProblem(query))) is { } problem)
        {
            Report(DiagnosticDescriptors.PathTemplateInvalid, pathMember, Quote(pathMember.Name), problem);
            return;
        }

        if (query is not null && query.IndexOfAny(s_braces) >= 0)
        {
            // What is left of the query after "key={parameter}" pairs are taken out, such as "?{search}=1", names its
            // keys by parameters: a template a client cannot fill in as written, not a broken spec.
            Report(DiagnosticDescriptors.PathQueryTemplated, pathMember, Quote(pathMember.Name));
            return;
        }

        string? fixedQuery = query is null ? null : EscapeFixedQuery(query);

        if (pathMember.Value is not JsonObjectNode item)
        {
            Report(DiagnosticDescriptors.PathItemNotObject, pathMember.Value, pointer);
            return;
        }

        List<(JsonMember Member, string Pointer)>? members = PathItemMembers(item, pointer);
        if (members is null)
        {
            return;
        }

        var shared = new List<OpenApiParameter>();
        var sharedPathNames = new List<string>();
        foreach ((JsonMember member, string itemPointer) in members)
        {
            if (Array.IndexOf(s_methods, member.Name) < 0)
            {
                CheckLiteralLengths(member, itemPointer);
            }

            if (member.Name == "parameters")
            {
                ReadParameters(member.Value, itemPointer + "/parameters", shared, sharedPathNames);
            }
        }

        foreach ((JsonMember member, string itemPointer) in members)
        {
            if (Array.IndexOf(s_methods, member.Name) >= 0)
            {
                SpecPart operation = NewPart(document, SpecPartKind.Operation, OperationName(member, pathMember.Name));
                operation.Needs.Add(part);
                using SpecDiagnosticBag.PartScope operationScope = _diagnostics.Within(operation);
                CheckLiteralLengths(member, itemPointer);
                ReadOperation(document, key, path, fixedQuery, templated, member, itemPointer + "/" + member.Name, shared, sharedPathNames);
            }
        }
    }

    /// <summary>
    /// The members of a path item, each with the pointer of the object it is written in. A path item may
    /// <c>$ref</c> another (a second path serving the same operations): the referenced item's members are read, and
    /// a member the item also writes beside its <c>$ref</c> is taken from the item itself, the reading closest to
    /// what its author sees where OpenAPI leaves the clash undefined. Null when the reference leads nowhere (reported).
    /// </summary>
    private List<(JsonMember Member, string Pointer)>? PathItemMembers(JsonObjectNode item, string pointer)
    {
        var members = new List<(JsonMember Member, string Pointer)>();
        foreach (JsonMember member in item.Members)
        {
            if (member.Name != "$ref")
            {
                members.Add((member, pointer));
            }
        }

        if (item.Find("$ref") is null)
        {
            return members;
        }

        string targetPointer = pointer;
        if (Deref(item, ref targetPointer) is not JsonObjectNode target)
        {
            return null;
        }

        foreach (JsonMember member in target.Members)
        {
            if (item.Find(member.Name) is null)
            {
                members.Add((member, targetPointer));
            }
        }

        return members;
    }

    /// <summary>What a message calls an operation: its operationId, or its method and path when it has none.</summary>
    private static string OperationName(JsonMember methodMember, string path) =>
        methodMember.Value is JsonObjectNode operation && operation.Get("operationId") is JsonStringNode { Value.Length: > 0 } id
            ? id.Value
            : methodMember.Name.ToUpperInvariant() + " " + path;

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
                case '\\':
                    return "contains '\\', which HTTP clients send as '/'";
                case < ' ' or '\u007F':
                    return "contains a control character, which no server reads as part of a path";
            }
        }

        return open >= 0 ? "has a '{' that is not closed" : null;
    }

    /// <summary>
    /// Takes the <c>key={parameter}</c> pairs out of the query a path carries (Weatherbit's
    /// <c>/alerts?lat={lat}&amp;lon={lon}</c>); <paramref name="query"/> keeps the fixed pairs, or null when none is left.
    /// Each becomes a query parameter of that key, which the spec usually declares "in": "path". A parameter the path
    /// itself names too stays in the query, which then cannot be sent.
    /// </summary>
    private static List<(string Key, string Parameter)> TakeTemplatedQuery(string path, ref string? query)
    {
        var templated = new List<(string Key, string Parameter)>();
        if (query is null || query.IndexOf('{') < 0)
        {
            return templated;
        }

        var rest = new List<string>();
        foreach (string pair in query.Split('&'))
        {
            Match match = Regex.Match(pair, "^([^={}]+)=\\{([^{}]+)\\}$");
            if (match.Success && path.IndexOf("{" + match.Groups[2].Value + "}", StringComparison.Ordinal) < 0)
            {
                templated.Add((Uri.UnescapeDataString(match.Groups[1].Value), match.Groups[2].Value));
            }
            else
            {
                rest.Add(pair);
            }
        }

        query = rest.Count == 0 ? null : string.Join("&", rest);
        return templated;
    }

    /// <summary>Why the query a path carries cannot be sent as it is: it is fixed text, so it names no parameter.</summary>
    private static string? FixedQueryProblem(string query)
    {
        foreach (char c in query)
        {
            switch (c)
            {
                case < ' ' or '\u007F':
                    return "contains a control character, which no server reads as part of a query";
            }
        }

        return null;
    }

    /// <summary>
    /// The fixed query as it goes on the wire: what is already a valid query character (escapes included) is kept,
    /// anything else (a space, non-ASCII text) is percent-encoded as UTF-8.
    /// </summary>
    private static string EscapeFixedQuery(string query)
    {
        var builder = new System.Text.StringBuilder(query.Length);
        int run = -1;
        for (int i = 0; i <= query.Length; i++)
        {
            bool keep = i == query.Length || (query[i] < 0x80 && (char.IsLetterOrDigit(query[i]) || "-._~!$&'()*+,;=:@/?%".IndexOf(query[i]) >= 0));
            if (!keep)
            {
                run = run < 0 ? i : run;
                continue;
            }

            // A run at a time, so a surrogate pair is encoded as the one character it is.
            if (run >= 0)
            {
                builder.Append(Uri.EscapeDataString(query.Substring(run, i - run)));
                run = -1;
            }

            if (i < query.Length)
            {
                builder.Append(query[i]);
            }
        }

        return builder.ToString();
    }

    private void ReadOperation(
        OpenApiDocument document, string key, string path, string? fixedQuery, List<(string Key, string Parameter)> templatedQuery, JsonMember methodMember, string pointer,
        List<OpenApiParameter> shared, List<string> sharedPathNames)
    {
        if (methodMember.Value is not JsonObjectNode operation)
        {
            Report(DiagnosticDescriptors.OperationNotObject, methodMember.Value, pointer);
            return;
        }

        // Without an operationId (or with an empty one) the model builder names the method after method and path.
        JsonMember? idMember = operation.Find("operationId");
        string? operationId = null;
        if (idMember?.Value is JsonStringNode idNode)
        {
            operationId = idNode.Value.Length == 0 ? null : idNode.Value;
        }
        else if (idMember is not null)
        {
            Report(DiagnosticDescriptors.NotAString, idMember.Value, pointer + "/operationId");
        }

        var result = new OpenApiOperation(methodMember.Name, key, path, pointer, operationId, operationId is null ? operation : idMember!.Value, _diagnostics.CurrentPart!)
        {
            FixedQuery = fixedQuery,
            Summary = OptionalString(operation, "summary", pointer),
            Description = OptionalString(operation, "description", pointer),
        };

        var own = new List<OpenApiParameter>();
        var pathNames = new List<string>(sharedPathNames);
        if (operation.Find("parameters") is { } parametersMember)
        {
            ReadParameters(parametersMember.Value, pointer + "/parameters", own, pathNames);
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
        MoveToQuery(result, templatedQuery, methodMember, pathNames, pointer);
        CheckPathParameters(result, methodMember, pathNames, pointer);

        if (operation.Find("requestBody") is { } bodyMember)
        {
            ReadRequestBody(result, bodyMember.Value, pointer + "/requestBody");
        }

        JsonMember? responsesMember = operation.Find("responses");
        if (responsesMember?.Value is JsonObjectNode responses)
        {
            // Without a 2xx response, "default" is the success (the model builder says why), so it is part of the operation.
            bool defaultIsSuccess = !responses.Members.Any(r => r.Name.StartsWith("2", StringComparison.Ordinal));
            foreach (JsonMember response in responses.Members)
            {
                ReadResponse(document, result, response, pointer + "/responses/" + EscapePointer(response.Name), defaultIsSuccess);
            }
        }
        else if (responsesMember is not null)
        {
            Report(DiagnosticDescriptors.NotAnObject, responsesMember.Value, pointer + "/responses");
        }

        if (!result.Responses.Any(r => r.Status[0] == '2' || r.Status == "default") && result.Responses.Any(r => r.Status[0] == '3'))
        {
            // Only redirects (GitHub's downloads answer 302 and a link): what the caller wants is where the redirect
            // leads, which the spec does not describe, so any 2xx there is a success, its body the bytes.
            result.RedirectOnly = true;
            result.Responses.Add(new OpenApiResponse("2XX", new OpenApiSchema(operation, pointer + "/responses") { Type = SchemaType.String, Format = "binary" }, null, part: null)
            {
                Media = new OpenApiMedia(ContentKind.Binary, "application/octet-stream", "*/*"),
            });
        }

        if (operation.Find("callbacks") is { } callbacks)
        {
            // A callback describes requests the service sends to the caller: a server's concern, which a client
            // does not make. The operation itself is whole without it.
            Report(DiagnosticDescriptors.Callbacks, callbacks, result.DisplayName, pointer);
        }

        if (operation.Find("x-status-waiter") is { } waiter)
        {
            ReadStatusWaiters(result, waiter.Value, pointer + "/x-status-waiter");
        }

        if (operation.Find("x-pagination") is { } pagination)
        {
            result.Pagination = ReadPagination(pagination.Value, pointer + "/x-pagination");
        }

        document.Operations.Add(result);
    }

    /// <summary>
    /// The parameters a path's query names (<c>?lat={lat}</c>) are query parameters of the key that names them,
    /// whatever the spec declares them as; one it does not declare is a required string, with a note.
    /// </summary>
    private void MoveToQuery(OpenApiOperation operation, List<(string Key, string Parameter)> templated, JsonMember methodMember, List<string> pathNames, string pointer)
    {
        foreach ((string key, string name) in templated)
        {
            int index = operation.Parameters.FindIndex(p => p.Name == name && p.Location is ParameterLocation.Path or ParameterLocation.Query);
            pathNames.Remove(name);
            if (index < 0)
            {
                var node = (JsonObjectNode)methodMember.Value;
                Report(DiagnosticDescriptors.PathParameterUndeclared, methodMember, operation.Path + "?" + key + "={" + name + "}", name, methodMember.Name, Quote(name));
                operation.Parameters.Add(new OpenApiParameter(key, ParameterLocation.Query, required: true, new OpenApiSchema(node, pointer) { Type = SchemaType.String }, node, pointer)
                {
                    Style = ParameterStyle.Form,
                    Explode = true,
                });
                continue;
            }

            // Sent as the query's form style sends it: a value as key=value, a list as key=a&key=b.
            OpenApiParameter declared = operation.Parameters[index];
            operation.Parameters[index] = new OpenApiParameter(key, ParameterLocation.Query, declared.Required, declared.Schema, declared.Node, declared.Pointer)
            {
                Description = declared.Description,
                Json = declared.Json,
                Style = ParameterStyle.Form,
                Explode = !declared.Json,
            };
        }
    }

    /// <summary>
    /// Checks the path parameters against the template. A name in the template that no parameter declares (real
    /// specs forget them) becomes a required string parameter, with a note; one declared but refused is reported
    /// where it is declared.
    /// </summary>
    private void CheckPathParameters(OpenApiOperation operation, JsonMember methodMember, List<string> declared, string pointer)
    {
        var inTemplate = new List<string>();
        foreach (Match match in Regex.Matches(operation.Path, "\\{([^{}]*)\\}"))
        {
            inTemplate.Add(match.Groups[1].Value);
        }

        foreach (string name in inTemplate)
        {
            if (!declared.Contains(name) && !operation.Parameters.Exists(p => p.Location == ParameterLocation.Path && p.Name == name))
            {
                var node = (JsonObjectNode)methodMember.Value;
                Report(DiagnosticDescriptors.PathParameterUndeclared, methodMember, operation.Path, name, methodMember.Name, Quote(name));
                operation.Parameters.Add(new OpenApiParameter(name, ParameterLocation.Path, required: true, new OpenApiSchema(node, pointer) { Type = SchemaType.String }, node, pointer));
            }
        }

        // Declared for a path that does not name it (a copied parameter list, a path renamed since): there is
        // nowhere to send it, so the method does not take it.
        foreach (OpenApiParameter parameter in operation.Parameters)
        {
            if (parameter.Location == ParameterLocation.Path && !inTemplate.Contains(parameter.Name))
            {
                Report(DiagnosticDescriptors.PathParameterNotInPath, parameter.Node, Quote(parameter.Name), operation.Path);
            }
        }

        operation.Parameters.RemoveAll(p => p.Location == ParameterLocation.Path && !inTemplate.Contains(p.Name));
    }

    /// <summary>Reads parameters into <paramref name="into"/>; <paramref name="pathNames"/> gets the name of every path parameter declared, read or refused.</summary>
    private void ReadParameters(JsonNode node, string pointer, List<OpenApiParameter> into, List<string> pathNames)
    {
        if (node is not JsonArrayNode array)
        {
            Report(DiagnosticDescriptors.NotAnArray, node, pointer);
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

            if (location == "path")
            {
                pathNames.Add(name);
            }

            ParameterLocation parsed;
            switch (location)
            {
                case "path": parsed = ParameterLocation.Path; break;
                case "query": parsed = ParameterLocation.Query; break;
                case "header": parsed = ParameterLocation.Header; break;
                default:
                    Report(DiagnosticDescriptors.ParameterLocationUnsupported, parameter.Get("in")!, Quote(location), itemPointer);
                    continue;
            }

            // A parameter described by JSON content is sent as the value's JSON text, whatever its schema's type; it
            // has no style.
            OpenApiSchema? schema;
            ParameterStyle? style = null;
            string? styleName = null;
            JsonMember? content = parameter.Find("content");
            if (content is not null)
            {
                schema = ReadParameterContent(content, itemPointer);
            }
            else if (parameter.Find("schema") is not { } schemaMember)
            {
                Report(DiagnosticDescriptors.ParameterSchemaMissing, parameter, Quote(name), itemPointer);
                continue;
            }
            else
            {
                // The model builder checks what the type can be in each style (a value, a list of values, an
                // object of values); here only whether OpenAPI defines the style where it is.
                schema = ReadSchema(schemaMember.Value, itemPointer + "/schema");
                styleName = OptionalString(parameter, "style", itemPointer);
                style = (parsed, styleName) switch
                {
                    (ParameterLocation.Query, null or "form") => ParameterStyle.Form,
                    (ParameterLocation.Query, "spaceDelimited") => ParameterStyle.SpaceDelimited,
                    (ParameterLocation.Query, "pipeDelimited") => ParameterStyle.PipeDelimited,
                    (ParameterLocation.Query, "deepObject") => ParameterStyle.DeepObject,
                    (ParameterLocation.Header or ParameterLocation.Path, null or "simple") => ParameterStyle.Simple,
                    (ParameterLocation.Path, "label") => ParameterStyle.Label,
                    (ParameterLocation.Path, "matrix") => ParameterStyle.Matrix,
                    _ => null,
                };
            }

            if (schema is null)
            {
                continue;
            }

            if (content is null && style is null)
            {
                Report(DiagnosticDescriptors.ParameterStyleUnsupported, parameter.Get("style")!, Quote(styleName!), itemPointer, parsed.ToString().ToLowerInvariant());
                continue;
            }

            bool required = OptionalBool(parameter, "required", itemPointer) ?? false;
            if (parsed == ParameterLocation.Path && !required)
            {
                Report(DiagnosticDescriptors.PathParameterOptional, parameter, Quote(name), itemPointer);
                continue;
            }

            into.Add(new OpenApiParameter(name, parsed, required, schema, parameter, itemPointer)
            {
                // OpenAPI's defaults: form style explodes, every other style does not.
                Explode = content is null && (OptionalBool(parameter, "explode", itemPointer) ?? style == ParameterStyle.Form),
                Style = style ?? ParameterStyle.Simple,
                Json = content is not null,
                Description = OptionalString(parameter, "description", itemPointer),
            });
        }
    }

    /// <summary>
    /// The schema of a parameter's <c>content</c>: one JSON media type, whose value is sent as JSON text (OpenAPI 3,
    /// Parameter Object); without a <c>schema</c>, any JSON value.
    /// </summary>
    private OpenApiSchema? ReadParameterContent(JsonMember content, string pointer)
    {
        if (content.Value is not JsonObjectNode media || media.Members.Count != 1 || !IsJsonMediaType(media.Members[0].Name))
        {
            Report(DiagnosticDescriptors.ParameterContent, content, pointer);
            return null;
        }

        string mediaPointer = pointer + "/content/" + EscapePointer(media.Members[0].Name);
        if (media.Members[0].Value is not JsonObjectNode mediaObject)
        {
            Report(DiagnosticDescriptors.NotAnObject, media.Members[0].Value, mediaPointer);
            return null;
        }

        return mediaObject.Find("schema") is { } schemaMember
            ? ReadSchema(schemaMember.Value, mediaPointer + "/schema")
            : new OpenApiSchema(mediaObject, mediaPointer) { Type = SchemaType.Any };
    }

    private void ReadRequestBody(OpenApiOperation operation, JsonNode node, string pointer)
    {
        if (Deref(node, ref pointer) is not JsonObjectNode body)
        {
            return;
        }

        operation.RequestBodyRequired = OptionalBool(body, "required", pointer) ?? false;
        operation.RequestBody = ReadContent(body, pointer, required: true, out OpenApiMedia? media);
        operation.RequestMedia = media;
    }

    private void ReadResponse(OpenApiDocument document, OpenApiOperation operation, JsonMember member, string pointer, bool defaultIsSuccess)
    {
        string status = member.Name;
        // A range ("2XX") is kept upper-case: it stands for every status of its class.
        if (status.Length == 3 && status[0] >= '1' && status[0] <= '5' && status[1] is 'X' or 'x' && status[2] is 'X' or 'x')
        {
            status = status.Substring(0, 1) + "XX";
        }
        else if (status != "default" && !(status.Length == 3 && status[0] >= '1' && status[0] <= '5' && char.IsDigit(status[1]) && char.IsDigit(status[2])))
        {
            if (!status.StartsWith("x-", StringComparison.Ordinal))
            {
                Report(DiagnosticDescriptors.ResponseKeyUnsupported, member, Quote(status), pointer);
            }

            return;
        }

        // An error response is its own part: the client does not read it into a type, so the operation does not need it.
        SpecPart? part = status[0] == '2' || (status == "default" && defaultIsSuccess) ? null : NewPart(document, SpecPartKind.ErrorResponse, status + " of " + operation.Part.Name);
        using SpecDiagnosticBag.PartScope scope = _diagnostics.Within(part ?? operation.Part);
        if (Deref(member.Value, ref pointer) is not JsonObjectNode response)
        {
            return;
        }

        OpenApiSchema? schema = ReadContent(response, pointer, required: false, out OpenApiMedia? media);
        operation.Responses.Add(new OpenApiResponse(status, schema, OptionalString(response, "description", pointer), part) { Media = media });
    }

    /// <summary>
    /// Reads <c>content</c>: of the media types listed, the one the client sends or asks for (JSON first, then form
    /// fields, text and bytes, in document order within each). The schema of a text or binary body is not read: the
    /// body is a string or a stream whatever it describes, so it is a string schema here.
    /// </summary>
    private OpenApiSchema? ReadContent(JsonObjectNode owner, string pointer, bool required, out OpenApiMedia? media)
    {
        media = null;
        JsonMember? contentMember = owner.Find("content");
        if (contentMember is null)
        {
            if (required)
            {
                Report(DiagnosticDescriptors.ContentMissing, owner, pointer);
            }

            return null;
        }

        if (contentMember.Value is not JsonObjectNode content)
        {
            Report(DiagnosticDescriptors.NotAnObject, contentMember.Value, pointer + "/content");
            return null;
        }

        JsonMember? chosen = null;
        int chosenRank = int.MaxValue;
        ContentKind chosenKind = ContentKind.Json;
        foreach (JsonMember candidate in content.Members)
        {
            if (Classify(candidate, request: required) is { } classified && classified.Rank < chosenRank)
            {
                (chosen, chosenRank, chosenKind) = (candidate, classified.Rank, classified.Kind);
            }
        }

        if (chosen is null)
        {
            // Nothing the client can send or read: each media type is a reason.
            foreach (JsonMember unsupported in content.Members)
            {
                Report(DiagnosticDescriptors.MediaTypeUnsupported, unsupported, Quote(unsupported.Name), pointer);
            }

            return null;
        }

        string mediaPointer = pointer + "/content/" + EscapePointer(chosen.Name);
        string bare = BareMediaType(chosen.Name);
        bool wildcard = bare.IndexOf('*') >= 0;
        int slash = bare.IndexOf('/');
        bool malformed = !wildcard && (slash <= 0 || slash == bare.Length - 1);
        string contentType = chosenKind == ContentKind.Multipart ? "multipart/form-data"
            : !wildcard && !malformed ? bare
            : chosenKind switch
            {
                ContentKind.Json => "application/json",
                ContentKind.Text => "text/plain",
                _ => "application/octet-stream",
            };

        // A name that is no media type ("", "file", "applicationjson") is not asked for as such: any answer is read.
        string accept = chosenKind == ContentKind.Json && wildcard ? "application/json" : malformed ? "*/*" : bare;
        media = new OpenApiMedia(chosenKind, contentType, accept);
        if (chosen.Value is not JsonObjectNode mediaObject)
        {
            Report(DiagnosticDescriptors.NotAnObject, chosen.Value, mediaPointer);
            return null;
        }

        if (chosenKind is ContentKind.Form or ContentKind.Multipart && mediaObject.Get("encoding") is JsonObjectNode encoding)
        {
            foreach (JsonMember field in encoding.Members)
            {
                if (field.Value is JsonObjectNode entry)
                {
                    media.Encoding[field.Name] = new OpenApiEncoding
                    {
                        ContentType = (entry.Get("contentType") as JsonStringNode)?.Value,
                        Style = (entry.Get("style") as JsonStringNode)?.Value,
                        Explode = (entry.Get("explode") as JsonBooleanNode)?.Value,
                    };
                }
            }
        }

        if (chosenKind is ContentKind.Text or ContentKind.Binary)
        {
            return new OpenApiSchema(mediaObject, mediaPointer) { Type = SchemaType.String, Format = chosenKind == ContentKind.Binary ? "binary" : null };
        }

        // Without a schema the content is left unspecified (OpenAPI 3, Media Type Object): any JSON value, as a
        // schema with no type is.
        JsonMember? schemaMember = mediaObject.Find("schema");
        return schemaMember is null
            ? new OpenApiSchema(mediaObject, mediaPointer) { Type = SchemaType.Any }
            : ReadSchema(schemaMember.Value, mediaPointer + "/schema");
    }

    /// <summary>
    /// How a media type goes on the wire, and its rank among the others listed (lower is preferred); null for one
    /// the client cannot send or read (<c>multipart/*</c> other than a request's form data, a multipart answer).
    /// </summary>
    private static (ContentKind Kind, int Rank)? Classify(JsonMember media, bool request)
    {
        string bare = BareMediaType(media.Name).ToLowerInvariant();
        JsonObjectNode? schema = (media.Value as JsonObjectNode)?.Get("schema") as JsonObjectNode;
        bool noSchema = schema is null;
        bool binarySchema = schema?.Get("format") is JsonStringNode { Value: "binary" };
        bool stringSchema = schema?.Get("type") is JsonStringNode { Value: "string" } && schema.Get("enum") is null;
        int slash = bare.IndexOf('/');
        string type = slash < 0 ? bare : bare.Substring(0, slash);
        string subtype = slash < 0 ? string.Empty : bare.Substring(slash + 1);

        if (bare is "multipart/form-data" or "application/form-data" or "form-data")
        {
            // Form data with files (the misspelt names too); an answer in it has no one reader. A schema that
            // cannot describe fields (a lone file, a list) names no part, so any other type listed is taken first.
            bool fields = schema is not null && (schema.Get("properties") is not null || schema.Get("$ref") is not null || schema.Get("allOf") is not null
                || schema.Get("type") is JsonStringNode { Value: "object" });
            return request ? (ContentKind.Multipart, fields ? 3 : 8) : null;
        }

        if (slash <= 0 || slash == bare.Length - 1)
        {
            // Not a media type ("", "file", "applicationjson"): nothing says what goes on the wire, so it is bytes,
            // taken only when nothing better is listed.
            return bare is "*" ? (binarySchema || noSchema ? (ContentKind.Binary, 6) : (ContentKind.Json, 6)) : (ContentKind.Binary, 7);
        }

        if (bare == "application/json")
        {
            return (ContentKind.Json, 0);
        }

        if (bare is "text/json" or "application/x-json" || subtype.EndsWith("+json", StringComparison.Ordinal))
        {
            return (ContentKind.Json, 1);
        }

        if (bare == "application/x-www-form-urlencoded")
        {
            // Form fields are what a client sends; an answer in them is text.
            return request ? (ContentKind.Form, 2) : (ContentKind.Text, 4);
        }

        if (type == "multipart")
        {
            // multipart/mixed, multipart/related: parts of several bodies, no one C# shape.
            return null;
        }

        // A wildcard (springdoc writes "*/*" for everything) is JSON when it describes a value, bytes when it
        // describes bytes or nothing.
        if (bare is "*/*" or "application/*")
        {
            return binarySchema || noSchema ? (ContentKind.Binary, 6) : stringSchema ? (ContentKind.Text, 6) : (ContentKind.Json, 6);
        }

        if (binarySchema)
        {
            return (ContentKind.Binary, 5);
        }

        if (type == "text" || Array.IndexOf(s_textSubtypes, subtype) >= 0
            || subtype.EndsWith("+xml", StringComparison.Ordinal) || subtype.EndsWith("+yaml", StringComparison.Ordinal))
        {
            return (ContentKind.Text, 4);
        }

        // Any other type is bytes (application/octet-stream, application/pdf, image/*, zip, gzip, dicom, a vendor's
        // own type, ...), whatever its schema says of the content: the client sends and hands over the bytes as they are.
        return (ContentKind.Binary, 5);
    }

    /// <summary>Subtypes of <c>application/</c> (or any type) whose content is text: markup, data as text, tokens.</summary>
    private static readonly string[] s_textSubtypes =
    {
        "xml", "yaml", "x-yaml", "javascript", "x-javascript", "ecmascript", "x-ndjson", "ndjson", "jsonl", "x-jsonlines",
        "json-seq", "csv", "jwt", "html", "sql", "graphql", "markdown", "x-sh",
    };

    /// <summary><c>application/json</c>, or another JSON media type (<c>text/json</c>, <c>application/problem+json</c>).</summary>
    private static bool IsJsonMediaType(string mediaType)
    {
        string bare = BareMediaType(mediaType).ToLowerInvariant();
        return bare is "application/json" or "text/json" or "application/x-json" || bare.EndsWith("+json", StringComparison.Ordinal);
    }

    private static string BareMediaType(string mediaType)
    {
        int semicolon = mediaType.IndexOf(';');
        return (semicolon >= 0 ? mediaType.Substring(0, semicolon) : mediaType).Trim();
    }

    /// <summary>One waiter, or an array of them (a status waiter and a deletion waiter on the same GET).</summary>
    private void ReadStatusWaiters(OpenApiOperation operation, JsonNode node, string pointer)
    {
        if (node is JsonArrayNode array)
        {
            for (int i = 0; i < array.Items.Count; i++)
            {
                if (ReadStatusWaiter(array.Items[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture)) is { } waiter)
                {
                    operation.StatusWaiters.Add(waiter);
                }
            }
        }
        else if (ReadStatusWaiter(node, pointer) is { } waiter)
        {
            operation.StatusWaiters.Add(waiter);
        }
    }

    private OpenApiStatusWaiter? ReadStatusWaiter(JsonNode node, string pointer)
    {
        if (node is not JsonObjectNode waiter)
        {
            Report(DiagnosticDescriptors.StatusWaiterNotObject, node, pointer);
            return null;
        }

        string? method = RequiredString(waiter, pointer, "method");
        string? property = RequiredString(waiter, pointer, "property");
        List<string>? failures = waiter.Find("failureValues") is { } f ? StringArray(f.Value, pointer + "/failureValues") : new List<string>();
        bool? untilNotFound = OptionalBool(waiter, "untilNotFound", pointer);
        if (method is null || property is null || failures is null || (untilNotFound is null && waiter.Find("untilNotFound") is not null))
        {
            return null;
        }

        return new OpenApiStatusWaiter(method, property.Split('.'), failures, untilNotFound ?? false, waiter);
    }
}
