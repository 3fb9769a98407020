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

    // The characters to escape plus every surrogate: a surrogate must be looked at, because a lone one is encoded
    // (as U+FFFD) while a pair is written raw.
    private static readonly SearchValues<char> EscapeOrSurrogate = SearchValues.Create(BuildEscapeOrSurrogate());

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
        var span = new ReadOnlySpan<char>(text, textLength);
        int i = 0;
        while (i < span.Length)
        {
            int relative = span.Slice(i).IndexOfAny(EscapeOrSurrogate);
            if (relative < 0)
            {
                return -1;
            }

            i += relative;
            char c = span[i];
            if (!char.IsSurrogate(c))
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i += 2;
                continue;
            }

            return i;
        }

        return -1;
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

    private static string BuildEscapeOrSurrogate()
    {
        var chars = new StringBuilder(0x20 + 2 + 0x800);
        for (char c = '\0'; c < ' '; c++)
        {
            chars.Append(c);
        }

        chars.Append('"').Append('\\');
        for (int c = 0xD800; c <= 0xDFFF; c++)
        {
            chars.Append((char)c);
        }

        return chars.ToString();
    }
}
