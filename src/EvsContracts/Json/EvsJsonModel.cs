using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace EvsContracts;

/// <summary>
/// Converts any <see cref="IEvsJsonModel{TSelf}"/> to and from JSON text by the EVS wire rules; generated models'
/// <c>ToJson</c>, <c>ToUtf8Json</c> and <c>FromJson</c> call it.
/// </summary>
public static class EvsJsonModel
{
    /// <summary>Writes <paramref name="value"/> as compact UTF-8 JSON.</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON bytes.</returns>
    public static byte[] ToUtf8Json<T>(T value)
        where T : IEvsJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonWriterCache cache = JsonWriterCache.Write(value);
        try
        {
            return cache.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            JsonWriterCache.Return(cache);
        }
    }

    /// <summary>Writes <paramref name="value"/> as compact JSON text.</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson<T>(T value)
        where T : IEvsJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonWriterCache cache = JsonWriterCache.Write(value);
        try
        {
            return Encoding.UTF8.GetString(cache.Buffer.WrittenSpan);
        }
        finally
        {
            JsonWriterCache.Return(cache);
        }
    }

    /// <summary>Reads one value from UTF-8 JSON; only white space may follow it.</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not fit the model.</exception>
    public static T FromJson<T>(ReadOnlySpan<byte> utf8Json)
        where T : IEvsJsonModel<T>
    {
        // The reader's own message for this case ("does not contain any JSON tokens") reads less plainly.
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new JsonException("The JSON is empty.");
        }

        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();

        T value = T.ReadJson(ref reader);

        // The reader throws on anything but white space after the value; a token here means the model stopped early.
        if (reader.Read())
        {
            throw new JsonException($"Unexpected {JsonTokenNames.Describe(reader.TokenType)} after the value.");
        }

        return value;
    }

    /// <summary>Reads one value from JSON text; only white space may follow it.</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON is malformed or does not fit the model.</exception>
    public static T FromJson<T>(string json)
        where T : IEvsJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(Encoding.UTF8.GetMaxByteCount(json.Length), 1));
        try
        {
            int length = Encoding.UTF8.GetBytes(json, rented);
            return FromJson<T>(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
