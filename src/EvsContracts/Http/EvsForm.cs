using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EvsContracts;

/// <summary>
/// The fields of an <c>application/x-www-form-urlencoded</c> body, in the order added. Names and values are encoded
/// as the WHATWG URL standard's form serializer does (what browsers send, and what ASP.NET Core and other servers
/// read): UTF-8, a space as <c>+</c>, every byte but ASCII letters, digits and <c>*-._</c> percent-encoded.
/// </summary>
public sealed class EvsForm
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    /// <summary>The fields added, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Adds a field; a <see langword="null"/> value adds nothing (an unset optional member is not sent).</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="value">The value as text.</param>
    public void Add(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is not null)
        {
            _fields.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    /// <summary>Adds one field per item, all under <paramref name="name"/> (<c>tag=a&amp;tag=b</c>); <see langword="null"/> adds nothing.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="name">The fields' name.</param>
    /// <param name="values">The items.</param>
    /// <param name="format">An item as text.</param>
    public void AddEach<T>(string name, IEnumerable<T>? values, Func<T, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (values is null)
        {
            return;
        }

        foreach (T value in values)
        {
            Add(name, format(value));
        }
    }

    /// <summary>
    /// Adds members of <paramref name="body"/> as OpenAPI's <c>deepObject</c> style writes them into a form (Stripe's
    /// API reads them so): an object's members as <c>name[member]</c>, a list's items as <c>name[0]</c>, as deep as
    /// the value goes, each value as its JSON text (a string unquoted); a null or absent member adds nothing.
    /// </summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="body">The model whose members these are; read through its own JSON.</param>
    /// <param name="names">The members' JSON names.</param>
    public void AddDeepObjects<T>(T body, params string[] names)
        where T : IEvsJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(names);
        using var buffer = new PooledBufferWriter();
        buffer.Start(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteJson(writer);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        using var json = JsonDocument.ParseValue(ref reader);
        foreach (string name in names)
        {
            if (json.RootElement.TryGetProperty(name, out JsonElement value))
            {
                AddDeep(name, value);
            }
        }
    }

    private void AddDeep(string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty member in value.EnumerateObject())
                {
                    AddDeep(name + "[" + member.Name + "]", member.Value);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    AddDeep(name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", item);
                    index++;
                }

                break;
            case JsonValueKind.String:
                Add(name, value.GetString());
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                Add(name, value.GetRawText());
                break;
        }
    }

    /// <summary>The body as sent: <c>name=value&amp;...</c>.</summary>
    /// <returns>The encoded text.</returns>
    public override string ToString()
    {
        using PooledJsonContent content = ToContent();
        return Encoding.ASCII.GetString(content.Bytes);
    }

    internal PooledJsonContent ToContent()
    {
        var buffer = new PooledBufferWriter();
        buffer.Start(256);
        try
        {
            for (int i = 0; i < _fields.Count; i++)
            {
                if (i > 0)
                {
                    buffer.GetSpan(1)[0] = (byte)'&';
                    buffer.Advance(1);
                }

                Encode(buffer, _fields[i].Key);
                buffer.GetSpan(1)[0] = (byte)'=';
                buffer.Advance(1);
                Encode(buffer, _fields[i].Value);
            }

            byte[] array = buffer.Detach(out int length);
            return new PooledJsonContent(array, length, "application/x-www-form-urlencoded");
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private static void Encode(PooledBufferWriter buffer, string text)
    {
        const string Hex = "0123456789ABCDEF";
        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Math.Max(Encoding.UTF8.GetMaxByteCount(text.Length), 1));
        try
        {
            int count = Encoding.UTF8.GetBytes(text, utf8);
            Span<byte> output = buffer.GetSpan(count * 3);
            int written = 0;
            for (int i = 0; i < count; i++)
            {
                byte b = utf8[i];
                if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_')
                {
                    output[written++] = b;
                }
                else if (b == (byte)' ')
                {
                    output[written++] = (byte)'+';
                }
                else
                {
                    output[written++] = (byte)'%';
                    output[written++] = (byte)Hex[b >> 4];
                    output[written++] = (byte)Hex[b & 0xF];
                }
            }

            buffer.Advance(written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }
}
