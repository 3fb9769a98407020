using System;
using System.Buffers;

namespace EvsContracts;

/// <summary>
/// Escapes path parameters, refusing values that would change the request path.
/// </summary>
public static class EvsPath
{
    private const int MaxDecodeRounds = 4;
    private static readonly SearchValues<char> s_pathChangers = SearchValues.Create("/\\?#\r\n\0");

    /// <summary>
    /// Escapes <paramref name="value"/> as one RFC 3986 path segment. A value that is empty, <c>.</c> or <c>..</c>,
    /// or that holds <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c>, CR, LF or NUL, is refused, also when it is
    /// percent-encoded (<c>%2F</c>, <c>%2e%2e</c>): a server that decodes it would see another path.
    /// </summary>
    /// <param name="parameterName">The parameter's name, for the error message.</param>
    /// <param name="value">The value.</param>
    /// <returns>The escaped segment.</returns>
    /// <exception cref="ArgumentException">The value is refused; the message names the parameter and the reason.</exception>
    public static string Escape(string parameterName, string value)
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"Path parameter '{parameterName}' is {(value is null ? "null" : "empty")}; it must have a value.", parameterName);
        }

        string? reason = Check(value);
        string decoded = value;

        // Decode repeatedly, so that a double-encoded "%252F" is caught for servers that decode twice.
        for (int round = 0; reason is null && round < MaxDecodeRounds && decoded.Contains('%', StringComparison.Ordinal); round++)
        {
            string next = Uri.UnescapeDataString(decoded);
            if (string.Equals(next, decoded, StringComparison.Ordinal))
            {
                break;
            }

            decoded = next;
            reason = Check(decoded);
            if (reason is not null)
            {
                reason = "once percent-decoded, " + reason;
            }
        }

        if (reason is not null)
        {
            throw new ArgumentException(
                $"Path parameter '{parameterName}' is refused because it would change the request path: {reason} (value \"{Printable(value)}\").",
                parameterName);
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>
    /// Escapes one item of a list or one member's key or value in a path segment: as <see cref="Escape"/>, except that
    /// it may be empty and may be a dot (the segment it is part of is checked whole by <see cref="CheckSegment"/>).
    /// </summary>
    internal static string EscapeItem(string parameterName, string value)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        return value.Length == 0 || value is "." or ".." ? Uri.EscapeDataString(value) : Escape(parameterName, value);
    }

    /// <summary>Refuses a whole segment, made of escaped parts, that is empty or a dot segment.</summary>
    internal static string CheckSegment(string parameterName, string segment)
    {
        if (segment.Length == 0)
        {
            throw new ArgumentException($"Path parameter '{parameterName}' is empty; it must have a value.", parameterName);
        }

        if (segment is "." or "..")
        {
            throw new ArgumentException($"Path parameter '{parameterName}' is refused because it would change the request path: it is the dot segment \"{segment}\".", parameterName);
        }

        return segment;
    }

    private static string? Check(string value)
    {
        if (value.Length == 0)
        {
            return "it is empty";
        }

        if (value is "." or "..")
        {
            return $"it is the dot segment \"{value}\"";
        }

        int index = value.AsSpan().IndexOfAny(s_pathChangers);
        return index < 0 ? null : $"it contains {Describe(value[index])}";
    }

    private static string Describe(char c) => c switch
    {
        '\r' => "a carriage return",
        '\n' => "a line feed",
        '\0' => "a NUL character",
        _ => $"'{c}'",
    };

    private static string Printable(string value) =>
        value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
}
