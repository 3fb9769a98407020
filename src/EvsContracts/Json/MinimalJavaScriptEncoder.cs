using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace EvsContracts;

/// <summary>
/// A <see cref="JavaScriptEncoder"/> that escapes only what JSON requires: quote, backslash and control characters
/// below U+0020. The built-in encoders, even <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, also escape
/// characters outside the Basic Multilingual Plane (emoji), which the EVS wire rule writes raw.
/// </summary>
internal sealed class MinimalJavaScriptEncoder : JavaScriptEncoder
{
    public static readonly MinimalJavaScriptEncoder Instance = new();

    // ASCII written as itself: everything from the space up, except quote and backslash.
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(BuildPlainAscii());

    private static readonly SearchValues<byte> EscapeBytes =
        SearchValues.Create("\0\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\x0C\x0D\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F\"\\"u8);

    private MinimalJavaScriptEncoder()
    {
    }

    /// <inheritdoc/>
    public override int MaxOutputCharactersPerInputCharacter => JsonStringEscaper.MaxBytesPerChar;

    /// <inheritdoc/>
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        // Vectorized searches only: one set of escapes and surrogates together has no fast search and costs about
        // 2 ns a character on CJK text. A surrogate matters because a lone one is encoded (as U+FFFD), a pair is not.
        var span = new ReadOnlySpan<char>(text, textLength);
        int first = span.IndexOfAnyExcept(PlainAscii);
        if (first < 0 || span[first] < 0x80)
        {
            // All plain ASCII (names, most values), or an escape comes before any other character.
            return first;
        }

        int escape = span.Slice(first).IndexOfAny(JsonStringEscaper.CharsToEscape);
        escape = escape < 0 ? -1 : first + escape;
        int end = escape < 0 ? span.Length : escape;
        int i = first;
        while (true)
        {
            int surrogate = span.Slice(i, end - i).IndexOfAnyInRange('\uD800', '\uDFFF');
            if (surrogate < 0)
            {
                return escape;
            }

            // A pair lies before the escape, which is ASCII.
            i += surrogate;
            if (char.IsHighSurrogate(span[i]) && i + 1 < end && char.IsLowSurrogate(span[i + 1]))
            {
                i += 2;
                continue;
            }

            return i;
        }
    }

    /// <inheritdoc/>
    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        int index = utf8Text.IndexOfAny(EscapeBytes);
        ReadOnlySpan<byte> before = index < 0 ? utf8Text : utf8Text.Slice(0, index);
        if (Utf8.IsValid(before))
        {
            return index;
        }

        // Invalid UTF-8 must be encoded too (it becomes U+FFFD); find where it starts.
        int position = 0;
        while (position < before.Length)
        {
            if (Rune.DecodeFromUtf8(before.Slice(position), out _, out int consumed) != OperationStatus.Done)
            {
                return position;
            }

            position += consumed;
        }

        return index;
    }

    /// <inheritdoc/>
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (WillEncode(unicodeScalar))
        {
            if (destination.Length < JsonStringEscaper.MaxBytesPerChar)
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            numberOfCharactersWritten = JsonStringEscaper.WriteEscape((char)unicodeScalar, destination);
            return true;
        }

        // Anything else is written as itself; a value that is not a scalar becomes U+FFFD.
        Rune rune = Rune.IsValid(unicodeScalar) ? new Rune(unicodeScalar) : Rune.ReplacementChar;
        return rune.TryEncodeToUtf16(destination, out numberOfCharactersWritten);
    }

    /// <inheritdoc/>
    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    private static string BuildPlainAscii()
    {
        var chars = new StringBuilder(0x60);
        for (char c = ' '; c <= '\x7F'; c++)
        {
            if (c is not ('"' or '\\'))
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }
}
