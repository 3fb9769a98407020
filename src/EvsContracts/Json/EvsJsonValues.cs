using System;
using System.Globalization;
using System.Text.Json;

namespace EvsContracts;

/// <summary>
/// Members of the kinds beyond text, numbers and date-times: a value of any type (a schema with no <c>type</c>),
/// a calendar date (<c>format: date</c>) and base64 bytes (<c>format: byte</c>).
/// </summary>
public static partial class EvsJson
{
    internal const string ExpectedElement = "a JSON value";
    internal const string ExpectedDate = "a date string (YYYY-MM-DD)";
    internal const string ExpectedBytes = "a base64 string";

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Reads a member of any type as a <see cref="JsonElement"/> that owns a copy of the value.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The value; a null token is an element of kind <see cref="JsonValueKind.Null"/>.</returns>
    /// <exception cref="JsonException">The JSON is not well formed.</exception>
    public static JsonElement ReadElement(ref Utf8JsonReader reader, string path, string name) => JsonElement.ParseValue(ref reader);

    /// <summary>
    /// Reads a member of any type. A null token is kept as an element of kind <see cref="JsonValueKind.Null"/>, so
    /// the member is written back as it came; an absent member stays <see langword="null"/>.
    /// </summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON is not well formed.</exception>
    public static JsonElement? ReadNullableElement(ref Utf8JsonReader reader, string path, string name) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads a date member, a string of the form <c>YYYY-MM-DD</c>.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The date.</returns>
    /// <exception cref="JsonException">The token is not a string, or the string is not a date.</exception>
    public static DateOnly ReadDate(ref Utf8JsonReader reader, string path, string name) =>
        TryReadDate(ref reader, out DateOnly value) ? value : throw Unexpected(ref reader, ContractCheck.Join(path, name), ExpectedDate);

    /// <summary>Reads a date member, or <see langword="null"/>.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The date, or <see langword="null"/> for a null token.</returns>
    /// <exception cref="JsonException">The token is neither null nor a date string.</exception>
    public static DateOnly? ReadNullableDate(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadDate(ref reader, path, name);

    /// <summary>Reads a base64 member into its bytes.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The bytes.</returns>
    /// <exception cref="JsonException">The token is not a string, or the string is not base64.</exception>
    public static byte[] ReadBytes(ref Utf8JsonReader reader, string path, string name) =>
        TryReadBytes(ref reader, out byte[]? value) ? value : throw Unexpected(ref reader, ContractCheck.Join(path, name), ExpectedBytes);

    /// <summary>Reads a base64 member into its bytes, or <see langword="null"/>.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The bytes, or <see langword="null"/> for a null token.</returns>
    /// <exception cref="JsonException">The token is neither null nor a base64 string.</exception>
    public static byte[]? ReadNullableBytes(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadBytes(ref reader, path, name);

    /// <summary>Writes a date as <c>YYYY-MM-DD</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The date.</param>
    public static void WriteDateValue(Utf8JsonWriter writer, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[10];
        value.TryFormat(text, out int written, DateFormat, CultureInfo.InvariantCulture);
        writer.WriteStringValue(text.Slice(0, written));
    }

    internal static bool TryReadDate(ref Utf8JsonReader reader, out DateOnly value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length != DateFormat.Length)
        {
            return false;
        }

        Span<char> text = stackalloc char[10];
        for (int i = 0; i < text.Length; i++)
        {
            text[i] = (char)reader.ValueSpan[i];
        }

        return DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    internal static bool TryReadBytes(ref Utf8JsonReader reader, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? value)
    {
        value = null;
        return reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out value);
    }
}
