using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvsContracts.Runtime.Tests.Json;

public sealed class EvsJsonMapsTests
{
    // Raw UTF-8 text (the emoji too), only the quotes escaped.
    private const string Expected = "{\"b\":\"快照 \\\"1\\\"\",\"a\":\"\U0001F600 raw\",\"c\":\"\"}";

    public static TheoryData<string> Writers() => ["minimal", "default", "relaxed"];

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_map_of_strings_is_written_in_its_own_order_with_text_raw_whatever_the_writer(string writerKind)
    {
        var dictionary = new Dictionary<string, string> { ["b"] = "快照 \"1\"", ["a"] = "\U0001F600 raw", ["c"] = string.Empty };
        var list = new List<KeyValuePair<string, string>>(dictionary);

        Assert.Equal(Encoding.UTF8.GetBytes(Expected), Write(writerKind, writer => EvsJsonMaps.Write(writer, dictionary)));
        Assert.Equal(Encoding.UTF8.GetBytes(Expected), Write(writerKind, writer => EvsJsonMaps.Write(writer, list)));
    }

    [Fact]
    public void The_map_of_strings_and_the_general_overload_write_the_same_bytes()
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["z"] = "云硬盘", ["k"] = "\u0001" };

        byte[] strings = Write("minimal", writer => EvsJsonMaps.Write(writer, map));
        byte[] general = Write("minimal", writer => EvsJsonMaps.Write(writer, map, static (writer, value) => EvsJson.WriteStringValue(writer, value)));

        Assert.Equal(general, strings);
        Assert.Equal("{\"k\":\"\\u0001\",\"z\":\"云硬盘\"}", Encoding.UTF8.GetString(strings));
    }

    [Fact]
    public void Writing_a_dictionary_of_strings_allocates_nothing()
    {
        var map = new Dictionary<string, string> { ["purpose"] = "备份", ["owner"] = "ops" };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using var writer = new Utf8JsonWriter(buffer, EvsJson.WriterOptions);
        EvsJsonMaps.Write(writer, map);
        writer.Flush();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            EvsJsonMaps.Write(writer, map);
            writer.Flush();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static byte[] Write(string writerKind, Action<Utf8JsonWriter> write)
    {
        JsonWriterOptions options = writerKind switch
        {
            "minimal" => EvsJson.WriterOptions,
            "relaxed" => new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
            _ => default,
        };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
