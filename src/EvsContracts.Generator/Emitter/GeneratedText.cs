using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Emitter;

/// <summary>
/// The text of a generated file, kept in the blocks <see cref="SourceWriter"/> wrote it into.
/// </summary>
/// <remarks>
/// A large spec writes megabytes of C#. Handing the compiler a string would copy the text once more, into a string
/// that lands on the large object heap, in the middle of a build; the compiler reads a <see cref="SourceText"/> only
/// through its length, its indexer and <see cref="CopyTo"/>, so the blocks serve as they are.
/// </remarks>
internal sealed class GeneratedText : SourceText
{
    /// <summary>Characters per block: a power of two, so a position splits into block and offset with a shift.</summary>
    internal const int BlockShift = 13;
    internal const int BlockSize = 1 << BlockShift;

    private readonly char[][] _blocks;

    /// <param name="blocks">Full blocks of <see cref="BlockSize"/> characters, the last one filled up to <paramref name="length"/>.</param>
    /// <param name="length">The text's length.</param>
    internal GeneratedText(char[][] blocks, int length)
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

            return _blocks[position >> BlockShift][position & (BlockSize - 1)];
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
            int offset = sourceIndex & (BlockSize - 1);
            int n = Math.Min(count, BlockSize - offset);
            Array.Copy(_blocks[sourceIndex >> BlockShift], offset, destination, destinationIndex, n);
            sourceIndex += n;
            destinationIndex += n;
            count -= n;
        }
    }
}
