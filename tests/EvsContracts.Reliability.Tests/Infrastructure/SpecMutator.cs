using System.Text;
using System.Text.Json;
using CsCheck;

namespace EvsContracts.Reliability.Tests.Infrastructure;

/// <summary>How a spec is damaged: on its bytes (as a disk or an editor would) or on its JSON structure (as a person would).</summary>
internal enum MutationKind
{
    Truncate,
    FlipBit,
    SetByte,
    DeleteRange,
    InsertInvalidUtf8,
    InsertBom,
    WrongType,
    DuplicateMember,
    RemoveMember,
    CopySubtree,
    OddNumber,
    HostileText,
    RenameMember,
    DeepNest,
    HugeString,
}

/// <summary>One mutation; <see cref="A"/> and <see cref="B"/> pick where and how, so a case shrinks toward the spec's start.</summary>
internal readonly record struct Mutation(MutationKind Kind, uint A, uint B)
{
    public override string ToString() => $"{Kind}({A}, {B})";
}

/// <summary>A base spec and what is done to it.</summary>
internal sealed record FuzzCase(int Spec, Mutation[] Mutations)
{
    public override string ToString() => $"{SpecCorpus.Names[Spec]}: {string.Join(", ", Mutations)}";
}

internal static class SpecMutator
{
    /// <summary>10 MiB, the size of the huge strings put into specs.</summary>
    public const int HugeBytes = 10 * 1024 * 1024;

    /// <summary>Text that tries to break out of a C# string, comment, doc comment or identifier, or to look like another name.</summary>
    public static readonly string[] HostileFragments =
    [
        "*/", "/*", "//", "</summary>", "<summary>", "<c>", "&", "<", ">", "]]>", "<!--",
        "\r\n#error injected\r\n", "\n#line 1 \"evil.cs\"\n", "\r#error injected", "\u2028#error injected", "\u0085#error injected", "\u2029#pragma warning restore",
        "\"", "\\", "\\u0022", "\"u8", "'", "{", "}", "{0}", "$\"{x}\"", "@\"", "\"\"\"",
        "class", "namespace", "System", "global::System", "string", "var", "value", "Value", "Validate", "ToString", "GetType", "__value0", "s_namePattern",
        "\u202E", "\u2066", "\u200B", "\u200D", "\uFEFF", "\u0000", "\u0007", "\u001F", "\u007F", "\uD800", "\uDFFF", "\U0001F600", "\U0001D400",
        "\u00E9", "e\u0301", "\u212B", "\u00C5", "\u0130", "\u0131", "快照", "Ⅻ",
        string.Empty, " ", "\t", "-", "_", "1", "#", "?", "/", "..", "%2F", "~1", "autobk_snapshot_",
    ];

    private static readonly byte[][] s_invalidUtf8 =
    [
        [0xFF], [0xFE], [0x80], [0xC3], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
    ];

    private static readonly byte[][] s_boms =
    [
        [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF], [0xEF, 0xBB],
    ];

    private static readonly string[] s_wrongValues =
    [
        "0", "-1", "1.5", "1e400", "\"\"", "\"text\"", "true", "false", "null", "[]", "{}", "[\"a\", 1]", "{\"type\": \"string\"}", "{\"$ref\": \"#/components/schemas\"}",
    ];

    private static readonly string[] s_oddNumbers =
    [
        "-0", "0.0", "1E2", "1e-7", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e400", "-1e400",
        "99999999999999999999999999999999999", "0.1e1", "255.000000000000000000001", "-1", "1.5", "3",
    ];

    /// <summary>
    /// Every kind of damage. A 10 MiB string takes a second per case, so it comes about once in two thousand
    /// mutations; the huge-string tests cover it on purpose.
    /// </summary>
    public static Gen<MutationKind> Kinds { get; } = Gen.Frequency(
        (160, Gen.Const(MutationKind.Truncate)),
        (200, Gen.Const(MutationKind.FlipBit)),
        (120, Gen.Const(MutationKind.SetByte)),
        (100, Gen.Const(MutationKind.DeleteRange)),
        (120, Gen.Const(MutationKind.InsertInvalidUtf8)),
        (80, Gen.Const(MutationKind.InsertBom)),
        (240, Gen.Const(MutationKind.WrongType)),
        (120, Gen.Const(MutationKind.DuplicateMember)),
        (160, Gen.Const(MutationKind.RemoveMember)),
        (100, Gen.Const(MutationKind.CopySubtree)),
        (120, Gen.Const(MutationKind.OddNumber)),
        (300, Gen.Const(MutationKind.HostileText)),
        (200, Gen.Const(MutationKind.RenameMember)),
        (40, Gen.Const(MutationKind.DeepNest)),
        (1, Gen.Const(MutationKind.HugeString)));

    /// <summary>Structural and text mutations only: most such specs stay valid, so the generated code gets compiled.</summary>
    public static Gen<MutationKind> StructuralKinds { get; } = Gen.Frequency(
        (10, Gen.Const(MutationKind.WrongType)),
        (6, Gen.Const(MutationKind.DuplicateMember)),
        (10, Gen.Const(MutationKind.RemoveMember)),
        (6, Gen.Const(MutationKind.CopySubtree)),
        (10, Gen.Const(MutationKind.OddNumber)),
        (40, Gen.Const(MutationKind.HostileText)),
        (30, Gen.Const(MutationKind.RenameMember)),
        (4, Gen.Const(MutationKind.InsertInvalidUtf8)));

    public static Gen<FuzzCase> Cases(Gen<MutationKind> kinds, int maxMutations) =>
        Gen.Select(
            Gen.Int[0, SpecCorpus.Names.Length - 1],
            Mutations(kinds, maxMutations),
            (spec, mutations) => new FuzzCase(spec, mutations));

    /// <summary>One to <paramref name="maxMutations"/> mutations of the given kinds, for any spec.</summary>
    public static Gen<Mutation[]> Mutations(Gen<MutationKind> kinds, int maxMutations) =>
        Gen.Select(kinds, Gen.UInt, Gen.UInt, (k, a, b) => new Mutation(k, a, b)).Array[1, maxMutations];

    public static byte[] Apply(FuzzCase fuzzCase) => Apply(SpecCorpus.Bytes[fuzzCase.Spec], fuzzCase.Mutations);

    public static byte[] Apply(byte[] spec, IEnumerable<Mutation> mutations)
    {
        byte[] current = spec;
        foreach (Mutation mutation in mutations)
        {
            current = mutation.Kind switch
            {
                MutationKind.Truncate => current[..Pick(mutation.A, current.Length + 1)],
                MutationKind.FlipBit => FlipBit(current, mutation),
                MutationKind.SetByte => SetByte(current, mutation),
                MutationKind.DeleteRange => DeleteRange(current, mutation),
                MutationKind.InsertInvalidUtf8 => Insert(current, Pick(mutation.A, current.Length + 1), s_invalidUtf8[Pick(mutation.B, s_invalidUtf8.Length)]),
                MutationKind.InsertBom => InsertBom(current, mutation),
                _ => MutateTree(current, mutation),
            };
        }

        return current;
    }

    /// <summary>Writes every string and member name with randomly chosen escapes: a different text, the same document.</summary>
    public static byte[] ReEscape(byte[] spec, int seed)
    {
        JsonTree tree = JsonTree.Parse(spec);
        int next = seed;
        foreach (JsonTreeSlot slot in tree.Slots())
        {
            if (slot.Node is JsonTreeString text)
            {
                slot.Replace(new JsonTreeString(text.Value, next++));
            }
        }

        return Encoding.UTF8.GetBytes(tree.ToJson());
    }

    /// <summary>A string that exercises every JSON escape and several characters C# treats specially.</summary>
    public static string Hostile(uint seed)
    {
        var random = new Random((int)seed);
        var builder = new StringBuilder();
        int count = random.Next(1, 5);
        for (int i = 0; i < count; i++)
        {
            builder.Append(HostileFragments[random.Next(HostileFragments.Length)]);
            if (random.Next(3) == 0)
            {
                builder.Append("name");
            }
        }

        return builder.ToString();
    }

    private static int Pick(uint value, int count) => count == 0 ? 0 : (int)(value % (uint)count);

    private static byte[] FlipBit(byte[] bytes, Mutation m)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        byte[] copy = (byte[])bytes.Clone();
        copy[Pick(m.A, copy.Length)] ^= (byte)(1 << Pick(m.B, 8));
        return copy;
    }

    private static byte[] SetByte(byte[] bytes, Mutation m)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        byte[] copy = (byte[])bytes.Clone();

        // Half the time a JSON structural character, so the damage is syntactic rather than a typo in a word.
        ReadOnlySpan<byte> structural = "{}[]:,\"\\ 0-."u8;
        copy[Pick(m.A, copy.Length)] = (m.B & 1) == 0 ? (byte)(m.B >> 1) : structural[Pick(m.B >> 1, structural.Length)];
        return copy;
    }

    private static byte[] DeleteRange(byte[] bytes, Mutation m)
    {
        int start = Pick(m.A, bytes.Length + 1);
        int length = Math.Min(Pick(m.B, 65), bytes.Length - start);
        return [.. bytes.AsSpan(0, start), .. bytes.AsSpan(start + length)];
    }

    private static byte[] Insert(byte[] bytes, int position, ReadOnlySpan<byte> inserted) =>
        [.. bytes.AsSpan(0, position), .. inserted, .. bytes.AsSpan(position)];

    private static byte[] InsertBom(byte[] bytes, Mutation m)
    {
        byte[] bom = s_boms[Pick(m.A, s_boms.Length)];

        // Mostly at the start, where a BOM belongs; sometimes in the middle, where it does not.
        int position = (m.B & 3) == 0 ? Pick(m.B >> 2, bytes.Length + 1) : 0;
        return Insert(bytes, position, bom);
    }

    private static byte[] MutateTree(byte[] bytes, Mutation m)
    {
        JsonTree tree;
        try
        {
            tree = JsonTree.Parse(bytes);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Earlier damage made it unreadable (or its strings undecodable): a structural change no longer applies.
            return bytes;
        }

        List<JsonTreeSlot> slots = tree.Slots();
        JsonTreeSlot slot = slots[Pick(m.A, slots.Count)];
        switch (m.Kind)
        {
            case MutationKind.WrongType when !slot.IsName && slot.Parent is not null:
                slot.Replace(new JsonTreeRaw(s_wrongValues[Pick(m.B, s_wrongValues.Length)]));
                break;
            case MutationKind.OddNumber:
                JsonTreeSlot number = Nearest(slots, Pick(m.A, slots.Count), s => s.Node is JsonTreeRaw raw && raw.Text.Length > 0 && (char.IsAsciiDigit(raw.Text[0]) || raw.Text[0] == '-')) ?? slot;
                if (number.Parent is not null && !number.IsName)
                {
                    number.Replace(new JsonTreeRaw(s_oddNumbers[Pick(m.B, s_oddNumbers.Length)]));
                }

                break;
            case MutationKind.DuplicateMember when slot.Parent is JsonTreeObject obj:
                JsonTreeMember member = obj.Members[slot.Index];
                JsonTreeMember other = obj.Members[Pick(m.B, obj.Members.Count)];
                obj.Members.Insert(slot.Index + 1, (m.B & 1) == 0 ? member : member with { Value = other.Value });
                break;
            case MutationKind.RemoveMember when slot.Parent is JsonTreeObject obj:
                obj.Members.RemoveAt(slot.Index);
                break;
            case MutationKind.RemoveMember when slot.Parent is JsonTreeArray array:
                array.Items.RemoveAt(slot.Index);
                break;
            case MutationKind.CopySubtree when !slot.IsName && slot.Parent is not null:
                // A copy as text: a node put inside itself would make the tree endless.
                slot.Replace(new JsonTreeRaw(slots[Pick(m.B, slots.Count)].Node.ToJson()));
                break;
            case MutationKind.HostileText:
                JsonTreeSlot text = Nearest(slots, Pick(m.A, slots.Count), s => s.Node is JsonTreeString) ?? slot;
                text.Replace(new JsonTreeString(Hostile(m.B), (m.B & 4) == 0 ? null : (int)m.B));
                break;
            case MutationKind.RenameMember:
                JsonTreeSlot name = Nearest(slots, Pick(m.A, slots.Count), s => s.IsName) ?? slot;
                name.Replace(new JsonTreeString(Hostile(m.B), (m.B & 4) == 0 ? null : (int)m.B));
                break;
            case MutationKind.DeepNest when !slot.IsName && slot.Parent is not null:
                slot.Replace(new JsonTreeRaw(Nest(m.B)));
                break;
            case MutationKind.HugeString:
                JsonTreeSlot huge = Nearest(slots, Pick(m.A, slots.Count), s => s.Node is JsonTreeString) ?? slot;
                huge.Replace(new JsonTreeString(Huge(m.B)));
                break;
            default:
                return bytes;
        }

        return Encoding.UTF8.GetBytes(tree.ToJson());
    }

    private static JsonTreeSlot? Nearest(List<JsonTreeSlot> slots, int from, Func<JsonTreeSlot, bool> predicate)
    {
        for (int i = 0; i < slots.Count; i++)
        {
            JsonTreeSlot candidate = slots[(from + i) % slots.Count];
            if (predicate(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Arrays, objects or both, nested 64, 255–257 (around the reader's limit) or 10,000 levels deep.</summary>
    public static string Nest(uint variant)
    {
        int[] depths = [64, 255, 256, 257, 10_000];
        int depth = depths[Pick(variant, depths.Length)];
        var builder = new StringBuilder(depth * 8);
        uint shape = variant / (uint)depths.Length % 3;
        for (int i = 0; i < depth; i++)
        {
            builder.Append(shape == 0 || (shape == 2 && i % 2 == 0) ? "[" : "{\"type\": ");
        }

        builder.Append("\"x\"");
        for (int i = depth - 1; i >= 0; i--)
        {
            builder.Append(shape == 0 || (shape == 2 && i % 2 == 0) ? "]" : "}");
        }

        return builder.ToString();
    }

    /// <summary>About <see cref="HugeBytes"/> of UTF-8: ASCII, CJK, line breaks, or hostile fragments.</summary>
    public static string Huge(uint variant)
    {
        string unit = Pick(variant, 4) switch
        {
            0 => "a",
            1 => "快照",
            2 => "line\n",
            _ => "*/</summary>\"\\{\u2028#error x\n",
        };
        int unitBytes = Encoding.UTF8.GetByteCount(unit);
        return new StringBuilder(HugeBytes).Insert(0, unit, HugeBytes / unitBytes).ToString();
    }
}
