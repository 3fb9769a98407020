using System.Collections.Generic;
using EvsContracts.Generator.Reader.Json;

namespace EvsContracts.Generator.Reader.OpenApi;

internal enum OpenApiPagingStyle
{
    Marker,
    Offset,
    NextLink,
}

/// <summary>
/// <c>x-pagination</c> on a list operation: how to ask for the next page and where the items are. Names are kept as
/// the spec writes them (query parameter names, dotted JSON paths); the model builder resolves them.
/// </summary>
internal sealed class OpenApiPagination
{
    public OpenApiPagination(OpenApiPagingStyle style, JsonMember items, JsonObjectNode node)
    {
        Style = style;
        Items = items;
        Node = node;
    }

    public OpenApiPagingStyle Style { get; }

    /// <summary>The dotted path to the items array in the answer (<c>snapshots</c>).</summary>
    public JsonMember Items { get; }

    /// <summary>The extension's object, where problems without a member of their own are reported.</summary>
    public JsonObjectNode Node { get; }

    /// <summary>The generated method's name, without <c>Async</c>; derived from the operation when absent.</summary>
    public JsonMember? Method { get; init; }

    /// <summary>The query parameter that sets the page size (<c>limit</c>).</summary>
    public JsonMember? PageSize { get; init; }

    /// <summary>The query parameter that carries the marker (<c>marker</c>).</summary>
    public JsonMember? Marker { get; init; }

    /// <summary>The property of an item whose value is the marker of the page after it (<c>id</c>).</summary>
    public JsonMember? MarkerProperty { get; init; }

    /// <summary>The query parameter that carries the offset (<c>offset</c>).</summary>
    public JsonMember? Offset { get; init; }

    /// <summary>The dotted path to the next page's link: a string, or an array of <c>rel</c>/<c>href</c> objects.</summary>
    public JsonMember? NextLink { get; init; }

    /// <summary>Query parameters the walk never sends (Cinder's <c>offset</c> beside a marker skips items on every page).</summary>
    public List<(string Name, JsonNode Node)> OmitParameters { get; } = new();
}
