using System;
using System.Collections.Generic;
using System.Linq;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.Json;
using EvsContracts.Generator.Reader.OpenApi;
using EvsContracts.Generator.Support;
using Microsoft.CodeAnalysis;
using static EvsContracts.Generator.Diagnostics.DiagnosticText;

namespace EvsContracts.Generator.Model;

/// <summary><c>x-pagination</c>: the parameters and answer members it names, resolved against the operation.</summary>
internal sealed partial class ContractModelBuilder
{
    private PaginationModel? BuildPagination(
        OpenApiOperation operation, OpenApiPagination pagination, string operationName, List<ParameterModel> parameters, TypeRef? successType)
    {
        if (operation.Method != "get" || successType is null || operation.RequestBody is not null)
        {
            _diagnostics.Report(DiagnosticDescriptors.PaginationNeedsGet, pagination.Node, operation.DisplayName);
            return null;
        }

        string methodName = pagination.Method?.Value is JsonStringNode method ? method.Value
            : operationName.StartsWith("List", StringComparison.Ordinal) ? "Enumerate" + operationName.Substring(4)
            : "Enumerate" + operationName;
        if (!Naming.IsValidIdentifier(methodName))
        {
            _diagnostics.Report(DiagnosticDescriptors.PaginationMethodInvalid, pagination.Method!.Value, Quote(methodName));
            return null;
        }

        bool ok = true;
        var omitted = new List<string>();
        ParameterModel? pageSize = PagingParameter(operation, pagination.PageSize, "pageSize", parameters, omitted, integer: true, ref ok);
        ParameterModel? marker = PagingParameter(operation, pagination.Marker, "marker", parameters, omitted, integer: false, ref ok);
        ParameterModel? offset = PagingParameter(operation, pagination.Offset, "offset", parameters, omitted, integer: true, ref ok);
        foreach ((string name, JsonNode node) in pagination.OmitParameters)
        {
            ParameterModel? parameter = parameters.FirstOrDefault(p => p.Kind == ParameterKind.Query && p.WireName == name);
            if (parameter is null || parameter.Required)
            {
                Report(
                    parameter is null ? DiagnosticDescriptors.PaginationParameterMissing : DiagnosticDescriptors.PaginationParameterInvalid,
                    node,
                    operation,
                    "omitParameters",
                    name,
                    parameter is null ? null : "optional");
                ok = false;
            }
            else if (!omitted.Contains(parameter.Name))
            {
                omitted.Add(parameter.Name);
            }
        }

        // The items: an array somewhere in the answer.
        PropertyModel? itemsProperty = Walk(operation, successType, pagination.Items, "items", out EquatableArray<string> itemsPath);
        if (itemsProperty is null)
        {
            return null;
        }

        if (itemsProperty.Type.Kind != TypeRefKind.Array)
        {
            _diagnostics.Report(DiagnosticDescriptors.PaginationItemsNotArray, pagination.Items.Value, operation.DisplayName);
            return null;
        }

        TypeRef itemType = itemsProperty.Type.Element!;
        string? itemKey = ItemKey(operation, pagination, itemType, ref ok);

        NextLinkShape shape = NextLinkShape.None;
        EquatableArray<string> linkPath = EquatableArray<string>.Empty;
        string? rel = null;
        string? href = null;
        if (pagination.NextLink is { } nextLink)
        {
            PropertyModel? linkProperty = Walk(operation, successType, nextLink, "nextLink", out linkPath);
            if (linkProperty is null)
            {
                return null;
            }

            if (linkProperty.Type.Kind == TypeRefKind.String)
            {
                shape = NextLinkShape.Text;
            }
            else if (linkProperty.Type is { Kind: TypeRefKind.Array, Element: { Kind: TypeRefKind.Object } link }
                && _types.TryGetValue(link.Name!, out TypeModel? linkType)
                && linkType.Properties.FirstOrDefault(p => p.JsonName == "rel") is { Type.Kind: TypeRefKind.String } relProperty
                && linkType.Properties.FirstOrDefault(p => p.JsonName == "href") is { Type.Kind: TypeRefKind.String } hrefProperty)
            {
                shape = NextLinkShape.LinkArray;
                rel = relProperty.Name;
                href = hrefProperty.Name;
            }
            else
            {
                _diagnostics.Report(DiagnosticDescriptors.PaginationNextLinkInvalid, nextLink.Value, operation.DisplayName);
                return null;
            }
        }

        if (!ok)
        {
            return null;
        }

        return new PaginationModel
        {
            MethodName = methodName,
            Style = pagination.Style switch
            {
                OpenApiPagingStyle.Marker => PagingStyle.Marker,
                OpenApiPagingStyle.Offset => PagingStyle.Offset,
                _ => PagingStyle.NextLink,
            },
            ItemsPath = itemsPath,
            ItemType = itemType,
            PageSize = pageSize,
            Driver = pagination.Style switch
            {
                OpenApiPagingStyle.Marker => marker,
                OpenApiPagingStyle.Offset => offset,
                _ => null,
            },
            MarkerWireName = marker?.WireName,
            ItemKeyProperty = itemKey,
            Omitted = omitted.ToEquatableArray(),
            NextLinkShape = shape,
            NextLinkPath = linkPath,
            LinkRelProperty = rel,
            LinkHrefProperty = href,
        };
    }

    /// <summary>A query parameter the walk sets: optional, and an integer (page size, offset) or a string (marker).</summary>
    private ParameterModel? PagingParameter(
        OpenApiOperation operation, JsonMember? member, string what, List<ParameterModel> parameters, List<string> omitted, bool integer, ref bool ok)
    {
        if (member?.Value is not JsonStringNode name)
        {
            return null;
        }

        ParameterModel? parameter = parameters.FirstOrDefault(p => p.Kind == ParameterKind.Query && p.WireName == name.Value);
        if (parameter is null)
        {
            Report(DiagnosticDescriptors.PaginationParameterMissing, name, operation, what, name.Value, null);
            ok = false;
            return null;
        }

        bool fits = integer ? parameter.Type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64 : parameter.Type.Kind == TypeRefKind.String;
        if (parameter.Required || !fits)
        {
            Report(DiagnosticDescriptors.PaginationParameterInvalid, name, operation, what, name.Value, integer ? "an optional integer" : "an optional string");
            ok = false;
            return null;
        }

        omitted.Add(parameter.Name);
        return parameter;
    }

    private void Report(DiagnosticDescriptor descriptor, JsonNode node, OpenApiOperation operation, string what, string name, string? expected)
    {
        if (expected is null)
        {
            _diagnostics.Report(descriptor, node, what, Quote(name), operation.DisplayName);
        }
        else
        {
            _diagnostics.Report(descriptor, node, what, Quote(name), expected, operation.DisplayName);
        }
    }

    /// <summary>Follows a dotted JSON path from the answer's type to a property; reports the first segment that is not there.</summary>
    private PropertyModel? Walk(OpenApiOperation operation, TypeRef from, JsonMember member, string what, out EquatableArray<string> path)
    {
        path = EquatableArray<string>.Empty;
        string text = ((JsonStringNode)member.Value).Value;
        var names = new List<string>();
        TypeRef current = from;
        PropertyModel? property = null;
        foreach (string segment in text.Split('.'))
        {
            property = current.Kind == TypeRefKind.Object && _types.TryGetValue(current.Name!, out TypeModel? type)
                ? type.Properties.FirstOrDefault(p => p.JsonName == segment)
                : null;
            if (property is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.PaginationPathMissing, member.Value, what, Quote(segment), operation.DisplayName);
                return null;
            }

            names.Add(property.Name);
            current = property.Type;
        }

        path = names.ToEquatableArray();
        return property;
    }

    /// <summary>The item property that gives the next marker (marker style) or tells pages apart (offset style): <c>markerProperty</c>, else <c>id</c> when items have one.</summary>
    private string? ItemKey(OpenApiOperation operation, OpenApiPagination pagination, TypeRef itemType, ref bool ok)
    {
        TypeModel? type = itemType.Kind == TypeRefKind.Object && _types.TryGetValue(itemType.Name!, out TypeModel? found) ? found : null;
        if (pagination.MarkerProperty?.Value is JsonStringNode named)
        {
            PropertyModel? property = type?.Properties.FirstOrDefault(p => p.JsonName == named.Value);
            if (property is null || property.Type.Kind is not (TypeRefKind.String or TypeRefKind.StringOrNumber))
            {
                _diagnostics.Report(DiagnosticDescriptors.PaginationItemsNotObjects, named, operation.DisplayName);
                ok = false;
                return null;
            }

            return property.Name;
        }

        PropertyModel? id = type?.Properties.FirstOrDefault(p => p.JsonName == "id" && p.Type.Kind is TypeRefKind.String or TypeRefKind.StringOrNumber);
        if (id is null && pagination.Style == OpenApiPagingStyle.Marker && pagination.NextLink is null)
        {
            // Without links the next marker can only come from the last item.
            _diagnostics.Report(DiagnosticDescriptors.PaginationItemsNotObjects, pagination.Node, operation.DisplayName);
            ok = false;
        }

        return id?.Name;
    }
}
