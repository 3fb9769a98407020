using System;
using System.Text.Json;

namespace EvsContracts;

/// <summary>
/// How to read one kind of scalar JSON value: what <see cref="EvsJson.ReadList{T}"/> and
/// <see cref="EvsJson.ReadMap{T}"/> read each item with. The kinds are the static members of <see cref="EvsJsonScalar"/>.
/// </summary>
/// <typeparam name="T">The type of the values.</typeparam>
public abstract class EvsJsonScalar<T>
{
    private protected EvsJsonScalar(string expected)
    {
        Expected = expected;
    }

    /// <summary>What the kind expects, as words for an error message (<c>"a string"</c>).</summary>
    public string Expected { get; }

    /// <summary>Reads the value the reader is on.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="value">The value read.</param>
    /// <returns>Whether the token is of this kind (and, for a number, fits <typeparamref name="T"/>).</returns>
    public abstract bool TryRead(ref Utf8JsonReader reader, out T value);
}

/// <summary>The kinds of scalar JSON values the generated readers read items of.</summary>
public static class EvsJsonScalar
{
    /// <summary>A string.</summary>
    public static EvsJsonScalar<string> StringValues { get; } = new StringScalar();

    /// <summary>A string, or a number kept as its literal text.</summary>
    public static EvsJsonScalar<string> StringOrNumberValues { get; } = new StringOrNumberScalar();

    /// <summary>A number that fits a 32-bit integer.</summary>
    public static EvsJsonScalar<int> Int32Values { get; } = new Int32Scalar();

    /// <summary>A number that fits a 64-bit integer.</summary>
    public static EvsJsonScalar<long> Int64Values { get; } = new Int64Scalar();

    /// <summary>A number read as a <see cref="double"/>.</summary>
    public static EvsJsonScalar<double> DoubleValues { get; } = new DoubleScalar();

    /// <summary><see langword="true"/> or <see langword="false"/>.</summary>
    public static EvsJsonScalar<bool> BooleanValues { get; } = new BooleanScalar();

    /// <summary>A date-time string of the form <see cref="EvsDateTime"/> accepts.</summary>
    public static EvsJsonScalar<DateTimeOffset> DateTimeValues { get; } = new DateTimeScalar();

    /// <summary>Any JSON value, kept as a <see cref="JsonElement"/> (a null token too).</summary>
    public static EvsJsonScalar<JsonElement> ElementValues { get; } = new ElementScalar();

    /// <summary>A date string, <c>YYYY-MM-DD</c>.</summary>
    public static EvsJsonScalar<DateOnly> DateValues { get; } = new DateScalar();

    /// <summary>A base64 string, read into its bytes.</summary>
    public static EvsJsonScalar<byte[]> BytesValues { get; } = new BytesScalar();

    private sealed class StringScalar() : EvsJsonScalar<string>(EvsJson.ExpectedString)
    {
        public override bool TryRead(ref Utf8JsonReader reader, out string value)
        {
            bool isString = reader.TokenType == JsonTokenType.String;
            value = isString ? EvsJson.GetString(ref reader) : string.Empty;
            return isString;
        }
    }

    private sealed class StringOrNumberScalar() : EvsJsonScalar<string>(EvsJson.ExpectedStringOrNumber)
    {
        public override bool TryRead(ref Utf8JsonReader reader, out string value)
        {
            bool read = EvsJson.TryReadStringOrNumber(ref reader, out string? text);
            value = text ?? string.Empty;
            return read;
        }
    }

    private sealed class Int32Scalar() : EvsJsonScalar<int>(EvsJson.ExpectedInt32)
    {
        public override bool TryRead(ref Utf8JsonReader reader, out int value)
        {
            value = 0;
            return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value);
        }
    }

    private sealed class Int64Scalar() : EvsJsonScalar<long>(EvsJson.ExpectedInt64)
    {
        public override bool TryRead(ref Utf8JsonReader reader, out long value)
        {
            value = 0;
            return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
        }
    }

    private sealed class DoubleScalar() : EvsJsonScalar<double>(EvsJson.ExpectedDouble)
    {
        public override bool TryRead(ref Utf8JsonReader reader, out double value)
        {
            value = 0;
            return reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value);
        }
    }

    private sealed class BooleanScalar() : EvsJsonScalar<bool>(EvsJson.ExpectedBoolean)
    {
        public override bool TryRead(ref Utf8JsonReader reader, out bool value)
        {
            value = reader.TokenType == JsonTokenType.True;
            return value || reader.TokenType == JsonTokenType.False;
        }
    }

    private sealed class DateTimeScalar() : EvsJsonScalar<DateTimeOffset>(EvsJson.ExpectedDateTime)
    {
        public override bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value) => EvsDateTime.TryRead(ref reader, out value);
    }

    private sealed class ElementScalar() : EvsJsonScalar<JsonElement>(EvsJson.ExpectedElement)
    {
        public override bool TryRead(ref Utf8JsonReader reader, out JsonElement value)
        {
            value = JsonElement.ParseValue(ref reader);
            return true;
        }
    }

    private sealed class DateScalar() : EvsJsonScalar<DateOnly>(EvsJson.ExpectedDate)
    {
        public override bool TryRead(ref Utf8JsonReader reader, out DateOnly value) => EvsJson.TryReadDate(ref reader, out value);
    }

    private sealed class BytesScalar() : EvsJsonScalar<byte[]>(EvsJson.ExpectedBytes)
    {
        public override bool TryRead(ref Utf8JsonReader reader, out byte[] value)
        {
            bool read = EvsJson.TryReadBytes(ref reader, out byte[]? bytes);
            value = bytes ?? Array.Empty<byte>();
            return read;
        }
    }
}
