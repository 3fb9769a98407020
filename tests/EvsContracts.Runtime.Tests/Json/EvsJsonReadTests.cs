using System.Text;
using System.Text.Json;

namespace EvsContracts.Runtime.Tests.Json;

public sealed class EvsJsonReadTests
{
    private delegate T ReadFunc<T>(ref Utf8JsonReader reader, string path);

    [Fact]
    public void ReadString_returns_the_unescaped_string()
    {
        Assert.Equal("a\"b中", Read("\"a\\\"b\\u4e2d\"", EvsJson.ReadString));
    }

    [Fact]
    public void ReadString_refuses_another_token_naming_path_and_expectation()
    {
        JsonException exception = Throws("404", EvsJson.ReadString, "snapshot.id");
        Assert.Equal("Unexpected a number at 'snapshot.id' (byte 0); expected a string.", exception.Message);
        Assert.Equal("$.snapshot.id", exception.Path);
    }

    [Fact]
    public void ReadNullableString_maps_null()
    {
        Assert.Null(Read("null", EvsJson.ReadNullableString));
        Assert.Equal("x", Read("\"x\"", EvsJson.ReadNullableString));
        Assert.Contains("true", Throws("true", EvsJson.ReadNullableString, "p").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("404", "404")]
    [InlineData("-1.5e3", "-1.5e3")]
    [InlineData("\"EVS.0001\"", "EVS.0001")]
    public void ReadStringOrNumber_keeps_a_numbers_literal_text(string json, string expected)
    {
        Assert.Equal(expected, Read(json, EvsJson.ReadStringOrNumber));
    }

    [Fact]
    public void ReadStringOrNumber_refuses_an_object()
    {
        JsonException exception = Throws("{}", EvsJson.ReadStringOrNumber, "error.code");
        Assert.Contains("expected a string or a number", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_readers_check_the_range()
    {
        Assert.Equal(2147483647, Read("2147483647", EvsJson.ReadInt32));
        Assert.Equal(2147483648L, Read("2147483648", EvsJson.ReadInt64));
        Assert.Equal(1.25, Read("1.25", EvsJson.ReadDouble));
        Assert.Equal("The number 2147483648 at 'snapshot.size' is not a 32-bit integer.", Throws("2147483648", EvsJson.ReadInt32, "snapshot.size").Message);
        Assert.Contains("not a 32-bit integer", Throws("1.5", EvsJson.ReadInt32, "s").Message, StringComparison.Ordinal);
        Assert.Contains("expected an integer", Throws("\"1\"", EvsJson.ReadInt64, "s").Message, StringComparison.Ordinal);
        Assert.Contains("expected a number", Throws("\"1\"", EvsJson.ReadDouble, "s").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBoolean_takes_only_true_and_false()
    {
        Assert.True(Read("true", EvsJson.ReadBoolean));
        Assert.False(Read("false", EvsJson.ReadBoolean));
        Assert.Contains("expected true or false", Throws("\"true\"", EvsJson.ReadBoolean, "snapshot.force").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingProperty_names_the_path()
    {
        JsonException exception = EvsJson.MissingProperty("snapshot.id");
        Assert.Equal("Required property 'snapshot.id' is missing.", exception.Message);
    }

    private static T Read<T>(string json, ReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader, "value");
    }

    private static JsonException Throws<T>(string json, ReadFunc<T> read, string path)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        try
        {
            read(ref reader, path);
        }
        catch (JsonException exception)
        {
            return exception;
        }

        Assert.Fail($"{json} was accepted.");
        return null!;
    }
}
