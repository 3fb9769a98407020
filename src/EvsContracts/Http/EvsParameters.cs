using System;
using System.Collections.Generic;
using System.Text;

namespace EvsContracts;

/// <summary>Writes parameters that are lists: one value joined from all items, as OpenAPI's non-exploded styles send them.</summary>
public static class EvsParameters
{
    /// <summary>
    /// Joins <paramref name="values"/>, each formatted, with <paramref name="delimiter"/>: <c>1,2,3</c>. An empty item
    /// stays in its place (<c>a,,b</c>).
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The items, in order.</param>
    /// <param name="format">An item as the text that goes on the wire.</param>
    /// <param name="delimiter">Written between items as it is: <c>,</c>, <c>%20</c> or <c>|</c>.</param>
    /// <param name="escape">Percent-encode each item, for a query; a header value is sent as it is.</param>
    /// <returns>The joined text; empty for no items.</returns>
    public static string Join<T>(IEnumerable<T> values, Func<T, string> format, string delimiter, bool escape)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        var builder = new StringBuilder();
        bool first = true;
        foreach (T value in values)
        {
            if (!first)
            {
                builder.Append(delimiter);
            }

            first = false;
            string text = format(value);
            builder.Append(escape ? Uri.EscapeDataString(text) : text);
        }

        return builder.ToString();
    }
}
