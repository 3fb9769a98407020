using System.Collections.Generic;
using System.Linq;
using System.Text;
using EvsContracts.Generator.Model;
using EvsContracts.Generator.Support;

namespace EvsContracts.Generator.Emitter;

/// <summary>
/// A paging enumeration (<c>x-pagination</c>): an <c>IAsyncEnumerable&lt;T&gt;</c> over every item of a list
/// operation. The walk itself (markers, offsets, links, repeated pages) is the runtime's <c>EvsPaging</c>; the method
/// only says how to ask for a page and where the items and the next link are.
/// </summary>
internal sealed partial class ClientEmitter
{
    private void EmitPagingDocs(OperationModel operation, PaginationModel pagination)
    {
        string how = pagination.Style switch
        {
            PagingStyle.Marker => "each page starting after the last item of the one before",
            PagingStyle.Offset => "each page skipping the items of the ones before",
            _ => "each page at the link the one before gives",
        };
        _w.Line($"/// <summary>Every item of <see cref=\"{operation.Name}Async\"/>, page by page: {how}. A page is fetched only when the items before it have been taken.</summary>");
        foreach (ParameterModel parameter in PagingParameters(operation, pagination))
        {
            _w.Line($"/// <param name=\"{parameter.Name}\">{EmitterCommon.DocText(parameter.Description ?? parameter.WireName)}</param>");
        }

        _w.Line("/// <param name=\"cancellationToken\">Cancels the enumeration; combined with a token given to <c>WithCancellation</c>.</param>");
        _w.Line("/// <returns>Every item, in the service's order.</returns>");
        _w.Line("/// <exception cref=\"global::EvsContracts.EvsValidationException\">The request breaks the spec's rules; nothing was sent.</exception>");
        _w.Line("/// <exception cref=\"global::EvsContracts.EvsApiException\">The service answered a page with another status.</exception>");
        _w.Line("/// <exception cref=\"global::EvsContracts.EvsPagingException\">The service answered a page it had answered before, or linked away from the endpoint.</exception>");
    }

    /// <summary>The operation's required parameters, its optional ones but those the walk sets, then the page size.</summary>
    private static List<ParameterModel> PagingParameters(OperationModel operation, PaginationModel pagination)
    {
        var parameters = new List<ParameterModel>();
        foreach (ParameterModel parameter in Ordered(operation.Parameters))
        {
            if (!pagination.Omitted.Contains(parameter.Name))
            {
                parameters.Add(parameter);
            }
        }

        if (pagination.PageSize is { } pageSize)
        {
            parameters.Add(pageSize);
        }

        return parameters;
    }

    private string PagingSignature(OperationModel operation, PaginationModel pagination)
    {
        var parameters = new List<string>();
        foreach (ParameterModel parameter in PagingParameters(operation, pagination))
        {
            var attributes = new StringBuilder();
            foreach (string attribute in ModelEmitter.ConstraintAttributes(parameter.Type))
            {
                attributes.Append(attribute).Append(' ');
            }

            string type = CSharpTypes.Of(parameter.Type, Ns, true);
            parameters.Add(parameter.Required
                ? $"{attributes}{type} {Naming.Escape(parameter.Name)}"
                : $"{attributes}{type}? {Naming.Escape(parameter.Name)} = null");
        }

        parameters.Add($"{Token} cancellationToken = default");
        return $"global::System.Collections.Generic.IAsyncEnumerable<{CSharpTypes.Of(pagination.ItemType, Ns, false)}> {pagination.MethodName}Async({string.Join(", ", parameters)})";
    }

    private void EmitPaging(OperationModel operation, PaginationModel pagination)
    {
        string page = CSharpTypes.Of(operation.SuccessType!, Ns, false);
        string item = CSharpTypes.Of(pagination.ItemType, Ns, false);
        _w.Open("public " + PagingSignature(operation, pagination));
        foreach (ParameterModel parameter in PagingParameters(operation, pagination))
        {
            // Thrown at the call, as LINQ does, not at the first MoveNextAsync.
            if (parameter.Required && !parameter.Type.IsValueType)
            {
                _w.Line($"global::System.ArgumentNullException.ThrowIfNull({Naming.Escape(parameter.Name)});");
            }
        }

        string items = "__page => " + Access("__page", pagination.ItemsPath);
        string pageSize = pagination.PageSize is { } size ? Naming.Escape(size.Name) : "null";
        switch (pagination.Style)
        {
            case PagingStyle.Marker:
                _w.Line($"return {CSharpTypes.Evs}.EvsPaging.ByMarkerAsync<{page}, {item}>(");
                _w.Indent();
                _w.Line($"(__marker, __token) => {operation.Name}Async({ListArguments(operation, pagination, "__marker")}),");
                _w.Line(items + ",");
                // Items without a key of their own (strings, say) are paged by the links' markers alone.
                _w.Line(pagination.ItemKeyProperty is { } marker ? $"__item => __item.{Naming.Escape(marker)}," : "__item => null,");
                _w.Line(NextLinkLambda(pagination) + ",");
                _w.Line(CSharpLiteral.String(pagination.MarkerWireName!) + ",");
                _w.Line(pageSize + ",");
                break;
            case PagingStyle.Offset:
                string offset = pagination.Driver!.Type.Kind == TypeRefKind.Int32 ? "checked((int?)__offset)" : "__offset";
                _w.Line($"return {CSharpTypes.Evs}.EvsPaging.ByOffsetAsync<{page}, {item}>(");
                _w.Indent();
                _w.Line($"(__offset, __token) => {operation.Name}Async({ListArguments(operation, pagination, offset)}),");
                _w.Line(items + ",");
                _w.Line(pagination.ItemKeyProperty is { } key ? $"__item => __item.{Naming.Escape(key)}," : "null,");
                _w.Line(NextLinkLambda(pagination) + ",");
                _w.Line(pageSize + ",");
                break;
            default:
                EmitMembers(operation, headersOnly: true);
                string headers = EmitHeaders(operation);
                _w.Line($"return {CSharpTypes.Evs}.EvsPaging.ByNextLinkAsync<{page}, {item}>(");
                _w.Indent();
                _w.Line("_invoker,");
                _w.Line($"__token => {operation.Name}Async({ListArguments(operation, pagination, null)}),");
                _w.Line($"(__link, __token) => _invoker.SendAsync<{page}>(global::System.Net.Http.HttpMethod.Get, __link, {headers}, {operation.SuccessStatus}, __token),");
                _w.Line(items + ",");
                _w.Line(NextLinkLambda(pagination) + ",");
                break;
        }

        _w.Line("cancellationToken);");
        _w.Outdent();
        _w.Close();
    }

    /// <summary>The list call's arguments, by name: the caller's filters and page size, and the walk's marker or offset.</summary>
    private static string ListArguments(OperationModel operation, PaginationModel pagination, string? driverValue)
    {
        var arguments = new List<string>();
        foreach (ParameterModel parameter in Ordered(operation.Parameters))
        {
            string name = Naming.Escape(parameter.Name);
            if (pagination.Driver is { } driver && parameter.Name == driver.Name && driverValue is not null)
            {
                arguments.Add($"{name}: {driverValue}");
            }
            else if (!pagination.Omitted.Contains(parameter.Name) || parameter.Name == pagination.PageSize?.Name)
            {
                arguments.Add($"{name}: {name}");
            }
        }

        arguments.Add("cancellationToken: __token");
        return string.Join(", ", arguments);
    }

    private static string NextLinkLambda(PaginationModel pagination)
    {
        switch (pagination.NextLinkShape)
        {
            case NextLinkShape.Text:
                return "__page => " + Access("__page", pagination.NextLinkPath);
            case NextLinkShape.LinkArray:
                string links = Access("__page", pagination.NextLinkPath);
                return $"__page => {CSharpTypes.Evs}.EvsPaging.NextLink({links}, __link => __link.{Naming.Escape(pagination.LinkRelProperty!)}, __link => __link.{Naming.Escape(pagination.LinkHrefProperty!)})";
            default:
                return "null";
        }
    }

    /// <summary><c>__page.A?.B</c>: a member on the way may be absent.</summary>
    private static string Access(string root, EquatableArray<string> path)
    {
        var access = new StringBuilder(root);
        for (int i = 0; i < path.Count; i++)
        {
            access.Append(i == 0 ? "." : "?.").Append(Naming.Escape(path[i]));
        }

        return access.ToString();
    }
}
