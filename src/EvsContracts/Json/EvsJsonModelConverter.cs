using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvsContracts;

/// <summary>
/// Lets <see cref="JsonSerializer"/> read and write a generated model with the model's own reader and writer; every
/// generated model names it in its <see cref="JsonConverterAttribute"/>.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
public sealed class EvsJsonModelConverter<T> : JsonConverter<T>
    where T : IEvsJsonModel<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.ReadJson(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.WriteJson(writer);
    }
}
