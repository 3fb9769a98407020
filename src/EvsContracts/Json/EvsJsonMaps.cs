using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace EvsContracts;

/// <summary>Writes a JSON object from a string-keyed map; generated models call it for their map members.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EvsJsonMaps
{
    /// <summary>Writes a map of strings as a JSON object, its keys as member names, in its own order.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="map">The map, typically a <see cref="Dictionary{TKey, TValue}"/>.</param>
    public static void Write(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, string>> map)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(map);
        if (!EvsJson.HasMinimalEncoder(writer))
        {
            Write(writer, map, static (writer, value) => EvsJson.WriteStringValue(writer, value));
            return;
        }

        // The writer already writes by the wire rule: each entry is one call, as hand-written code would make it.
        writer.WriteStartObject();
        if (map is Dictionary<string, string> dictionary)
        {
            foreach (KeyValuePair<string, string> entry in dictionary)
            {
                writer.WriteString(entry.Key, entry.Value);
            }
        }
        else
        {
            foreach (KeyValuePair<string, string> entry in map)
            {
                writer.WriteString(entry.Key, entry.Value);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <paramref name="map"/> as a JSON object, its keys as member names, in its own order.</summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="map">The map, typically a <see cref="Dictionary{TKey, TValue}"/>.</param>
    /// <param name="writeValue">Writes one value (generated models pass a static lambda, so nothing is allocated).</param>
    public static void Write<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> map, Action<Utf8JsonWriter, T> writeValue)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(writeValue);
        writer.WriteStartObject();

        // The reader makes a Dictionary and most callers assign one: its struct enumerator allocates nothing, where
        // enumerating it through the interface boxes one.
        if (map is Dictionary<string, T> dictionary)
        {
            foreach (KeyValuePair<string, T> entry in dictionary)
            {
                writer.WritePropertyName(entry.Key);
                writeValue(writer, entry.Value);
            }
        }
        else
        {
            foreach (KeyValuePair<string, T> entry in map)
            {
                writer.WritePropertyName(entry.Key);
                writeValue(writer, entry.Value);
            }
        }

        writer.WriteEndObject();
    }
}
