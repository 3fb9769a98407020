using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace EvsContracts;

/// <summary>
/// Reads of one member of an object, the reader on its value: generated <c>ReadJson</c> methods make one call per
/// member. The member is named by the object's <c>path</c> and its own <c>name</c>, which are joined only when an
/// error names them, so a successful read allocates nothing but the value.
/// </summary>
public static partial class EvsJson
{
    internal const string ExpectedString = "a string";
    internal const string ExpectedStringOrNumber = "a string or a number";
    internal const string ExpectedInt32 = "a 32-bit integer";
    internal const string ExpectedInt64 = "a 64-bit integer";
    internal const string ExpectedDouble = "a number";
    internal const string ExpectedBoolean = "true or false";
    internal const string ExpectedDateTime = "a date-time string (YYYY-MM-DDTHH:MM:SS[.fraction][offset])";

    /// <summary>Reads a string member; any other token is an error.</summary>
    /// <param name="reader">The reader, positioned on the member's value.</param>
    /// <param name="path">The JSON path of the object.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <returns>The string.</returns>
    /// <exception cref="JsonException">The token is not a string.</exception>
    public static string ReadString(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.String ? GetString(ref reader) : throw Unexpected(ref reader, ContractCheck.Join(path, name), ExpectedString);

    /// <summary>Reads a string member or <see langword="null"/>; any other token is an error.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The string, or <see langword="null"/> for a null token.</returns>
    /// <exception cref="JsonException">The token is neither a string nor null.</exception>
    public static string? ReadNullableString(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadString(ref reader, path, name);

    /// <summary>Reads a member that is a string, or a number kept as its literal text (<c>404</c> becomes <c>"404"</c>).</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The text.</returns>
    /// <exception cref="JsonException">The token is neither a string nor a number.</exception>
    public static string ReadStringOrNumber(ref Utf8JsonReader reader, string path, string name) =>
        TryReadStringOrNumber(ref reader, out string? value) ? value : throw Unexpected(ref reader, ContractCheck.Join(path, name), ExpectedStringOrNumber);

    /// <summary>Reads a member that is a string, a number kept as its literal text, or <see langword="null"/>.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The text, or <see langword="null"/> for a null token.</returns>
    /// <exception cref="JsonException">The token is neither a string, a number nor null.</exception>
    public static string? ReadNullableStringOrNumber(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadStringOrNumber(ref reader, path, name);

    /// <summary>Reads a number member that fits a 32-bit integer.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The number.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number is not a 32-bit integer.</exception>
    public static int ReadInt32(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value) ? value : throw Unexpected(ref reader, ContractCheck.Join(path, name), ExpectedInt32);

    /// <summary>Reads a number member that fits a 32-bit integer, or <see langword="null"/>.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The number, or <see langword="null"/> for a null token.</returns>
    /// <exception cref="JsonException">The token is neither null nor a number that is a 32-bit integer.</exception>
    public static int? ReadNullableInt32(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadInt32(ref reader, path, name);

    /// <summary>Reads a number member that fits a 64-bit integer.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The number.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number is not a 64-bit integer.</exception>
    public static long ReadInt64(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value) ? value : throw Unexpected(ref reader, ContractCheck.Join(path, name), ExpectedInt64);

    /// <summary>Reads a number member that fits a 64-bit integer, or <see langword="null"/>.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The number, or <see langword="null"/> for a null token.</returns>
    /// <exception cref="JsonException">The token is neither null nor a number that is a 64-bit integer.</exception>
    public static long? ReadNullableInt64(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadInt64(ref reader, path, name);

    /// <summary>Reads a number member as a <see cref="double"/>.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The number.</returns>
    /// <exception cref="JsonException">The token is not a number, or it does not fit a double.</exception>
    public static double ReadDouble(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value) ? value : throw Unexpected(ref reader, ContractCheck.Join(path, name), ExpectedDouble);

    /// <summary>Reads a number member as a <see cref="double"/>, or <see langword="null"/>.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The number, or <see langword="null"/> for a null token.</returns>
    /// <exception cref="JsonException">The token is neither null nor a number that fits a double.</exception>
    public static double? ReadNullableDouble(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadDouble(ref reader, path, name);

    /// <summary>Reads a member that is <see langword="true"/> or <see langword="false"/>.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The boolean.</returns>
    /// <exception cref="JsonException">The token is not a boolean.</exception>
    public static bool ReadBoolean(ref Utf8JsonReader reader, string path, string name) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, ContractCheck.Join(path, name), ExpectedBoolean),
    };

    /// <summary>Reads a member that is <see langword="true"/>, <see langword="false"/> or <see langword="null"/>.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The boolean, or <see langword="null"/> for a null token.</returns>
    /// <exception cref="JsonException">The token is neither a boolean nor null.</exception>
    public static bool? ReadNullableBoolean(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadBoolean(ref reader, path, name);

    /// <summary>Reads a date-time member, a string of the form <see cref="EvsDateTime"/> accepts.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The date-time.</returns>
    /// <exception cref="JsonException">The token is not a string, or the string is not a date-time.</exception>
    public static DateTimeOffset ReadDateTime(ref Utf8JsonReader reader, string path, string name) =>
        EvsDateTime.TryRead(ref reader, out DateTimeOffset value) ? value : throw Unexpected(ref reader, ContractCheck.Join(path, name), ExpectedDateTime);

    /// <summary>Reads a date-time member, or <see langword="null"/>.</summary>
    /// <inheritdoc cref="ReadString(ref Utf8JsonReader, string, string)" path="/param"/>
    /// <returns>The date-time, or <see langword="null"/> for a null token.</returns>
    /// <exception cref="JsonException">The token is neither null nor a date-time string.</exception>
    public static DateTimeOffset? ReadNullableDateTime(ref Utf8JsonReader reader, string path, string name) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadDateTime(ref reader, path, name);

    /// <summary>Reads an array member whose items are all of one scalar kind.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="reader">The reader, positioned on the member's value.</param>
    /// <param name="path">The JSON path of the object.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="item">How to read an item (<see cref="EvsJsonScalar.StringValues"/>, ...).</param>
    /// <returns>The items, in order.</returns>
    /// <exception cref="JsonException">The token is not an array, or an item is not of the kind.</exception>
    public static List<T> ReadList<T>(ref Utf8JsonReader reader, string path, string name, EvsJsonScalar<T> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, ContractCheck.Join(path, name), "an array");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!item.TryRead(ref reader, out T value))
            {
                throw Unexpected(ref reader, ContractCheck.Join(ContractCheck.Join(path, name), list.Count.ToString(CultureInfo.InvariantCulture)), item.Expected);
            }

            list.Add(value);
        }

        return list;
    }

    /// <summary>Reads an object member whose values are all of one scalar kind into a map with ordinal keys.</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="reader">The reader, positioned on the member's value.</param>
    /// <param name="path">The JSON path of the object.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">How to read a value (<see cref="EvsJsonScalar.StringValues"/>, ...).</param>
    /// <returns>The entries; a repeated key keeps its last value.</returns>
    /// <exception cref="JsonException">The token is not an object, or a value is not of the kind.</exception>
    public static Dictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, string path, string name, EvsJsonScalar<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, ContractCheck.Join(path, name), "an object");
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = GetString(ref reader);
            reader.Read();
            if (!value.TryRead(ref reader, out T item))
            {
                throw Unexpected(ref reader, ContractCheck.Join(ContractCheck.Join(path, name), key), value.Expected);
            }

            map[key] = item;
        }

        return map;
    }

    // Text as ReadStringOrNumber reads it; false for any other token.
    internal static bool TryReadStringOrNumber(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = GetString(ref reader);
                return true;
            case JsonTokenType.Number:
                value = ReadStringOrNumber(ref reader, string.Empty);
                return true;
            default:
                value = null;
                return false;
        }
    }
}
