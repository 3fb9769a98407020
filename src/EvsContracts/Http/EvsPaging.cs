using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>
/// Walks every page of a list operation for a generated client (<c>x-pagination</c>): each item once, a page fetched
/// only when the caller has taken every item before it.
/// </summary>
/// <remarks>
/// A server that answers a page it answered before ends the walk with <see cref="EvsPagingException"/>, before the
/// repeated items are handed out: a list never turns into an endless loop. The items of one page are read before any
/// of them is handed out, so a page is either handed out whole or not at all.
/// </remarks>
public static class EvsPaging
{
    /// <summary>
    /// Marker paging (OpenStack's <c>marker</c> and <c>limit</c>): each request after the first starts after the last
    /// item of the page before it.
    /// </summary>
    /// <typeparam name="TPage">The list operation's answer.</typeparam>
    /// <typeparam name="TItem">An item of the list.</typeparam>
    /// <param name="fetchPage">Fetches the page that starts after a marker; <see langword="null"/> for the first page.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="itemMarker">The marker of an item, its id: the next page starts after the last item.</param>
    /// <param name="nextLink">
    /// The page's link to the next page, or <see langword="null"/> when the answer has no such link at all. When given,
    /// the walk ends at the first page without a link, and the next marker is read from the link's query
    /// (<paramref name="markerParameter"/>); only the marker is taken from it, so a link that names the server by an
    /// internal host name (as OpenStack services behind a proxy often do) still works, and the request goes to the
    /// client's own endpoint.
    /// </param>
    /// <param name="markerParameter">The name of the marker in a next link's query.</param>
    /// <param name="pageSize">
    /// The page size asked for, if any. Without next links, a page with fewer items than this is the last one.
    /// </param>
    /// <param name="cancellationToken">Cancels the walk; combined with the one given to <c>WithCancellation</c>.</param>
    /// <returns>Every item of every page, in the server's order.</returns>
    /// <exception cref="EvsPagingException">The server answered a page again, or a page that cannot be followed.</exception>
    public static async IAsyncEnumerable<TItem> ByMarkerAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TItem, string?> itemMarker,
        Func<TPage, string?>? nextLink,
        string markerParameter,
        long? pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(itemMarker);
        ArgumentNullException.ThrowIfNull(markerParameter);

        var markers = new HashSet<string>(StringComparer.Ordinal);
        string? marker = null;
        for (int pageNumber = 1; ; pageNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TPage page = await fetchPage(marker, cancellationToken).ConfigureAwait(false);
            List<TItem> pageItems = Buffer(items(page));

            string? next;
            if (nextLink is not null)
            {
                string? link = nextLink(page);
                if (link is null)
                {
                    foreach (TItem item in pageItems)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return item;
                    }

                    yield break;
                }

                next = QueryValue(link, markerParameter)
                    ?? (pageItems.Count > 0 ? itemMarker(pageItems[^1]) : null)
                    ?? throw new EvsPagingException(
                        $"Page {pageNumber} links to a next page, but neither the link nor an item gives the marker to ask for it.",
                        pageNumber,
                        link);
            }
            else if (pageItems.Count == 0 || (pageSize is { } size && pageItems.Count < size))
            {
                foreach (TItem item in pageItems)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return item;
                }

                yield break;
            }
            else
            {
                next = itemMarker(pageItems[^1])
                    ?? throw new EvsPagingException($"The last item of page {pageNumber} has no marker to ask for the next page with.", pageNumber, null);
            }

            if (pageItems.Count == 0)
            {
                throw new EvsPagingException(
                    $"Page {pageNumber} has no items, yet links to a next page (marker '{next}'); following empty pages could go on forever.",
                    pageNumber,
                    next);
            }

            if (!markers.Add(next))
            {
                throw new EvsPagingException(
                    $"Page {pageNumber} leads to marker '{next}' again: the server answered a page it had answered before. Its items were not repeated.",
                    pageNumber,
                    next);
            }

            foreach (TItem item in pageItems)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            marker = next;
        }
    }

    /// <summary>Offset paging: each request after the first skips the items of the pages before it.</summary>
    /// <typeparam name="TPage">The list operation's answer.</typeparam>
    /// <typeparam name="TItem">An item of the list.</typeparam>
    /// <param name="fetchPage">Fetches the page at an offset; <see langword="null"/> for the first page.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="itemKey">
    /// Tells items apart (their id), or <see langword="null"/>: a page that starts with the item an earlier page started
    /// with is a page the server answered before, as a server that ignores the offset does.
    /// </param>
    /// <param name="nextLink">The page's link to the next page, or <see langword="null"/> when the answer has none; when given, the walk ends at the first page without one.</param>
    /// <param name="pageSize">The page size asked for, if any; a page with fewer items than this is the last one.</param>
    /// <param name="cancellationToken">Cancels the walk; combined with the one given to <c>WithCancellation</c>.</param>
    /// <returns>Every item of every page, in the server's order.</returns>
    /// <exception cref="EvsPagingException">The server answered a page again.</exception>
    public static async IAsyncEnumerable<TItem> ByOffsetAsync<TPage, TItem>(
        Func<long?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TItem, string?>? itemKey,
        Func<TPage, string?>? nextLink,
        long? pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);

        var firstKeys = new HashSet<string>(StringComparer.Ordinal);
        long? offset = null;
        for (int pageNumber = 1; ; pageNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TPage page = await fetchPage(offset, cancellationToken).ConfigureAwait(false);
            List<TItem> pageItems = Buffer(items(page));
            if (pageItems.Count > 0 && itemKey?.Invoke(pageItems[0]) is { } first && !firstKeys.Add(first))
            {
                throw new EvsPagingException(
                    $"Page {pageNumber} starts with '{first}', as an earlier page did: the server answered a page it had answered before. Its items were not repeated.",
                    pageNumber,
                    offset?.ToString(CultureInfo.InvariantCulture));
            }

            foreach (TItem item in pageItems)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            bool last = pageItems.Count == 0
                || (nextLink is not null ? nextLink(page) is null : pageSize is { } size && pageItems.Count < size);
            if (last)
            {
                yield break;
            }

            offset = (offset ?? 0) + pageItems.Count;
        }
    }

    /// <summary>Next-link paging: each request after the first follows the link the page before it gave.</summary>
    /// <typeparam name="TPage">The list operation's answer.</typeparam>
    /// <typeparam name="TItem">An item of the list.</typeparam>
    /// <param name="invoker">The client's invoker: a link must lead to its endpoint (same scheme, host, port and base path).</param>
    /// <param name="firstPage">Fetches the first page.</param>
    /// <param name="fetchLink">Fetches a page by its link, made relative to the endpoint.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="nextLink">The page's link to the next page; the walk ends at the first page without one.</param>
    /// <param name="cancellationToken">Cancels the walk; combined with the one given to <c>WithCancellation</c>.</param>
    /// <returns>Every item of every page, in the server's order.</returns>
    /// <exception cref="EvsPagingException">
    /// A link led to a page answered before, or away from the endpoint; such a link is never requested, so the auth
    /// token never goes to another host.
    /// </exception>
    public static async IAsyncEnumerable<TItem> ByNextLinkAsync<TPage, TItem>(
        EvsHttpInvoker invoker,
        Func<CancellationToken, Task<TPage>> firstPage,
        Func<string, CancellationToken, Task<TPage>> fetchLink,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?> nextLink,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(firstPage);
        ArgumentNullException.ThrowIfNull(fetchLink);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(nextLink);

        var links = new HashSet<string>(StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();
        TPage page = await firstPage(cancellationToken).ConfigureAwait(false);
        for (int pageNumber = 1; ; pageNumber++)
        {
            List<TItem> pageItems = Buffer(items(page));
            string? link = nextLink(page);
            if (link is not null && pageItems.Count == 0)
            {
                throw new EvsPagingException(
                    $"Page {pageNumber} has no items, yet links to a next page; following empty pages could go on forever.",
                    pageNumber,
                    link);
            }

            if (link is not null && !links.Add(link))
            {
                throw new EvsPagingException(
                    $"Page {pageNumber} links to '{link}' again: the server answered a page it had answered before. Its items were not repeated.",
                    pageNumber,
                    link);
            }

            foreach (TItem item in pageItems)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            if (link is null)
            {
                yield break;
            }

            string relative = invoker.RelativeToEndpoint(link, pageNumber);
            cancellationToken.ThrowIfCancellationRequested();
            page = await fetchLink(relative, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The <c>href</c> of the link whose <c>rel</c> is <c>next</c> (OpenStack's <c>*_links</c> arrays), if any.</summary>
    /// <typeparam name="TLink">A link of the answer.</typeparam>
    /// <param name="links">The links; <see langword="null"/> when the answer has none.</param>
    /// <param name="rel">The relation of a link.</param>
    /// <param name="href">The address of a link.</param>
    /// <returns>The next page's link, or <see langword="null"/> on the last page.</returns>
    public static string? NextLink<TLink>(IEnumerable<TLink>? links, Func<TLink, string?> rel, Func<TLink, string?> href)
    {
        ArgumentNullException.ThrowIfNull(rel);
        ArgumentNullException.ThrowIfNull(href);
        if (links is null)
        {
            return null;
        }

        foreach (TLink link in links)
        {
            if (string.Equals(rel(link), "next", StringComparison.Ordinal) && href(link) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    private static List<TItem> Buffer<TItem>(IEnumerable<TItem>? items) => items is null ? [] : [.. items];

    /// <summary>The value of a query parameter of a link (form-decoded), or <see langword="null"/>.</summary>
    internal static string? QueryValue(string link, string name)
    {
        int start = link.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        int end = link.IndexOf('#', start);
        string query = end < 0 ? link[(start + 1)..] : link[(start + 1)..end];
        foreach (string pair in query.Split('&'))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string key = Decode(equals < 0 ? pair : pair[..equals]);
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                string value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
