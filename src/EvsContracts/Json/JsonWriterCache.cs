using System;
using System.Text.Json;

namespace EvsContracts;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> and one <see cref="PooledBufferWriter"/> per thread, reset for each body instead
/// of made anew: writing a body is synchronous, so a thread never needs two at once. A nested use (a model whose
/// <c>WriteJson</c> serializes another value) finds the slot empty and gets a pair of its own.
/// </summary>
internal sealed class JsonWriterCache
{
    [ThreadStatic]
    private static JsonWriterCache? s_cached;

    private JsonWriterCache()
    {
        Buffer = new PooledBufferWriter();
        Writer = new Utf8JsonWriter(Buffer, EvsJson.WriterOptions);
    }

    /// <summary>The buffer, with a fresh rented array.</summary>
    public PooledBufferWriter Buffer { get; }

    /// <summary>The writer, over <see cref="Buffer"/>, with <see cref="EvsJson.WriterOptions"/>.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Takes this thread's pair, ready to write.</summary>
    /// <param name="initialCapacity">The size of the array to rent.</param>
    private static JsonWriterCache Rent(int initialCapacity)
    {
        JsonWriterCache cache = s_cached ?? new JsonWriterCache();
        s_cached = null;
        cache.Buffer.Start(initialCapacity);
        cache.Writer.Reset(cache.Buffer);
        return cache;
    }

    /// <summary>
    /// Takes this thread's pair and writes <paramref name="value"/> into it, flushed; the caller reads or detaches the
    /// buffer, then gives the pair back with <see cref="Return"/>. If writing throws, the pair is given back here.
    /// </summary>
    /// <param name="value">The model to write.</param>
    public static JsonWriterCache Write<T>(T value)
        where T : IEvsJsonModel<T>
    {
        JsonWriterCache cache = Rent(1024);
        try
        {
            value.WriteJson(cache.Writer);
            cache.Writer.Flush();
            return cache;
        }
        catch
        {
            Return(cache);
            throw;
        }
    }

    /// <summary>Gives the pair back: what is still in the buffer returns to the pool, and the writer forgets it.</summary>
    /// <param name="cache">The pair from <see cref="Write{T}"/>.</param>
    public static void Return(JsonWriterCache cache)
    {
        // Reset with the output again, rather than Reset(): that one throws if a model disposed the writer.
        cache.Writer.Reset(cache.Buffer);
        cache.Buffer.Dispose();
        s_cached = cache;
    }
}
