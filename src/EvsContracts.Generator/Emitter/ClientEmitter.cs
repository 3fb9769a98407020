using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using EvsContracts.Generator.Model;
using EvsContracts.Generator.Support;

namespace EvsContracts.Generator.Emitter;

/// <summary>
/// Writes the typed client: an interface and a class with one async method per operation, thin over the runtime's
/// <c>EvsHttpInvoker</c> (which owns auth, headers, bodies, and error mapping); and, when the project references
/// Microsoft.Extensions.Http, an <c>Add{Client}</c> extension for dependency injection.
/// </summary>
/// <remarks>One partial file per concern: this one the interface, the class and its methods; the request's URI and
/// headers, the waiters and the paging enumerations, each in their own. The registration is <see cref="ServiceCollectionEmitter"/>.</remarks>
internal sealed partial class ClientEmitter
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Token = "global::System.Threading.CancellationToken";

    private readonly ContractModel _contract;
    private readonly SourceWriter _w = new();
    private readonly ValueCheckEmitter _checks;
    private readonly Dictionary<(string Operation, string Parameter), string> _patternFields = new();

    /// <summary>The wrappers of the bodies that are not objects.</summary>
    private readonly List<JsonBody> _bodies;

    /// <summary>The parameter names of the method being written, which its loop variables must not take.</summary>
    private readonly HashSet<string> _parameterNames = new(StringComparer.Ordinal);

    /// <summary>Checked per operation: a spec of thousands of operations writes megabytes.</summary>
    private readonly CancellationToken _cancellationToken;

    private ClientEmitter(ContractModel contract, CancellationToken cancellationToken)
    {
        _contract = contract;
        _cancellationToken = cancellationToken;
        _checks = new ValueCheckEmitter(contract, _w, "__violations", _parameterNames);
        _bodies = ModelEmitter.JsonBodies(contract);
    }

    private string Ns => _contract.Namespace;

    public static GeneratedText Emit(ContractModel contract, CancellationToken cancellationToken = default)
    {
        var emitter = new ClientEmitter(contract, cancellationToken);
        emitter.EmitFile();
        return emitter._w.ToText();
    }

    private void EmitFile()
    {
        string client = Naming.Escape(_contract.ClientName);
        EmitterCommon.Header(_w, _contract);
        EmitterCommon.Namespace(_w, Ns);

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
            foreach (WaiterModel waiter in operation.Waiters)
            {
                _w.Line();
                EmitWaiterDocs(operation, waiter);
                _w.Line(WaiterSignature(operation, waiter) + ";");
            }

            if (operation.Pagination is { } pagination)
            {
                _w.Line();
                EmitPagingDocs(operation, pagination);
                _w.Line(PagingSignature(operation, pagination) + ";");
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
        EmitSuccessFields();
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
            _cancellationToken.ThrowIfCancellationRequested();
            _w.Line();
            _w.Line("/// <inheritdoc/>");
            EmitMethod(operation);
            if (operation.BodyKind == BodyKind.Form)
            {
                _w.Line();
                EmitFormWriter(operation);
            }
            foreach (WaiterModel waiter in operation.Waiters)
            {
                _w.Line();
                _w.Line("/// <inheritdoc/>");
                EmitWaiter(operation, waiter);
            }

            if (operation.Pagination is { } pagination)
            {
                _w.Line();
                _w.Line("/// <inheritdoc/>");
                EmitPaging(operation, pagination);
            }
        }

        ModelEmitter.EmitJsonBodies(_contract, _w, _bodies);
        _w.Close();
    }

    private void EmitDocs(OperationModel operation)
    {
        string? text = operation.Summary is null ? operation.Description
            : operation.Description is null ? operation.Summary
            : operation.Summary + "\n" + operation.Description;
        EmitterCommon.Summary(_w, text, operation.Name);
        _w.Line($"/// <remarks><c>{operation.Method.ToString().ToUpperInvariant()} {EmitterCommon.DocText(operation.SpecPath)}</c>, answered with {SuccessText(operation)}.</remarks>");
        foreach (ParameterModel parameter in operation.Parameters)
        {
            _w.Line($"/// <param name=\"{parameter.Name}\">{EmitterCommon.DocText(parameter.Description ?? parameter.WireName)}</param>");
        }

        if (operation.Body is not null)
        {
            string media = EmitterCommon.DocText(operation.BodyMediaType);
            _w.Line(operation.BodyKind switch
            {
                BodyKind.Binary => $"/// <param name=\"body\">The request body, sent as <c>{media}</c> from the stream's position to its end; the caller disposes the stream.</param>",
                BodyKind.Json when operation.BodyMediaType == "application/json" => "/// <param name=\"body\">The request body.</param>",
                BodyKind.Form => "/// <param name=\"body\">The request body, sent as <c>application/x-www-form-urlencoded</c> fields.</param>",
                _ => $"/// <param name=\"body\">The request body, sent as <c>{media}</c>.</param>",
            });
        }

        _w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        _w.Line(operation.SuccessType is null ? "/// <returns>A task that completes when the service has accepted the request.</returns>"
            : operation.RedirectOnly ? "/// <returns>The answer the service's redirect leads to, as it arrives (the spec declares only the redirect): read the stream, then dispose it to free the connection.</returns>"
            : operation.SuccessKind == BodyKind.Binary ? $"/// <returns>The service's answer (<c>{EmitterCommon.DocText(operation.SuccessMediaType)}</c>) as it arrives: read the stream, then dispose it to free the connection.</returns>"
            : operation.SuccessKind == BodyKind.Text ? $"/// <returns>The service's answer (<c>{EmitterCommon.DocText(operation.SuccessMediaType)}</c>) as text.</returns>"
            : "/// <returns>The service's answer.</returns>");
        _w.Line("/// <exception cref=\"global::EvsContracts.EvsValidationException\">The request breaks the spec's rules; nothing was sent.</exception>");
        _w.Line("/// <exception cref=\"global::EvsContracts.EvsApiException\">The service answered with another status.</exception>");
    }

    private string Signature(OperationModel operation, bool withDefaults)
    {
        string nullable = operation.Success is { MayBeEmpty: true } ? "?" : string.Empty;
        string returns = operation.SuccessType is { } success ? $"{Task}<{ResultType(operation, success)}{nullable}>" : Task;
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
            string bodyType = operation.BodyKind == BodyKind.Binary ? Stream : CSharpTypes.Of(body, Ns, true);
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
        // A result that is not an object arrives in its wrapper, which the method takes off.
        string? resultBody = operation.SuccessKind == BodyKind.Json ? ModelEmitter.JsonBodyName(_bodies, operation.SuccessType, input: false) : null;
        _w.Open("public " + (resultBody is null ? string.Empty : "async ") + Signature(operation, withDefaults: true));
        foreach (ParameterModel parameter in operation.Parameters)
        {
            if (parameter.Required && !parameter.Type.IsValueType)
            {
                _w.Line($"global::System.ArgumentNullException.ThrowIfNull({Naming.Escape(parameter.Name)});");
            }
        }

        if (operation.Body is { IsValueType: false } && operation.BodyRequired)
        {
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }

        // A body that is not an object goes in its wrapper, which the invoker validates and writes as any model.
        string body = "body";
        if (operation.BodyKind == BodyKind.Json && ModelEmitter.JsonBodyName(_bodies, operation.Body, input: true) is { } bodyWrapper)
        {
            string unwrapped = operation.Body!.IsValueType && !operation.BodyRequired ? "body.Value" : "body";
            _w.Line(operation.BodyRequired
                ? $"var __body = new {bodyWrapper}({unwrapped});"
                : $"{bodyWrapper}? __body = body is null ? null : new {bodyWrapper}({unwrapped});");
            body = "__body";
        }

        EmitParameterValidation(operation, body);
        EmitMembers(operation);
        _w.Line($"string __uri = {UriExpression(operation)};");
        EmitQuery(operation);
        string headers = EmitHeaders(operation);
        if (operation.BodyKind == BodyKind.Multipart)
        {
            EmitParts(operation);
        }

        string method = "global::System.Net.Http.HttpMethod." + operation.Method;
        string status = operation.Success is null ? operation.SuccessStatus.ToString(CultureInfo.InvariantCulture) : SuccessField(operation);
        string? request = operation.Body is { } bodyType && operation.BodyKind == BodyKind.Json
            ? ModelEmitter.JsonBodyName(_bodies, bodyType, input: true) ?? CSharpTypes.Of(bodyType, Ns, true)
            : null;
        if (!IsPlainJson(operation))
        {
            // Another media type: the body's content and the answer's reader say how each goes on the wire.
            string content = operation.BodyKind == BodyKind.Multipart ? $"{CSharpTypes.Evs}.EvsContent.Multipart(__form)"
                : operation.Body is null ? "null"
                : ContentExpression(operation, body);
            string answer = operation.SuccessType is { } result ? AnswerExpression(operation, result, resultBody) : $"{CSharpTypes.Evs}.EvsAnswer.None";
            string send = $"_invoker.SendAsync({method}, __uri, {content}, {headers}, {status}, {answer}, cancellationToken)";
            string notNull = operation.SuccessType is not null && operation.Success is { MayBeEmpty: false } ? "!" : string.Empty;
            _w.Line(resultBody is null
                ? $"return {send}{notNull};"
                : $"return (await {send}.ConfigureAwait(false)){(operation.Success is { MayBeEmpty: true } ? "?" : notNull)}.Value;");
        }
        else if (operation.SuccessType is { } success)
        {
            string response = resultBody ?? CSharpTypes.Of(success, Ns, false);
            string send = request is not null
                ? $"_invoker.SendAsync<{request}, {response}>({method}, __uri, {body}, {headers}, {status}, cancellationToken)"
                : $"_invoker.SendAsync<{response}>({method}, __uri, {headers}, {status}, cancellationToken)";

            // Every success here carries the body, so the result the runtime may leave null never is.
            string notNull = operation.Success is { MayBeEmpty: false } ? "!" : string.Empty;
            _w.Line(resultBody is null
                ? $"return {send}{notNull};"
                : $"return (await {send}.ConfigureAwait(false)){(operation.Success is { MayBeEmpty: true } ? "?" : notNull)}.Value;");
        }
        else
        {
            _w.Line(request is not null
                ? $"return _invoker.SendAsync<{request}>({method}, __uri, {body}, {headers}, {status}, cancellationToken);"
                : $"return _invoker.SendAsync({method}, __uri, {headers}, {status}, cancellationToken);");
        }

        _w.Close();
    }

    private const string Stream = "global::System.IO.Stream";

    /// <summary>JSON sent and read as <c>application/json</c>: the invoker's model overloads, without a content or answer object.</summary>
    private static bool IsPlainJson(OperationModel operation) =>
        operation.BodyKind != BodyKind.Multipart
        && (operation.Body is null || (operation.BodyKind == BodyKind.Json && operation.BodyMediaType == "application/json"))
        && (operation.SuccessType is null || (operation.SuccessKind == BodyKind.Json && operation.SuccessMediaType == "application/json"));

    private string ResultType(OperationModel operation, TypeRef success) => operation.SuccessKind switch
    {
        BodyKind.Binary => Stream,
        BodyKind.Text => "string",
        _ => CSharpTypes.Of(success, Ns, false),
    };

    /// <summary>The request's content; <paramref name="body"/> is the body's variable (its wrapper, for JSON that is not an object).</summary>
    private static string ContentExpression(OperationModel operation, string body)
    {
        string media = CSharpLiteral.String(operation.BodyMediaType);
        string content = operation.BodyKind switch
        {
            BodyKind.Text => $"{CSharpTypes.Evs}.EvsContent.Text({body}, {media})",
            BodyKind.Binary => $"{CSharpTypes.Evs}.EvsContent.Binary({body}, {media})",
            BodyKind.Form => $"{CSharpTypes.Evs}.EvsContent.Form({body}, {FormWriterName(operation)})",
            _ => $"{CSharpTypes.Evs}.EvsContent.Json({body}, {media})",
        };
        return operation.BodyRequired ? content : $"{body} is null ? null : {content}";
    }

    /// <summary>How the answer is read; <paramref name="wrapper"/> is the JSON wrapper of a result that is not an object.</summary>
    private string AnswerExpression(OperationModel operation, TypeRef success, string? wrapper)
    {
        string media = CSharpLiteral.String(operation.SuccessMediaType);
        string model = wrapper ?? CSharpTypes.Of(success, Ns, false);
        return operation.SuccessKind switch
        {
            BodyKind.Text => $"{CSharpTypes.Evs}.EvsAnswer.Text({media})",
            BodyKind.Binary when operation.RedirectOnly => $"{CSharpTypes.Evs}.EvsAnswer.Redirected({media})",
            BodyKind.Binary => $"{CSharpTypes.Evs}.EvsAnswer.Binary({media})",
            _ when operation.SuccessMediaType == "application/json" => $"{CSharpTypes.Evs}.EvsAnswer.Json<{model}>()",
            _ => $"{CSharpTypes.Evs}.EvsAnswer.Json<{model}>({media})",
        };
    }

    /// <summary>The statuses of success as the docs say them: <c>200</c>, or <c>200 or 201; 204 without a body (null)</c>.</summary>
    private static string SuccessText(OperationModel operation)
    {
        if (operation.Success is not { } success)
        {
            return operation.SuccessStatus.ToString(CultureInfo.InvariantCulture);
        }

        var withBody = new List<string>();
        foreach (int status in success.WithBody)
        {
            withBody.Add(status.ToString(CultureInfo.InvariantCulture));
        }

        var withoutBody = new List<string>();
        foreach (int status in success.WithoutBody)
        {
            withoutBody.Add(status.ToString(CultureInfo.InvariantCulture));
        }

        if (success.AnyWithBody)
        {
            withBody.Add("any other 2xx");
        }

        if (success.AnyWithoutBody)
        {
            withoutBody.Add("any other 2xx");
        }

        if (operation.RedirectOnly)
        {
            return "a redirect, followed to the answer it leads to";
        }

        string empty = operation.SuccessType is null ? string.Empty : " without a body (the result is null)";
        string text = string.Join(" or ", withBody);
        return withoutBody.Count == 0 ? text
            : text.Length == 0 ? string.Join(" or ", withoutBody)
            : text + "; " + string.Join(" or ", withoutBody) + empty;
    }

    private static string SuccessField(OperationModel operation) =>
        "s_" + char.ToLowerInvariant(operation.Name[0]) + operation.Name.Substring(1) + "Success";

    /// <summary>One set of success statuses per operation that has more than one, made once.</summary>
    private void EmitSuccessFields()
    {
        foreach (OperationModel operation in _contract.Operations)
        {
            if (operation.Success is { } success)
            {
                string Statuses(EquatableArray<int> statuses) => statuses.Count == 0
                    ? "global::System.Array.Empty<int>()"
                    : "new int[] { " + string.Join(", ", statuses.Select(s => s.ToString(CultureInfo.InvariantCulture))) + " }";
                string ranges = (success.AnyWithBody ? ", anyWithBody: true" : string.Empty) + (success.AnyWithoutBody ? ", anyWithoutBody: true" : string.Empty);
                _w.Line($"private static readonly {CSharpTypes.Evs}.EvsSuccess {SuccessField(operation)} = new({Statuses(success.WithBody)}, {Statuses(success.WithoutBody)}{ranges});");
            }
        }
    }

    /// <summary>Parameters have rules too; all violations, the body's included, are reported together before anything is sent.</summary>
    private void EmitParameterValidation(OperationModel operation, string body)
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

        _parameterNames.Clear();
        foreach (ParameterModel parameter in operation.Parameters)
        {
            _parameterNames.Add(Naming.Escape(parameter.Name));
        }

        _w.Open("if (Options.ValidateRequests)");
        _w.Line($"{CSharpTypes.ViolationList}? __violations = null;");
        foreach (ParameterModel parameter in checks)
        {
            // A parameter is the root of its own path: a violation names it by its wire name alone.
            _checks.Emit(parameter.Type, Naming.Escape(parameter.Name), "string.Empty", CSharpLiteral.String(parameter.WireName), _patternFields[(operation.Name, parameter.Name)], parameter.Type.IsValueType && !parameter.Required);
        }

        _w.Open("if (__violations is not null)");
        if (operation.Body is not null && operation.BodyKind is BodyKind.Json or BodyKind.Form)
        {
            _w.Line($"{body}?.ValidateInto(string.Empty, ref __violations);");
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
}
