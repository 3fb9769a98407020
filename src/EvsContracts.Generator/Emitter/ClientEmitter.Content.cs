using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>Bodies other than JSON: the writer of a form body's fields, and the parts of a multipart form.</summary>
internal sealed partial class ClientEmitter
{
    private static string FormWriterName(OperationModel operation) => "Write" + operation.Name + "Form";

    /// <summary>
    /// One line per member, in the model's order: a value as its wire text (an unset one is not sent), a list as one
    /// field per item; then the members sent in the deepObject style, taken from the body's own JSON. Generated
    /// rather than reflected, so the client stays trim- and AOT-safe.
    /// </summary>
    private void EmitFormWriter(OperationModel operation)
    {
        TypeRef body = operation.Body!;
        TypeModel? type = null;
        foreach (TypeModel candidate in _contract.Types)
        {
            if (candidate.Name == body.Name)
            {
                type = candidate;
            }
        }

        string bodyType = CSharpTypes.Of(body, Ns, true);
        _w.Line($"/// <summary>The fields of <see cref=\"{bodyType}\"/> as <see cref=\"{operation.Name}Async\"/> sends them.</summary>");
        _w.Open($"private static void {FormWriterName(operation)}({bodyType} body, {CSharpTypes.Evs}.EvsForm form)");
        var deep = new System.Collections.Generic.List<string>();
        foreach (PropertyModel property in type!.Properties)
        {
            if (property.ReadOnly)
            {
                continue;
            }

            if (operation.FormDeepObjects.AsImmutableArray().Contains(property.JsonName))
            {
                deep.Add(CSharpLiteral.String(property.JsonName));
                continue;
            }

            string name = CSharpLiteral.String(property.JsonName);
            string member = "body." + Naming.Escape(property.Name);
            bool maybeNull = !property.Required || property.Nullable || property.WriteOnly;
            if (property.Type.Kind == TypeRefKind.Array)
            {
                TypeRef element = property.Type.Element!;
                _w.Line($"form.AddEach({name}, {member}, static ({CSharpTypes.Of(element, Ns, true)} __item) => {Text(element, "__item")});");
            }
            else if (maybeNull && property.Type.Kind != TypeRefKind.String && property.Type.Kind != TypeRefKind.StringOrNumber)
            {
                string value = property.Type.IsValueType ? member + ".Value" : member;
                _w.Line($"form.Add({name}, {member} is null ? null : {Text(property.Type, value)});");
            }
            else
            {
                _w.Line($"form.Add({name}, {Text(property.Type, member)});");
            }
        }

        if (deep.Count > 0)
        {
            _w.Line($"form.AddDeepObjects(body, {string.Join(", ", deep)});");
        }

        _w.Close();
    }

    /// <summary>
    /// The parts of a <c>multipart/form-data</c> body, one per field the method was given, in the spec's order (an
    /// unset optional field is not sent): text, a file, or JSON; a list one part per item.
    /// </summary>
    private void EmitParts(OperationModel operation)
    {
        _w.Line($"var __form = new {CSharpTypes.Evs}.EvsMultipart();");
        foreach (ParameterModel part in operation.Parameters)
        {
            if (part.Kind != ParameterKind.Part)
            {
                continue;
            }

            string name = CSharpLiteral.String(part.WireName);
            string value = Naming.Escape(part.Name);
            string contentType = part.PartContentType is { } given ? ", " + CSharpLiteral.String(given) : string.Empty;
            TypeRef type = part.Type;
            if (type.Kind == TypeRefKind.File)
            {
                _w.Line($"__form.AddFile({name}, {value}{contentType});");
            }
            else if (type.Kind == TypeRefKind.Array && type.Element!.Kind == TypeRefKind.File)
            {
                _w.Line($"__form.AddFiles({name}, {value}{contentType});");
            }
            else if (type.Kind == TypeRefKind.Array && !part.Json)
            {
                TypeRef element = type.Element!;
                _w.Line($"__form.AddEach({name}, {value}, static ({CSharpTypes.Of(element, Ns, true)} __item) => {PartText(element, "__item")}{contentType});");
            }
            else if (part.Json)
            {
                string text = ParameterText(part, value);
                _w.Line(part.Required ? $"__form.Add({name}, {text}{contentType});" : $"__form.Add({name}, {value} is null ? null : {text}{contentType});");
            }
            else if (!part.Required && type.Kind is not (TypeRefKind.String or TypeRefKind.StringOrNumber))
            {
                string present = type.IsValueType ? value + ".Value" : value;
                _w.Line($"__form.Add({name}, {value} is null ? null : {PartText(type, present)}{contentType});");
            }
            else
            {
                _w.Line($"__form.Add({name}, {PartText(type, value)}{contentType});");
            }
        }
    }

    /// <summary>A field's value as the text of its part: bytes as base64, an object as its JSON, any JSON value as a string's own text or else its JSON.</summary>
    private static string PartText(TypeRef type, string value) => type.Kind switch
    {
        TypeRefKind.Bytes => $"global::System.Convert.ToBase64String({value})",
        TypeRefKind.Object => $"{CSharpTypes.Evs}.EvsJsonModel.ToJson({value})",
        TypeRefKind.Any => $"{value}.ToString()",
        _ => Text(type, value),
    };
}
