using EvsContracts.Generator.Support;

namespace EvsContracts.Generator.Model;

internal enum PagingStyle
{
    /// <summary>The next page starts after a marker: the last item's id, or the marker in the next link.</summary>
    Marker,

    /// <summary>The next page skips the items already read.</summary>
    Offset,

    /// <summary>The next page is the link the page gives.</summary>
    NextLink,
}

internal enum NextLinkShape
{
    /// <summary>The answer has no link to the next page.</summary>
    None,

    /// <summary>A string property: the link itself.</summary>
    Text,

    /// <summary>An array of link objects (OpenStack's <c>*_links</c>); the one whose <c>rel</c> is <c>next</c>.</summary>
    LinkArray,
}

/// <summary>
/// An <c>IAsyncEnumerable&lt;T&gt;</c> over every page of a list operation (<c>x-pagination</c>), in the equatable
/// shape of <c>ContractModel.cs</c>. Parameters are named by their C# names, paths by C# property names.
/// </summary>
internal sealed record PaginationModel
{
    public required string MethodName { get; init; }

    public required PagingStyle Style { get; init; }

    /// <summary>The C# properties from the answer to the items.</summary>
    public required EquatableArray<string> ItemsPath { get; init; }

    public required TypeRef ItemType { get; init; }

    /// <summary>The page-size parameter, which the enumeration takes last (before the token) and sends on every page.</summary>
    public ParameterModel? PageSize { get; init; }

    /// <summary>The parameter the walk drives: the marker or the offset.</summary>
    public ParameterModel? Driver { get; init; }

    /// <summary>The marker's name in a next link's query.</summary>
    public string? MarkerWireName { get; init; }

    /// <summary>The item's property that gives the next marker (marker style) or tells pages apart (offset style).</summary>
    public string? ItemKeyProperty { get; init; }

    /// <summary>The operation's parameters the enumeration neither takes nor sends.</summary>
    public required EquatableArray<string> Omitted { get; init; }

    public NextLinkShape NextLinkShape { get; init; }

    /// <summary>The C# properties from the answer to the link (or the array of links).</summary>
    public EquatableArray<string> NextLinkPath { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The link object's <c>rel</c> and <c>href</c> properties, for <see cref="NextLinkShape.LinkArray"/>.</summary>
    public string? LinkRelProperty { get; init; }

    public string? LinkHrefProperty { get; init; }
}
