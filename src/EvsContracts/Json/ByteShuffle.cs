using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace EvsContracts;

/// <summary>The byte shuffle that the UTF-8 block transcoders (both directions) are built on.</summary>
internal static class ByteShuffle
{
    /// <summary>
    /// Whether the block paths should run: they need 128-bit vectors and a byte shuffle that is a single instruction
    /// (pshufb, tbl); without one the framework's own transcoders are faster.
    /// </summary>
    public static bool IsAccelerated => Vector128.IsHardwareAccelerated && (Ssse3.IsSupported || AdvSimd.Arm64.IsSupported);

    /// <summary>Picks <paramref name="source"/>'s bytes by <paramref name="indices"/>; an index of 0xFF gives a zero.</summary>
    /// <param name="source">The bytes to pick from.</param>
    /// <param name="indices">For each result byte, the source byte's index, or 0xFF for zero.</param>
    /// <returns>The picked bytes.</returns>
    // The instructions themselves, rather than Vector128.Shuffle, whose constant indices each JIT may or may not
    // recognize. Both give zero for an index of 0xFF.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Shuffle(Vector128<byte> source, Vector128<byte> indices)
    {
        if (Ssse3.IsSupported)
        {
            return Ssse3.Shuffle(source, indices);
        }

        if (AdvSimd.Arm64.IsSupported)
        {
            return AdvSimd.Arm64.VectorTableLookup(source, indices);
        }

        return Vector128.Shuffle(source, indices);
    }
}
