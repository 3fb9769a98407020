using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>A success body handed to the caller as it arrives; disposing it disposes the response, which frees the connection.</summary>
internal sealed class ResponseStream : Stream
{
    private readonly Stream _body;
    private readonly HttpResponseMessage _response;

    public ResponseStream(Stream body, HttpResponseMessage response)
    {
        _body = body;
        _response = response;
    }

    public override bool CanRead => _body.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    /// <summary>The <c>Content-Length</c> the server declared.</summary>
    /// <exception cref="NotSupportedException">The server declared none (a chunked body).</exception>
    public override long Length => _response.Content.Headers.ContentLength ?? throw new NotSupportedException("The response declared no Content-Length.");

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _body.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _body.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _body.ReadAsync(buffer, cancellationToken);

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
        _body.CopyToAsync(destination, bufferSize, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _body.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
