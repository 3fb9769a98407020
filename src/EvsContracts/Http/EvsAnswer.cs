using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>
/// How <see cref="EvsHttpInvoker"/> reads a success body, and what it accepts: a model from JSON, text, or the bytes
/// as a stream. A generated client passes one of <see cref="EvsAnswer"/>'s.
/// </summary>
/// <typeparam name="TResult">The result.</typeparam>
public abstract class EvsAnswer<TResult>
{
    private protected EvsAnswer(string accept)
    {
        ArgumentException.ThrowIfNullOrEmpty(accept);
        Accept = accept;
    }

    /// <summary>The <c>Accept</c> header sent.</summary>
    public string Accept { get; }

    /// <summary>Whether the result keeps the response open (a stream the caller reads and disposes).</summary>
    internal virtual bool KeepsResponse => false;

    /// <summary>Whether a redirect is followed to the answer it leads to, when the handler has not followed it already.</summary>
    internal virtual bool FollowsRedirects => false;

    /// <summary>Reads the body of a success that has one.</summary>
    internal abstract ValueTask<TResult> ReadAsync(EvsHttpInvoker invoker, HttpRequestMessage request, HttpResponseMessage response, string? secret, BodyCancellation cancellation);
}

/// <summary>The ways to read a success body.</summary>
public static class EvsAnswer
{
    /// <summary>No body is read; <c>Accept: application/json</c> is sent, for the error body.</summary>
    public static EvsAnswer<object?> None { get; } = new NoneAnswer();

    /// <summary>A model read from JSON, accepting <c>application/json</c>.</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <returns>The answer.</returns>
    public static EvsAnswer<T> Json<T>()
        where T : class, IEvsJsonModel<T> => JsonAnswer<T>.Default;

    /// <summary>A model read from JSON, accepting <paramref name="mediaType"/> (<c>text/json</c>, <c>application/problem+json</c>, ...).</summary>
    /// <typeparam name="T">The model.</typeparam>
    /// <param name="mediaType">The <c>Accept</c> header.</param>
    /// <returns>The answer.</returns>
    public static EvsAnswer<T> Json<T>(string mediaType)
        where T : class, IEvsJsonModel<T> => mediaType == "application/json" ? JsonAnswer<T>.Default : new JsonAnswer<T>(mediaType);

    /// <summary>
    /// Text, decoded by the response's <c>charset</c> (UTF-8 when it names none), at most
    /// <see cref="EvsHttpInvoker.MaxResponseBodyBytes"/> of it.
    /// </summary>
    /// <param name="mediaType">The <c>Accept</c> header.</param>
    /// <returns>The answer.</returns>
    public static EvsAnswer<string> Text(string mediaType) => new TextAnswer(mediaType);

    /// <summary>
    /// The body as a stream, read as it arrives: the caller reads and disposes it, which closes the response. It is
    /// not bounded, and <see cref="HttpClient.Timeout"/> stops at the headers: the caller's reads carry its own
    /// cancellation.
    /// </summary>
    /// <param name="mediaType">The <c>Accept</c> header.</param>
    /// <returns>The answer.</returns>
    public static EvsAnswer<Stream> Binary(string mediaType) => new BinaryAnswer(mediaType, followsRedirects: false);

    /// <summary>
    /// For an operation that answers only with a redirect (a download link): the body of the answer the redirect leads
    /// to, as a stream, as <see cref="Binary"/> reads it. A handler that follows redirects (HttpClient's default) has
    /// done so already; otherwise the invoker follows a <c>Location</c> itself, at most 10 times, with a <c>GET</c> that
    /// carries neither the token, the API version nor the caller's headers (the place may be another host; the link
    /// itself authorises the download), and never from <c>https</c> to <c>http</c>. A redirect it does not follow is
    /// an <see cref="EvsApiException"/>.
    /// </summary>
    /// <param name="mediaType">The <c>Accept</c> header.</param>
    /// <returns>The answer.</returns>
    public static EvsAnswer<Stream> Redirected(string mediaType) => new BinaryAnswer(mediaType, followsRedirects: true);

    private sealed class NoneAnswer : EvsAnswer<object?>
    {
        public NoneAnswer()
            : base("application/json")
        {
        }

        internal override ValueTask<object?> ReadAsync(EvsHttpInvoker invoker, HttpRequestMessage request, HttpResponseMessage response, string? secret, BodyCancellation cancellation) =>
            ValueTask.FromResult<object?>(null);
    }

    private sealed class JsonAnswer<T> : EvsAnswer<T>
        where T : class, IEvsJsonModel<T>
    {
        public static readonly JsonAnswer<T> Default = new("application/json");

        public JsonAnswer(string accept)
            : base(accept)
        {
        }

        internal override ValueTask<T> ReadAsync(EvsHttpInvoker invoker, HttpRequestMessage request, HttpResponseMessage response, string? secret, BodyCancellation cancellation) =>
            invoker.ReadJsonAsync<T>(request, response, secret, cancellation);
    }

    private sealed class TextAnswer : EvsAnswer<string>
    {
        public TextAnswer(string accept)
            : base(accept)
        {
        }

        internal override ValueTask<string> ReadAsync(EvsHttpInvoker invoker, HttpRequestMessage request, HttpResponseMessage response, string? secret, BodyCancellation cancellation) =>
            EvsHttpInvoker.ReadTextAsync(request, response, secret, cancellation);
    }

    private sealed class BinaryAnswer : EvsAnswer<Stream>
    {
        private readonly bool _followsRedirects;

        public BinaryAnswer(string accept, bool followsRedirects)
            : base(accept)
        {
            _followsRedirects = followsRedirects;
        }

        internal override bool KeepsResponse => true;

        internal override bool FollowsRedirects => _followsRedirects;

        internal override async ValueTask<Stream> ReadAsync(EvsHttpInvoker invoker, HttpRequestMessage request, HttpResponseMessage response, string? secret, BodyCancellation cancellation)
        {
            Stream body = await response.Content.ReadAsStreamAsync(cancellation.Token).ConfigureAwait(false);
            return new ResponseStream(body, response);
        }
    }
}
