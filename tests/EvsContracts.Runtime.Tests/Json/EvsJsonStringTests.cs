using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvsContracts.Runtime.Tests.Json;

/// <summary>
/// Strings both ways by the wire rule, over many texts: every width of character at every position, escapes, pairs,
/// lone surrogates, long values. Written, they must be exactly the rule spelled out (escape quote, backslash and
/// control characters; everything else raw UTF-8, a lone surrogate as U+FFFD) whatever writer they go to; read, they
/// must be the text the UTF-8 spells, and invalid UTF-8 must be refused.
/// </summary>
public sealed class EvsJsonStringTests
{
    // One of each width and each edge of a width, the characters that are escaped, a pair and both lone surrogates.
    private static readonly string[] s_alphabet =
    [
        "a", "~", "\u007F", "\"", "\\", "\n", "\u0001", "\u001F",
        "\u0080", "é", "\u07FF",
        "\u0800", "中", "快", "\uD7FF", "\uE000", "\uFF9F", "\uFFFD", "\uFFFF",
        "\U0001F600", "\U0010FFFF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
    ];

    // The writers a value may meet: the library's own, and a user's with the framework's encoders, compact or not.
    private static readonly JsonWriterOptions[] s_writers =
    [
        EvsJson.WriterOptions,
        default,
        new() { Indented = true },
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
    ];

    [Theory]
    [InlineData("a")]
    [InlineData("中")]
    [InlineData("é")]
    [InlineData("\U0001F600")]
    [InlineData("\"")]
    [InlineData("\n")]
    public void A_run_of_one_character_is_written_by_the_wire_rule(string character)
    {
        foreach (int count in new[] { 0, 1, 7, 8, 9, 16, 17, 24, 85, 171, 400, 5000 })
        {
            AssertWrittenByTheRule(string.Concat(Enumerable.Repeat(character, count)));
        }
    }

    [Fact]
    public void A_lone_surrogate_in_a_run_is_written_as_U_FFFD()
    {
        foreach (string lone in new[] { "\uD800", "\uDBFF", "\uDC00", "\uDFFF" })
        {
            foreach (int count in new[] { 1, 2, 8, 30 })
            {
                AssertWrittenByTheRule(string.Concat(Enumerable.Repeat(lone, count)));
                AssertWrittenByTheRule(new string('中', count) + lone);
                AssertWrittenByTheRule(lone + new string('a', count) + "\n");
            }
        }
    }

    [Fact]
    public void Every_character_at_every_position_of_a_run_is_written_by_the_wire_rule()
    {
        foreach (string background in new[] { "中", "a", "é" })
        {
            foreach (int length in new[] { 8, 9, 20, 31 })
            {
                for (int position = 0; position < length; position++)
                {
                    foreach (string c in s_alphabet)
                    {
                        AssertWrittenByTheRule(Replace(background, length, position, c));
                    }
                }
            }
        }
    }

    [Fact]
    public void Random_strings_are_written_by_the_wire_rule()
    {
        var random = new Random(20240611);
        for (int n = 0; n < 1000; n++)
        {
            AssertWrittenByTheRule(RandomText(random, s_alphabet, maxLength: 90));
        }
    }

    [Fact]
    public void A_long_CJK_string_with_escapes_is_written_by_the_wire_rule()
    {
        AssertWrittenByTheRule(string.Concat(Enumerable.Repeat("云硬盘快照\"创建\\\n于备份之前", 200)) + "\uD800");
    }

    [Fact]
    public void CJK_property_names_and_values_written_through_the_minimal_encoder_are_raw_UTF8()
    {
        const string Name = "标签\U0001F600";
        const string Value = "云硬盘快照创建于备份之前请勿删除";
        byte[] json = Write(
            EvsJson.WriterOptions,
            writer =>
            {
                writer.WriteStartObject();
                writer.WritePropertyName(Name);
                writer.WriteStringValue(Value);
                writer.WriteEndObject();
            });

        Assert.Equal(Encoding.UTF8.GetBytes($"{{\"{Name}\":\"{Value}\"}}"), json);
    }

    [Fact]
    public void Writing_strings_allocates_nothing_whatever_the_writers_encoder()
    {
        string cjk = string.Concat(Enumerable.Repeat("云硬盘快照创建于备份之前", 20));
        const string Mixed = "snapshot \"快照\" \U0001F600\n\u0001 \uD800 end";
        JsonEncodedText name = JsonEncodedText.Encode("description", EvsJson.MinimalEncoder);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        foreach (JsonWriterOptions options in s_writers)
        {
            using var writer = new Utf8JsonWriter(buffer, options);
            long allocated = Allocations.LeastOfThreeRuns(() =>
            {
                for (int i = 0; i < 20; i++)
                {
                    buffer.ResetWrittenCount();
                    writer.Reset(buffer);
                    writer.WriteStartObject();
                    EvsJson.WriteString(writer, name, cjk);
                    EvsJson.WriteString(writer, "name"u8, Mixed);
                    writer.WritePropertyName("tags"u8);
                    writer.WriteStartArray();
                    EvsJson.WriteStringValue(writer, Mixed);
                    EvsJson.WriteStringValue(writer, "snapshot-0001");
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                    writer.Flush();
                }
            });

            Assert.Equal(0, allocated);
            Assert.True(buffer.WrittenCount > cjk.Length * 3);
        }
    }

    [Fact]
    public void Values_of_every_kind_and_length_are_read_as_their_UTF8_spells()
    {
        string[][] kinds =
        [
            ["a", "Z", "0", "-", " ", "~", "\u007F"],
            ["中", "文", "云", "硬", "盘", "\u0800", "\uD7FF", "\uE000", "\uFFFF"],
            ["中", "文", "云", "a", " ", "-"],
            ["é", "Ж", "\u0080", "\u07FF"],
            ["\U0001F600", "\U00010000", "\U0010FFFF"],
            [.. s_alphabet.Where(IsPlain)],
        ];
        var random = new Random(20240917);
        foreach (string[] kind in kinds)
        {
            for (int length = 0; length <= 100; length++)
            {
                string text = RandomText(random, kind, length, exactLength: true);
                Assert.Equal(text, ReadValue(Encoding.UTF8.GetBytes(text)));
                Assert.Equal(text, ReadName(Encoding.UTF8.GetBytes(text)));
            }
        }
    }

    [Fact]
    public void Long_values_are_read_as_their_UTF8_spells()
    {
        foreach (string text in new[] { Repeat("云硬盘快照", 200), Repeat("snapshot-", 100), Repeat("云硬盘 snapshot é \U0001F600 ", 60) })
        {
            Assert.Equal(text, ReadValue(Encoding.UTF8.GetBytes(text)));
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
    [InlineData("FF", "a byte UTF-8 never uses")]
    [InlineData("C080", "overlong two-byte")]
    [InlineData("F0808080", "overlong four-byte")]
    [InlineData("F4908080", "above U+10FFFF")]
    [InlineData("E4B8E4B8AD", "a lead where a continuation belongs")]
    public void Invalid_UTF8_anywhere_in_a_value_is_refused(string hex, string what)
    {
        byte[] invalid = Convert.FromHexString(hex);
        int cases = 0;
        foreach (string background in new[] { "中", "a", "中a" })
        {
            foreach (int length in new[] { 5, 8, 24, 57, 300 })
            {
                byte[] run = Encoding.UTF8.GetBytes(Repeat(background, length));
                for (int at = 0; at <= run.Length; at += 7)
                {
                    // At character boundaries only: a cut inside a character would test the run, not the insert.
                    if (at < run.Length && (run[at] & 0xC0) == 0x80)
                    {
                        continue;
                    }

                    byte[] value = [.. run.AsSpan(0, at), .. invalid, .. run.AsSpan(at)];
                    Assert.Throws<InvalidOperationException>(() => ReadValue(value));
                    Assert.Throws<InvalidOperationException>(() => ReadName(value));
                    cases++;
                }
            }
        }

        Assert.True(cases > 100, $"{what}: only {cases} cases.");
    }

    [Theory]
    [InlineData("\\u4e2d\\u6587", "中文")]
    [InlineData("云硬盘快照创建于备份之前\\n云硬盘快照创建于备份之前", "云硬盘快照创建于备份之前\n云硬盘快照创建于备份之前")]
    [InlineData("\\ud83d\\ude00 云硬盘快照创建于备份之前请勿删除 \\\"quoted\\\"", "\U0001F600 云硬盘快照创建于备份之前请勿删除 \"quoted\"")]
    [InlineData("\\u0061bcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz")]
    public void Escaped_values_and_names_are_unescaped(string escaped, string expected)
    {
        byte[] json = Encoding.UTF8.GetBytes($"[\"{escaped}\", {{\"{escaped}\": 0}}]");
        var reader = new Utf8JsonReader(json);
        foreach (JsonTokenType token in new[] { JsonTokenType.String, JsonTokenType.PropertyName })
        {
            MoveTo(ref reader, token);
            Assert.True(reader.ValueIsEscaped);
            Assert.Equal(expected, EvsJson.GetString(ref reader));
        }

        Assert.Equal(Encoding.UTF8.GetBytes(expected), Name(json));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(25)]
    public void Values_and_names_split_across_segments_are_read_whole(int segmentLength)
    {
        string text = "云硬盘快照 snapshot-01 创建于备份之前 é \U0001F600 请勿删除" + new string('中', 40);
        byte[] valid = Encoding.UTF8.GetBytes(text);
        byte[] invalid = [.. valid.AsSpan(0, 30), 0xED, 0xA0, 0x80, .. valid.AsSpan(30)];
        foreach ((byte[] value, bool isValid) in new[] { (valid, true), (invalid, false) })
        {
            byte[] json = [.. "[\""u8, .. value, .. "\",{\""u8, .. value, .. "\":1}]"u8];
            var reader = new Utf8JsonReader(Segments.Split(json, segmentLength));
            foreach (JsonTokenType token in new[] { JsonTokenType.String, JsonTokenType.PropertyName })
            {
                MoveTo(ref reader, token);
                Assert.True(reader.HasValueSequence);
                if (isValid)
                {
                    Assert.Equal(text, EvsJson.GetString(ref reader));
                }
                else
                {
                    Refused(ref reader);
                }
            }

            if (isValid)
            {
                var names = new Utf8JsonReader(Segments.Split(json, segmentLength));
                MoveTo(ref names, JsonTokenType.PropertyName);
                Assert.Equal(valid, EvsJson.PropertyName(ref names).ToArray());
            }
        }
    }

    [Fact]
    public void Tokens_other_than_strings_and_names_are_refused()
    {
        var reader = new Utf8JsonReader("[404, null]"u8);
        reader.Read();
        reader.Read();
        Refused(ref reader);
        reader.Read();

        // The reader returns null for a null token; a method that returns a string cannot.
        Assert.Equal("Cannot read a string from null.", Refused(ref reader).Message);
    }

    [Fact]
    public void ReadString_and_ReadStringOrNumber_read_CJK_values()
    {
        string text = Repeat("云硬盘快照创建于备份之前", 8);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{text}\""));
        reader.Read();
        Assert.Equal(text, EvsJson.ReadString(ref reader, "snapshot.name"));
        Assert.Equal(text, EvsJson.ReadStringOrNumber(ref reader, "error.code"));
    }

    private static void AssertWrittenByTheRule(string value)
    {
        string expected = Quote(value);
        foreach (JsonWriterOptions options in s_writers)
        {
            byte[] json = Write(options, writer => EvsJson.WriteStringValue(writer, value));
            AssertBytes(expected, json, options, "WriteStringValue", value);

            byte[] property = Write(
                options,
                writer =>
                {
                    writer.WriteStartObject();
                    EvsJson.WriteString(writer, "n"u8, value);
                    EvsJson.WriteString(writer, JsonEncodedText.Encode("m", EvsJson.MinimalEncoder), value);
                    writer.WriteEndObject();
                });
            string separator = options.Indented ? ": " : ":";
            string newLine = options.Indented ? Environment.NewLine : string.Empty;
            string indent = options.Indented ? "  " : string.Empty;
            string comma = options.Indented ? "," + Environment.NewLine : ",";
            AssertBytes($"{{{newLine}{indent}\"n\"{separator}{expected}{comma}{indent}\"m\"{separator}{expected}{newLine}}}", property, options, "WriteString", value);
        }

        // The writer's own calls go through the minimal encoder: the same bytes.
        byte[] encoder = Write(EvsJson.WriterOptions, writer => writer.WriteStringValue(value));
        AssertBytes(expected, encoder, EvsJson.WriterOptions, "Utf8JsonWriter.WriteStringValue", value);
    }

    private static void AssertBytes(string expected, byte[] actual, JsonWriterOptions options, string call, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(expected);
        Assert.True(
            bytes.AsSpan().SequenceEqual(actual),
            $"{call} (encoder {options.Encoder?.GetType().Name ?? "default"}, indented {options.Indented}) wrote {Convert.ToHexString(actual)} for {Describe(value)}; expected {Convert.ToHexString(bytes)}.");
    }

    // The wire rule spelled out: escape quote, backslash and control characters; everything else as it is. A lone
    // surrogate becomes U+FFFD when Encoding.UTF8 encodes the result.
    private static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (char c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private static byte[] Write(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string ReadValue(byte[] value)
    {
        var reader = new Utf8JsonReader([.. "\""u8, .. value, .. "\""u8]);
        reader.Read();
        return EvsJson.GetString(ref reader);
    }

    private static string ReadName(byte[] value)
    {
        var reader = new Utf8JsonReader([.. "{\""u8, .. value, .. "\":0}"u8]);
        MoveTo(ref reader, JsonTokenType.PropertyName);
        return EvsJson.GetString(ref reader);
    }

    private static byte[] Name(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        MoveTo(ref reader, JsonTokenType.PropertyName);
        return EvsJson.PropertyName(ref reader).ToArray();
    }

    // A reader is a ref struct, which Assert.Throws's lambda cannot capture.
    private static InvalidOperationException Refused(ref Utf8JsonReader reader)
    {
        try
        {
            string value = EvsJson.GetString(ref reader);
            Assert.Fail($"Read \"{value}\" from {reader.TokenType}.");
            return null!;
        }
        catch (InvalidOperationException exception)
        {
            return exception;
        }
    }

    private static void MoveTo(ref Utf8JsonReader reader, JsonTokenType token)
    {
        while (reader.TokenType != token)
        {
            reader.Read();
        }
    }

    private static string RandomText(Random random, string[] characters, int maxLength, bool exactLength = false)
    {
        // Long runs of one character next to single ones, in characters (UTF-16 units) up to the length.
        var text = new StringBuilder();
        int length = exactLength ? maxLength : random.Next(0, maxLength);
        while (text.Length < length)
        {
            string c = characters[random.Next(characters.Length)];
            int repeat = random.Next(4) == 0 ? random.Next(1, 20) : 1;
            for (int i = 0; i < repeat && text.Length < length; i++)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string Replace(string background, int length, int position, string c)
    {
        var value = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            value.Append(i == position ? c : background);
        }

        return value.ToString();
    }

    // Neither escaped in JSON nor a lone surrogate: the same text in a string token's raw bytes.
    private static bool IsPlain(string c) => c is not ("\"" or "\\") && c[0] >= ' ' && (!char.IsSurrogate(c[0]) || c.Length == 2);

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    // Code units, so a difference in a surrogate or an invisible character shows.
    private static string Describe(string value) =>
        string.Join(" ", value.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
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
