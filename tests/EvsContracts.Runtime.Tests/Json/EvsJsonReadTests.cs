using System.Text;
using System.Text.Json;

namespace EvsContracts.Runtime.Tests.Json;

public sealed class EvsJsonReadTests
{
    private delegate T ReadFunc<T>(ref Utf8JsonReader reader, string path);

    private delegate T MemberFunc<T>(ref Utf8JsonReader reader, string path, string name);

    [Fact]
    public void ReadString_returns_the_unescaped_string()
    {
        Assert.Equal("a\"b中", Read("\"a\\\"b\\u4e2d\"", EvsJson.ReadString));
        Assert.Equal("a\"b中", Member("\"a\\\"b\\u4e2d\"", EvsJson.ReadString));
    }

    [Fact]
    public void ReadString_refuses_another_token_naming_path_and_expectation()
    {
        JsonException exception = Throws("404", EvsJson.ReadString, "snapshot.id");
        Assert.Equal("Unexpected a number at 'snapshot.id' (byte 0); expected a string.", exception.Message);
        Assert.Equal("$.snapshot.id", exception.Path);
    }

    [Fact]
    public void A_member_read_joins_the_path_and_the_name_in_its_error()
    {
        JsonException exception = MemberThrows("404", EvsJson.ReadString, "snapshot", "id");
        Assert.Equal("Unexpected a number at 'snapshot.id' (byte 0); expected a string.", exception.Message);
        Assert.Equal("$.snapshot.id", exception.Path);
        Assert.Equal("$.id", MemberThrows("404", EvsJson.ReadString, string.Empty, "id").Path);
    }

    [Fact]
    public void Nullable_member_reads_map_null_and_refuse_what_the_others_refuse()
    {
        Assert.Null(Member("null", EvsJson.ReadNullableString));
        Assert.Equal("x", Member("\"x\"", EvsJson.ReadNullableString));
        Assert.Null(Member("null", EvsJson.ReadNullableStringOrNumber));
        Assert.Null(Member("null", EvsJson.ReadNullableInt32));
        Assert.Equal(7, Member("7", EvsJson.ReadNullableInt32));
        Assert.Null(Member("null", EvsJson.ReadNullableInt64));
        Assert.Null(Member("null", EvsJson.ReadNullableDouble));
        Assert.Null(Member("null", EvsJson.ReadNullableBoolean));
        Assert.Null(Member("null", EvsJson.ReadNullableDateTime));
        Assert.Equal(
            MemberThrows("true", EvsJson.ReadString, "s", "p").Message,
            MemberThrows("true", EvsJson.ReadNullableString, "s", "p").Message);
        Assert.Contains("expected a 32-bit integer", MemberThrows("true", EvsJson.ReadNullableInt32, "s", "p").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_nullable_member_reads_refuse_null()
    {
        Assert.Equal("Unexpected null at 'p' (byte 0); expected a string.", MemberThrows("null", EvsJson.ReadString, string.Empty, "p").Message);
        Assert.Contains("expected true or false", MemberThrows("null", EvsJson.ReadBoolean, string.Empty, "p").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("404", "404")]
    [InlineData("-1.5e3", "-1.5e3")]
    [InlineData("\"EVS.0001\"", "EVS.0001")]
    public void ReadStringOrNumber_keeps_a_numbers_literal_text(string json, string expected)
    {
        Assert.Equal(expected, Read(json, EvsJson.ReadStringOrNumber));
        Assert.Equal(expected, Member(json, EvsJson.ReadStringOrNumber));
    }

    [Fact]
    public void ReadStringOrNumber_refuses_an_object()
    {
        JsonException exception = Throws("{}", EvsJson.ReadStringOrNumber, "error.code");
        Assert.Contains("expected a string or a number", exception.Message, StringComparison.Ordinal);
        Assert.Equal(exception.Message, MemberThrows("{}", EvsJson.ReadStringOrNumber, "error", "code").Message);
    }

    [Fact]
    public void Number_readers_check_the_range()
    {
        Assert.Equal(2147483647, Member("2147483647", EvsJson.ReadInt32));
        Assert.Equal(2147483648L, Member("2147483648", EvsJson.ReadInt64));
        Assert.Equal(1.25, Member("1.25", EvsJson.ReadDouble));
        Assert.Equal(
            "Unexpected a number at 'snapshot.size' (byte 0); expected a 32-bit integer.",
            MemberThrows("2147483648", EvsJson.ReadInt32, "snapshot", "size").Message);
        Assert.Contains("expected a 32-bit integer", MemberThrows("1.5", EvsJson.ReadInt32, "s", "n").Message, StringComparison.Ordinal);
        Assert.Contains("expected a 64-bit integer", MemberThrows("\"1\"", EvsJson.ReadInt64, "s", "n").Message, StringComparison.Ordinal);
        Assert.Contains("expected a number", MemberThrows("\"1\"", EvsJson.ReadDouble, "s", "n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBoolean_takes_only_true_and_false()
    {
        Assert.True(Member("true", EvsJson.ReadBoolean));
        Assert.False(Member("false", EvsJson.ReadBoolean));
        Assert.Contains("expected true or false", MemberThrows("\"true\"", EvsJson.ReadBoolean, "snapshot", "force").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDateTime_takes_the_accepted_form_only()
    {
        Assert.Equal(new DateTimeOffset(2013, 2, 25, 3, 56, 53, TimeSpan.Zero), Member("\"2013-02-25T03:56:53\"", EvsJson.ReadDateTime));
        Assert.Equal(
            "Unexpected a string at 'snapshot.created_at' (byte 0); expected a date-time string (YYYY-MM-DDTHH:MM:SS[.fraction][offset]).",
            MemberThrows("\"yesterday\"", EvsJson.ReadDateTime, "snapshot", "created_at").Message);
    }

    [Fact]
    public void ReadList_reads_the_items_and_names_the_index_of_a_wrong_one()
    {
        Assert.Equal(new long[] { 1, 2 }, Member("[1, 2]", (ref Utf8JsonReader r, string p, string n) => EvsJson.ReadList(ref r, p, n, EvsJsonScalar.Int64Values)));
        Assert.Empty(Member("[]", (ref Utf8JsonReader r, string p, string n) => EvsJson.ReadList(ref r, p, n, EvsJsonScalar.StringValues)));

        JsonException item = MemberThrows("[\"a\", 2]", (ref Utf8JsonReader r, string p, string n) => EvsJson.ReadList(ref r, p, n, EvsJsonScalar.StringValues), "pet", "tags");
        Assert.Equal("Unexpected a number at 'pet.tags.1' (byte 6); expected a string.", item.Message);
        JsonException list = MemberThrows("{}", (ref Utf8JsonReader r, string p, string n) => EvsJson.ReadList(ref r, p, n, EvsJsonScalar.StringValues), "pet", "tags");
        Assert.Equal("Unexpected the start of an object at 'pet.tags' (byte 0); expected an array.", list.Message);
    }

    [Fact]
    public void ReadMap_reads_the_entries_with_ordinal_keys_and_names_the_key_of_a_wrong_one()
    {
        Dictionary<string, string> map = Member("{\"a\": \"1\", \"A\": \"2\"}", (ref Utf8JsonReader r, string p, string n) => EvsJson.ReadMap(ref r, p, n, EvsJsonScalar.StringValues));
        Assert.Equal(2, map.Count);
        Assert.Equal("2", map["A"]);

        JsonException value = MemberThrows("{\"k\": true}", (ref Utf8JsonReader r, string p, string n) => EvsJson.ReadMap(ref r, p, n, EvsJsonScalar.StringValues), "snapshot", "metadata");
        Assert.Equal("Unexpected true at 'snapshot.metadata.k' (byte 6); expected a string.", value.Message);
        JsonException notMap = MemberThrows("[]", (ref Utf8JsonReader r, string p, string n) => EvsJson.ReadMap(ref r, p, n, EvsJsonScalar.StringValues), "snapshot", "metadata");
        Assert.Contains("expected an object", notMap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_scalar_kind_reads_its_tokens_and_says_what_it_expects()
    {
        Assert.True(TryRead("\"x\"", EvsJsonScalar.StringValues, out string? text) && text == "x");
        Assert.True(TryRead("404", EvsJsonScalar.StringOrNumberValues, out text) && text == "404");
        Assert.True(TryRead("7", EvsJsonScalar.Int32Values, out int int32) && int32 == 7);
        Assert.False(TryRead("2147483648", EvsJsonScalar.Int32Values, out _));
        Assert.True(TryRead("2147483648", EvsJsonScalar.Int64Values, out long int64) && int64 == 2147483648L);
        Assert.True(TryRead("0.5", EvsJsonScalar.DoubleValues, out double number) && number == 0.5);
        Assert.True(TryRead("false", EvsJsonScalar.BooleanValues, out bool boolean) && !boolean);
        Assert.False(TryRead("null", EvsJsonScalar.BooleanValues, out _));
        Assert.True(TryRead("\"2013-02-25T03:56:53Z\"", EvsJsonScalar.DateTimeValues, out DateTimeOffset date) && date.Year == 2013);
        Assert.False(TryRead("1", EvsJsonScalar.StringValues, out _));
        Assert.Equal("a string or a number", EvsJsonScalar.StringOrNumberValues.Expected);
        Assert.Equal("true or false", EvsJsonScalar.BooleanValues.Expected);
    }

    [Fact]
    public void MissingProperty_names_the_path()
    {
        JsonException exception = EvsJson.MissingProperty("snapshot.id");
        Assert.Equal("Required property 'snapshot.id' is missing.", exception.Message);
    }

    private static bool TryRead<T>(string json, EvsJsonScalar<T> kind, out T value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return kind.TryRead(ref reader, out value);
    }

    private static T Read<T>(string json, ReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader, "value");
    }

    private static T Member<T>(string json, MemberFunc<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader, "object", "value");
    }

    private static JsonException Throws<T>(string json, ReadFunc<T> read, string path) =>
        MemberThrows(json, (ref Utf8JsonReader reader, string p, string _) => read(ref reader, p), path, string.Empty);

    private static JsonException MemberThrows<T>(string json, MemberFunc<T> read, string path, string name)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        try
        {
            read(ref reader, path, name);
        }
        catch (JsonException exception)
        {
            return exception;
        }

        Assert.Fail($"{json} was accepted.");
        return null!;
    }
}
