using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;

namespace EvsContracts;

/// <summary>
/// A file sent as a part of a <c>multipart/form-data</c> body: its bytes (a stream, an array, or a file on disk), its
/// name and its media type. A generated method takes one for each <c>format: binary</c> field of the form.
/// </summary>
public sealed class EvsFile
{
    private readonly Stream? _stream;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly string? _path;

    /// <summary>A file read from <paramref name="content"/>, from its current position to its end.</summary>
    /// <param name="content">The bytes; the caller keeps the stream and disposes it after the call. A seekable stream
    /// is sent with its length, any other as it is read.</param>
    /// <param name="fileName">The name sent as the part's <c>filename</c>; the field's name when none is given.</param>
    /// <param name="contentType">The part's <c>Content-Type</c>; when none is given, the one the spec names for the
    /// field, else <c>application/octet-stream</c>.</param>
    public EvsFile(Stream content, string? fileName = null, string? contentType = null)
        : this(content ?? throw new ArgumentNullException(nameof(content)), default, null, fileName, contentType)
    {
    }

    private EvsFile(Stream? stream, ReadOnlyMemory<byte> bytes, string? path, string? fileName, string? contentType)
    {
        if (contentType is not null && !MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new ArgumentException($"'{contentType}' is not a media type.", nameof(contentType));
        }

        _stream = stream;
        _bytes = bytes;
        _path = path;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The name sent as the part's <c>filename</c>, or <see langword="null"/> to send the field's name.</summary>
    public string? FileName { get; }

    /// <summary>The part's <c>Content-Type</c>, or <see langword="null"/> for the one the spec names.</summary>
    public string? ContentType { get; }

    /// <summary>A file of the bytes given (a <c>byte[]</c> converts to <see cref="ReadOnlyMemory{T}"/>).</summary>
    /// <param name="bytes">The bytes; not copied, so they must not change until the call is over.</param>
    /// <param name="fileName">The name sent as the part's <c>filename</c>; the field's name when none is given.</param>
    /// <param name="contentType">The part's <c>Content-Type</c>; the spec's, else <c>application/octet-stream</c>, when none is given.</param>
    /// <returns>The file.</returns>
    public static EvsFile FromBytes(ReadOnlyMemory<byte> bytes, string? fileName = null, string? contentType = null) =>
        new(null, bytes, null, fileName, contentType);

    /// <summary>
    /// The file at <paramref name="path"/>, sent under its own name. It is opened when the request is sent and closed
    /// when the call is over, so a client may build the request long before and the file is read as it goes out.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="contentType">The part's <c>Content-Type</c>; the spec's, else <c>application/octet-stream</c>, when none is given.</param>
    /// <returns>The file.</returns>
    public static EvsFile FromPath(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new EvsFile(null, default, path, Path.GetFileName(path), contentType);
    }

    /// <summary>The part's content: the caller's stream left open, the bytes, or the file opened now (closed with the request).</summary>
    internal HttpContent CreateContent(string defaultContentType)
    {
        string contentType = ContentType ?? defaultContentType;
        if (_stream is not null)
        {
            return new EvsContent.CallerStreamContent(_stream, contentType);
        }

        HttpContent content = _path is not null
            ? new StreamContent(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan), 81920)
            : new ReadOnlyMemoryContent(_bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
