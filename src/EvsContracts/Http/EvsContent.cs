using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>
/// A request body other than the JSON of a model sent as <c>application/json</c>: JSON under another media type
/// (<c>application/problem+json</c>, <c>text/json</c>), text, bytes from a stream, form fields, or a multipart form of fields and files. A generated client
/// makes one per call and hands it to <see cref="EvsHttpInvoker"/>.
/// </summary>
public abstract class EvsContent
{
    private protected EvsContent(string mediaType)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        MediaType = mediaType;
    }

    /// <summary>The <c>Content-Type</c> sent.</summary>
    public string MediaType { get; }

    /// <summary>A model written as JSON, sent as <paramref name="mediaType"/>.</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <param name="body">The model; validated before anything is sent.</param>
    /// <param name="mediaType">The <c>Content-Type</c>: <c>application/json</c>, <c>text/json</c>, <c>application/problem+json</c>, ...</param>
    /// <returns>The content.</returns>
    public static EvsContent Json<T>(T body, string mediaType)
        where T : class, IEvsJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        return new JsonContent<T>(body, mediaType);
    }

    /// <summary>Text, sent as UTF-8.</summary>
    /// <param name="text">The text.</param>
    /// <param name="mediaType">The <c>Content-Type</c>; <c>; charset=utf-8</c> is added when it names no parameter.</param>
    /// <returns>The content.</returns>
    public static EvsContent Text(string text, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextContent(text, mediaType);
    }

    /// <summary>The bytes of <paramref name="stream"/>, from its current position to its end.</summary>
    /// <param name="stream">The bytes; the caller keeps it and disposes it after the call. A seekable stream is sent
    /// with <c>Content-Length</c>, any other chunked.</param>
    /// <param name="mediaType">The <c>Content-Type</c>.</param>
    /// <returns>The content.</returns>
    public static EvsContent Binary(Stream stream, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new BinaryContent(stream, mediaType);
    }

    /// <summary>A model sent as <c>application/x-www-form-urlencoded</c> fields.</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <param name="body">The model; validated before anything is sent.</param>
    /// <param name="write">Adds the model's fields (generated code: one line per property, no reflection).</param>
    /// <returns>The content.</returns>
    public static EvsContent Form<T>(T body, Action<T, EvsForm> write)
        where T : class, IEvsJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(write);
        return new FormContent<T>(body, write);
    }

    /// <summary>
    /// A <c>multipart/form-data</c> body: the fields and files of <paramref name="form"/>, each a part. The fields
    /// were validated by the method that added them.
    /// </summary>
    /// <param name="form">The parts.</param>
    /// <returns>The content; its <c>Content-Type</c> carries the boundary.</returns>
    public static EvsContent Multipart(EvsMultipart form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new MultipartContent(form);
    }

    /// <summary>The contract's violations; empty for a body without rules.</summary>
    internal virtual IReadOnlyList<ContractViolation> Validate() => [];

    /// <summary>The content to send; a <see cref="PooledJsonContent"/> when the bytes are at hand (then signed without a copy).</summary>
    internal abstract HttpContent Create();

    /// <summary>Adds <c>charset=utf-8</c> to a media type that names no parameter, for text written as UTF-8.</summary>
    private static string WithCharset(string mediaType) =>
        mediaType.Contains(';', StringComparison.Ordinal) ? mediaType : mediaType + "; charset=utf-8";

    private sealed class JsonContent<T> : EvsContent
        where T : class, IEvsJsonModel<T>
    {
        private readonly T _body;

        public JsonContent(T body, string mediaType)
            : base(mediaType)
        {
            _body = body;
        }

        internal override IReadOnlyList<ContractViolation> Validate() => _body.Validate();

        internal override HttpContent Create() => EvsHttpInvoker.Serialize(_body, MediaType);
    }

    private sealed class TextContent : EvsContent
    {
        private readonly string _text;

        public TextContent(string text, string mediaType)
            : base(mediaType)
        {
            _text = text;
        }

        internal override HttpContent Create()
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(Encoding.UTF8.GetMaxByteCount(_text.Length), 1));
            int length = Encoding.UTF8.GetBytes(_text, buffer);
            return new PooledJsonContent(buffer, length, WithCharset(MediaType));
        }
    }

    private sealed class FormContent<T> : EvsContent
        where T : class, IEvsJsonModel<T>
    {
        private readonly T _body;
        private readonly Action<T, EvsForm> _write;

        public FormContent(T body, Action<T, EvsForm> write)
            : base("application/x-www-form-urlencoded")
        {
            _body = body;
            _write = write;
        }

        internal override IReadOnlyList<ContractViolation> Validate() => _body.Validate();

        internal override HttpContent Create()
        {
            var form = new EvsForm();
            _write(_body, form);
            return form.ToContent();
        }
    }

    private sealed class MultipartContent : EvsContent
    {
        private readonly EvsMultipart _form;

        public MultipartContent(EvsMultipart form)
            : base("multipart/form-data")
        {
            _form = form;
        }

        internal override HttpContent Create() => _form.ToContent();
    }

    private sealed class BinaryContent : EvsContent
    {
        private readonly Stream _stream;

        public BinaryContent(Stream stream, string mediaType)
            : base(mediaType)
        {
            _stream = stream;
        }

        internal override HttpContent Create() => new CallerStreamContent(_stream, MediaType);
    }

    /// <summary>
    /// The caller's stream as a body, left open: the caller made it and disposes it (<see cref="StreamContent"/>
    /// would dispose it with the request).
    /// </summary>
    internal sealed class CallerStreamContent : HttpContent
    {
        private readonly Stream _stream;
        private readonly long _start;

        public CallerStreamContent(Stream stream, string mediaType)
        {
            _stream = stream;
            _start = stream.CanSeek ? stream.Position : -1;
            Headers.TryAddWithoutValidation("Content-Type", mediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            Rewind();
            return _stream.CopyToAsync(stream, cancellationToken);
        }

        protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            Rewind();
            _stream.CopyTo(stream);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _start >= 0 ? _stream.Length - _start : 0;
            return _start >= 0;
        }

        // A redirect or a signing handler may read the body again; a seekable stream starts where it did.
        private void Rewind()
        {
            if (_start >= 0)
            {
                _stream.Position = _start;
            }
        }
    }
}
