using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Emitter;

/// <summary>
/// The text of a generated file, kept in the blocks <see cref="SourceWriter"/> wrote it into: a byte per character
/// where a block's characters all fit one (generated C# is nearly all ASCII), a <see cref="char"/> where they do not.
/// </summary>
/// <remarks>
/// A large spec writes megabytes of C#, and the text lives until the compiler is done with it. Handed a string, the
/// compiler would hold the text twice over (two bytes a character, and a copy on the large object heap made in the
/// middle of a build); it reads a <see cref="SourceText"/> only through its length, its indexer and
/// <see cref="CopyTo"/>, so the blocks serve as they are.
/// </remarks>
internal sealed class GeneratedText : SourceText
{
    /// <summary>Characters per block: a power of two, so a position splits into block and offset with a shift.</summary>
    internal const int BlockShift = 13;
    internal const int BlockSize = 1 << BlockShift;

    /// <summary>Each block a <c>byte[]</c> (characters below U+0100) or a <c>char[]</c>, all full but the last.</summary>
    private readonly object[] _blocks;

    internal GeneratedText(object[] blocks, int length)
    {
        _blocks = blocks;
        Length = length;
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override int Length { get; }

    public override char this[int position]
    {
        get
        {
            if ((uint)position >= (uint)Length)
            {
                throw new ArgumentOutOfRangeException(nameof(position));
            }

            object block = _blocks[position >> BlockShift];
            int offset = position & (BlockSize - 1);
            return block is byte[] narrow ? (char)narrow[offset] : ((char[])block)[offset];
        }
    }

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        if (sourceIndex < 0 || count < 0 || sourceIndex > Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceIndex));
        }

        while (count > 0)
        {
            object block = _blocks[sourceIndex >> BlockShift];
            int offset = sourceIndex & (BlockSize - 1);
            int n = Math.Min(count, BlockSize - offset);
            if (block is byte[] narrow)
            {
                for (int i = 0; i < n; i++)
                {
                    destination[destinationIndex + i] = (char)narrow[offset + i];
                }
            }
            else
            {
                Array.Copy((char[])block, offset, destination, destinationIndex, n);
            }

            sourceIndex += n;
            destinationIndex += n;
            count -= n;
        }
    }

    /// <summary>A block kept from the first <paramref name="count"/> characters of <paramref name="chars"/>, which the caller reuses.</summary>
    internal static object Keep(char[] chars, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (chars[i] > '\u00FF')
            {
                var wide = new char[count];
                Array.Copy(chars, wide, count);
                return wide;
            }
        }

        var narrow = new byte[count];
        for (int i = 0; i < count; i++)
        {
            narrow[i] = (byte)chars[i];
        }

        return narrow;
    }
}
