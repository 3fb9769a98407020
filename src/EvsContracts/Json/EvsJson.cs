using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EvsContracts;

/// <summary>
/// Helpers that generated serializers call to read and write JSON by the EVS wire rules.
/// </summary>
/// <remarks>
/// Strings are written as raw UTF-8, escaping only what JSON requires (quote, backslash, control characters), whatever
/// encoder the writer was created with: CJK text and emoji go out as they are, which keeps bodies small.
/// Read errors are <see cref="JsonException"/>s that name the JSON path of the value.
/// </remarks>
public static partial class EvsJson
{
    /// <summary>
    /// Options for writers created for EVS bodies: compact, no validation of the generated (already correct) calls,
    /// and the <see cref="MinimalEncoder"/>.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        SkipValidation = true,
        Encoder = MinimalJavaScriptEncoder.Instance,
    };

    /// <summary>
    /// An encoder that escapes only what JSON requires (quote, backslash, control characters below U+0020), writing
    /// everything else, emoji included, as raw UTF-8; a lone surrogate becomes U+FFFD.
    /// </summary>
    public static JavaScriptEncoder MinimalEncoder => MinimalJavaScriptEncoder.Instance;

    /// <summary>Writes a property with a string value by the wire rule, whatever the writer's encoder.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="utf8PropertyName">The property name in UTF-8 (an ASCII name from the spec).</param>
    /// <param name="value">The value.</param>
    public static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8PropertyName, string value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (HasMinimalEncoder(writer))
        {
            writer.WriteString(utf8PropertyName, value);
            return;
        }

        writer.WritePropertyName(utf8PropertyName);
        WriteEscapedValue(writer, value);
    }

    /// <summary>Writes a property with a string value by the wire rule, whatever the writer's encoder.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="propertyName">The property name, encoded once (generated models keep one per member).</param>
    /// <param name="value">The value.</param>
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText propertyName, string value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (HasMinimalEncoder(writer))
        {
            writer.WriteString(propertyName, value);
            return;
        }

        writer.WritePropertyName(propertyName);
        WriteEscapedValue(writer, value);
    }

    /// <summary>Writes a string value by the wire rule, whatever the writer's encoder.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteStringValue(Utf8JsonWriter writer, string value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (HasMinimalEncoder(writer))
        {
            writer.WriteStringValue(value);
            return;
        }

        WriteEscapedValue(writer, value);
    }

    /// <summary>
    /// The name of the property the reader is on, as UTF-8 to compare with the spec's names: the bytes as they are
    /// when the name has no escapes (what servers send), otherwise the unescaped name in an array of its own.
    /// </summary>
    /// <param name="reader">The reader, positioned on a property name.</param>
    /// <returns>The name's UTF-8 bytes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader) =>
        reader.HasValueSequence || reader.ValueIsEscaped ? UnescapedName(ref reader) : reader.ValueSpan;

    /// <summary>The string the reader is on, as <see cref="Utf8JsonReader.GetString"/> returns it, but never null.</summary>
    /// <param name="reader">The reader, positioned on a string or a property name.</param>
    /// <returns>The string, unescaped.</returns>
    /// <exception cref="InvalidOperationException">
    /// The token is not a string or a property name (a null token included), or the text is not valid UTF-8: the
    /// reader's own exception.
    /// </exception>
    public static string GetString(ref Utf8JsonReader reader) =>
        reader.GetString() ?? throw new InvalidOperationException($"Cannot read a string from {JsonTokenNames.Describe(reader.TokenType)}.");

    /// <summary>Reads a string; any other token is an error.</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="path">The JSON path of the value, for the error message.</param>
    /// <returns>The string.</returns>
    /// <exception cref="JsonException">The token is not a string.</exception>
    public static string ReadString(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(ref reader, path, "a string");
        }

        return GetString(ref reader);
    }

    /// <summary>
    /// Reads a string, or a number as its literal text (<c>404</c> becomes <c>"404"</c>): error codes come as either.
    /// </summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <param name="path">The JSON path of the value, for the error message.</param>
    /// <returns>The text.</returns>
    /// <exception cref="JsonException">The token is neither a string nor a number.</exception>
    public static string ReadStringOrNumber(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            // A number token is plain ASCII and never escaped.
            return reader.HasValueSequence
                ? Encoding.UTF8.GetString(reader.ValueSequence)
                : Encoding.UTF8.GetString(reader.ValueSpan);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(ref reader, path, "a string or a number");
        }

        return GetString(ref reader);
    }

    /// <summary>Creates the error for a required property that the JSON does not have.</summary>
    /// <param name="path">The JSON path of the property (<c>snapshot.id</c>).</param>
    /// <returns>An exception to throw: <c>Required property 'snapshot.id' is missing.</c></returns>
    public static JsonException MissingProperty(string path) =>
        new($"Required property '{path}' is missing.", ToJsonPath(path), null, null);

    /// <summary>Creates the error for a token that is not what the contract expects at <paramref name="path"/>.</summary>
    /// <param name="reader">The reader, positioned on the offending token.</param>
    /// <param name="path">The JSON path of the value.</param>
    /// <param name="expected">What was expected, as words (<c>"a string"</c>).</param>
    /// <returns>An exception to throw, naming the token found, the path and what was expected.</returns>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string path, string expected) =>
        new(
            $"Unexpected {JsonTokenNames.Describe(reader.TokenType)} at '{path}' (byte {reader.TokenStartIndex}); expected {expected}.",
            ToJsonPath(path),
            null,
            null);

    // The writers this library creates have the minimal encoder: the writer escapes by the wire rule itself.
    internal static bool HasMinimalEncoder(Utf8JsonWriter writer) => ReferenceEquals(writer.Options.Encoder, MinimalJavaScriptEncoder.Instance);

    // A writer with another encoder (the default one escapes all non-ASCII text): the value is escaped here by the
    // minimal encoder and written as it is.
    private static void WriteEscapedValue(Utf8JsonWriter writer, string value)
    {
        long length = 2 + ((long)value.Length * MinimalJavaScriptEncoder.Instance.MaxOutputCharactersPerInputCharacter);
        if (length > Array.MaxLength)
        {
            throw new ArgumentException("The string is too long to write as JSON.", nameof(value));
        }

        char[] rented = ArrayPool<char>.Shared.Rent((int)length);
        try
        {
            rented[0] = '"';
            MinimalJavaScriptEncoder.Instance.Encode(value, rented.AsSpan(1), out _, out int written);
            rented[written + 1] = '"';
            writer.WriteRawValue(rented.AsSpan(0, written + 2), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static byte[] UnescapedName(ref Utf8JsonReader reader)
    {
        // Unescaping never makes a name longer.
        long raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        byte[] name = new byte[raw];
        int length = reader.CopyString(name);
        return length == name.Length ? name : name.AsSpan(0, length).ToArray();
    }

    private static string ToJsonPath(string? path) => string.IsNullOrEmpty(path) ? "$" : "$." + path;
}
