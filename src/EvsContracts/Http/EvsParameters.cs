using System;
using System.Collections.Generic;
using System.Text;

namespace EvsContracts;

/// <summary>
/// Writes parameters that are lists or objects, and path parameters of the <c>label</c> and <c>matrix</c> styles, as
/// OpenAPI's styles say (after RFC 6570's expansions). Every item, key and value is percent-encoded on its own, so a
/// delimiter inside one (<c>,</c>, <c>=</c>, <c>.</c>, <c>;</c>) cannot be taken for the delimiter between them.
/// </summary>
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

    /// <summary>A path parameter's value in its style: <c>value</c>, <c>.value</c> or <c>;name=value</c>.</summary>
    /// <param name="name">The parameter's name, for the matrix style and for the error message.</param>
    /// <param name="value">The value as text.</param>
    /// <param name="style">Simple, label or matrix.</param>
    /// <returns>The escaped text that replaces <c>{name}</c> in the path.</returns>
    /// <exception cref="ArgumentException">The value would change the request path, or is empty.</exception>
    public static string PathValue(string name, string value, EvsParameterStyle style)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length == 0)
        {
            // As a simple one: an empty path parameter is refused, whatever its style.
            return EvsPath.CheckSegment(name, value);
        }

        string escaped = EvsPath.EscapeItem(name, value);
        return EvsPath.CheckSegment(name, style switch
        {
            EvsParameterStyle.Label => "." + escaped,
            EvsParameterStyle.Matrix => ";" + Uri.EscapeDataString(name) + "=" + escaped,
            _ => escaped,
        });
    }

    /// <summary>
    /// A path parameter that is a list, in its style: simple <c>a,b</c>; label <c>.a,b</c> (exploded <c>.a.b</c>);
    /// matrix <c>;name=a,b</c> (exploded <c>;name=a;name=b</c>).
    /// </summary>
    /// <param name="name">The parameter's name, for the matrix style and for the error message.</param>
    /// <param name="items">The items as text, in order.</param>
    /// <param name="style">Simple, label or matrix.</param>
    /// <param name="explode">OpenAPI's <c>explode</c>.</param>
    /// <returns>The escaped text that replaces <c>{name}</c> in the path.</returns>
    /// <exception cref="ArgumentException">An item would change the request path, or the list is empty.</exception>
    public static string PathList(string name, IEnumerable<string> items, EvsParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(items, name);
        string escapedName = Uri.EscapeDataString(name);
        var builder = new StringBuilder();
        bool first = true;
        foreach (string item in items)
        {
            builder.Append((style, explode, first) switch
            {
                (EvsParameterStyle.Label, _, true) or (EvsParameterStyle.Label, true, _) => ".",
                (EvsParameterStyle.Matrix, _, true) or (EvsParameterStyle.Matrix, true, _) => ";" + escapedName + "=",
                (_, _, true) => string.Empty,
                _ => ",",
            });
            builder.Append(EvsPath.EscapeItem(name, item));
            first = false;
        }

        return EvsPath.CheckSegment(name, builder.ToString());
    }

    /// <summary>
    /// A path parameter that is an object, in its style: simple <c>k,v,k2,v2</c> (exploded <c>k=v,k2=v2</c>); label
    /// <c>.k,v,k2,v2</c> (exploded <c>.k=v.k2=v2</c>); matrix <c>;name=k,v,k2,v2</c> (exploded <c>;k=v;k2=v2</c>).
    /// </summary>
    /// <param name="name">The parameter's name, for the matrix style and for the error message.</param>
    /// <param name="members">The members that are set, as text, in order.</param>
    /// <param name="style">Simple, label or matrix.</param>
    /// <param name="explode">OpenAPI's <c>explode</c>.</param>
    /// <returns>The escaped text that replaces <c>{name}</c> in the path.</returns>
    /// <exception cref="ArgumentException">A key or value would change the request path, or no member is set.</exception>
    public static string PathMembers(string name, IEnumerable<KeyValuePair<string, string>> members, EvsParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(members, name);
        var builder = new StringBuilder();
        bool first = true;
        foreach (KeyValuePair<string, string> member in members)
        {
            builder.Append((style, explode, first) switch
            {
                (EvsParameterStyle.Label, _, true) or (EvsParameterStyle.Label, true, _) => ".",
                (EvsParameterStyle.Matrix, true, _) => ";",
                (EvsParameterStyle.Matrix, false, true) => ";" + Uri.EscapeDataString(name) + "=",
                (_, _, true) => string.Empty,
                _ => ",",
            });
            builder.Append(EvsPath.EscapeItem(name, member.Key)).Append(explode ? '=' : ',').Append(EvsPath.EscapeItem(name, member.Value));
            first = false;
        }

        return EvsPath.CheckSegment(name, builder.ToString());
    }

    /// <summary>
    /// A query parameter that is an object, in its style: form exploded <c>k=v&amp;k2=v2</c> (each member its own
    /// name), form <c>name=k,v,k2,v2</c>, spaceDelimited <c>name=k%20v%20k2%20v2</c>, pipeDelimited
    /// <c>name=k%7Cv%7Ck2%7Cv2</c>. OpenAPI defines no exploded form of the last two; they are sent as form's.
    /// </summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="members">The members that are set, as text, in order; <see langword="null"/> sends nothing.</param>
    /// <param name="style">Form, spaceDelimited or pipeDelimited.</param>
    /// <param name="explode">OpenAPI's <c>explode</c>.</param>
    /// <returns>The escaped pairs, joined by <c>&amp;</c>, without a leading <c>?</c> or <c>&amp;</c>; empty when no member is set.</returns>
    public static string QueryMembers(string name, IEnumerable<KeyValuePair<string, string>>? members, EvsParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (members is null)
        {
            return string.Empty;
        }

        string delimiter = style switch
        {
            EvsParameterStyle.SpaceDelimited => "%20",
            EvsParameterStyle.PipeDelimited => "%7C",
            _ => ",",
        };
        var builder = new StringBuilder();
        foreach (KeyValuePair<string, string> member in members)
        {
            if (explode)
            {
                builder.Append(builder.Length == 0 ? string.Empty : "&").Append(Uri.EscapeDataString(member.Key)).Append('=');
            }
            else
            {
                builder.Append(builder.Length == 0 ? Uri.EscapeDataString(name) + "=" : delimiter).Append(Uri.EscapeDataString(member.Key)).Append(delimiter);
            }

            builder.Append(Uri.EscapeDataString(member.Value));
        }

        return builder.ToString();
    }

    /// <summary>A header parameter that is an object: <c>k,v,k2,v2</c> (exploded <c>k=v,k2=v2</c>), as it is.</summary>
    /// <param name="members">The members that are set, as text, in order; <see langword="null"/> sends no header.</param>
    /// <param name="explode">OpenAPI's <c>explode</c>.</param>
    /// <returns>The header's value; <see langword="null"/> when no member is set, so no header is sent.</returns>
    public static string? HeaderMembers(IEnumerable<KeyValuePair<string, string>>? members, bool explode)
    {
        if (members is null)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (KeyValuePair<string, string> member in members)
        {
            builder.Append(builder.Length == 0 ? string.Empty : ",").Append(member.Key).Append(explode ? '=' : ',').Append(member.Value);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
