using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>
/// A request body held in a pooled array (JSON, text or form fields): its length is known, so it goes out with
/// <c>Content-Length</c>, never chunked (a real Cinder sees a chunked body as empty and answers 500).
/// </summary>
internal sealed class PooledJsonContent : HttpContent
{
    private const int Idle = 0;
    private const int Writing = 1;
    private const int Disposed = 2;

    private readonly byte[] _buffer;
    private readonly int _length;
    private int _state;

    /// <summary>Takes ownership of <paramref name="buffer"/>, a rented array; it goes back to the pool on dispose.</summary>
    public PooledJsonContent(byte[] buffer, int length, string contentType = "application/json")
    {
        _buffer = buffer;
        _length = length;
        // Added as text: a parsed MediaTypeHeaderValue would be made for every request only to be written back.
        Headers.TryAddWithoutValidation("Content-Type", contentType);
        Headers.ContentLength = length;
    }

    /// <summary>The body as sent, for signing.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            await stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Exit();
        }
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            stream.Write(_buffer, 0, _length);
        }
        finally
        {
            Exit();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        // A handler may still be writing the body when the response arrives early (a 413 before the upload ends);
        // the array then goes back to the pool when that write finishes, never while it is being read.
        if (disposing && Interlocked.Exchange(ref _state, Disposed) == Idle)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        base.Dispose(disposing);
    }

    private void Enter()
    {
        int previous = Interlocked.CompareExchange(ref _state, Writing, Idle);
        ObjectDisposedException.ThrowIf(previous == Disposed, this);
        if (previous == Writing)
        {
            throw new InvalidOperationException("The request body is already being written.");
        }
    }

    private void Exit()
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Writing) == Disposed)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
