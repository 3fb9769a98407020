using System.Collections.Generic;
using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>A JSON body that is not an object (an array, a map, a scalar), and the name of the wrapper that carries it.</summary>
internal sealed record JsonBody(string Name, TypeRef Type, bool Input);

/// <summary>
/// The wrappers of bodies that are not objects. The runtime sends and reads <c>IEvsJsonModel</c> values; a client
/// method that takes or returns a list, a map or a scalar wraps it in a small private class of the client that reads,
/// writes and checks it with the same code a property of that type gets.
/// </summary>
internal sealed partial class ModelEmitter
{
    /// <summary>One wrapper per distinct body type and direction, named after the type and the direction (<c>PetListRequest</c>, <c>PetListResponse</c>), in operation order.</summary>
    internal static List<JsonBody> JsonBodies(ContractModel contract)
    {
        var bodies = new List<JsonBody>();
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { contract.ClientName, "Options" };
        foreach (OperationModel operation in contract.Operations)
        {
            foreach (WaiterModel waiter in operation.Waiters)
            {
                taken.Add(waiter.MethodName);
            }
        }

        void Add(TypeRef? type, bool input)
        {
            if (type is null || type.Kind == TypeRefKind.Object || bodies.Exists(b => b.Type == type && b.Input == input))
            {
                return;
            }

            bodies.Add(new JsonBody(Naming.Unique(BodyStem(type) + (input ? "Request" : "Response"), taken), type, input));
        }

        foreach (OperationModel operation in contract.Operations)
        {
            // Text and bytes are a string and a stream on the wire, not JSON.
            if (operation.BodyKind == BodyKind.Json)
            {
                Add(operation.Body, true);
            }

            if (operation.SuccessKind == BodyKind.Json)
            {
                Add(operation.SuccessType, false);
            }

            foreach (ParameterModel parameter in operation.Parameters)
            {
                // A parameter sent as JSON text is written by the same wrapper a body of its type would be.
                if (parameter.Json)
                {
                    Add(parameter.Type, true);
                }
            }
        }

        return bodies;
    }

    /// <summary>The wrapper of <paramref name="type"/> in the direction given, or null for an object, which is its own model.</summary>
    internal static string? JsonBodyName(List<JsonBody> bodies, TypeRef? type, bool input)
    {
        if (type is null || type.Kind == TypeRefKind.Object)
        {
            return null;
        }

        return bodies.Find(b => b.Type == type && b.Input == input)!.Name;
    }

    private static string BodyStem(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Array => BodyStem(type.Element!) + "List",
        TypeRefKind.Map => BodyStem(type.Element!) + "Map",
        TypeRefKind.Object or TypeRefKind.Enum => type.Name!,
        TypeRefKind.StringOrNumber => "String",
        TypeRefKind.Any => "JsonElement",
        _ => type.Kind.ToString(),
    };

    /// <summary>Writes the wrappers as private classes nested in the client, where <paramref name="writer"/> stands.</summary>
    internal static void EmitJsonBodies(ContractModel contract, SourceWriter writer, List<JsonBody> bodies)
    {
        var emitter = new ModelEmitter(contract, default, writer);
        foreach (JsonBody body in bodies)
        {
            emitter.EmitJsonBody(body);
        }
    }

    private void EmitJsonBody(JsonBody body)
    {
        string name = body.Name;
        TypeRef type = body.Type;
        string value = CSharpTypes.Of(type, Ns, body.Input);
        _w.Line();
        _w.Line($"/// <summary>A <c>{EmitterCommon.DocText(value.Replace("global::", string.Empty))}</c> body as the invoker sends and reads it: the JSON value itself, not an object around it.</summary>");
        EmitterCommon.GeneratedCode(_w);
        _w.Open($"private sealed class {name} : {CSharpTypes.Evs}.IEvsJsonModel<{name}>");
        ValueCheckEmitter.EmitPatternField(_w, type, ValuePatternField);
        _w.Line();
        _w.Line($"public {name}({value} value) => Value = value;");
        _w.Line();
        _w.Line($"public {value} Value {{ get; }}");

        // The value is the root: a violation of an item is named by its index alone (0.name).
        OpenValidateInto();
        _checks.Emit(type, "Value", "path", "string.Empty", ValuePatternField, false);
        _w.Close();

        _w.Line();
        _w.Open($"public void WriteJson({CSharpTypes.Json}.Utf8JsonWriter writer)");
        _w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        EmitValueWrite(type, "Value", body.Input, 0);
        _w.Close();

        _w.Line();
        _w.Open($"public static {name} ReadJson(ref {CSharpTypes.Json}.Utf8JsonReader reader)");
        _w.Line("string path = string.Empty;");
        if (MemberRead(type, false, "string.Empty", body.Input) is { } read)
        {
            _w.Line($"return new {name}({read});");
        }
        else
        {
            EmitValueRead(type, "value", ReadInto.Declare, "path", body.Input, 0);
            _w.Line($"return new {name}(value);");
        }

        _w.Close();
        _w.Close();
    }
}
