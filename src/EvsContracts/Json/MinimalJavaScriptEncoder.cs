using System;
using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace EvsContracts;

/// <summary>
/// A <see cref="JavaScriptEncoder"/> that escapes only what JSON requires: quote, backslash and control characters
/// below U+0020. The built-in encoders, even <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, also escape
/// characters outside the Basic Multilingual Plane (emoji), which the EVS wire rule writes raw. A lone surrogate, or
/// invalid UTF-8, becomes U+FFFD.
/// </summary>
/// <remarks>
/// <see cref="System.Text.Json.Utf8JsonWriter"/> asks the encoder where the first character to escape is, copies and
/// transcodes everything before it itself, and lets the framework's <see cref="TextEncoder"/> call
/// <see cref="TryEncodeUnicodeScalar"/> for the rest.
/// </remarks>
internal sealed class MinimalJavaScriptEncoder : JavaScriptEncoder
{
    public static readonly MinimalJavaScriptEncoder Instance = new();

    // The longest escape, \u001F, is 6 characters for one.
    private const int MaxEscapeLength = 6;

    private static readonly SearchValues<char> s_charsToEscape =
        SearchValues.Create("\0\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\x0C\x0D\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F\"\\");

    private static readonly SearchValues<byte> s_bytesToEscape =
        SearchValues.Create("\0\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\x0C\x0D\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F\"\\"u8);

    private MinimalJavaScriptEncoder()
    {
    }

    /// <inheritdoc/>
    public override int MaxOutputCharactersPerInputCharacter => MaxEscapeLength;

    /// <inheritdoc/>
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        // Two vectorized searches: the escapes (all ASCII), then surrogates before the first of them. One search for
        // both sets together is not vectorized, and costs about 2 ns a character on CJK text. A surrogate matters
        // because a lone one is encoded (as U+FFFD), while a pair is written as it is.
        var span = new ReadOnlySpan<char>(text, textLength);
        int escape = span.IndexOfAny(s_charsToEscape);
        ReadOnlySpan<char> before = escape < 0 ? span : span.Slice(0, escape);
        int i = 0;
        while (true)
        {
            // The ushort search: the char overload allocates on .NET 10 (96 bytes a call).
            int surrogate = MemoryMarshal.Cast<char, ushort>(before.Slice(i)).IndexOfAnyInRange((ushort)0xD800, (ushort)0xDFFF);
            if (surrogate < 0)
            {
                return escape;
            }

            i += surrogate;
            if (char.IsHighSurrogate(before[i]) && i + 1 < before.Length && char.IsLowSurrogate(before[i + 1]))
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
        int index = utf8Text.IndexOfAny(s_bytesToEscape);
        ReadOnlySpan<byte> before = index < 0 ? utf8Text : utf8Text.Slice(0, index);
        if (Utf8.IsValid(before))
        {
            return index;
        }

        // Invalid UTF-8 must be encoded too (it becomes U+FFFD); find where it starts.
        int position = 0;
        while (Rune.DecodeFromUtf8(before.Slice(position), out _, out int consumed) == OperationStatus.Done)
        {
            position += consumed;
        }

        return position;
    }

    /// <inheritdoc/>
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            // Written as itself; a value that is not a scalar becomes U+FFFD.
            Rune rune = Rune.IsValid(unicodeScalar) ? new Rune(unicodeScalar) : Rune.ReplacementChar;
            return rune.TryEncodeToUtf16(destination, out numberOfCharactersWritten);
        }

        numberOfCharactersWritten = 0;
        if (destination.Length < MaxEscapeLength)
        {
            return false;
        }

        char shortForm = unicodeScalar switch
        {
            '"' => '"',
            '\\' => '\\',
            '\b' => 'b',
            '\f' => 'f',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            _ => '\0',
        };

        destination[0] = '\\';
        if (shortForm != '\0')
        {
            destination[1] = shortForm;
            numberOfCharactersWritten = 2;
            return true;
        }

        // \u00XX in upper case, as System.Text.Json writes it.
        destination[1] = 'u';
        ((ushort)unicodeScalar).TryFormat(destination.Slice(2), out _, "X4", CultureInfo.InvariantCulture);
        numberOfCharactersWritten = MaxEscapeLength;
        return true;
    }

    /// <inheritdoc/>
    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';
}
