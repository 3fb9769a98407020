using System.Collections.Generic;
using System.Text;
using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>A waiter: a method that polls a GET operation until a status property reaches a wanted value, or until the operation answers 404.</summary>
internal sealed partial class ClientEmitter
{
    private void EmitWaiterDocs(OperationModel operation, WaiterModel waiter)
    {
        string failures = EmitterCommon.DocText(string.Join(", ", waiter.FailureValues));
        _w.Line(waiter.UntilNotFound
            ? $"/// <summary>Calls <see cref=\"{operation.Name}Async\"/> until it answers 404 (the resource is gone); fails fast on a failure status ({failures}).</summary>"
            : $"/// <summary>Calls <see cref=\"{operation.Name}Async\"/> until the status is <paramref name=\"status\"/>; fails fast on a failure status ({failures}).</summary>");
        foreach (ParameterModel parameter in Ordered(operation.Parameters))
        {
            if (parameter.Required)
            {
                _w.Line($"/// <param name=\"{parameter.Name}\">{EmitterCommon.DocText(parameter.Description ?? parameter.WireName)}</param>");
            }
        }

        if (!waiter.UntilNotFound)
        {
            _w.Line("/// <param name=\"status\">The status to wait for.</param>");
        }

        _w.Line("/// <param name=\"timeout\">How long to wait at most; ten minutes when null.</param>");
        _w.Line("/// <param name=\"cancellationToken\">Cancels the wait.</param>");
        _w.Line(waiter.UntilNotFound
            ? "/// <returns>A task that completes once the resource is gone.</returns>"
            : "/// <returns>The last answer, whose status is <paramref name=\"status\"/>.</returns>");
        _w.Line("/// <exception cref=\"global::EvsContracts.EvsWaitException\">The status became a failure status.</exception>");
        if (waiter.UntilNotFound)
        {
            _w.Line("/// <exception cref=\"global::EvsContracts.EvsApiException\">A poll was answered with an error other than 404.</exception>");
        }

        _w.Line(waiter.UntilNotFound
            ? "/// <exception cref=\"global::System.TimeoutException\">The resource was still there at the timeout.</exception>"
            : "/// <exception cref=\"global::System.TimeoutException\">The status was not reached in time.</exception>");
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

        if (!waiter.UntilNotFound)
        {
            string statusType = waiter.StatusIsEnum ? CSharpTypes.Named(Ns, waiter.StatusTypeName) : "string";
            parameters.Add($"{statusType} status");
        }

        parameters.Add("global::System.TimeSpan? timeout = null");
        parameters.Add($"{Token} cancellationToken = default");
        string returns = waiter.UntilNotFound ? Task : $"{Task}<{response}>";
        return $"{returns} {waiter.MethodName}Async({string.Join(", ", parameters)})";
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
        _w.Line($"return {CSharpTypes.Evs}.EvsPolling.{(waiter.UntilNotFound ? "WaitUntilNotFoundAsync" : "WaitAsync")}<{response}>(");
        _w.Indent();
        _w.Line($"__token => {operation.Name}Async({string.Join(", ", arguments)}),");
        _w.Line($"__answer => {statusText} ?? string.Empty,");
        if (!waiter.UntilNotFound)
        {
            _w.Line(waiter.StatusIsEnum ? "status.Value," : "status,");
        }

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
}
