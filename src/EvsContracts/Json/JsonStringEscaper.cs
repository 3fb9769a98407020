using System;
using System.Buffers;

namespace EvsContracts;

/// <summary>
/// Writes a string as a quoted JSON string in UTF-8, escaping only what JSON requires: quote, backslash and control
/// characters below U+0020. Everything else, emoji included, stays raw UTF-8; a lone surrogate becomes U+FFFD.
/// </summary>
internal static class JsonStringEscaper
{
    /// <summary>The longest escape, <c>\u001F</c>, is 6 bytes for one UTF-16 unit.</summary>
    public const int MaxBytesPerChar = 6;

    private static readonly SearchValues<char> NeedsEscape =
        SearchValues.Create("\0\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\x0C\x0D\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F\"\\");

    /// <summary>The characters that must be escaped.</summary>
    public static SearchValues<char> CharsToEscape => NeedsEscape;

    /// <summary>
    /// Returns room enough for the quoted, escaped UTF-8 form of <paramref name="value"/>: 3 bytes a character, 6 for
    /// one that is escaped, found with one vectorized pass; the exact length, which takes a pass over every non-ASCII
    /// character, only for a text so long that the bound would pass <see cref="Array.MaxLength"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The text is too long for one array even when encoded.</exception>
    public static int GetQuotedLengthBound(ReadOnlySpan<char> value)
    {
        long escapes = 0;
        ReadOnlySpan<char> rest = value;
        int index;
        while ((index = rest.IndexOfAny(NeedsEscape)) >= 0)
        {
            escapes++;
            rest = rest.Slice(index + 1);
        }

        long bound = 2L + ((long)value.Length * Utf8Transcoder.MaxBytesPerChar) + (escapes * (MaxBytesPerChar - Utf8Transcoder.MaxBytesPerChar));
        if (bound <= Array.MaxLength)
        {
            return (int)bound;
        }

        // Each escaped character was counted as 1 byte by the UTF-8 count.
        long exact = 2L + Utf8Text.GetByteCount(value) + (escapes * (MaxBytesPerChar - 1));
        rest = value;
        while ((index = rest.IndexOfAny(NeedsEscape)) >= 0)
        {
            // A short escape (\n, \") is 4 bytes shorter than \u00XX.
            if (rest[index] is '"' or '\\' or '\b' or '\f' or '\n' or '\r' or '\t')
            {
                exact -= MaxBytesPerChar - 2;
            }

            rest = rest.Slice(index + 1);
        }

        return exact > Array.MaxLength ? throw new ArgumentException("The string is too long to write as JSON.", nameof(value)) : (int)exact;
    }

    /// <summary>Writes the quoted, escaped UTF-8 form of <paramref name="value"/>; returns the bytes written.</summary>
    /// <remarks><paramref name="destination"/> must hold <see cref="GetQuotedLengthBound"/> bytes.</remarks>
    public static int WriteQuoted(ReadOnlySpan<char> value, Span<byte> destination)
    {
        destination[0] = (byte)'"';
        int written = 1;
        while (true)
        {
            int index = value.IndexOfAny(NeedsEscape);
            ReadOnlySpan<char> run = index < 0 ? value : value.Slice(0, index);
            if (!run.IsEmpty)
            {
                // Escaped characters are ASCII, so a run never splits a surrogate pair; a high surrogate at the end
                // of a run is a lone one, and becomes U+FFFD.
                written += Utf8Transcoder.Transcode(run, destination.Slice(written));
            }

            if (index < 0)
            {
                break;
            }

            written += WriteEscape(value[index], destination.Slice(written));
            value = value.Slice(index + 1);
        }

        destination[written++] = (byte)'"';
        return written;
    }

    /// <summary>Writes the JSON escape of one character that needs it; returns the UTF-16 characters written.</summary>
    public static int WriteEscape(char c, Span<char> destination)
    {
        Span<byte> bytes = stackalloc byte[MaxBytesPerChar];
        int length = WriteEscape(c, bytes);
        for (int i = 0; i < length; i++)
        {
            destination[i] = (char)bytes[i];
        }

        return length;
    }

    private static int WriteEscape(char c, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        byte shortForm = c switch
        {
            '"' => (byte)'"',
            '\\' => (byte)'\\',
            '\b' => (byte)'b',
            '\f' => (byte)'f',
            '\n' => (byte)'n',
            '\r' => (byte)'r',
            '\t' => (byte)'t',
            _ => 0,
        };

        if (shortForm != 0)
        {
            destination[1] = shortForm;
            return 2;
        }

        destination[1] = (byte)'u';
        destination[2] = (byte)'0';
        destination[3] = (byte)'0';
        destination[4] = HexDigit(c >> 4);
        destination[5] = HexDigit(c & 0xF);
        return 6;
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'A' + value - 10);
}
