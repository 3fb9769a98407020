using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Unicode;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>
/// At most a given number of bytes of a response body, in a pooled array. Reading stops there: a huge or endless
/// body is never read whole.
/// </summary>
internal sealed class BoundedBody : IDisposable
{
    private const int FirstReadSize = 16 * 1024;
    private byte[]? _buffer;

    private BoundedBody(byte[] buffer, int length, bool truncated)
    {
        _buffer = buffer;
        Length = length;
        Truncated = truncated;
    }

    public int Length { get; }

    /// <summary>Whether the body is longer than the limit; only the first <see cref="Length"/> bytes were kept.</summary>
    public bool Truncated { get; }

    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(BoundedBody))).AsSpan(0, Length);

    /// <summary>Reads at most <paramref name="limit"/> bytes of <paramref name="content"/>.</summary>
    /// <remarks>
    /// Reads that complete at once (a body already in the connection's buffer) go without a timer;
    /// <paramref name="cancellation"/> is armed before the first read that waits.
    /// </remarks>
    public static async ValueTask<BoundedBody> ReadAsync(HttpContent content, int limit, BodyCancellation cancellation)
    {
        // One byte more than the limit tells a body of exactly the limit from a longer one.
        int window = limit >= Array.MaxLength ? Array.MaxLength : limit + 1;
        long? declared = content.Headers.ContentLength;
        int initial = declared is long size && size < window ? (int)size : Math.Min(window, FirstReadSize);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 1));
        int length = 0;
        bool ended = false;
        try
        {
            Task<Stream> opening = content.ReadAsStreamAsync(cancellation.Token);
            if (!opening.IsCompleted)
            {
                cancellation.Arm();
            }

            Stream stream = await opening.ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (length < window)
                {
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, window));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    ValueTask<int> reading = stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, window) - length), cancellation.Token);
                    if (!reading.IsCompleted)
                    {
                        cancellation.Arm();
                    }

                    int read = await reading.ConfigureAwait(false);
                    if (read == 0)
                    {
                        ended = true;
                        break;
                    }

                    length += read;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        bool truncated = !ended && length > limit;
        return new BoundedBody(buffer, truncated ? limit : length, truncated);
    }

    /// <summary>
    /// Decodes at most <paramref name="maxBytes"/> of the kept bytes as UTF-8; when the text is cut short, a
    /// character split by the cut is dropped rather than turned into U+FFFD.
    /// </summary>
    public string Decode(int maxBytes)
    {
        ReadOnlySpan<byte> bytes = Span;
        bool cut = Truncated;
        if (bytes.Length > maxBytes)
        {
            bytes = bytes.Slice(0, Math.Max(maxBytes, 0));
            cut = true;
        }

        if (!cut)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            Utf8.ToUtf16(bytes, chars, out _, out int written, replaceInvalidSequences: true, isFinalBlock: false);
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public void Dispose()
    {
        byte[]? buffer = _buffer;
        _buffer = null;
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
