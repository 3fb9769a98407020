using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvsContracts.Runtime.Tests.Json;

public sealed class EvsJsonWriteTests
{
    public static TheoryData<string> Strings()
    {
        var data = new TheoryData<string>
        {
            string.Empty,
            "plain ascii",
            "quote \" backslash \\ slash / apostrophe ' angle <>&+",
            "中文快照描述",
            "emoji \U0001F600 and \U0001F468\u200D\U0001F469\u200D\U0001F467",
            "del \u007F nel \u0085 line separator \u2028 paragraph \u2029",
            "bom \uFEFF noncharacter \uFFFF",
        };

        for (char c = '\0'; c < ' '; c++)
        {
            data.Add($"control {c} char");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void WriteStringValue_round_trips_through_JsonDocument(string value)
    {
        byte[] json = Write(writer => EvsJson.WriteStringValue(writer, value));
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(value, document.RootElement.GetString());
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void MinimalEncoder_writes_the_same_bytes_as_WriteStringValue(string value)
    {
        byte[] ours = Write(writer => EvsJson.WriteStringValue(writer, value));
        byte[] encoder = Write(writer => writer.WriteStringValue(value), EvsJson.WriterOptions);
        Assert.Equal(Encoding.UTF8.GetString(ours), Encoding.UTF8.GetString(encoder));

        byte[] fromUtf8 = Write(writer => writer.WriteStringValue(Encoding.UTF8.GetBytes(value)), EvsJson.WriterOptions);
        Assert.Equal(Encoding.UTF8.GetString(ours), Encoding.UTF8.GetString(fromUtf8));
    }

    [Fact]
    public void Non_ASCII_and_emoji_are_raw_UTF8_whatever_the_writers_encoder()
    {
        const string Value = "快照\U0001F600";
        byte[] json = Write(writer => EvsJson.WriteStringValue(writer, Value), new JsonWriterOptions { Encoder = JavaScriptEncoder.Default });

        byte[] expected = [(byte)'"', .. Encoding.UTF8.GetBytes(Value), (byte)'"'];
        Assert.Equal(expected, json);

        // The framework's most relaxed encoder still escapes the emoji; that is why the helper exists.
        byte[] relaxed = Write(writer => writer.WriteStringValue(Value), new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("\\u", Encoding.UTF8.GetString(relaxed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"", "\"\\\"\"")]
    [InlineData("\\", "\"\\\\\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u0000\u001F\u0001", "\"\\u0000\\u001F\\u0001\"")]
    [InlineData("</script>'&+", "\"</script>'&+\"")]
    public void Escapes_only_what_JSON_requires(string value, string expected)
    {
        byte[] json = Write(writer => EvsJson.WriteStringValue(writer, value));
        Assert.Equal(expected, Encoding.UTF8.GetString(json));
    }

    [Theory]
    [InlineData(@"\uD800", "\uFFFD")]
    [InlineData(@"a\uDC00b", "a\uFFFDb")]
    [InlineData(@"\uDE00\uD83D", "\uFFFD\uFFFD")]
    [InlineData(@"\uD83D""", "\uFFFD\"")]
    [InlineData(@"x\uD83D", "x\uFFFD")]
    [InlineData(@"\uD83D\uDE00\uD83D", "\U0001F600\uFFFD")]
    public void A_lone_surrogate_becomes_U_FFFD(string escaped, string expected)
    {
        // Theory data travels as UTF-8, which cannot carry a lone surrogate; it is written escaped instead.
        string value = Regex.Unescape(escaped);
        Assert.Contains(value, char.IsSurrogate);
        byte[] json = Write(writer => EvsJson.WriteStringValue(writer, value));
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(expected, document.RootElement.GetString());

        byte[] encoder = Write(writer => writer.WriteStringValue(value), EvsJson.WriterOptions);
        Assert.Equal(json, encoder);
    }

    [Fact]
    public void A_100_KB_string_round_trips()
    {
        var builder = new StringBuilder();
        while (builder.Length < 100 * 1024)
        {
            builder.Append("快照 snapshot \U0001F600 \"quoted\" \\ \n\t\u0001 ");
        }

        string value = builder.ToString();
        byte[] json = Write(writer => EvsJson.WriteStringValue(writer, value));
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(value, document.RootElement.GetString());

        byte[] encoder = Write(writer => writer.WriteStringValue(value), EvsJson.WriterOptions);
        Assert.Equal(json, encoder);
    }

    [Fact]
    public void A_long_string_with_only_escapes_round_trips()
    {
        string value = new('\u0001', 5000);
        byte[] json = Write(writer => EvsJson.WriteStringValue(writer, value));
        Assert.Equal(2 + (6 * 5000), json.Length);
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(value, document.RootElement.GetString());
    }

    [Fact]
    public void WriteString_writes_a_property_inside_an_indented_object()
    {
        byte[] json = Write(
            writer =>
            {
                writer.WriteStartObject();
                EvsJson.WriteString(writer, "name"u8, "快照-1");
                EvsJson.WriteString(writer, "description"u8, "line\nbreak");
                writer.WriteEndObject();
            },
            new JsonWriterOptions { Indented = true });

        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal("快照-1", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("line\nbreak", document.RootElement.GetProperty("description").GetString());
        Assert.Contains("\"name\": \"快照-1\"", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }

    [Fact]
    public void WriterOptions_are_compact_with_the_minimal_encoder()
    {
        Assert.False(EvsJson.WriterOptions.Indented);
        Assert.True(EvsJson.WriterOptions.SkipValidation);
        Assert.Same(EvsJson.MinimalEncoder, EvsJson.WriterOptions.Encoder);
    }

    [Fact]
    public void MinimalEncoder_encodes_text_for_other_uses_too()
    {
        Assert.Equal("中\\\"\\n\U0001F600", EvsJson.MinimalEncoder.Encode("中\"\n\U0001F600"));
        Assert.False(EvsJson.MinimalEncoder.WillEncode(0x1F600));
        Assert.True(EvsJson.MinimalEncoder.WillEncode('"'));
        Assert.True(EvsJson.MinimalEncoder.WillEncode(0x1F));
        Assert.False(EvsJson.MinimalEncoder.WillEncode(' '));
    }

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
