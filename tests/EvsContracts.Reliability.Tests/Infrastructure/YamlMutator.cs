using System.Text;
using CsCheck;
using EvsContracts.Generator.Tests.Infrastructure;

namespace EvsContracts.Reliability.Tests.Infrastructure;

/// <summary>How a YAML spec is damaged beyond its bytes: the mistakes of a person editing indentation-sensitive text.</summary>
internal enum YamlMutationKind
{
    Bytes,
    Reindent,
    InsertTab,
    InsertIndicator,
    CopyLine,
    RemoveLine,
    JoinLines,
}

internal readonly record struct YamlMutation(YamlMutationKind Kind, MutationKind ByteKind, uint A, uint B)
{
    public override string ToString() => Kind == YamlMutationKind.Bytes ? $"{ByteKind}({A}, {B})" : $"{Kind}({A}, {B})";
}

/// <summary>A YAML spec of the corpus and what is done to it.</summary>
internal sealed record YamlFuzzCase(int Spec, YamlMutation[] Mutations)
{
    public override string ToString() => $"{SpecCorpus.YamlNames[Spec]}: {string.Join(", ", Mutations)}";
}

internal static class YamlMutator
{
    /// <summary>Text that means something to YAML, put where it may or may not belong.</summary>
    private static readonly string[] s_indicators =
    [
        "- ", ": ", "? ", "-", ":", "#", " #", "&a ", "*a", "&a", "*nope", "!!str ", "!!int ", "!!map ", "!custom ", "!<tag:yaml.org,2002:str> ",
        "|", "|-", "|+", ">", ">-", "|2", "|0", "'", "\"", "''", "\"\\", "\\u12", "[", "]", "{", "}", ",", "%YAML 1.2\n", "---\n", "...\n",
        "--- ", "<<: *a\n", "<<: ", "~", "null", ".inf", "0x1F", "0o9", "1e400", "\n", "\r", "\r\n", " ", "  ", "\t", "\u00A0", "\uFEFF", "@", "`",
    ];

    private static readonly Gen<MutationKind> s_byteKinds = Gen.Frequency(
        (4, Gen.Const(MutationKind.Truncate)),
        (5, Gen.Const(MutationKind.FlipBit)),
        (4, Gen.Const(MutationKind.SetByte)),
        (3, Gen.Const(MutationKind.DeleteRange)),
        (2, Gen.Const(MutationKind.InsertInvalidUtf8)),
        (1, Gen.Const(MutationKind.InsertBom)));

    private static readonly Gen<YamlMutationKind> s_kinds = Gen.Frequency(
        (20, Gen.Const(YamlMutationKind.Bytes)),
        (20, Gen.Const(YamlMutationKind.Reindent)),
        (6, Gen.Const(YamlMutationKind.InsertTab)),
        (30, Gen.Const(YamlMutationKind.InsertIndicator)),
        (8, Gen.Const(YamlMutationKind.CopyLine)),
        (8, Gen.Const(YamlMutationKind.RemoveLine)),
        (6, Gen.Const(YamlMutationKind.JoinLines)));

    public static Gen<YamlFuzzCase> Cases(int maxMutations) =>
        Gen.Select(
            Gen.Int[0, SpecCorpus.YamlNames.Length - 1],
            Gen.Select(s_kinds, s_byteKinds, Gen.UInt, Gen.UInt, (k, b, x, y) => new YamlMutation(k, b, x, y)).Array[1, maxMutations],
            (spec, mutations) => new YamlFuzzCase(spec, mutations));

    public static byte[] Apply(YamlFuzzCase fuzzCase)
    {
        byte[] current = SpecCorpus.YamlBytes[fuzzCase.Spec];
        foreach (YamlMutation mutation in fuzzCase.Mutations)
        {
            current = mutation.Kind == YamlMutationKind.Bytes
                ? SpecMutator.Apply(current, [new Mutation(mutation.ByteKind, mutation.A, mutation.B)])
                : Encoding.UTF8.GetBytes(MutateLines(Encoding.UTF8.GetString(current), mutation));
        }

        return current;
    }

    /// <summary>
    /// A JSON spec damaged in its structure (a member of the wrong type, renamed, removed, hostile text), then
    /// written as YAML: YAML that reads well but holds a broken OpenAPI document.
    /// </summary>
    public static string? StructuralAsYaml(FuzzCase fuzzCase)
    {
        byte[] json = SpecMutator.Apply(fuzzCase);
        try
        {
            return YamlWriter.FromJson(Encoding.UTF8.GetString(json));
        }
        catch (ArgumentException)
        {
            // The damage made it unreadable as JSON (or as UTF-8): nothing to write as YAML.
            return null;
        }
    }

    private static string MutateLines(string text, YamlMutation m)
    {
        List<string> lines = [.. text.Split('\n')];
        int line = Pick(m.A, lines.Count);
        switch (m.Kind)
        {
            case YamlMutationKind.Reindent:
                // One to three spaces more or fewer at the start of a line.
                int change = Pick(m.B, 6) - 3;
                change = change >= 0 ? change + 1 : change;
                string current = lines[line];
                int spaces = current.Length - current.TrimStart(' ').Length;
                lines[line] = change > 0 ? new string(' ', change) + current : current[Math.Min(spaces, -change)..];
                break;
            case YamlMutationKind.InsertTab:
                int at = (m.B & 1) == 0 ? 0 : Pick(m.B >> 1, lines[line].Length + 1);
                lines[line] = lines[line].Insert(at, "\t");
                break;
            case YamlMutationKind.InsertIndicator:
                string indicator = s_indicators[Pick(m.B, s_indicators.Length)];
                int position = Pick(m.B / (uint)s_indicators.Length, lines[line].Length + 1);
                lines[line] = lines[line].Insert(position, indicator);
                break;
            case YamlMutationKind.CopyLine:
                lines.Insert(Pick(m.B, lines.Count + 1), lines[line]);
                break;
            case YamlMutationKind.RemoveLine:
                lines.RemoveAt(line);
                break;
            case YamlMutationKind.JoinLines when line + 1 < lines.Count:
                lines[line] += " " + lines[line + 1].TrimStart(' ');
                lines.RemoveAt(line + 1);
                break;
        }

        return string.Join('\n', lines);
    }

    private static int Pick(uint value, int count) => count == 0 ? 0 : (int)(value % (uint)count);
}
