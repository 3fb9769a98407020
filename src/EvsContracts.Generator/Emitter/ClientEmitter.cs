using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>
/// Writes the typed client: an interface and a class with one async method per operation, thin over the runtime's
/// <c>EvsHttpInvoker</c> (which owns auth, headers, bodies, and error mapping); and, when the project references
/// Microsoft.Extensions.Http, an <c>Add{Client}</c> extension for dependency injection.
/// </summary>
internal sealed class ClientEmitter
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Token = "global::System.Threading.CancellationToken";

    private readonly ContractModel _contract;
    private readonly SourceWriter _w = new();
    private readonly ValueCheckEmitter _checks;
    private readonly Dictionary<(string Operation, string Parameter), string> _patternFields = new();
    private int _locals;

    private ClientEmitter(ContractModel contract)
    {
        _contract = contract;
        _checks = new ValueCheckEmitter(contract, _w, "__violations", Local);
    }

    private string Ns => _contract.Namespace;

    public static string Emit(ContractModel contract)
    {
        var emitter = new ClientEmitter(contract);
        emitter.EmitFile();
        return emitter._w.ToString();
    }

    private void EmitFile()
    {
        string client = Naming.Escape(_contract.ClientName);
        EmitterCommon.Header(_w, _contract);
        _w.Open("namespace " + Ns);

        EmitterCommon.Summary(_w, null, $"The operations of {EmitterCommon.DocText(_contract.Title)}.");
        EmitterCommon.GeneratedCode(_w);
        _w.Open($"public partial interface I{client}");
        bool first = true;
        foreach (OperationModel operation in _contract.Operations)
        {
            if (!first)
            {
                _w.Line();
            }

            first = false;
            EmitDocs(operation);
            _w.Line(Signature(operation, withDefaults: true) + ";");
            if (operation.Waiter is { } waiter)
            {
                _w.Line();
                EmitWaiterDocs(operation, waiter);
                _w.Line(WaiterSignature(operation, waiter) + ";");
            }
        }

        _w.Close();
        _w.Line();

        EmitterCommon.Summary(_w, null, $"A client of {EmitterCommon.DocText(_contract.Title)} over an <see cref=\"global::System.Net.Http.HttpClient\"/> whose BaseAddress is the service's endpoint.");
        _w.Line("/// <remarks>Requests are validated before they are sent (see <see cref=\"global::EvsContracts.EvsClientOptions.ValidateRequests\"/>); an undocumented answer becomes an <see cref=\"global::EvsContracts.EvsApiException\"/>.</remarks>");
        EmitterCommon.GeneratedCode(_w);
        _w.Open($"public partial class {client} : I{client}");
        _w.Line($"private readonly {CSharpTypes.Evs}.EvsHttpInvoker _invoker;");
        EmitPatternFields();
        _w.Line();
        _w.Line("/// <summary>Creates a client.</summary>");
        _w.Line("/// <param name=\"httpClient\">The HTTP client; its BaseAddress (which may carry a path prefix) is the endpoint.</param>");
        _w.Line("/// <param name=\"options\">Token, API version and validation settings; defaults when null.</param>");
        _w.Open($"public {client}(global::System.Net.Http.HttpClient httpClient, {CSharpTypes.Evs}.EvsClientOptions? options = null)");
        _w.Line($"_invoker = new {CSharpTypes.Evs}.EvsHttpInvoker(httpClient, options);");
        _w.Close();
        _w.Line();
        _w.Line("/// <summary>The options this client uses.</summary>");
        _w.Line($"public {CSharpTypes.Evs}.EvsClientOptions Options => _invoker.Options;");

        foreach (OperationModel operation in _contract.Operations)
        {
            _w.Line();
            _w.Line("/// <inheritdoc/>");
            EmitMethod(operation);
            if (operation.Waiter is { } waiter)
            {
                _w.Line();
                _w.Line("/// <inheritdoc/>");
                EmitWaiter(operation, waiter);
            }
        }

        _w.Close();
        _w.Close();
    }

    private void EmitDocs(OperationModel operation)
    {
        string? text = operation.Summary is null ? operation.Description
            : operation.Description is null ? operation.Summary
            : operation.Summary + "\n" + operation.Description;
        EmitterCommon.Summary(_w, text, operation.Name);
        _w.Line($"/// <remarks><c>{operation.Method.ToString().ToUpperInvariant()} {EmitterCommon.DocText(operation.PathTemplate)}</c>, answered with {operation.SuccessStatus.ToString(CultureInfo.InvariantCulture)}.</remarks>");
        foreach (ParameterModel parameter in operation.Parameters)
        {
            _w.Line($"/// <param name=\"{parameter.Name}\">{EmitterCommon.DocText(parameter.Description ?? parameter.WireName)}</param>");
        }

        if (operation.Body is not null)
        {
            _w.Line("/// <param name=\"body\">The request body.</param>");
        }

        _w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        _w.Line(operation.SuccessType is null ? "/// <returns>A task that completes when the service has accepted the request.</returns>" : "/// <returns>The service's answer.</returns>");
        _w.Line("/// <exception cref=\"global::EvsContracts.EvsValidationException\">The request breaks the spec's rules; nothing was sent.</exception>");
        _w.Line("/// <exception cref=\"global::EvsContracts.EvsApiException\">The service answered with another status.</exception>");
    }

    private string Signature(OperationModel operation, bool withDefaults)
    {
        string returns = operation.SuccessType is { } success ? $"{Task}<{CSharpTypes.Of(success, Ns, false)}>" : Task;
        // Required parameters, a required body, optional parameters, an optional body: defaults come last.
        var required = new List<string>();
        var optional = new List<string>();
        foreach (ParameterModel parameter in operation.Parameters)
        {
            var attributes = new StringBuilder();
            foreach (string attribute in ModelEmitter.ConstraintAttributes(parameter.Type))
            {
                attributes.Append(attribute).Append(' ');
            }

            string type = CSharpTypes.Of(parameter.Type, Ns, true);
            if (parameter.Required)
            {
                required.Add($"{attributes}{type} {Naming.Escape(parameter.Name)}");
            }
            else
            {
                optional.Add($"{attributes}{type}? {Naming.Escape(parameter.Name)}{(withDefaults ? " = null" : string.Empty)}");
            }
        }

        if (operation.Body is { } body)
        {
            string bodyType = CSharpTypes.Of(body, Ns, true);
            if (operation.BodyRequired)
            {
                required.Add($"{bodyType} body");
            }
            else
            {
                optional.Add($"{bodyType}? body{(withDefaults ? " = null" : string.Empty)}");
            }
        }

        var parameters = new List<string>(required);
        parameters.AddRange(optional);
        parameters.Add($"{Token} cancellationToken{(withDefaults ? " = default" : string.Empty)}");
        return $"{returns} {operation.Name}Async({string.Join(", ", parameters)})";
    }

    /// <summary>Required parameters first, so optional ones can have defaults.</summary>
    private static IEnumerable<ParameterModel> Ordered(IEnumerable<ParameterModel> parameters)
    {
        foreach (ParameterModel parameter in parameters)
        {
            if (parameter.Required)
            {
                yield return parameter;
            }
        }

        foreach (ParameterModel parameter in parameters)
        {
            if (!parameter.Required)
            {
                yield return parameter;
            }
        }
    }

    private void EmitMethod(OperationModel operation)
    {
        _w.Open("public " + Signature(operation, withDefaults: true));
        foreach (ParameterModel parameter in operation.Parameters)
        {
            if (parameter.Required && !parameter.Type.IsValueType)
            {
                _w.Line($"global::System.ArgumentNullException.ThrowIfNull({Naming.Escape(parameter.Name)});");
            }
        }

        if (operation.Body is not null && operation.BodyRequired)
        {
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }

        EmitParameterValidation(operation);
        _w.Line($"string __uri = {UriExpression(operation)};");
        EmitQuery(operation);
        string headers = EmitHeaders(operation);
        string method = "global::System.Net.Http.HttpMethod." + operation.Method;
        string status = operation.SuccessStatus.ToString(CultureInfo.InvariantCulture);
        if (operation.SuccessType is { } success)
        {
            string response = CSharpTypes.Of(success, Ns, false);
            _w.Line(operation.Body is { } body
                ? $"return _invoker.SendAsync<{CSharpTypes.Of(body, Ns, true)}, {response}>({method}, __uri, body, {headers}, {status}, cancellationToken);"
                : $"return _invoker.SendAsync<{response}>({method}, __uri, {headers}, {status}, cancellationToken);");
        }
        else
        {
            _w.Line(operation.Body is { } body
                ? $"return _invoker.SendAsync<{CSharpTypes.Of(body, Ns, true)}>({method}, __uri, body, {headers}, {status}, cancellationToken);"
                : $"return _invoker.SendAsync({method}, __uri, {headers}, {status}, cancellationToken);");
        }

        _w.Close();
    }

    /// <summary>Parameters have rules too; all violations, the body's included, are reported together before anything is sent.</summary>
    private void EmitParameterValidation(OperationModel operation)
    {
        var checks = new List<ParameterModel>();
        foreach (ParameterModel parameter in operation.Parameters)
        {
            // A closed enum has no constraints of its own, but a value outside its list is refused all the same.
            if (!parameter.Type.Constraints.IsEmpty || _checks.HasChecks(parameter.Type))
            {
                checks.Add(parameter);
            }
        }

        if (checks.Count == 0)
        {
            return;
        }

        _w.Open("if (Options.ValidateRequests)");
        _w.Line($"{CSharpTypes.ViolationList}? __violations = null;");
        foreach (ParameterModel parameter in checks)
        {
            // A parameter is the root of its own path: a violation names it by its wire name alone.
            _checks.Emit(parameter.Type, Naming.Escape(parameter.Name), "string.Empty", CSharpLiteral.String(parameter.WireName), _patternFields[(operation.Name, parameter.Name)], parameter.Type.IsValueType && !parameter.Required);
        }

        _w.Open("if (__violations is not null)");
        if (operation.Body is not null)
        {
            _w.Line("body?.ValidateInto(string.Empty, ref __violations);");
        }

        _w.Line($"throw new {CSharpTypes.Evs}.EvsValidationException({CSharpTypes.Evs}.ContractCheck.Result(__violations));");
        _w.Close();
        _w.Close();
    }

    /// <summary>
    /// Names a field for each parameter's compiled pattern and declares those that have one. A name comes from the
    /// operation and the parameter; a numeric suffix keeps two that spell alike (<c>aB</c> + <c>c</c>, <c>a</c> + <c>bC</c>) apart.
    /// </summary>
    private void EmitPatternFields()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (OperationModel operation in _contract.Operations)
        {
            foreach (ParameterModel parameter in operation.Parameters)
            {
                string stem = "s_" + char.ToLowerInvariant(operation.Name[0]) + operation.Name.Substring(1)
                    + char.ToUpperInvariant(parameter.Name[0]) + parameter.Name.Substring(1) + "Pattern";
                string field = stem;
                for (int i = 2; !used.Add(field); i++)
                {
                    field = stem + i.ToString(CultureInfo.InvariantCulture);
                }

                _patternFields[(operation.Name, parameter.Name)] = field;
                ValueCheckEmitter.EmitPatternField(_w, parameter.Type, field);
            }
        }
    }

    private static string UriExpression(OperationModel operation)
    {
        string template = operation.PathTemplate.TrimStart('/');
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

            parts.Add($"{CSharpTypes.Evs}.EvsPath.Escape({CSharpLiteral.String(wireName)}, {Text(parameter!, Naming.Escape(parameter!.Name))})");
            position = close + 1;
        }

        return parts.Count == 1 ? parts[0] : "string.Concat(" + string.Join(", ", parts) + ")";
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

        _w.Line("char __separator = '?';");
        for (int i = 0; i < query.Count; i++)
        {
            ParameterModel parameter = query[i];
            string name = Naming.Escape(parameter.Name);
            string value = parameter.Required || !parameter.Type.IsValueType ? name : name + ".Value";
            bool optional = !parameter.Required;
            if (optional)
            {
                _w.Open($"if ({name} is not null)");
            }

            _w.Line($"__uri = string.Concat(__uri, __separator.ToString(), {CSharpLiteral.String(System.Uri.EscapeDataString(parameter.WireName))}, \"=\", global::System.Uri.EscapeDataString({Text(parameter, value)}));");
            if (i < query.Count - 1)
            {
                _w.Line("__separator = '&';");
            }

            if (optional)
            {
                _w.Close();
            }
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
                string text = Text(parameter, parameter.Type.IsValueType && !parameter.Required ? name + ".Value" : name);
                string value = parameter.Required || text == name ? text : $"{name} is null ? null : {text}";
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

    /// <summary>A parameter value as the text that goes on the wire.</summary>
    private static string Text(ParameterModel parameter, string value) => parameter.Type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.StringOrNumber => value,
        TypeRefKind.Boolean => $"({value} ? \"true\" : \"false\")",
        TypeRefKind.Enum => $"{value}.Value",
        TypeRefKind.DateTime => $"{value}.ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
        _ => $"{value}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
    };

    private void EmitWaiterDocs(OperationModel operation, WaiterModel waiter)
    {
        _w.Line($"/// <summary>Calls <see cref=\"{operation.Name}Async\"/> until the status is <paramref name=\"status\"/>; fails fast on a failure status ({EmitterCommon.DocText(string.Join(", ", waiter.FailureValues))}).</summary>");
        foreach (ParameterModel parameter in operation.Parameters)
        {
            _w.Line($"/// <param name=\"{parameter.Name}\">{EmitterCommon.DocText(parameter.Description ?? parameter.WireName)}</param>");
        }

        _w.Line("/// <param name=\"status\">The status to wait for.</param>");
        _w.Line("/// <param name=\"timeout\">How long to wait at most; ten minutes when null.</param>");
        _w.Line("/// <param name=\"cancellationToken\">Cancels the wait.</param>");
        _w.Line("/// <returns>The last answer, whose status is <paramref name=\"status\"/>.</returns>");
        _w.Line("/// <exception cref=\"global::EvsContracts.EvsWaitException\">The status became a failure status.</exception>");
        _w.Line("/// <exception cref=\"global::System.TimeoutException\">The status was not reached in time.</exception>");
    }

    private string WaiterSignature(OperationModel operation, WaiterModel waiter)
    {
        string response = CSharpTypes.Of(operation.SuccessType!, Ns, false);
        var parameters = new List<string>();
        foreach (ParameterModel parameter in Ordered(operation.Parameters))
        {
            if (parameter.Required)
            {
                parameters.Add($"{CSharpTypes.Of(parameter.Type, Ns, true)} {Naming.Escape(parameter.Name)}");
            }
        }

        string statusType = waiter.StatusIsEnum ? CSharpTypes.Named(Ns, waiter.StatusTypeName) : "string";
        parameters.Add($"{statusType} status");
        parameters.Add("global::System.TimeSpan? timeout = null");
        parameters.Add($"{Token} cancellationToken = default");
        return $"{Task}<{response}> {waiter.MethodName}Async({string.Join(", ", parameters)})";
    }

    private void EmitWaiter(OperationModel operation, WaiterModel waiter)
    {
        string response = CSharpTypes.Of(operation.SuccessType!, Ns, false);
        var arguments = new List<string>();
        foreach (ParameterModel parameter in Ordered(operation.Parameters))
        {
            if (parameter.Required)
            {
                arguments.Add(Naming.Escape(parameter.Name));
            }
        }

        arguments.Add("__token");
        var access = new StringBuilder("__answer");
        foreach (string segment in waiter.PropertyPath)
        {
            access.Append("?.").Append(Naming.Escape(segment));
        }

        // An optional enum status is a Nullable<T>: its own .Value would be the struct, not the JSON text.
        string statusText = !waiter.StatusIsEnum ? access.ToString()
            : StatusIsOptional(operation, waiter) ? access + "?.Value"
            : access + ".Value";
        var failures = new List<string>();
        foreach (string failure in waiter.FailureValues)
        {
            failures.Add(CSharpLiteral.String(failure));
        }

        _w.Open("public " + WaiterSignature(operation, waiter));
        _w.Line($"return {CSharpTypes.Evs}.EvsPolling.WaitAsync<{response}>(");
        _w.Indent();
        _w.Line($"__token => {operation.Name}Async({string.Join(", ", arguments)}),");
        _w.Line($"__answer => {statusText} ?? string.Empty,");
        _w.Line(waiter.StatusIsEnum ? "status.Value," : "status,");
        _w.Line($"new string[] {{ {string.Join(", ", failures)} }},");
        _w.Line("timeout ?? global::System.TimeSpan.FromMinutes(10),");
        _w.Line("Options.PollInterval,");
        _w.Line("cancellationToken);");
        _w.Outdent();
        _w.Close();
    }

    /// <summary>Whether the last property on the way to the status may be absent, which makes an enum status nullable.</summary>
    private bool StatusIsOptional(OperationModel operation, WaiterModel waiter)
    {
        string? typeName = operation.SuccessType?.Name;
        PropertyModel? property = null;
        foreach (string segment in waiter.PropertyPath)
        {
            property = null;
            foreach (TypeModel type in _contract.Types)
            {
                if (type.Name == typeName)
                {
                    foreach (PropertyModel candidate in type.Properties)
                    {
                        if (candidate.Name == segment)
                        {
                            property = candidate;
                        }
                    }
                }
            }

            typeName = property?.Type.Name;
        }

        return property is not null && (!property.Required || property.Nullable);
    }

    private string Local(string hint) => "__" + hint + (_locals++).ToString(CultureInfo.InvariantCulture);

    public static string EmitServiceCollectionExtensions(ContractModel contract)
    {
        var w = new SourceWriter();
        string client = CSharpTypes.Named(contract.Namespace, contract.ClientName);
        string iclient = CSharpTypes.Named(contract.Namespace, "I" + contract.ClientName);
        EmitterCommon.Header(w, contract);
        // In the contract's namespace, not Microsoft.Extensions.DependencyInjection: two specs may name their
        // clients alike, and their Add methods must not collide.
        w.Open("namespace " + contract.Namespace);
        w.Line($"/// <summary>Registers <see cref=\"{client}\"/> with the HTTP client factory.</summary>");
        EmitterCommon.GeneratedCode(w);
        w.Open($"public static partial class {contract.ClientName}ServiceCollectionExtensions");
        w.Line($"/// <summary>Registers <see cref=\"{iclient}\"/> as a typed HTTP client.</summary>");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"configureClient\">Sets the endpoint (BaseAddress), timeout and default headers.</param>");
        w.Line("/// <param name=\"configureOptions\">Sets the token, API version and validation options.</param>");
        w.Line("/// <returns>The builder, to add handlers such as the standard resilience handler.</returns>");
        w.Line("/// <remarks>");
        w.Line("/// Redirects are not followed: on a 3xx answer HttpClient would send the request again to wherever the answer");
        w.Line("/// points, and it drops only the Authorization header on the way, so the X-Auth-Token header would go along. A");
        w.Line($"/// redirect ends in an <see cref=\"{CSharpTypes.Evs}.EvsApiException\"/> with its status instead. The primary handler is");
        w.Line("/// an <see cref=\"global::System.Net.Http.HttpClientHandler\"/>, as the factory's default is, with");
        w.Line("/// <see cref=\"global::System.Net.Http.HttpClientHandler.AllowAutoRedirect\"/> off; a later");
        w.Line("/// <c>ConfigurePrimaryHttpMessageHandler</c> on the returned builder replaces it.");
        w.Line("/// </remarks>");
        w.Open($"public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{contract.ClientName}(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<global::System.Net.Http.HttpClient> configureClient, global::System.Action<{CSharpTypes.Evs}.EvsClientOptions>? configureOptions = null)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(services);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(configureClient);");
        w.Line($"var options = new {CSharpTypes.Evs}.EvsClientOptions();");
        w.Line("configureOptions?.Invoke(options);");
        w.Line($"var builder = global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<{iclient}, {client}>(services, (httpClient, _) => new {client}(httpClient, options));");

        // The token travels as a header, and before .NET 9 the factory's Trace logging printed header values as they
        // were; redacting them all is the .NET 9 default, on every version.
        w.Line("global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.RedactLoggedHeaders(builder, static _ => true);");

        // Configured before the caller sees the builder, so the caller's own primary handler wins.
        w.Line("global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(builder, static () => new global::System.Net.Http.HttpClientHandler { AllowAutoRedirect = false });");
        w.Line("return global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigureHttpClient(builder, configureClient);");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
