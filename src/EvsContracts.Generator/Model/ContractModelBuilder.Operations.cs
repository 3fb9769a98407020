using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.OpenApi;
using EvsContracts.Generator.Support;
using static EvsContracts.Generator.Diagnostics.DiagnosticText;

namespace EvsContracts.Generator.Model;

/// <summary>The client's operations, their waiters, and which types are inputs.</summary>
internal sealed partial class ContractModelBuilder
{
    private List<OperationModel> BuildOperations()
    {
        string[] names = NameOperations();
        var operations = new List<OperationModel>();
        for (int i = 0; i < _document.Operations.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            OpenApiOperation operation = _document.Operations[i];
            if (operation.Part.LeftOut)
            {
                continue;
            }

            using SpecDiagnosticBag.PartScope scope = _diagnostics.Within(operation.Part);
            OperationModel? model = BuildOperation(operation, names[i]);
            if (model is not null)
            {
                operations.Add(model);
                foreach (OpenApiResponse response in operation.Responses)
                {
                    // The client reads no error body, but a caller may: the types the spec gives them are kept.
                    if (response.Part is not { LeftOut: true } && response.Schema?.RefName is { } component && _componentTypeNames.TryGetValue(component, out string? type))
                    {
                        _answerTypes.Add(type);
                    }
                }
            }
        }

        return operations;
    }

    /// <summary>
    /// The C# method names: an operationId as written (PascalCase), else one made from method and path
    /// (<see cref="Naming.OperationName"/>). Names the spec gives are placed first, in spec order, so a made name
    /// never takes one away; a name already taken gets the first free numeric suffix (<c>ListPets2</c>). Operations
    /// left out take no name.
    /// </summary>
    private string[] NameOperations()
    {
        var names = new string[_document.Operations.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < names.Length; i++)
            {
                OpenApiOperation operation = _document.Operations[i];
                string given = operation.OperationId is { } id ? Naming.ToPascalCase(id) : string.Empty;
                bool usable = Naming.IsValidIdentifier(given);
                if (operation.Part.LeftOut || usable != (pass == 0))
                {
                    continue;
                }

                string stem = usable ? given : Naming.OperationName(operation.Method, operation.Path);
                names[i] = Naming.Unique(stem, taken);
            }
        }

        return names;
    }

    private OperationModel? BuildOperation(OpenApiOperation operation, string name)
    {
        var parameters = new List<ParameterModel>();
        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "body", "cancellationToken" };
        foreach (OpenApiParameter parameter in operation.Parameters)
        {
            TypeRef type = Resolve(parameter.Schema, name + Naming.ToPascalCase(parameter.Name), shared: false);

            // A value, a list of values or an object of values has a wire form in every style (RFC 6570's
            // expansions); what nests further has none, unless the parameter is described as JSON.
            bool list = type.Kind == TypeRefKind.Array && IsPlain(type.Element!) && !parameter.Json;
            bool members = IsFlatObject(type) && !parameter.Json;
            if (!list && !members && !IsPlain(type) && !(parameter.Json && type.Kind != TypeRefKind.Bytes))
            {
                string typeName = type.Kind switch
                {
                    TypeRefKind.Array => "an array of " + (type.Element!.Kind switch { TypeRefKind.Array => "arrays", TypeRefKind.Map => "maps", _ => "objects" }),
                    _ => "an object whose members are not all values",
                };
                string where = parameter.Location switch
                {
                    ParameterLocation.Path => "the path",
                    ParameterLocation.Header => "a header",
                    _ => "the query",
                };
                if (!parameter.Required)
                {
                    // Optional: the operation is whole without it, so only the parameter is left out.
                    _diagnostics.Report(DiagnosticDescriptors.ParameterNotSent, parameter.Schema.Node, Quote(parameter.Name), parameter.Pointer, typeName, where);
                    continue;
                }

                _diagnostics.Report(DiagnosticDescriptors.ParameterTypeUnsupported, parameter.Schema.Node, Quote(parameter.Name), parameter.Pointer, typeName, where);
                return null;
            }

            // Two parameters that spell alike (a path "id" and a query "id") keep both, the later one numbered.
            string camel = Naming.ToCamelCase(parameter.Name);
            string parameterName = Naming.Unique(Naming.IsValidIdentifier(camel) ? camel : "parameter", parameterNames);
            parameters.Add(new ParameterModel
            {
                WireName = parameter.Name,
                Name = parameterName,
                Kind = (ParameterKind)parameter.Location,
                Required = parameter.Required,
                Type = type,
                Description = parameter.Description ?? parameter.Schema.Description,
                Explode = (list || members) && parameter.Explode,
                Style = parameter.Style,
                Json = parameter.Json && IsStructured(type),
                Members = members,
            });
        }

        TypeRef? body = null;
        BodyKind bodyKind = Kind(operation.RequestMedia);
        EquatableArray<string> deepObjects = bodyKind == BodyKind.Form ? DeepObjectFields(operation.RequestMedia!) : EquatableArray<string>.Empty;
        if (operation.RequestBody is { } formSchema && bodyKind == BodyKind.Multipart)
        {
            if (!AddParts(operation, formSchema, name, parameters, parameterNames))
            {
                return null;
            }
        }
        else if (operation.RequestBody is { } textSchema && (bodyKind is BodyKind.Text or BodyKind.Binary || (bodyKind == BodyKind.Form && IsText(textSchema))))
        {
            // A form described as a string is the encoded form itself ("text=...&lang=en"): sent as it is.
            bodyKind = bodyKind == BodyKind.Form ? BodyKind.Text : bodyKind;
            body = new TypeRef { Kind = TypeRefKind.String };
        }
        else if (operation.RequestBody is { } bodySchema)
        {
            // An object is sent as its model; any other JSON value (an array, a map, a scalar) as the client's small
            // wrapper around it.
            body = Resolve(bodySchema, name + "Request", shared: false);
            if (body.Kind == TypeRefKind.Object && !_types.ContainsKey(body.Name!))
            {
                // An inline body whose name another type holds: reported (EVS104) where it was named.
                return null;
            }

            if (bodyKind == BodyKind.Form && !FormFieldsSupported(body, bodySchema, operation, deepObjects))
            {
                return null;
            }
        }

        var successes = operation.Responses.Where(r => r.Status[0] == '2').ToList();
        OpenApiResponse? defaultSuccess = null;
        if (successes.Count == 0)
        {
            // Real specs describe some operations by "default" alone: then it is what the operation answers when it
            // succeeds, and it stands for every 2xx status (an error status is still an EvsApiException).
            defaultSuccess = operation.Responses.FirstOrDefault(r => r.Status == "default");
            if (defaultSuccess is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.NoSuccessResponse, operation.OperationIdNode, operation.DisplayName, operation.Pointer);
                return null;
            }

            successes.Add(new OpenApiResponse("2XX", defaultSuccess.Schema, defaultSuccess.Description, part: null) { Media = defaultSuccess.Media });
        }

        // The result is the body of the first success that has one (200 before 201, a code before the 2XX range), as
        // Kiota does. Successes without a body give null; one with another body is not a success this method can
        // return, so it stays an EvsApiException that carries the body.
        successes.Sort((x, y) => string.CompareOrdinal(x.Status, y.Status));
        OpenApiResponse success = successes.FirstOrDefault(r => r.Schema is not null) ?? successes[0];
        TypeRef? successType = null;
        BodyKind successKind = Kind(success.Media);
        if (success.Schema is not null && successKind is BodyKind.Text or BodyKind.Binary)
        {
            successType = new TypeRef { Kind = TypeRefKind.String };
        }
        else if (success.Schema is { } responseSchema)
        {
            // An object, an array, a map or a scalar: the method returns it as the property of that schema would be.
            successType = Resolve(responseSchema, name + "Response", shared: false);
            if (successType.Kind == TypeRefKind.Object && !_types.ContainsKey(successType.Name!))
            {
                // An inline response whose name another type holds: reported (EVS104) where it was named.
                return null;
            }
        }

        var withBody = new List<int>();
        var withoutBody = new List<int>();
        bool anyWithBody = false, anyWithoutBody = false;
        foreach (OpenApiResponse response in successes)
        {
            bool empty = response.Schema is null || successType is null;
            if (!empty && !SameBody(response, success))
            {
                continue;
            }

            if (response.Status == "2XX")
            {
                anyWithBody |= !empty;
                anyWithoutBody |= empty;
            }
            else
            {
                (empty ? withoutBody : withBody).Add(int.Parse(response.Status, CultureInfo.InvariantCulture));
            }
        }

        // Error responses are read by the runtime's envelope reader; their schemas are still generated as types above.
        foreach (OpenApiResponse response in operation.Responses)
        {
            if (response.Schema is { } errorSchema && response.Status[0] != '2' && response != defaultSuccess && response.Part is not { LeftOut: true } && Kind(response.Media) == BodyKind.Json)
            {
                using SpecDiagnosticBag.PartScope scope = _diagnostics.Within(response.Part);
                Resolve(errorSchema, name + "Error" + (response.Status == "default" ? string.Empty : response.Status), shared: false);
            }
        }

        return new OperationModel
        {
            Name = name,
            Method = operation.Method switch
            {
                "get" => HttpMethodKind.Get,
                "post" => HttpMethodKind.Post,
                "put" => HttpMethodKind.Put,
                "patch" => HttpMethodKind.Patch,
                "head" => HttpMethodKind.Head,
                "options" => HttpMethodKind.Options,
                "trace" => HttpMethodKind.Trace,
                _ => HttpMethodKind.Delete,
            },
            PathTemplate = operation.Path,
            FixedQuery = operation.FixedQuery,
            SpecPath = operation.Key.IndexOf('#') is int fragment and >= 0 ? operation.Key.Substring(0, fragment) : operation.Key,
            Parameters = parameters.ToEquatableArray(),
            Body = body,
            BodyRequired = operation.RequestBodyRequired,
            BodyKind = bodyKind,
            BodyMediaType = operation.RequestMedia?.ContentType ?? "application/json",
            FormDeepObjects = deepObjects,
            SuccessKind = successType is null ? BodyKind.Json : successKind,
            SuccessMediaType = successType is null ? "application/json" : success.Media?.Accept ?? "application/json",
            SuccessStatus = success.Status == "2XX" ? 200 : int.Parse(success.Status, CultureInfo.InvariantCulture),
            Success = withBody.Count + withoutBody.Count == 1 && !anyWithBody && !anyWithoutBody
                ? null
                : new SuccessModel
                {
                    WithBody = withBody.ToEquatableArray(),
                    WithoutBody = withoutBody.ToEquatableArray(),
                    AnyWithBody = anyWithBody,
                    AnyWithoutBody = anyWithoutBody,
                },
            SuccessType = successType,
            RedirectOnly = operation.RedirectOnly,
            Summary = operation.Summary,
            Description = operation.Description,
            // Waiters and paging read the answer's members: a JSON answer only.
            Waiters = BuildWaiters(operation, successKind == BodyKind.Json ? successType : null),
            Pagination = operation.Pagination is { } pagination ? BuildPagination(operation, pagination, name, parameters, successKind == BodyKind.Json ? successType : null) : null,
        };
    }

    private EquatableArray<WaiterModel> BuildWaiters(OpenApiOperation operation, TypeRef? successType)
    {
        var waiters = new List<WaiterModel>();
        foreach (OpenApiStatusWaiter waiter in operation.StatusWaiters)
        {
            if (BuildWaiter(operation, waiter, successType) is { } model)
            {
                waiters.Add(model);
            }
        }

        return waiters.ToEquatableArray();
    }

    private static BodyKind Kind(OpenApiMedia? media) => media?.Kind switch
    {
        ContentKind.Text => BodyKind.Text,
        ContentKind.Binary => BodyKind.Binary,
        ContentKind.Form => BodyKind.Form,
        ContentKind.Multipart => BodyKind.Multipart,
        _ => BodyKind.Json,
    };

    /// <summary>
    /// <c>multipart/form-data</c>: each property of the body's object schema is a field the method takes, typed as
    /// the property would be and checked as a parameter is; a file (<c>format: binary</c> or <c>base64</c>), or a
    /// list of files, is an <c>EvsFile</c>. As OpenAPI 3.0.3 says of multipart content (Media Type Object, "Special
    /// Considerations for multipart Content"): a plain value, or each item of a list of them, is a text part; an
    /// object (a map, a list of lists) a JSON part; a file an <c>application/octet-stream</c> part; an
    /// <c>encoding</c> entry's <c>contentType</c> names another. A list is one part per item, under the field's name.
    /// </summary>
    private bool AddParts(OpenApiOperation operation, OpenApiSchema bodySchema, string name, List<ParameterModel> parameters, HashSet<string> parameterNames)
    {
        OpenApiSchema form = Target(bodySchema);
        if (form.Type is not (SchemaType.Object or SchemaType.None) || form.Properties.Count == 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.MultipartBodyNotObject, bodySchema.Node, operation.DisplayName, bodySchema.Pointer);
            return false;
        }

        // A named schema is a type of its own already: its fields take the types its properties have, so an inline
        // enum is one type. An inline form defines no type, only those of its fields.
        TypeModel? model = bodySchema.RefName is not null && Resolve(bodySchema, name + "Request", shared: false) is { Kind: TypeRefKind.Object } named
            && _types.TryGetValue(named.Name!, out TypeModel? defined) && defined.Kind == TypeModelKind.Object ? defined : null;
        foreach (OpenApiProperty property in form.Properties)
        {
            OpenApiSchema fieldSchema = Target(property.Schema);
            if (fieldSchema.ReadOnly)
            {
                continue;
            }

            TypeRef type = IsFile(fieldSchema) ? new TypeRef { Kind = TypeRefKind.File }
                : fieldSchema.Type == SchemaType.Array && fieldSchema.Items is { } items && IsFile(Target(items))
                    ? new TypeRef { Kind = TypeRefKind.Array, Element = new TypeRef { Kind = TypeRefKind.File }, Constraints = ConstraintsOf(fieldSchema) }
                    : model?.Properties.FirstOrDefault(p => p.JsonName == property.Name)?.Type
                        ?? Resolve(property.Schema, name + Naming.ToPascalCase(property.Name), shared: false);

            // A list of plain values, files, objects or any values is a part per item; anything else structured is
            // one JSON part.
            TypeRef item = type.Kind == TypeRefKind.Array ? type.Element! : type;
            bool json = type.Kind is TypeRefKind.Object or TypeRefKind.Map
                || (type.Kind == TypeRefKind.Array && item.Kind is TypeRefKind.Array or TypeRefKind.Map);
            string? given = operation.RequestMedia!.Encoding.TryGetValue(property.Name, out OpenApiEncoding? encoding) ? encoding.ContentType : null;
            // Only one concrete media type can label a part: a list ("image/png, image/jpeg") or a range
            // ("image/*") says what the server takes, and the default is sent for it.
            string? single = given is not null && given.IndexOf(',') < 0 && given.IndexOf('*') < 0 && given.IndexOf('/') > 0 ? given.Trim() : null;
            string? contentType = item.Kind == TypeRefKind.File ? single ?? "application/octet-stream"
                : json || item.Kind == TypeRefKind.Object ? (single is not null && IsJsonMediaType(single) ? single : "application/json")
                : single;

            string camel = Naming.ToCamelCase(property.Name);
            parameters.Add(new ParameterModel
            {
                WireName = property.Name,
                Name = Naming.Unique(Naming.IsValidIdentifier(camel) ? camel : "field", parameterNames),
                Kind = ParameterKind.Part,
                Required = form.Required.Contains(property.Name),
                Type = type,
                Description = fieldSchema.Description,
                Json = json,
                PartContentType = contentType,
            });
        }

        return true;
    }

    /// <summary>A plain string (not an enum, a date or bytes).</summary>
    private bool IsText(OpenApiSchema schema) =>
        Target(schema) is { Type: SchemaType.String, Enum: null, Format: not ("date-time" or "date" or "byte") };

    /// <summary>A file's bytes: a string (or a schema with no type) of <c>format: binary</c> or <c>base64</c>.</summary>
    private static bool IsFile(OpenApiSchema schema) =>
        schema.Type is (SchemaType.String or SchemaType.None or SchemaType.Any) && schema.Format is ("binary" or "base64");

    /// <summary><c>application/json</c>, or a media type of JSON under another name (<c>text/json</c>, <c>*/*+json</c>).</summary>
    private static bool IsJsonMediaType(string mediaType)
    {
        string bare = (mediaType.IndexOf(';') is int semicolon and >= 0 ? mediaType.Substring(0, semicolon) : mediaType).Trim().ToLowerInvariant();
        return bare is "application/json" or "text/json" || bare.EndsWith("+json", StringComparison.Ordinal);
    }

    /// <summary>Two success bodies of one C# type: text and text, bytes and bytes, or JSON of one schema.</summary>
    private static bool SameBody(OpenApiResponse x, OpenApiResponse y) =>
        Kind(x.Media) == Kind(y.Media) && (Kind(x.Media) is BodyKind.Text or BodyKind.Binary || SameSchema(x.Schema!, y.Schema!));

    /// <summary>The fields the form's <c>encoding</c> sends in the <c>deepObject</c> style, in name order.</summary>
    private static EquatableArray<string> DeepObjectFields(OpenApiMedia media) =>
        media.Encoding.Where(e => e.Value.Style == "deepObject").Select(e => e.Key).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();

    /// <summary>
    /// Form fields are the object's members, each a plain value or a list of them (sent as one field per item); a
    /// nested object or map has no one form encoding unless the form's <c>encoding</c> gives it the
    /// <c>deepObject</c> style, which writes every member, item and nested member as a field of its own.
    /// </summary>
    private bool FormFieldsSupported(TypeRef body, OpenApiSchema schema, OpenApiOperation operation, EquatableArray<string> deepObjects)
    {
        if (body.Kind != TypeRefKind.Object || _types[body.Name!] is not { Kind: TypeModelKind.Object } type)
        {
            _diagnostics.Report(DiagnosticDescriptors.FormBodyNotObject, schema.Node, operation.DisplayName, schema.Pointer);
            return false;
        }

        foreach (PropertyModel property in type.Properties)
        {
            TypeRef field = property.Type.Kind == TypeRefKind.Array ? property.Type.Element! : property.Type;
            if (IsStructured(field) && !deepObjects.AsImmutableArray().Contains(property.JsonName))
            {
                _diagnostics.Report(DiagnosticDescriptors.FormFieldUnsupported, schema.Node, Quote(property.JsonName), schema.Pointer);
                return false;
            }
        }

        if (type.AdditionalProperties is not null)
        {
            _diagnostics.Report(DiagnosticDescriptors.FormFieldUnsupported, schema.Node, "additionalProperties", schema.Pointer);
            return false;
        }

        return true;
    }

    /// <summary>Two bodies of one type: the same <c>$ref</c>, or the same schema in the spec.</summary>
    private static bool SameSchema(OpenApiSchema x, OpenApiSchema y) =>
        x.RefName is not null ? x.RefName == y.RefName : ReferenceEquals(x.Node, y.Node);

    /// <summary>
    /// What <c>deepObject</c> can send: an object, or a map, whose members are plain values (OpenAPI defines no form
    /// for nested ones); other members of an object may be any JSON value, sent as its text.
    /// </summary>
    private bool IsFlatObject(TypeRef type)
    {
        if (type.Kind == TypeRefKind.Map)
        {
            return IsPlain(type.Element!);
        }

        if (type.Kind != TypeRefKind.Object || !_types.TryGetValue(type.Name!, out TypeModel? model) || model.Kind != TypeModelKind.Object)
        {
            return false;
        }

        return model.Properties.All(p => IsPlain(p.Type)) && (model.AdditionalProperties is null || IsPlain(model.AdditionalProperties));
    }

    /// <summary>A value a parameter sends as text: bytes as base64, any JSON value as its text.</summary>
    private static bool IsPlain(TypeRef type) =>
        type.Kind is not (TypeRefKind.Object or TypeRefKind.Array or TypeRefKind.Map);

    private static bool IsStructured(TypeRef type) =>
        type.Kind is TypeRefKind.Object or TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Any or TypeRefKind.Bytes;

    private WaiterModel? BuildWaiter(OpenApiOperation operation, OpenApiStatusWaiter waiter, TypeRef? successType)
    {
        if (operation.Method != "get" || successType is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.StatusWaiterNeedsGet, waiter.Node, operation.DisplayName);
            return null;
        }

        if (!Naming.IsValidIdentifier(waiter.Method))
        {
            _diagnostics.Report(DiagnosticDescriptors.StatusWaiterMethodInvalid, waiter.Node, Quote(waiter.Method));
            return null;
        }

        var path = new List<string>();
        TypeRef current = successType;
        foreach (string segment in waiter.PropertyPath)
        {
            PropertyModel? property = current.Kind == TypeRefKind.Object && _types.TryGetValue(current.Name!, out TypeModel? type)
                ? type.Properties.FirstOrDefault(p => p.JsonName == segment)
                : null;
            if (property is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.StatusWaiterPropertyMissing, waiter.Node, Quote(segment), operation.DisplayName);
                return null;
            }

            path.Add(property.Name);
            current = property.Type;
        }

        if (current.Kind is not (TypeRefKind.Enum or TypeRefKind.String))
        {
            _diagnostics.Report(DiagnosticDescriptors.StatusWaiterPropertyNotString, waiter.Node, operation.DisplayName);
            return null;
        }

        return new WaiterModel
        {
            MethodName = waiter.Method,
            PropertyPath = path.ToEquatableArray(),
            StatusTypeName = current.Kind == TypeRefKind.Enum ? current.Name! : "string",
            StatusIsEnum = current.Kind == TypeRefKind.Enum,
            FailureValues = waiter.FailureValues.ToEquatableArray(),
            UntilNotFound = waiter.UntilNotFound,
        };
    }

    /// <summary>Types reachable from a request body are inputs: users build them, so their members are settable and their collections mutable.</summary>
    private void MarkInputs(List<OperationModel> operations)
    {
        // An array or a map body makes its items inputs, and so does a parameter sent as JSON or member by member.
        IEnumerable<TypeRef?> sent = operations.SelectMany(operation => operation.Parameters
            .Where(p => p.Json || p.Members || p.Kind == ParameterKind.Part)
            .Select(p => p.Type)
            .Prepend(operation.Body));
        foreach (string name in TypesReached(sent, Array.Empty<string>()))
        {
            _types[name] = _types[name] with { IsInput = true };
        }
    }
}
