using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>Bodies other than JSON: the writer of a form body's fields.</summary>
internal sealed partial class ClientEmitter
{
    private static string FormWriterName(OperationModel operation) => "Write" + operation.Name + "Form";

    /// <summary>
    /// One line per member, in the model's order: a value as its wire text (an unset one is not sent), a list as one
    /// field per item. Generated rather than reflected, so the client stays trim- and AOT-safe.
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
        foreach (PropertyModel property in type!.Properties)
        {
            if (property.ReadOnly)
            {
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

        _w.Close();
    }
}
