using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EvsContracts.Runtime.Tests.Json;

/// <summary>
/// <see cref="EvsJson.GetString"/> decodes CJK text in blocks of vectors, widens ASCII runs, and leaves everything else
/// to the framework; whatever the bytes, it must end exactly as <see cref="Utf8JsonReader.GetString"/> ends: the same
/// string, or the same exception.
/// </summary>
public sealed class EvsJsonDecodingTests
{
    [Theory]
    [InlineData("ascii")]
    [InlineData("cjk")]
    [InlineData("mixed")]
    [InlineData("two-byte")]
    [InlineData("four-byte")]
    [InlineData("any")]
    public void Every_length_up_to_100_at_every_alignment_decodes_as_the_reader_does(string kind)
    {
        int cases = 0;
        foreach (byte[] value in DecodingCorpus.Lengths(kind))
        {
            for (int padding = 0; padding < 16; padding++)
            {
                AssertSame(value, padding);
                cases++;
            }
        }

        Assert.Equal(101 * 16, cases);
    }

    [Fact]
    public void Every_width_at_every_position_of_a_CJK_or_ASCII_run_decodes_as_the_reader_does()
    {
        foreach (byte[] value in DecodingCorpus.Positions())
        {
            AssertSame(value, padding: 0);
        }
    }

    [Fact]
    public void Runs_of_blocks_followed_by_tails_of_another_kind_decode_as_the_reader_does()
    {
        foreach (byte[] value in DecodingCorpus.BlocksAndTails())
        {
            AssertSame(value, padding: 3);
        }
    }

    [Theory]
    [InlineData("E08080", "overlong: U+0000 in three bytes")]
    [InlineData("E09FBF", "overlong: U+07FF in three bytes")]
    [InlineData("EDA080", "an encoded high surrogate")]
    [InlineData("EDBFBF", "an encoded low surrogate")]
    [InlineData("E4B8", "a sequence cut short")]
    [InlineData("E4", "a lead alone")]
    [InlineData("80", "a stray continuation byte")]
    [InlineData("BF", "a stray continuation byte")]
    [InlineData("FF", "a byte UTF-8 never uses")]
    [InlineData("C080", "overlong two-byte")]
    [InlineData("F0808080", "overlong four-byte")]
    [InlineData("F4908080", "above U+10FFFF")]
    [InlineData("E4B8E4B8AD", "a lead where a continuation belongs")]
    public void Invalid_UTF8_anywhere_in_a_value_fails_as_the_reader_fails(string hex, string what)
    {
        byte[] invalid = Convert.FromHexString(hex);
        int cases = 0;
        foreach (byte[] value in DecodingCorpus.WithInvalid(invalid))
        {
            AssertSame(value, padding: 0);
            Assert.Throws<InvalidOperationException>(() => Read(value, ours: true));
            cases++;
        }

        Assert.True(cases > 700, $"{what}: only {cases} cases.");
    }

    [Fact]
    public void Invalid_UTF8_throws_the_readers_own_exception()
    {
        // E0 80 80 inside a run of CJK passes the byte pattern of a block and must be refused by the code point check.
        byte[] value = [.. Encoding.UTF8.GetBytes(new string('中', 9)), 0xE0, 0x80, 0x80, .. Encoding.UTF8.GetBytes(new string('中', 9))];
        InvalidOperationException framework = Assert.Throws<InvalidOperationException>(() => Read(value, ours: false));
        InvalidOperationException ours = Assert.Throws<InvalidOperationException>(() => Read(value, ours: true));
        Assert.Equal(framework.Message, ours.Message);
        Assert.Equal(framework.InnerException?.GetType(), ours.InnerException?.GetType());
    }

    [Fact]
    public void Random_byte_strings_decode_or_fail_as_the_reader_does()
    {
        int cases = 0;
        foreach (byte[] value in DecodingCorpus.Random(seed: 20240917, count: 4000))
        {
            AssertSame(value, padding: cases % 16);
            cases++;
        }

        Assert.Equal(4000, cases);
    }

    [Fact]
    public void Long_values_beyond_the_stack_buffer_decode_as_the_reader_does()
    {
        foreach (byte[] value in DecodingCorpus.Long())
        {
            AssertSame(value, padding: 1);
        }

        string cjk = string.Concat(Enumerable.Repeat("云硬盘快照创建于备份之前", 200));
        Assert.Equal(cjk, Read(Encoding.UTF8.GetBytes(cjk), ours: true));
    }

    [Theory]
    [InlineData("\\u4e2d\\u6587", "中文")]
    [InlineData("云硬盘快照创建于备份之前\\n云硬盘快照创建于备份之前", "云硬盘快照创建于备份之前\n云硬盘快照创建于备份之前")]
    [InlineData("\\ud83d\\ude00 云硬盘快照创建于备份之前请勿删除 \\\"quoted\\\"", "\U0001F600 云硬盘快照创建于备份之前请勿删除 \"quoted\"")]
    [InlineData("\\u0061bcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz")]
    public void Escaped_values_are_unescaped_as_the_reader_does(string escaped, string expected)
    {
        byte[] json = Encoding.UTF8.GetBytes($"[\"{escaped}\", {{\"{escaped}\": 0}}]");
        var reader = new Utf8JsonReader(json);
        foreach (JsonTokenType token in new[] { JsonTokenType.String, JsonTokenType.PropertyName })
        {
            while (reader.TokenType != token)
            {
                reader.Read();
            }

            Assert.True(reader.ValueIsEscaped);
            Assert.Equal(expected, reader.GetString());
            Assert.Equal(expected, EvsJson.GetString(ref reader));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(25)]
    public void Values_split_across_segments_decode_as_the_reader_does(int segmentLength)
    {
        string text = "云硬盘快照 snapshot-01 创建于备份之前 é \U0001F600 请勿删除" + new string('中', 40);
        byte[] valid = Encoding.UTF8.GetBytes(text);
        byte[] invalid = [.. valid.AsSpan(0, 30), 0xED, 0xA0, 0x80, .. valid.AsSpan(30)];
        foreach (byte[] value in new[] { valid, invalid })
        {
            byte[] json = [.. "[\""u8, .. value, .. "\",{\""u8, .. value, .. "\":1}]"u8];
            ReadOnlySequence<byte> sequence = Segments.Split(json, segmentLength);
            var reader = new Utf8JsonReader(sequence);
            foreach (JsonTokenType token in new[] { JsonTokenType.String, JsonTokenType.PropertyName })
            {
                while (reader.TokenType != token)
                {
                    reader.Read();
                }

                Assert.True(reader.HasValueSequence);
                Assert.Equal(DecodingCorpus.Outcome(ref reader, ours: false), DecodingCorpus.Outcome(ref reader, ours: true));
            }
        }

        var check = new Utf8JsonReader(Segments.Split([.. "\""u8, .. valid, .. "\""u8], segmentLength));
        check.Read();
        Assert.Equal(text, EvsJson.GetString(ref check));
    }

    [Fact]
    public void Tokens_other_than_strings_and_names_are_refused()
    {
        var reader = new Utf8JsonReader("[404, null]"u8);
        reader.Read();
        reader.Read();
        Assert.StartsWith("System.InvalidOperationException", DecodingCorpus.Outcome(ref reader, ours: true), StringComparison.Ordinal);
        Assert.Equal(DecodingCorpus.Outcome(ref reader, ours: false), DecodingCorpus.Outcome(ref reader, ours: true));
        reader.Read();

        // The reader returns null for a null token; a method that returns a string cannot.
        Assert.Equal("string ", DecodingCorpus.Outcome(ref reader, ours: false));
        Assert.Equal("System.InvalidOperationException (): Cannot read a string from null.", DecodingCorpus.Outcome(ref reader, ours: true));
    }

    [Fact]
    public void ReadString_and_ReadStringOrNumber_decode_CJK_values()
    {
        string text = string.Concat(Enumerable.Repeat("云硬盘快照创建于备份之前", 8));
        byte[] json = Encoding.UTF8.GetBytes($"\"{text}\"");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        Assert.Equal(text, EvsJson.ReadString(ref reader, "snapshot.name"));
        Assert.Equal(text, EvsJson.ReadStringOrNumber(ref reader, "error.code"));
    }

    /// <summary>
    /// The same cases in a child process with some instruction sets turned off: the framework-only path, and the block
    /// path as each older instruction set encodes it. The child reports which sets it had, so a knob the runtime
    /// ignored shows up as a failure rather than as a pass that proves nothing.
    /// </summary>
    [Theory]
    [InlineData("EnableHWIntrinsic", "vector128")]
    [InlineData("EnableSSE42", "ssse3")]
    [InlineData("EnableAVX", "avx")]
    [InlineData("EnableAVX512", "avx512")]
    public async Task The_cases_pass_with_an_instruction_set_turned_off(string knob, string turnedOff)
    {
        string assembly = typeof(EvsJsonDecodingTests).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "exec",
            "--runtimeconfig", Path.ChangeExtension(assembly, ".runtimeconfig.json"),
            "--depsfile", Path.ChangeExtension(assembly, ".deps.json"),
            assembly,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_STARTUP_HOOKS"] = assembly;
        start.Environment[DecodingCorpus.ChildVariable] = "1";
        start.Environment["DOTNET_" + knob] = "0";

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        Task<string> reading = process.StandardOutput.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw;
            }
        }

        string output = await reading;
        string report = $"exit {process.ExitCode}\n{output}\n{await error}";
        Assert.True(process.ExitCode == 0, report);
        Assert.Contains($"{turnedOff}=False", output, StringComparison.Ordinal);
        Assert.Contains($"cases={DecodingCorpus.Run().Cases} failures=0", output, StringComparison.Ordinal);
    }

    private static void AssertSame(byte[] value, int padding)
    {
        string? difference = DecodingCorpus.Compare(value, padding);
        Assert.True(difference is null, difference);
    }

    private static string Read(byte[] value, bool ours)
    {
        var reader = new Utf8JsonReader([.. "\""u8, .. value, .. "\""u8]);
        reader.Read();
        return ours ? EvsJson.GetString(ref reader) : reader.GetString()!;
    }
}

/// <summary>
/// The inputs the tests compare, and the comparison itself, shared by the tests and the child processes that run them
/// with instruction sets turned off.
/// </summary>
internal static class DecodingCorpus
{
    /// <summary>Set in a child process's environment: the startup hook runs the cases there and exits.</summary>
    public const string ChildVariable = "EVS_DECODING_CHILD";

    // One of each width, each edge of a width, and characters next to the ranges a block must refuse.
    private static readonly string[] Alphabet =
    [
        "a", " ", "~", "\u007F", "\u0080", "é", "Ж", "\u07FF", "\u0800", "中", "云", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF",
        "\U00010000", "\U0001F600", "\U0010FFFF",
    ];

    private static readonly Dictionary<string, string[]> Kinds = new(StringComparer.Ordinal)
    {
        ["ascii"] = ["a", "Z", "0", "-", " ", "~", "\u007F"],
        ["cjk"] = ["中", "文", "云", "硬", "盘", "\u0800", "\uD7FF", "\uE000", "\uFFFF"],
        ["mixed"] = ["中", "文", "云", "a", " ", "-"],
        ["two-byte"] = ["é", "Ж", "\u0080", "\u07FF"],
        ["four-byte"] = ["\U0001F600", "\U00010000", "\U0010FFFF"],
        ["any"] = Alphabet,
    };

    /// <summary>Values of each length 0..100 characters of one kind.</summary>
    public static IEnumerable<byte[]> Lengths(string kind)
    {
        string[] characters = Kinds[kind];
        var random = new Random(kind.Length * 7919);
        for (int length = 0; length <= 100; length++)
        {
            var value = new StringBuilder();
            for (int i = 0; i < length; i++)
            {
                value.Append(characters[random.Next(characters.Length)]);
            }

            yield return Encoding.UTF8.GetBytes(value.ToString());
        }
    }

    /// <summary>Each character of the alphabet at each position of runs of CJK, ASCII and two-byte text.</summary>
    public static IEnumerable<byte[]> Positions()
    {
        foreach (string background in new[] { "中", "a", "é" })
        {
            foreach (int length in new[] { 8, 9, 11, 16, 17, 24, 25, 33 })
            {
                for (int position = 0; position < length; position++)
                {
                    foreach (string c in Alphabet)
                    {
                        var value = new StringBuilder();
                        for (int i = 0; i < length; i++)
                        {
                            value.Append(i == position ? c : background);
                        }

                        yield return Encoding.UTF8.GetBytes(value.ToString());
                    }
                }
            }
        }
    }

    /// <summary>A run of one kind (0..40 characters) and a run of another (0..20): blocks, then a tail that differs.</summary>
    public static IEnumerable<byte[]> BlocksAndTails()
    {
        string[] kinds = ["中", "a", "é", "\U0001F600"];
        foreach (string head in kinds)
        {
            foreach (string tail in kinds)
            {
                for (int heads = 0; heads <= 40; heads += heads < 10 ? 1 : 3)
                {
                    for (int tails = 0; tails <= 20; tails++)
                    {
                        yield return Encoding.UTF8.GetBytes(Repeat(head, heads) + Repeat(tail, tails));
                    }
                }
            }
        }
    }

    /// <summary><paramref name="invalid"/> at each character boundary of CJK and ASCII runs of several lengths.</summary>
    public static IEnumerable<byte[]> WithInvalid(byte[] invalid)
    {
        foreach (string background in new[] { "中", "a", "中a" })
        {
            foreach (int length in new[] { 5, 8, 16, 23, 24, 40, 57 })
            {
                byte[] run = Encoding.UTF8.GetBytes(Repeat(background, length));
                for (int at = 0; at <= run.Length; at++)
                {
                    // Only at character boundaries: a cut inside a character would test the run, not the insert.
                    if (at < run.Length && (run[at] & 0xC0) == 0x80)
                    {
                        continue;
                    }

                    yield return [.. run.AsSpan(0, at), .. invalid, .. run.AsSpan(at)];
                }
            }
        }
    }

    /// <summary>
    /// Random strings of valid characters of every width in runs, with now and then a byte that may break them.
    /// Bytes that JSON would need to escape (quote, backslash, control characters) are never produced.
    /// </summary>
    public static IEnumerable<byte[]> Random(int seed, int count)
    {
        var random = new Random(seed);
        for (int n = 0; n < count; n++)
        {
            var value = new List<byte>();
            int length = random.Next(0, 120);
            bool breakable = random.Next(3) == 0;
            while (value.Count < length)
            {
                if (breakable && random.Next(40) == 0)
                {
                    value.Add((byte)random.Next(0x80, 0x100));
                    continue;
                }

                byte[] c = Encoding.UTF8.GetBytes(Alphabet[random.Next(Alphabet.Length)]);
                int repeat = random.Next(3) == 0 ? random.Next(1, 30) : 1;
                for (int i = 0; i < repeat; i++)
                {
                    value.AddRange(c);
                }
            }

            yield return value.ToArray();
        }
    }

    /// <summary>Values over the stack buffer: CJK, ASCII and mixed text, and the same with an invalid sequence.</summary>
    public static IEnumerable<byte[]> Long()
    {
        foreach (string text in new[] { Repeat("云硬盘快照", 200), Repeat("snapshot-", 100), Repeat("云硬盘 snapshot é \U0001F600 ", 60) })
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            yield return utf8;
            yield return [.. utf8.AsSpan(0, 601), 0xE0, 0x80, 0x80, .. utf8.AsSpan(601)];
            yield return [.. utf8, 0xE4, 0xB8];
        }
    }

    /// <summary>
    /// Compares <see cref="EvsJson.GetString"/> with the reader's own for <paramref name="value"/> as a string value and
    /// as a property name, <paramref name="padding"/> bytes into the JSON; <see langword="null"/> when they agree.
    /// </summary>
    public static string? Compare(byte[] value, int padding)
    {
        byte[] spaces = Enumerable.Repeat((byte)' ', padding).ToArray();
        return CompareAt([.. spaces, (byte)'"', .. value, (byte)'"'], JsonTokenType.String, value)
            ?? CompareAt([(byte)'{', .. spaces, (byte)'"', .. value, .. "\":0}"u8], JsonTokenType.PropertyName, value);
    }

    /// <summary>The string read, or the exception's type and message.</summary>
    public static string Outcome(ref Utf8JsonReader reader, bool ours)
    {
        try
        {
            return "string " + (ours ? EvsJson.GetString(ref reader) : reader.GetString());
        }
        catch (InvalidOperationException exception)
        {
            return $"{exception.GetType().FullName} ({exception.InnerException?.GetType().FullName}): {exception.Message}";
        }
    }

    /// <summary>Every case of the tests above; the child processes run this.</summary>
    public static (int Cases, List<string> Failures) Run()
    {
        var failures = new List<string>();
        int cases = 0;
        void Check(byte[] value, int padding)
        {
            cases++;
            if (Compare(value, padding) is { } difference)
            {
                failures.Add(difference);
            }
        }

        foreach (string kind in Kinds.Keys)
        {
            foreach (byte[] value in Lengths(kind))
            {
                for (int padding = 0; padding < 16; padding += 5)
                {
                    Check(value, padding);
                }
            }
        }

        foreach (byte[] value in Positions().Concat(BlocksAndTails()).Concat(Random(20240917, 2000)).Concat(Long()))
        {
            Check(value, 0);
        }

        foreach (string hex in new[] { "E08080", "EDA080", "E4B8", "80", "FF", "F4908080" })
        {
            foreach (byte[] value in WithInvalid(Convert.FromHexString(hex)))
            {
                Check(value, 0);
            }
        }

        return (cases, failures);
    }

    private static string? CompareAt(byte[] json, JsonTokenType token, byte[] value)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.TokenType != token)
        {
            reader.Read();
        }

        string expected = Outcome(ref reader, ours: false);
        string actual = Outcome(ref reader, ours: true);
        return string.Equals(expected, actual, StringComparison.Ordinal)
            ? null
            : $"{token} {Convert.ToHexString(value)}: expected {Describe(expected)}, got {Describe(actual)}";
    }

    // Code units, so a difference in a surrogate or an invisible character shows.
    private static string Describe(string outcome) =>
        outcome.StartsWith("string ", StringComparison.Ordinal)
            ? string.Join(" ", outcome.Skip(7).Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)))
            : outcome;

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}

/// <summary>A <see cref="ReadOnlySequence{T}"/> of fixed-size segments.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Split(byte[] bytes, int length)
    {
        var first = new Segments(bytes.AsMemory(0, Math.Min(length, bytes.Length)), 0);
        Segments last = first;
        for (int start = length; start < bytes.Length; start += length)
        {
            var next = new Segments(bytes.AsMemory(start, Math.Min(length, bytes.Length - start)), start);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
