using System.Collections.Generic;
using System.Linq;
using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>A client method's request: the URI with its path and query parameters, and the header parameters.</summary>
internal sealed partial class ClientEmitter
{
    private string UriExpression(OperationModel operation)
    {
        // The query the path carries holds no braces (the reader refuses them), so it joins the last literal part.
        string template = operation.PathTemplate.TrimStart('/') + (operation.FixedQuery is { } fixedQuery ? "?" + fixedQuery : string.Empty);
        var parts = new List<string>();
        int position = 0;
        while (position < template.Length)
        {
            int open = template.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add(CSharpLiteral.String(template.Substring(position)));
                break;
            }

            if (open > position)
            {
                parts.Add(CSharpLiteral.String(template.Substring(position, open - position)));
            }

            int close = template.IndexOf('}', open);
            string wireName = template.Substring(open + 1, close - open - 1);
            ParameterModel? parameter = null;
            foreach (ParameterModel candidate in operation.Parameters)
            {
                if (candidate.Kind == ParameterKind.Path && candidate.WireName == wireName)
                {
                    parameter = candidate;
                }
            }

            parts.Add(PathText(parameter!));
            position = close + 1;
        }

        return parts.Count switch
        {
            0 => "string.Empty",
            1 => parts[0],
            _ => "string.Concat(" + string.Join(", ", parts) + ")",
        };
    }

    /// <summary>A path parameter as the escaped text that replaces its <c>{name}</c>, in its style.</summary>
    private string PathText(ParameterModel parameter)
    {
        string name = Naming.Escape(parameter.Name);
        string wireName = CSharpLiteral.String(parameter.WireName);
        string style = $"{CSharpTypes.Evs}.EvsParameterStyle.{parameter.Style}";
        string explode = parameter.Explode ? "true" : "false";
        if (parameter.Members)
        {
            return $"{CSharpTypes.Evs}.EvsParameters.PathMembers({wireName}, {MembersLocal(parameter)}, {style}, {explode})";
        }

        if (parameter.Type.Kind == TypeRefKind.Array && !parameter.Json)
        {
            TypeRef item = parameter.Type.Element!;
            // Checked by ThrowIfNull already; the validation's own null test would leave the compiler unsure.
            string items = $"global::System.Linq.Enumerable.Select({name}!, static ({CSharpTypes.Of(item, Ns, true)} __item) => {Text(item, "__item")})";
            return $"{CSharpTypes.Evs}.EvsParameters.PathList({wireName}, {items}, {style}, {explode})";
        }

        return parameter.Style == ParameterStyle.Simple
            ? $"{CSharpTypes.Evs}.EvsPath.Escape({wireName}, {ParameterText(parameter, name)})"
            : $"{CSharpTypes.Evs}.EvsParameters.PathValue({wireName}, {ParameterText(parameter, name)}, {style})";
    }

    private static string MembersLocal(ParameterModel parameter) => "__" + parameter.Name.TrimStart('@') + "Members";

    /// <summary>
    /// For each object or map sent member by member (other than <c>deepObject</c>, which writes its own), a list of its
    /// members that are set, as text: the properties in the spec's order, then the other members or the map's entries.
    /// Null for an optional parameter that is.
    /// </summary>
    private void EmitMembers(OperationModel operation, bool headersOnly = false)
    {
        const string Pairs = CSharpTypes.Generic + ".List<" + CSharpTypes.Generic + ".KeyValuePair<string, string>>";
        foreach (ParameterModel parameter in operation.Parameters)
        {
            if (!parameter.Members || parameter.DeepObject || (headersOnly && parameter.Kind != ParameterKind.Header))
            {
                continue;
            }

            // A required parameter is checked by ThrowIfNull already (an optional one just below); the validation's
            // own null test would leave the compiler unsure.
            string name = Naming.Escape(parameter.Name) + (parameter.Required ? "!" : string.Empty);
            string local = MembersLocal(parameter);
            if (parameter.Required)
            {
                _w.Line($"var {local} = new {Pairs}();");
            }
            else
            {
                _w.Line($"{Pairs}? {local} = null;");
                _w.Open($"if ({name} is not null)");
                _w.Line($"{local} = new {Pairs}();");
            }

            TypeRef? other = parameter.Type.Kind == TypeRefKind.Map ? parameter.Type.Element : null;
            string entries = name;
            if (parameter.Type.Kind == TypeRefKind.Object)
            {
                TypeModel type = _contract.Types.First(t => t.Name == parameter.Type.Name);
                for (int i = 0; i < type.Properties.Count; i++)
                {
                    PropertyModel property = type.Properties[i];
                    if (property.ReadOnly)
                    {
                        continue;
                    }

                    string member = $"{name}.{Naming.Escape(property.Name)}";
                    // Named after the parameter too: a pattern's variable belongs to the whole method.
                    string value = local + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    _w.Open(property.Type.IsValueType ? $"if ({member} is {{ }} {value})" : $"if ({member} is not null)");
                    _w.Line($"{local}.Add(new({CSharpLiteral.String(property.JsonName)}, {Text(property.Type, property.Type.IsValueType ? value : member)}));");
                    _w.Close();
                }

                other = type.AdditionalProperties;
                entries = $"{name}.{ContractModelBuilder.AdditionalPropertiesName}";
            }

            if (other is not null)
            {
                // A map parameter is known not to be null here; an object's map of other members may be.
                bool map = entries == name;
                if (!map)
                {
                    _w.Open($"if ({entries} is not null)");
                }

                _w.Open($"foreach (var __entry in {entries})");
                _w.Line($"{local}.Add(new(__entry.Key, {Text(other, "__entry.Value")}));");
                _w.Close();
                if (!map)
                {
                    _w.Close();
                }
            }

            if (!parameter.Required)
            {
                _w.Close();
            }
        }
    }

    private void EmitQuery(OperationModel operation)
    {
        var query = new List<ParameterModel>();
        foreach (ParameterModel parameter in Ordered(operation.Parameters))
        {
            if (parameter.Kind == ParameterKind.Query)
            {
                query.Add(parameter);
            }
        }

        if (query.Count == 0)
        {
            return;
        }

        // After the query the path carries, every parameter follows an '&'. Otherwise the first one written takes
        // the '?', which takes a variable when more than one value may be written.
        bool separated = operation.FixedQuery is null && (query.Count > 1 || query[0].Explode || query[0].Members);
        if (separated)
        {
            _w.Line("char __separator = '?';");
        }

        for (int i = 0; i < query.Count; i++)
        {
            ParameterModel parameter = query[i];
            string name = Naming.Escape(parameter.Name);
            if (parameter.DeepObject)
            {
                EmitDeepObject(parameter, name, separated ? "__separator.ToString()" : operation.FixedQuery is null ? "\"?\"" : "\"&\"", separated);
                continue;
            }

            if (parameter.Members)
            {
                // The members, joined as the style says; nothing at all when none is set.
                string pairs = "__" + parameter.Name.TrimStart('@') + "Query";
                _w.Line($"string {pairs} = {CSharpTypes.Evs}.EvsParameters.QueryMembers({CSharpLiteral.String(parameter.WireName)}, {MembersLocal(parameter)}, {CSharpTypes.Evs}.EvsParameterStyle.{parameter.Style}, {(parameter.Explode ? "true" : "false")});");
                _w.Open($"if ({pairs}.Length > 0)");
                _w.Line($"__uri = string.Concat(__uri, {(separated ? "__separator.ToString()" : operation.FixedQuery is null ? "\"?\"" : "\"&\"")}, {pairs});");
                if (separated && i < query.Count - 1)
                {
                    _w.Line("__separator = '&';");
                }

                _w.Close();
                continue;
            }

            string value = parameter.Required || !parameter.Type.IsValueType ? name : name + ".Value";
            bool list = parameter.Type.Kind == TypeRefKind.Array && !parameter.Json;
            bool optional = !parameter.Required;
            if (list && !optional)
            {
                // Checked by ThrowIfNull already; the validation's own null test would leave the compiler unsure.
                name += "!";
                value = name;
            }

            if (optional || (list && !parameter.Explode))
            {
                // An empty list sends nothing, as an absent one does.
                string present = list && !parameter.Explode ? (optional ? $"{name} is {{ Count: > 0 }}" : $"{name}.Count > 0") : $"{name} is not null";
                _w.Open($"if ({present})");
            }

            string separator = separated ? "__separator.ToString()" : operation.FixedQuery is null ? "\"?\"" : "\"&\"";
            string wireName = CSharpLiteral.String(System.Uri.EscapeDataString(parameter.WireName));
            bool last = i == query.Count - 1;
            if (list && parameter.Explode)
            {
                _w.Open($"foreach ({CSharpTypes.Of(parameter.Type.Element!, Ns, true)} __item in {name})");
                _w.Line($"__uri = string.Concat(__uri, {separator}, {wireName}, \"=\", global::System.Uri.EscapeDataString({Text(parameter.Type.Element!, "__item")}));");
                last = false;
            }
            else
            {
                string text = list ? Joined(parameter, value, escape: true) : $"global::System.Uri.EscapeDataString({ParameterText(parameter, value)})";
                _w.Line($"__uri = string.Concat(__uri, {separator}, {wireName}, \"=\", {text});");
            }

            if (separated && !last)
            {
                _w.Line("__separator = '&';");
            }

            if (list && parameter.Explode)
            {
                _w.Close();
            }

            if (optional || (list && !parameter.Explode))
            {
                _w.Close();
            }
        }
    }

    /// <summary>
    /// <c>style: deepObject</c>: one <c>name[member]=value</c> per member that is set, in the spec's order, then the
    /// other members of the object (or the entries of a map) in their own order.
    /// </summary>
    private void EmitDeepObject(ParameterModel parameter, string name, string separator, bool separated)
    {
        string prefix = System.Uri.EscapeDataString(parameter.WireName) + "%5B";
        void Pair(string key, TypeRef type, string value)
        {
            // Any JSON value (an object's other members) is sent as its text: a string's own text, else its JSON.
            string text = type.Kind == TypeRefKind.Any ? $"{value}.ToString()" : Text(type, value);
            _w.Line($"__uri = string.Concat(__uri, {separator}, {key}, global::System.Uri.EscapeDataString({text}));");
            if (separated)
            {
                _w.Line("__separator = '&';");
            }
        }

        // A required object is never null here (ThrowIfNull); an optional one sends nothing when null.
        if (!parameter.Required)
        {
            _w.Open($"if ({name} is not null)");
        }

        TypeRef? other = parameter.Type.Kind == TypeRefKind.Map ? parameter.Type.Element : null;
        string entries = name;
        if (parameter.Type.Kind == TypeRefKind.Object)
        {
            TypeModel type = _contract.Types.First(t => t.Name == parameter.Type.Name);
            for (int i = 0; i < type.Properties.Count; i++)
            {
                PropertyModel property = type.Properties[i];
                if (property.ReadOnly)
                {
                    continue;
                }

                string member = $"{name}.{Naming.Escape(property.Name)}";
                string local = "__member" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                string key = CSharpLiteral.String(prefix + System.Uri.EscapeDataString(property.JsonName) + "%5D=");
                _w.Open(property.Type.IsValueType ? $"if ({member} is {{ }} {local})" : $"if ({member} is not null)");
                Pair(key, property.Type, property.Type.IsValueType ? local : member);
                _w.Close();
            }

            other = type.AdditionalProperties;
            entries = $"{name}.{ContractModelBuilder.AdditionalPropertiesName}";
        }

        if (other is not null)
        {
            // A map parameter is known not to be null here; an object's map of other members may be.
            bool map = entries == name;
            if (!map)
            {
                _w.Open($"if ({entries} is not null)");
            }

            _w.Open($"foreach (var __entry in {entries})");
            Pair($"{CSharpLiteral.String(prefix)}, global::System.Uri.EscapeDataString(__entry.Key), \"%5D=\"", other, "__entry.Value");
            _w.Close();
            if (!map)
            {
                _w.Close();
            }
        }

        if (!parameter.Required)
        {
            _w.Close();
        }
    }

    private string EmitHeaders(OperationModel operation)
    {
        var headers = new List<string>();
        foreach (ParameterModel parameter in operation.Parameters)
        {
            if (parameter.Kind == ParameterKind.Header)
            {
                string name = Naming.Escape(parameter.Name);
                string text = parameter.Members ? $"{CSharpTypes.Evs}.EvsParameters.HeaderMembers({MembersLocal(parameter)}, {(parameter.Explode ? "true" : "false")})"
                    : parameter.Type.Kind == TypeRefKind.Array && !parameter.Json ? Joined(parameter, name, escape: false)
                    : ParameterText(parameter, parameter.Type.IsValueType && !parameter.Required ? name + ".Value" : name);
                string value = parameter.Required || text == name || parameter.Members ? text : $"{name} is null ? null : {text}";
                headers.Add($"({CSharpLiteral.String(parameter.WireName)}, {value})");
            }
        }

        if (headers.Count == 0)
        {
            return "null";
        }

        _w.Line($"(string Name, string? Value)[] __headers = {{ {string.Join(", ", headers)} }};");
        return "__headers";
    }

    /// <summary>A list's items as one value: escaped for the query, as they are for a header.</summary>
    private string Joined(ParameterModel parameter, string value, bool escape) =>
        $"{CSharpTypes.Evs}.EvsParameters.Join({value}, static ({CSharpTypes.Of(parameter.Type.Element!, Ns, true)} __item) => {Text(parameter.Type.Element!, "__item")}, {CSharpLiteral.String(parameter.Delimiter)}, {(escape ? "true" : "false")})";

    /// <summary>A parameter's value as the text that goes on the wire: its JSON text when it is described by JSON content.</summary>
    private string ParameterText(ParameterModel parameter, string value)
    {
        if (!parameter.Json)
        {
            return Text(parameter.Type, value);
        }

        // Checked by ThrowIfNull or an "is not null" already; a "?." in the validation would leave the compiler unsure.
        value = parameter.Type.IsValueType || value.EndsWith("!", System.StringComparison.Ordinal) ? value : value + "!";
        string model = ModelEmitter.JsonBodyName(_bodies, parameter.Type, input: true) is { } wrapper ? $"new {wrapper}({value})" : value;
        return $"{CSharpTypes.Evs}.EvsJsonModel.ToJson({model})";
    }

    /// <summary>A value as the text that goes on the wire.</summary>
    private static string Text(TypeRef type, string value) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.StringOrNumber => value,
        TypeRefKind.Boolean => $"({value} ? \"true\" : \"false\")",
        TypeRefKind.Enum => $"{value}.Value",
        TypeRefKind.Bytes => $"global::System.Convert.ToBase64String({value})",

        // Any JSON value: a string's own text, anything else its JSON.
        TypeRefKind.Any => $"{value}.ToString()",
        TypeRefKind.DateTime => $"{value}.ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeRefKind.Date => $"{value}.ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture)",
        _ => $"{value}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
    };
}
