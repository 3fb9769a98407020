using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>How a <see cref="TypeRef"/> is spelled in generated C#: fully qualified, so no user type can shadow it.</summary>
internal static class CSharpTypes
{
    public const string Json = "global::System.Text.Json";
    public const string Evs = "global::EvsContracts";
    public const string Generic = "global::System.Collections.Generic";
    public const string ViolationList = Generic + ".List<" + Evs + ".ContractViolation>";

    /// <param name="type">The type.</param>
    /// <param name="ns">The namespace generated types live in.</param>
    /// <param name="input">Inputs get mutable collections users can fill; outputs read-only views.</param>
    public static string Of(TypeRef type, string ns, bool input) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.StringOrNumber => "string",
        TypeRefKind.Int32 => "int",
        TypeRefKind.Int64 => "long",
        TypeRefKind.Double => "double",
        TypeRefKind.Boolean => "bool",
        TypeRefKind.DateTime => "global::System.DateTimeOffset",
        TypeRefKind.Date => "global::System.DateOnly",
        TypeRefKind.Bytes => "byte[]",
        TypeRefKind.File => Evs + ".EvsFile",
        TypeRefKind.Any => Json + ".JsonElement",
        TypeRefKind.Object or TypeRefKind.Enum => Named(ns, type.Name!),
        TypeRefKind.Array => (input ? Generic + ".IList<" : Generic + ".IReadOnlyList<") + Of(type.Element!, ns, input) + ">",
        _ => (input ? Generic + ".IDictionary<string, " : Generic + ".IReadOnlyDictionary<string, ") + Of(type.Element!, ns, input) + ">",
    };

    /// <summary>The concrete collection the reader fills.</summary>
    public static string Concrete(TypeRef type, string ns, bool input) => type.Kind switch
    {
        TypeRefKind.Array => Generic + ".List<" + Of(type.Element!, ns, input) + ">",
        TypeRefKind.Map => Generic + ".Dictionary<string, " + Of(type.Element!, ns, input) + ">",
        _ => Of(type, ns, input),
    };

    public static string Named(string ns, string name) => "global::" + ns + "." + Naming.Escape(name);
}
