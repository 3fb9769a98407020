using System;

namespace EvsContracts;

/// <summary>
/// Checks header names and values before they are sent.
/// </summary>
public static class EvsHeaders
{
    /// <summary>
    /// Refuses a header whose name is not an HTTP token, or whose name or value holds CR, LF or NUL (which could
    /// inject headers). A <see langword="null"/> value is allowed: the header is then not sent. The message names the
    /// header, never the value, which may be secret.
    /// </summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    /// <exception cref="ArgumentException">The name or the value is refused.</exception>
    public static void Validate(string name, string? value)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A header name must not be empty.", nameof(name));
        }

        foreach (char c in name)
        {
            if (!IsTokenChar(c))
            {
                throw new ArgumentException($"Header name '{Printable(name)}' is not a valid HTTP token.", nameof(name));
            }
        }

        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException($"The value of header '{name}' contains a CR, LF or NUL character.", nameof(value));
        }
    }

    // RFC 9110 token characters.
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    private static string Printable(string name) =>
        name.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
}
