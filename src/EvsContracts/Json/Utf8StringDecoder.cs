using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using System.Text.Unicode;

namespace EvsContracts;

/// <summary>
/// UTF-8 to UTF-16 for JSON string values: 24 bytes of three-byte characters (CJK, most of the BMP) become 8 characters
/// at a time (48 bytes and 16 with AVX2), ASCII runs go through <see cref="Ascii.ToUtf16"/>, and everything else (two-
/// and four-byte characters, mixed stretches, short tails, anything suspicious) goes through <see cref="Utf8.ToUtf16"/>,
/// which also decides what is invalid. A block accepts only what that transcoder accepts: every byte matches the
/// lead/continuation pattern, and every character is at least U+0800 and not a surrogate.
/// </summary>
/// <remarks>
/// The framework's transcoder is vectorized for ASCII only and decodes three-byte sequences one at a time, at about
/// 1.5 ns a character: most of the time spent reading a CJK body.
/// </remarks>
internal static class Utf8StringDecoder
{
    /// <summary>The shortest text a block decodes; shorter text goes through the framework as it is.</summary>
    public const int MinBlockBytes = ThreeByteBlockBytes;

    private const int ThreeByteBlockBytes = 24;
    private const int AsciiRunBytes = 16;
    private const int ThreeByteBlockChars = 8;

    // What the framework decodes after a block did not fit: this much, doubled after each further miss in a row, so
    // text that never fits a block (Cyrillic, emoji) soon goes through the framework in long stretches.
    private const int FirstFallbackBytes = 32;
    private const int MaxFallbackShift = 5;

    /// <summary>Decodes <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="source">The UTF-8 text.</param>
    /// <param name="destination">Room for at least one character per byte of <paramref name="source"/>.</param>
    /// <param name="charsWritten">The characters written.</param>
    /// <returns>
    /// <see langword="false"/> when <paramref name="source"/> is not valid UTF-8 (<paramref name="destination"/> then
    /// holds a partial result).
    /// </returns>
    /// <exception cref="ArgumentException">The destination is shorter than the source.</exception>
    public static bool TryDecode(ReadOnlySpan<byte> source, Span<char> destination, out int charsWritten)
    {
        // UTF-8 never takes fewer bytes than UTF-16 takes units, so this one check keeps every unchecked store below
        // inside the destination.
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        if (!ByteShuffle.IsAccelerated || source.Length < MinBlockBytes)
        {
            return Utf8.ToUtf16(source, destination, out _, out charsWritten, replaceInvalidSequences: false, isFinalBlock: true) == OperationStatus.Done;
        }

        ref byte src = ref MemoryMarshal.GetReference(source);
        ref ushort dst = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
        nuint length = (nuint)source.Length;
        nuint read = 0;
        nuint written = 0;
        bool afterBlock = false;
        int misses = 0;

        while (read < length)
        {
            nuint left = length - read;
            byte first = Unsafe.Add(ref src, read);
            if (first < 0x80 && left >= AsciiRunBytes
                && (Vector128.LoadUnsafe(ref src, read) & Vector128.Create((byte)0x80)) == Vector128<byte>.Zero)
            {
                // An ASCII run, to its end: the framework widens it with the widest vectors there are. A shorter run
                // goes with its neighbours through the fallback below, rather than costing a call of its own.
                Ascii.ToUtf16(source.Slice((int)read), destination.Slice((int)written), out int ascii);
                read += (nuint)ascii;
                written += (nuint)ascii;
                afterBlock = false;
                misses = 0;
                continue;
            }

            if ((first & 0xF0) == 0xE0)
            {
                if (Avx2.IsSupported && left >= 2 * ThreeByteBlockBytes
                    && TryTwoThreeByteBlocks(ref Unsafe.Add(ref src, read), ref Unsafe.Add(ref dst, written)))
                {
                    read += 2 * ThreeByteBlockBytes;
                    written += 2 * ThreeByteBlockChars;
                    afterBlock = true;
                    misses = 0;
                    continue;
                }

                if (left >= ThreeByteBlockBytes)
                {
                    if (TryThreeByteBlock(ref Unsafe.Add(ref src, read), ref Unsafe.Add(ref dst, written)))
                    {
                        read += ThreeByteBlockBytes;
                        written += ThreeByteBlockChars;
                        afterBlock = true;
                        misses = 0;
                        continue;
                    }
                }
                else if (afterBlock && left % 3 == 0)
                {
                    // A tail of whole characters just after a block: that block again, overlapping it, so the tail
                    // costs one block rather than a framework call. The block before was three-byte characters only,
                    // so stepping back by whole characters lands on a character's first byte and rewrites the same
                    // characters.
                    nuint back = ThreeByteBlockBytes - left;
                    if (TryThreeByteBlock(ref Unsafe.Add(ref src, read - back), ref Unsafe.Add(ref dst, written - (back / 3))))
                    {
                        written += left / 3;
                        break;
                    }
                }
            }

            int chunk = (int)Math.Min(left, (nuint)FirstFallbackBytes << misses);
            misses = Math.Min(misses + 1, MaxFallbackShift);
            afterBlock = false;
            if (!Fallback(source, destination, chunk == (int)left, chunk, ref read, ref written))
            {
                charsWritten = (int)written;
                return false;
            }
        }

        charsWritten = (int)written;
        return true;
    }

    // Decodes source[read..read + count] with the framework; a sequence cut by the end of a non-final chunk is left
    // for the next step, which sees it whole.
    private static bool Fallback(ReadOnlySpan<byte> source, Span<char> destination, bool isFinalBlock, int count, ref nuint read, ref nuint written)
    {
        OperationStatus status = Utf8.ToUtf16(
            source.Slice((int)read, count),
            destination.Slice((int)written),
            out int bytesRead,
            out int charsWritten,
            replaceInvalidSequences: false,
            isFinalBlock);
        read += (nuint)bytesRead;
        written += (nuint)charsWritten;

        // A chunk that is not the last is at least 32 bytes, so it holds a whole sequence and NeedMoreData has made
        // progress; anything else the framework did not finish is invalid.
        return status == OperationStatus.Done || (status == OperationStatus.NeedMoreData && bytesRead > 0);
    }

    // 24 bytes of 1110xxxx 10xxxxxx 10xxxxxx, eight times, decoded to eight characters; nothing is stored unless all
    // eight are valid. The bytes come in two overlapping loads (0..15 and 8..23), so nothing is read past the block.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryThreeByteBlock(ref byte source, ref ushort destination)
    {
        Vector128<byte> low = Vector128.LoadUnsafe(ref source);
        Vector128<byte> high = Vector128.LoadUnsafe(ref source, 8);
        if ((((low & LowMask) ^ LowPattern) | ((high & HighMask) ^ HighPattern)) != Vector128<byte>.Zero)
        {
            return false;
        }

        Vector128<ushort> tails = (ByteShuffle.Shuffle(low, LowTails) | ByteShuffle.Shuffle(high, HighTails)).AsUInt16();
        Vector128<ushort> leads = (ByteShuffle.Shuffle(low, LowLeads) | ByteShuffle.Shuffle(high, HighLeads)).AsUInt16();

        // xxxx from the lead (the shift drops its 1110), yyyyyy from the middle byte, zzzzzz from the last.
        Vector128<ushort> chars = Vector128.ShiftLeft(leads, 12)
            | (Vector128.ShiftRightLogical(tails, 2) & Vector128.Create((ushort)0x0FC0))
            | (tails & Vector128.Create((ushort)0x003F));

        // Three bytes must not spell a character below U+0800 (overlong) or a surrogate: c & 0xF800 is zero below
        // U+0800, and (c + 0x2800) & 0xF800 is zero for exactly U+D800..U+DFFF.
        Vector128<ushort> top = Vector128.Create((ushort)0xF800);
        Vector128<ushort> overlong = Vector128.Equals(chars & top, Vector128<ushort>.Zero);
        Vector128<ushort> surrogate = Vector128.Equals((chars + Vector128.Create((ushort)0x2800)) & top, Vector128<ushort>.Zero);
        if ((overlong | surrogate) != Vector128<ushort>.Zero)
        {
            return false;
        }

        chars.StoreUnsafe(ref destination);
        return true;
    }

    // Two blocks at once, one in each 128-bit lane (vpshufb shuffles within a lane): the same steps as above, for
    // 48 bytes and 16 characters. Nothing is stored unless both blocks are valid.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryTwoThreeByteBlocks(ref byte source, ref ushort destination)
    {
        Vector256<byte> low = Vector256.Create(Vector128.LoadUnsafe(ref source), Vector128.LoadUnsafe(ref source, ThreeByteBlockBytes));
        Vector256<byte> high = Vector256.Create(Vector128.LoadUnsafe(ref source, 8), Vector128.LoadUnsafe(ref source, ThreeByteBlockBytes + 8));
        if ((((low & Vector256.Create(LowMask, LowMask)) ^ Vector256.Create(LowPattern, LowPattern))
            | ((high & Vector256.Create(HighMask, HighMask)) ^ Vector256.Create(HighPattern, HighPattern))) != Vector256<byte>.Zero)
        {
            return false;
        }

        Vector256<ushort> tails = (Avx2.Shuffle(low, Vector256.Create(LowTails, LowTails)) | Avx2.Shuffle(high, Vector256.Create(HighTails, HighTails))).AsUInt16();
        Vector256<ushort> leads = (Avx2.Shuffle(low, Vector256.Create(LowLeads, LowLeads)) | Avx2.Shuffle(high, Vector256.Create(HighLeads, HighLeads))).AsUInt16();
        Vector256<ushort> chars = Vector256.ShiftLeft(leads, 12)
            | (Vector256.ShiftRightLogical(tails, 2) & Vector256.Create((ushort)0x0FC0))
            | (tails & Vector256.Create((ushort)0x003F));

        Vector256<ushort> top = Vector256.Create((ushort)0xF800);
        Vector256<ushort> overlong = Vector256.Equals(chars & top, Vector256<ushort>.Zero);
        Vector256<ushort> surrogate = Vector256.Equals((chars + Vector256.Create((ushort)0x2800)) & top, Vector256<ushort>.Zero);
        if ((overlong | surrogate) != Vector256<ushort>.Zero)
        {
            return false;
        }

        chars.StoreUnsafe(ref destination);
        return true;
    }

    // Byte i of a block is a lead when i % 3 == 0: its top four bits must be 1110; the others' top two must be 10.
    // Low is the load of block bytes 0..15, high the load of bytes 8..23.
    private static Vector128<byte> LowMask
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.Create((byte)0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0);
    }

    private static Vector128<byte> LowPattern
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.Create((byte)0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0);
    }

    private static Vector128<byte> HighMask
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.Create((byte)0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0);
    }

    private static Vector128<byte> HighPattern
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.Create((byte)0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80);
    }

    // Each character in a 16-bit lane, twice: last | middle << 8 (tails), and the lead in the low byte (leads).
    // Characters 0..3 come from the low load, 4..7 (block bytes 12..23) from the high one; 0xFF gives a zero byte.
    private static Vector128<byte> LowTails
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.Create((byte)2, 1, 5, 4, 8, 7, 11, 10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
    }

    private static Vector128<byte> HighTails
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 6, 5, 9, 8, 12, 11, 15, 14);
    }

    private static Vector128<byte> LowLeads
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.Create((byte)0, 0xFF, 3, 0xFF, 6, 0xFF, 9, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
    }

    private static Vector128<byte> HighLeads
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 4, 0xFF, 7, 0xFF, 10, 0xFF, 13, 0xFF);
    }
}
