using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace EvsContracts;

/// <summary>
/// UTF-16 to UTF-8 for JSON string values, eight characters at a time when a block is all ASCII or all three-byte
/// characters (CJK, most of the BMP); anything else goes one code point at a time. A lone surrogate becomes U+FFFD,
/// as with <see cref="System.Text.Unicode.Utf8.FromUtf16"/> and <c>replaceInvalidSequences</c>.
/// </summary>
/// <remarks>
/// The framework's transcoder is vectorized for ASCII only; CJK text goes through it at about 2 ns a character,
/// which was most of the time spent writing a CJK body.
/// </remarks>
internal static class Utf8Transcoder
{
    /// <summary>UTF-8 takes at most 3 bytes for one UTF-16 unit (a surrogate pair is 4 bytes for 2 units).</summary>
    public const int MaxBytesPerChar = 3;

    private const int BlockChars = 8;

    /// <summary>Writes <paramref name="source"/> as UTF-8; returns the bytes written.</summary>
    /// <param name="source">The text.</param>
    /// <param name="destination">Room for the UTF-8 form; the fast path wants <see cref="MaxBytesPerChar"/> bytes per character.</param>
    /// <returns>The bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too small.</exception>
    public static int Transcode(ReadOnlySpan<char> source, Span<byte> destination)
    {
        // The stores below are unchecked: this one check keeps every one of them inside the destination. A tighter
        // destination (only for a text of hundreds of millions of characters) goes through the checked transcoder.
        if ((ulong)destination.Length < (ulong)source.Length * MaxBytesPerChar)
        {
            return Utf8.FromUtf16(source, destination, out _, out int bytes, replaceInvalidSequences: true, isFinalBlock: true) == OperationStatus.Done
                ? bytes
                : throw new ArgumentException("The destination is too small.", nameof(destination));
        }

        ref ushort src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
        ref byte dst = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)source.Length;
        nuint read = 0;
        nuint written = 0;

        if (ByteShuffle.IsAccelerated && length >= BlockChars)
        {
            nuint lastBlock = length - BlockChars;
            while (read <= lastBlock)
            {
                Vector128<ushort> block = Vector128.LoadUnsafe(ref src, read);
                if ((block & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero)
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, written), Vector128.Narrow(block, block).AsUInt64().ToScalar());
                    read += BlockChars;
                    written += BlockChars;
                    continue;
                }

                if (AllThreeBytes(block))
                {
                    WriteThreeByteBlock(block, ref Unsafe.Add(ref dst, written));
                    read += BlockChars;
                    written += BlockChars * 3;
                    continue;
                }

                // A mixed block goes one code point at a time; a pair may end one character past it.
                nuint end = read + BlockChars;
                while (read < end)
                {
                    written += WriteCodePoint(ref src, ref read, length, ref Unsafe.Add(ref dst, written));
                }
            }

            // The last few characters: the last full block again, overlapping what was written, when it is uniform.
            // Its characters are never surrogates, so each one was written with the same width the block gives it
            // and stepping back over them lands on a character's first byte.
            nuint overlap = read - lastBlock;
            if (overlap < BlockChars)
            {
                Vector128<ushort> block = Vector128.LoadUnsafe(ref src, lastBlock);
                if ((block & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero)
                {
                    written -= overlap;
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, written), Vector128.Narrow(block, block).AsUInt64().ToScalar());
                    return (int)(written + BlockChars);
                }

                if (AllThreeBytes(block))
                {
                    written -= overlap * 3;
                    WriteThreeByteBlock(block, ref Unsafe.Add(ref dst, written));
                    return (int)(written + (BlockChars * 3));
                }
            }
        }

        while (read < length)
        {
            written += WriteCodePoint(ref src, ref read, length, ref Unsafe.Add(ref dst, written));
        }

        return (int)written;
    }

    // Every character is at least U+0800 and not a surrogate: three bytes each.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllThreeBytes(Vector128<ushort> block)
    {
        // c & 0xF800 is zero below U+0800; (c + 0x2800) & 0xF800 is zero for exactly U+D800..U+DFFF.
        Vector128<ushort> top = Vector128.Create((ushort)0xF800);
        Vector128<ushort> below = Vector128.Equals(block & top, Vector128<ushort>.Zero);
        Vector128<ushort> surrogate = Vector128.Equals((block + Vector128.Create((ushort)0x2800)) & top, Vector128<ushort>.Zero);
        return (below | surrogate) == Vector128<ushort>.Zero;
    }

    // 1110xxxx 10xxxxxx 10xxxxxx for each of the eight characters: the three parts are computed in 16-bit lanes, then
    // shuffled into 24 consecutive bytes (16 stored as a vector, 8 as a 64-bit value). An index of 0xFF gives a zero.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteThreeByteBlock(Vector128<ushort> block, ref byte destination)
    {
        Vector128<ushort> lead = Vector128.ShiftRightLogical(block, 12) | Vector128.Create((ushort)0xE0);
        Vector128<ushort> middle = (Vector128.ShiftRightLogical(block, 6) & Vector128.Create((ushort)0x3F)) | Vector128.Create((ushort)0x80);
        Vector128<ushort> last = (block & Vector128.Create((ushort)0x3F)) | Vector128.Create((ushort)0x80);

        // leads: lead0..lead7 (twice); tails: middle0, last0, middle1, last1, ... middle7, last7.
        Vector128<byte> leads = Vector128.Narrow(lead, lead);
        Vector128<byte> tails = (middle | Vector128.ShiftLeft(last, 8)).AsByte();

        Vector128<byte> first =
            ByteShuffle.Shuffle(leads, Vector128.Create((byte)0, 0xFF, 0xFF, 1, 0xFF, 0xFF, 2, 0xFF, 0xFF, 3, 0xFF, 0xFF, 4, 0xFF, 0xFF, 5))
            | ByteShuffle.Shuffle(tails, Vector128.Create((byte)0xFF, 0, 1, 0xFF, 2, 3, 0xFF, 4, 5, 0xFF, 6, 7, 0xFF, 8, 9, 0xFF));
        Vector128<byte> second =
            ByteShuffle.Shuffle(leads, Vector128.Create((byte)0xFF, 0xFF, 6, 0xFF, 0xFF, 7, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))
            | ByteShuffle.Shuffle(tails, Vector128.Create((byte)10, 11, 0xFF, 12, 13, 0xFF, 14, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));

        first.StoreUnsafe(ref destination);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 16), second.AsUInt64().ToScalar());
    }

    // One code point from source[read]; advances read by one or two characters and returns the bytes written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint WriteCodePoint(ref ushort source, ref nuint read, nuint length, ref byte destination)
    {
        uint c = Unsafe.Add(ref source, read);
        read++;
        if (c < 0x80)
        {
            destination = (byte)c;
            return 1;
        }

        if (c < 0x800)
        {
            destination = (byte)(0xC0 | (c >> 6));
            Unsafe.Add(ref destination, 1) = (byte)(0x80 | (c & 0x3F));
            return 2;
        }

        if (c - 0xD800 < 0x800)
        {
            uint low;
            if (c < 0xDC00 && read < length && (low = Unsafe.Add(ref source, read)) - 0xDC00 < 0x400)
            {
                read++;
                uint scalar = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                destination = (byte)(0xF0 | (scalar >> 18));
                Unsafe.Add(ref destination, 1) = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                Unsafe.Add(ref destination, 2) = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                Unsafe.Add(ref destination, 3) = (byte)(0x80 | (scalar & 0x3F));
                return 4;
            }

            // A lone surrogate is written as U+FFFD.
            c = 0xFFFD;
        }

        destination = (byte)(0xE0 | (c >> 12));
        Unsafe.Add(ref destination, 1) = (byte)(0x80 | ((c >> 6) & 0x3F));
        Unsafe.Add(ref destination, 2) = (byte)(0x80 | (c & 0x3F));
        return 3;
    }
}
