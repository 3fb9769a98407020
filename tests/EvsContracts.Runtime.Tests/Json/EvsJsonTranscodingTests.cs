using System.Text;
using System.Text.Json;

namespace EvsContracts.Runtime.Tests.Json;

/// <summary>
/// The string writer transcodes eight characters at a time when they are all ASCII or all three-byte characters,
/// and one code point at a time otherwise; these tests put every kind of character at every position of a block and
/// compare the bytes with the framework's UTF-8 encoder.
/// </summary>
public sealed class EvsJsonTranscodingTests
{
    // One of each width and each edge of a width, the characters that are escaped, a pair and both lone surrogates.
    private static readonly string[] Alphabet =
    [
        "a", "~", "\u007F", "\"", "\\", "\n", "\u0001", "\u001F",
        "\u0080", "é", "\u07FF",
        "\u0800", "中", "快", "\uD7FF", "\uE000", "\uFF9F", "\uFFFD", "\uFFFF",
        "\U0001F600", "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
    ];

    public static TheoryData<string, int> Uniform()
    {
        var data = new TheoryData<string, int>();
        foreach (string c in new[] { "a", "中", "\uFFFF", "\u0800", "é", "\U0001F600", "\uD800", "\"" })
        {
            foreach (int count in new[] { 0, 1, 7, 8, 9, 15, 16, 17, 23, 24, 85, 170, 171, 400 })
            {
                data.Add(c, count);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Uniform))]
    public void A_run_of_one_character_is_written_as_the_framework_encodes_it(string character, int count)
    {
        string value = string.Concat(Enumerable.Repeat(character, count));
        AssertWrittenAsExpected(value);
    }

    [Fact]
    public void Every_character_at_every_position_of_a_CJK_or_ASCII_block_is_written_as_the_framework_encodes_it()
    {
        foreach (string background in new[] { "中", "a", "é" })
        {
            foreach (int length in new[] { 8, 9, 16, 20, 31 })
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

                        AssertWrittenAsExpected(value.ToString());
                    }
                }
            }
        }
    }

    [Fact]
    public void Random_strings_are_written_as_the_framework_encodes_them()
    {
        var random = new Random(20240611);
        for (int n = 0; n < 3000; n++)
        {
            var value = new StringBuilder();
            int length = random.Next(0, 90);

            // Long uniform stretches reach the vector paths; single characters break them at random places.
            while (value.Length < length)
            {
                string c = Alphabet[random.Next(Alphabet.Length)];
                int repeat = random.Next(4) == 0 ? random.Next(1, 20) : 1;
                for (int i = 0; i < repeat; i++)
                {
                    value.Append(c);
                }
            }

            AssertWrittenAsExpected(value.ToString());
        }
    }

    [Fact]
    public void A_long_CJK_string_over_the_stack_buffer_is_written_as_the_framework_encodes_it()
    {
        string value = string.Concat(Enumerable.Repeat("云硬盘快照\"创建\\\n于备份之前", 200)) + "\uD800";
        AssertWrittenAsExpected(value);
    }

    [Fact]
    public void CJK_property_names_and_values_written_through_the_encoder_are_raw_UTF8()
    {
        const string name = "标签\U0001F600";
        const string value = "云硬盘快照创建于备份之前请勿删除";
        byte[] json = Write(
            writer =>
            {
                writer.WriteStartObject();
                writer.WritePropertyName(name);
                writer.WriteStringValue(value);
                writer.WriteEndObject();
            },
            EvsJson.WriterOptions);

        Assert.Equal(Encoding.UTF8.GetBytes($"{{\"{name}\":\"{value}\"}}"), json);
    }

    private static void AssertWrittenAsExpected(string value)
    {
        byte[] expected = Encoding.UTF8.GetBytes(Quote(value));
        byte[] ours = Write(writer => EvsJson.WriteStringValue(writer, value));
        Assert.True(expected.AsSpan().SequenceEqual(ours), $"EvsJson.WriteStringValue wrote {Hex(ours)} for {Describe(value)}; expected {Hex(expected)}.");

        // The writer's own path goes through the minimal encoder: the same bytes.
        byte[] encoder = Write(writer => writer.WriteStringValue(value), EvsJson.WriterOptions);
        Assert.True(expected.AsSpan().SequenceEqual(encoder), $"The minimal encoder wrote {Hex(encoder)} for {Describe(value)}; expected {Hex(expected)}.");
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

    private static string Describe(string value) => string.Join(" ", value.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);

    private static byte[] Write(Action<Utf8JsonWriter> write, JsonWriterOptions options = default)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
