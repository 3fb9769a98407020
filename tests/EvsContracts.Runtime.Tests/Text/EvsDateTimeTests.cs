using System.Text;
using System.Text.Json;

namespace EvsContracts.Runtime.Tests.Text;

public sealed class EvsDateTimeTests
{
    // 2013-02-25T00:00:00Z in ticks, computed from the calendar alone (no DateTime, no time zone):
    // 2012 whole years since 0001-01-01, of which 488 are leap years, plus January and 24 days of February.
    private const long Feb25Of2013Ticks = ((2012L * 365) + 488 + 31 + 24) * TimeSpan.TicksPerDay;

    [Fact]
    public void The_seeds_value_without_an_offset_is_UTC()
    {
        Assert.True(EvsDateTime.TryParse("2013-02-25T03:56:53.081642"u8, out DateTimeOffset value));

        // Exact ticks and a zero offset: a parser that used the machine's zone (TZ=Asia/Shanghai is +08:00) fails both.
        Assert.Equal(TimeSpan.Zero, value.Offset);
        long expected = Feb25Of2013Ticks + (((3 * 3600) + (56 * 60) + 53) * TimeSpan.TicksPerSecond) + 816_420;
        Assert.Equal(expected, value.UtcTicks);
        Assert.Equal(expected, value.Ticks);
    }

    [Fact]
    public void The_tick_arithmetic_above_matches_the_calendar()
    {
        Assert.Equal(Feb25Of2013Ticks, new DateTime(2013, 2, 25, 0, 0, 0, DateTimeKind.Utc).Ticks);
    }

    [Theory]
    [InlineData("2013-02-25T03:56:53", 0)]
    [InlineData("2013-02-25T03:56:53.5", 5_000_000)]
    [InlineData("2013-02-25T03:56:53.081642", 816_420)]
    [InlineData("2013-02-25T03:56:53.0816421", 816_421)]
    [InlineData("2013-02-25T03:56:53.0000001", 1)]
    public void Zero_to_seven_fraction_digits(string text, long fractionTicks)
    {
        Assert.True(EvsDateTime.TryParse(Encoding.ASCII.GetBytes(text), out DateTimeOffset value));
        long whole = Feb25Of2013Ticks + (((3 * 3600) + (56 * 60) + 53) * TimeSpan.TicksPerSecond);
        Assert.Equal(whole + fractionTicks, value.UtcTicks);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("2013-02-25T03:56:53Z", 0)]
    [InlineData("2013-02-25t03:56:53z", 0)]
    [InlineData("2013-02-25T11:56:53+08:00", 8 * 60)]
    [InlineData("2013-02-24T22:26:53-05:30", -330)]
    [InlineData("2013-02-25T03:56:53-00:00", 0)]
    [InlineData("2013-02-25T17:56:53+14:00", 14 * 60)]
    public void An_offset_is_kept(string text, int offsetMinutes)
    {
        Assert.True(EvsDateTime.TryParse(text.AsSpan(), out DateTimeOffset value));
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);

        // Every case names the same instant.
        Assert.Equal(Feb25Of2013Ticks + (((3 * 3600) + (56 * 60) + 53) * TimeSpan.TicksPerSecond), value.UtcTicks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2013-02-25")]
    [InlineData("2013-02-25T03:56")]
    [InlineData("2013-02-25 03:56:53")]
    [InlineData(" 2013-02-25T03:56:53")]
    [InlineData("2013-02-25T03:56:53 ")]
    [InlineData("2013-02-25T03:56:53.")]
    [InlineData("2013-02-25T03:56:53.08164201")]
    [InlineData("2013-2-25T03:56:53")]
    [InlineData("2013-02-30T03:56:53")]
    [InlineData("2013-13-01T03:56:53")]
    [InlineData("2013-00-01T03:56:53")]
    [InlineData("2012-02-30T00:00:00")]
    [InlineData("2013-02-25T24:00:00")]
    [InlineData("2013-02-25T03:60:00")]
    [InlineData("2013-02-25T03:56:60")]
    [InlineData("2013-02-25T03:56:53+08")]
    [InlineData("2013-02-25T03:56:53+0800")]
    [InlineData("2013-02-25T03:56:53+15:00")]
    [InlineData("2013-02-25T03:56:53+08:60")]
    [InlineData("2013-02-25T03:56:53ZZ")]
    [InlineData("2013-02-25T03:56:53UTC")]
    [InlineData("0000-01-01T00:00:00")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("２０１３-02-25T03:56:53")]
    [InlineData("2013/02/25T03:56:53")]
    [InlineData("+2013-02-25T03:56:53")]
    public void Malformed_or_unrepresentable_text_is_refused(string text)
    {
        Assert.False(EvsDateTime.TryParse(text.AsSpan(), out _));
        Assert.False(EvsDateTime.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Leap_day_and_the_calendars_ends_parse()
    {
        Assert.True(EvsDateTime.TryParse("2024-02-29T00:00:00"u8, out DateTimeOffset leap));
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), leap);
        Assert.True(EvsDateTime.TryParse("0001-01-01T00:00:00"u8, out DateTimeOffset first));
        Assert.Equal(DateTimeOffset.MinValue, first);
        Assert.True(EvsDateTime.TryParse("9999-12-31T23:59:59.9999999"u8, out DateTimeOffset last));
        Assert.Equal(DateTimeOffset.MaxValue, last);
    }

    [Fact]
    public void Read_takes_a_JSON_string_even_when_escaped()
    {
        byte[] json = "[\"2013-02-25T03:56:53.081642\", \"\\u0032013-02-25T03:56:53.081642\"]"u8.ToArray();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        DateTimeOffset plain = EvsDateTime.Read(ref reader);
        reader.Read();
        Assert.True(reader.ValueIsEscaped);
        DateTimeOffset escaped = EvsDateTime.Read(ref reader);

        Assert.Equal(plain, escaped);
        Assert.Equal(TimeSpan.Zero, escaped.Offset);
    }

    [Fact]
    public void Read_refuses_a_number_naming_the_token()
    {
        var reader = new Utf8JsonReader("1361764613"u8);
        reader.Read();
        JsonException exception = ReadThrows(ref reader);
        Assert.Contains("a number", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_refuses_a_string_that_is_not_a_date_time_quoting_it()
    {
        var reader = new Utf8JsonReader("\"25/02/2013\""u8);
        reader.Read();
        JsonException exception = ReadThrows(ref reader);
        Assert.Contains("\"25/02/2013\" is not a date-time", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_returns_false_for_other_tokens()
    {
        var reader = new Utf8JsonReader("null"u8);
        reader.Read();
        Assert.False(EvsDateTime.TryRead(ref reader, out _));
    }

    [Fact]
    public void Write_is_the_round_trip_form_with_its_offset()
    {
        var value = new DateTimeOffset(Feb25Of2013Ticks + 816_420 + (53 * TimeSpan.TicksPerSecond), TimeSpan.FromHours(8));
        string json = WriteToString(value);
        Assert.Equal("\"2013-02-25T00:00:53.0816420+08:00\"", json);

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        DateTimeOffset back = EvsDateTime.Read(ref reader);
        Assert.Equal(value, back);
        Assert.Equal(value.Offset, back.Offset);
    }

    [Fact]
    public void Parsing_allocates_nothing()
    {
        long sum = 0;
        int parsed = 0;
        long allocated = Allocations.LeastOfThreeRuns(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                parsed += EvsDateTime.TryParse("2013-02-25T03:56:53.081642+08:00"u8, out DateTimeOffset a) ? 1 : 0;
                parsed += EvsDateTime.TryParse("2013-02-25T03:56:53.081642".AsSpan(), out DateTimeOffset b) ? 1 : 0;
                sum += a.UtcTicks - b.UtcTicks;
            }
        });

        Assert.Equal(0, allocated);

        // Four runs of 1,000 iterations, two parses each.
        Assert.Equal(8000, parsed);
        Assert.Equal(-4000L * 8 * TimeSpan.TicksPerHour, sum);
    }

    private static JsonException ReadThrows(ref Utf8JsonReader reader)
    {
        try
        {
            EvsDateTime.Read(ref reader);
        }
        catch (JsonException exception)
        {
            return exception;
        }

        Assert.Fail("Read accepted the token.");
        return null!;
    }

    private static string WriteToString(DateTimeOffset value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            EvsDateTime.Write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
