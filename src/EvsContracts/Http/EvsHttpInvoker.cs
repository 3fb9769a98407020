using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>
/// Sends requests for a generated client: validates and serializes the body, adds the auth and version headers, and
/// turns the answer into a model or an <see cref="EvsApiException"/>.
/// </summary>
/// <remarks>
/// Bodies go out with <c>Content-Length</c> (<c>Content-Type: application/json</c> for a model, or the media type of an
/// <see cref="EvsContent"/>), never chunked, except a stream that cannot tell its length. Responses are read with
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> and bounded: a JSON or text success body over 16 MiB is an
/// error (a binary one is handed over as a stream, unread), and only <see cref="EvsClientOptions.MaxErrorBodyBytes"/>
/// of an error body is read.
/// <see cref="HttpClient.Timeout"/> covers the whole exchange, body included, and gives HttpClient's own
/// <see cref="TaskCanceledException"/> with an inner <see cref="TimeoutException"/>.
/// </remarks>
public sealed class EvsHttpInvoker
{
    /// <summary>The largest success body read.</summary>
    public const int MaxResponseBodyBytes = 16 * 1024 * 1024;

    private const string AuthTokenHeader = "X-Auth-Token";
    private const string ApiVersionHeader = "OpenStack-API-Version";
    private static readonly string[] s_requestIdHeaders = ["x-openstack-request-id", "X-Request-Id", "X-Compute-Request-Id"];

    private readonly HttpClient _httpClient;
    private readonly ResolvedUri?[] _recentUris = new ResolvedUri?[8];
    private ResolvedBase? _resolvedBase;

    /// <summary>Creates an invoker over <paramref name="httpClient"/>, whose <see cref="HttpClient.BaseAddress"/> is the endpoint.</summary>
    /// <param name="httpClient">The client; its base address may carry a path prefix, which is kept.</param>
    /// <param name="options">The settings; defaults when <see langword="null"/>.</param>
    public EvsHttpInvoker(HttpClient httpClient, EvsClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        Options = options ?? new EvsClientOptions();
    }

    /// <summary>The settings, read at every request.</summary>
    public EvsClientOptions Options { get; }

    /// <summary>Sends a request with an optional JSON body and reads a JSON answer.</summary>
    /// <typeparam name="TRequest">The body's model.</typeparam>
    /// <typeparam name="TResponse">The answer's model.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The escaped path and query, without a leading slash (<c>v2/abc/snapshots?x=1</c>).</param>
    /// <param name="body">The body; <see langword="null"/> sends none.</param>
    /// <param name="headers">Extra headers; a <see langword="null"/> value is not sent.</param>
    /// <param name="expectedStatus">The status of success.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="EvsValidationException">The body breaks its contract; nothing was sent.</exception>
    /// <exception cref="EvsApiException">Another status was answered, or the success body could not be read.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> has no base address.</exception>
    public Task<TResponse> SendAsync<TRequest, TResponse>(
        HttpMethod method,
        string relativeUri,
        TRequest? body,
        (string Name, string? Value)[]? headers,
        int expectedStatus,
        CancellationToken cancellationToken)
        where TRequest : class, IEvsJsonModel<TRequest>
        where TResponse : class, IEvsJsonModel<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativeUri);
        return SendCoreAsync<TRequest, TResponse>(method, relativeUri, body, null, headers, expectedStatus, null, EvsAnswer.Json<TResponse>(), cancellationToken);
    }

    /// <summary>Sends a request without a body and reads a JSON answer.</summary>
    /// <typeparam name="TResponse">The answer's model.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The escaped path and query, without a leading slash.</param>
    /// <param name="headers">Extra headers; a <see langword="null"/> value is not sent.</param>
    /// <param name="expectedStatus">The status of success.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="EvsApiException">Another status was answered, or the success body could not be read.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> has no base address.</exception>
    public Task<TResponse> SendAsync<TResponse>(
        HttpMethod method,
        string relativeUri,
        (string Name, string? Value)[]? headers,
        int expectedStatus,
        CancellationToken cancellationToken)
        where TResponse : class, IEvsJsonModel<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativeUri);
        return SendCoreAsync<NoBody, TResponse>(method, relativeUri, null, null, headers, expectedStatus, null, EvsAnswer.Json<TResponse>(), cancellationToken);
    }

    /// <summary>Sends a request with an optional JSON body and expects an answer without one (<c>PATCH</c>, 202; <c>PUT</c>, 204).</summary>
    /// <typeparam name="TRequest">The body's model.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The escaped path and query, without a leading slash.</param>
    /// <param name="body">The body; <see langword="null"/> sends none.</param>
    /// <param name="headers">Extra headers; a <see langword="null"/> value is not sent.</param>
    /// <param name="expectedStatus">The status of success.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes on success.</returns>
    /// <exception cref="EvsValidationException">The body breaks its contract; nothing was sent.</exception>
    /// <exception cref="EvsApiException">Another status was answered.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> has no base address.</exception>
    public Task SendAsync<TRequest>(
        HttpMethod method,
        string relativeUri,
        TRequest? body,
        (string Name, string? Value)[]? headers,
        int expectedStatus,
        CancellationToken cancellationToken)
        where TRequest : class, IEvsJsonModel<TRequest>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativeUri);
        return SendCoreAsync<TRequest, object?>(method, relativeUri, body, null, headers, expectedStatus, null, EvsAnswer.None, cancellationToken);
    }

    /// <summary>Sends a request without a body and expects an answer without one (<c>DELETE</c>, 202).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The escaped path and query, without a leading slash.</param>
    /// <param name="headers">Extra headers; a <see langword="null"/> value is not sent.</param>
    /// <param name="expectedStatus">The status of success.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes on success.</returns>
    /// <exception cref="EvsApiException">Another status was answered.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> has no base address.</exception>
    public Task SendAsync(
        HttpMethod method,
        string relativeUri,
        (string Name, string? Value)[]? headers,
        int expectedStatus,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativeUri);
        return SendCoreAsync<NoBody, object?>(method, relativeUri, null, null, headers, expectedStatus, null, EvsAnswer.None, cancellationToken);
    }

    /// <summary>Sends a request with an optional JSON body where more than one status is a success.</summary>
    /// <typeparam name="TRequest">The body's model.</typeparam>
    /// <typeparam name="TResponse">The answer's model.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The escaped path and query, without a leading slash.</param>
    /// <param name="body">The body; <see langword="null"/> sends none.</param>
    /// <param name="headers">Extra headers; a <see langword="null"/> value is not sent.</param>
    /// <param name="success">The statuses of success, and which carry the answer.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer; <see langword="null"/> for a success without a body.</returns>
    /// <exception cref="EvsValidationException">The body breaks its contract; nothing was sent.</exception>
    /// <exception cref="EvsApiException">Another status was answered, or the success body could not be read.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> has no base address.</exception>
    public Task<TResponse?> SendAsync<TRequest, TResponse>(
        HttpMethod method,
        string relativeUri,
        TRequest? body,
        (string Name, string? Value)[]? headers,
        EvsSuccess success,
        CancellationToken cancellationToken)
        where TRequest : class, IEvsJsonModel<TRequest>
        where TResponse : class, IEvsJsonModel<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativeUri);
        ArgumentNullException.ThrowIfNull(success);
        return SendCoreAsync<TRequest, TResponse>(method, relativeUri, body, null, headers, 0, success, EvsAnswer.Json<TResponse>(), cancellationToken)!;
    }

    /// <summary>Sends a request without a body where more than one status is a success.</summary>
    /// <typeparam name="TResponse">The answer's model.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The escaped path and query, without a leading slash.</param>
    /// <param name="headers">Extra headers; a <see langword="null"/> value is not sent.</param>
    /// <param name="success">The statuses of success, and which carry the answer.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer; <see langword="null"/> for a success without a body.</returns>
    /// <exception cref="EvsApiException">Another status was answered, or the success body could not be read.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> has no base address.</exception>
    public Task<TResponse?> SendAsync<TResponse>(
        HttpMethod method,
        string relativeUri,
        (string Name, string? Value)[]? headers,
        EvsSuccess success,
        CancellationToken cancellationToken)
        where TResponse : class, IEvsJsonModel<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativeUri);
        ArgumentNullException.ThrowIfNull(success);
        return SendCoreAsync<NoBody, TResponse>(method, relativeUri, null, null, headers, 0, success, EvsAnswer.Json<TResponse>(), cancellationToken)!;
    }

    /// <summary>Sends a request with an optional JSON body where more than one status, none with a body, is a success.</summary>
    /// <typeparam name="TRequest">The body's model.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The escaped path and query, without a leading slash.</param>
    /// <param name="body">The body; <see langword="null"/> sends none.</param>
    /// <param name="headers">Extra headers; a <see langword="null"/> value is not sent.</param>
    /// <param name="success">The statuses of success.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes on success.</returns>
    /// <exception cref="EvsValidationException">The body breaks its contract; nothing was sent.</exception>
    /// <exception cref="EvsApiException">Another status was answered.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> has no base address.</exception>
    public Task SendAsync<TRequest>(
        HttpMethod method,
        string relativeUri,
        TRequest? body,
        (string Name, string? Value)[]? headers,
        EvsSuccess success,
        CancellationToken cancellationToken)
        where TRequest : class, IEvsJsonModel<TRequest>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativeUri);
        ArgumentNullException.ThrowIfNull(success);
        return SendCoreAsync<TRequest, object?>(method, relativeUri, body, null, headers, 0, success, EvsAnswer.None, cancellationToken);
    }

    /// <summary>Sends a request without a body where more than one status, none with a body, is a success.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The escaped path and query, without a leading slash.</param>
    /// <param name="headers">Extra headers; a <see langword="null"/> value is not sent.</param>
    /// <param name="success">The statuses of success.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes on success.</returns>
    /// <exception cref="EvsApiException">Another status was answered.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> has no base address.</exception>
    public Task SendAsync(
        HttpMethod method,
        string relativeUri,
        (string Name, string? Value)[]? headers,
        EvsSuccess success,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativeUri);
        ArgumentNullException.ThrowIfNull(success);
        return SendCoreAsync<NoBody, object?>(method, relativeUri, null, null, headers, 0, success, EvsAnswer.None, cancellationToken);
    }

    /// <summary>
    /// Sends a request with any body (<see cref="EvsContent"/>: JSON under its media type, text, a stream, form
    /// fields) and reads the answer as <paramref name="answer"/> says (a model, text, a stream, or nothing).
    /// </summary>
    /// <typeparam name="TResult">The result.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The escaped path and query, without a leading slash.</param>
    /// <param name="content">The body; <see langword="null"/> sends none.</param>
    /// <param name="headers">Extra headers; a <see langword="null"/> value is not sent.</param>
    /// <param name="expectedStatus">The status of success.</param>
    /// <param name="answer">How the success body is read, and the <c>Accept</c> header.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="EvsValidationException">The body breaks its contract; nothing was sent.</exception>
    /// <exception cref="EvsApiException">Another status was answered, or the success body could not be read.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> has no base address.</exception>
    public Task<TResult> SendAsync<TResult>(
        HttpMethod method,
        string relativeUri,
        EvsContent? content,
        (string Name, string? Value)[]? headers,
        int expectedStatus,
        EvsAnswer<TResult> answer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativeUri);
        ArgumentNullException.ThrowIfNull(answer);
        return SendCoreAsync<NoBody, TResult>(method, relativeUri, null, content, headers, expectedStatus, null, answer, cancellationToken);
    }

    /// <summary>As <see cref="SendAsync{TResult}(HttpMethod, string, EvsContent?, ValueTuple{string, string?}[], int, EvsAnswer{TResult}, CancellationToken)"/>, where more than one status is a success.</summary>
    /// <typeparam name="TResult">The result.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUri">The escaped path and query, without a leading slash.</param>
    /// <param name="content">The body; <see langword="null"/> sends none.</param>
    /// <param name="headers">Extra headers; a <see langword="null"/> value is not sent.</param>
    /// <param name="success">The statuses of success, and which carry the answer.</param>
    /// <param name="answer">How the success body is read, and the <c>Accept</c> header.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer; <see langword="null"/> for a success without a body.</returns>
    /// <exception cref="EvsValidationException">The body breaks its contract; nothing was sent.</exception>
    /// <exception cref="EvsApiException">Another status was answered, or the success body could not be read.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> has no base address.</exception>
    public Task<TResult?> SendAsync<TResult>(
        HttpMethod method,
        string relativeUri,
        EvsContent? content,
        (string Name, string? Value)[]? headers,
        EvsSuccess success,
        EvsAnswer<TResult> answer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativeUri);
        ArgumentNullException.ThrowIfNull(success);
        ArgumentNullException.ThrowIfNull(answer);
        return SendCoreAsync<NoBody, TResult>(method, relativeUri, null, content, headers, 0, success, answer, cancellationToken)!;
    }

    /// <summary>The one send path: a model's JSON (<paramref name="body"/>, with no allocation of its own) or any other content.</summary>
    private async Task<TResult> SendCoreAsync<TRequest, TResult>(
        HttpMethod method,
        string relativeUri,
        TRequest? body,
        EvsContent? content,
        (string Name, string? Value)[]? headers,
        int expectedStatus,
        EvsSuccess? success,
        EvsAnswer<TResult> answer,
        CancellationToken cancellationToken)
        where TRequest : class, IEvsJsonModel<TRequest>
    {
        // Everything that can refuse the call runs before any network I/O.
        if (Options.ValidateRequests && (body is not null || content is not null))
        {
            IReadOnlyList<ContractViolation> violations = body is not null ? body.Validate() : content!.Validate();
            if (violations.Count > 0)
            {
                throw new EvsValidationException(violations);
            }
        }

        Uri uri = Resolve(relativeUri);
        if (headers is not null)
        {
            foreach ((string name, string? value) in headers)
            {
                EvsHeaders.Validate(name, value);
            }
        }

        string? apiVersion = Options.ApiVersion;
        if (apiVersion is not null)
        {
            EvsHeaders.Validate(ApiVersionHeader, apiVersion);
        }

        // A fixed token (or none) needs no await.
        string? token = Options.AuthTokenProvider is null
            ? ValidToken(Options.AuthToken)
            : await GetTokenAsync(cancellationToken).ConfigureAwait(false);

        using var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("Accept", answer.Accept);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.TryAddWithoutValidation(AuthTokenHeader, token);
        }

        if (apiVersion is not null)
        {
            request.Headers.TryAddWithoutValidation(ApiVersionHeader, apiVersion);
        }

        if (headers is not null)
        {
            foreach ((string name, string? value) in headers)
            {
                if (value is not null && !request.Headers.TryAddWithoutValidation(name, value))
                {
                    throw new ArgumentException($"Header '{name}' cannot be set on a request.", nameof(headers));
                }
            }
        }

        if (body is not null)
        {
            request.Content = Serialize(body, "application/json");
        }
        else if (content is not null)
        {
            request.Content = content.Create();
        }

        // Signed last, over the headers and the exact body bytes that go out.
        if (Options.Credentials is { } credentials)
        {
            await HuaweiCloudSigner.SignAsync(request, credentials, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        // HttpClient's own timeout starts here too.
        long started = Stopwatch.GetTimestamp();
        HttpResponseMessage response = await _httpClient
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        bool kept = false;
        HttpRequestMessage? followed = null;
        if (answer.FollowsRedirects)
        {
            (followed, response) = await FollowRedirectsAsync(request, response, answer.Accept, cancellationToken).ConfigureAwait(false);
        }

        // The request that was answered, for messages: the last redirect followed, else the one sent.
        HttpRequestMessage answered = followed ?? request;

        // What a server may echo back and must not reach logs: the token, or with AK/SK the security token, whether
        // this invoker or a signing handler in the pipeline added it (the secret key itself is never sent).
        string? secret = token ?? SentSecurityToken(request);

        // HttpClient.Timeout stops at the headers with ResponseHeadersRead; the body gets what is left of it.
        TimeSpan timeout = _httpClient.Timeout;
        using var bodyCancellation = new BodyCancellation(timeout, started, cancellationToken);
        try
        {
            bool hasBody = true;
            if (success is null ? (int)response.StatusCode != expectedStatus : !success.Accepts((int)response.StatusCode, out hasBody))
            {
                throw await CreateApiExceptionAsync(answered, response, secret, bodyCancellation).ConfigureAwait(false);
            }

            if (ReferenceEquals(answer, EvsAnswer.None) || !hasBody)
            {
                return default!;
            }

            TResult result = await answer.ReadAsync(this, answered, response, secret, bodyCancellation).ConfigureAwait(false);
            kept = answer.KeepsResponse;
            return result;
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && exception.CancellationToken != cancellationToken)
        {
            // Reading the body saw the body's token; the caller should see its own, as HttpClient does.
            throw new TaskCanceledException(exception.Message, exception, cancellationToken);
        }
        catch (OperationCanceledException exception) when (bodyCancellation.TimedOut)
        {
            // The same exception HttpClient throws when its timeout elapses before the headers.
            throw new TaskCanceledException(
                string.Create(CultureInfo.InvariantCulture, $"The request was canceled due to the configured HttpClient.Timeout of {timeout.TotalSeconds} seconds elapsing."),
                new TimeoutException(exception.Message, exception));
        }
        catch (IOException exception)
        {
            // The connection broke while the body was read. HttpClient reports that as an HttpRequestException when it
            // reads a body itself; so does this, saying what was asked and what had been answered.
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                Redact($"{Describe(answered, response)}, but the connection broke while its body was read: {exception.Message}", secret),
                exception,
                response.StatusCode);
        }
        finally
        {
            // A stream handed to the caller keeps the response open; the caller's dispose of it closes it.
            if (!kept)
            {
                response.Dispose();
            }

            followed?.Dispose();
        }
    }

    /// <summary>
    /// Follows redirects the handler did not (<see cref="EvsAnswer.Redirected"/>): a <c>GET</c> (a <c>HEAD</c> stays
    /// one) to each <c>Location</c>, with only the <c>Accept</c> header. Returns the last request it made (null when
    /// none) and the answer to follow no further.
    /// </summary>
    private async Task<(HttpRequestMessage? Request, HttpResponseMessage Response)> FollowRedirectsAsync(HttpRequestMessage request, HttpResponseMessage response, string accept, CancellationToken cancellationToken)
    {
        const int MaxRedirects = 10;
        HttpRequestMessage? followed = null;
        for (int hop = 0; hop < MaxRedirects; hop++)
        {
            HttpRequestMessage from = followed ?? request;
            int status = (int)response.StatusCode;
            bool resent = from.Method == HttpMethod.Get || from.Method == HttpMethod.Head || status == 303;
            if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location || !resent)
            {
                break;
            }

            var target = new Uri(from.RequestUri!, location);
            if ((from.RequestUri!.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
            {
                break;
            }

            var next = new HttpRequestMessage(from.Method == HttpMethod.Head ? HttpMethod.Head : HttpMethod.Get, target);
            next.Headers.TryAddWithoutValidation("Accept", accept);
            response.Dispose();
            followed?.Dispose();
            followed = next;
            response = await _httpClient.SendAsync(next, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }

        return (followed, response);
    }

    /// <summary>A JSON success body, read whole (at most <see cref="MaxResponseBodyBytes"/>) into a model.</summary>
    internal async ValueTask<TResponse> ReadJsonAsync<TResponse>(HttpRequestMessage request, HttpResponseMessage response, string? secret, BodyCancellation cancellation)
        where TResponse : class, IEvsJsonModel<TResponse>
    {
        using BoundedBody body = await ReadBoundedAsync(request, response, secret, cancellation).ConfigureAwait(false);
        return ReadSuccess<TResponse>(request, response, secret, body);
    }

    /// <summary>A text success body, decoded by its charset (UTF-8 when it names none or one .NET does not know).</summary>
    internal static async ValueTask<string> ReadTextAsync(HttpRequestMessage request, HttpResponseMessage response, string? secret, BodyCancellation cancellation)
    {
        using BoundedBody body = await ReadBoundedAsync(request, response, secret, cancellation).ConfigureAwait(false);
        if (body.Truncated)
        {
            throw TooLarge(request, response, secret);
        }

        Encoding encoding = Encoding.UTF8;
        if (response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: UTF-8 reads ASCII alike, and marks what it cannot read.
            }
        }

        ReadOnlySpan<byte> bytes = body.Span;
        ReadOnlySpan<byte> preamble = encoding.Preamble;
        if (!preamble.IsEmpty && bytes.StartsWith(preamble))
        {
            bytes = bytes[preamble.Length..];
        }

        return encoding.GetString(bytes);
    }

    private static async ValueTask<BoundedBody> ReadBoundedAsync(HttpRequestMessage request, HttpResponseMessage response, string? secret, BodyCancellation cancellation)
    {
        long? declared = response.Content.Headers.ContentLength;
        if (declared > MaxResponseBodyBytes)
        {
            throw TooLarge(request, response, secret);
        }

        return await BoundedBody.ReadAsync(response.Content, MaxResponseBodyBytes, cancellation).ConfigureAwait(false);
    }

    private static string? SentSecurityToken(HttpRequestMessage request) =>
        request.Headers.NonValidated.TryGetValues(HuaweiCloudSigner.SecurityTokenHeader, out HeaderStringValues values) ? values.ToString() : null;

    private async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        string? token = Options.AuthTokenProvider is { } provider
            ? await provider(cancellationToken).ConfigureAwait(false)
            : Options.AuthToken;
        return ValidToken(token);
    }

    private static string? ValidToken(string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            EvsHeaders.Validate(AuthTokenHeader, token);
        }

        return token;
    }

    private Uri Resolve(string relativeUri)
    {
        Uri baseAddress = _httpClient.BaseAddress
            ?? throw new InvalidOperationException(
                "HttpClient.BaseAddress is not set. Set it to the API endpoint, for example https://evs.cn-north-4.myhuaweicloud.com/.");

        // Uri's own resolution would drop the base's last segment when it lacks a trailing slash ("http://h/prefix"
        // + "v2/x" gives "http://h/v2/x"); the prefix is kept by joining the texts instead. One immutable object is
        // cached, so concurrent calls never see half of it.
        ResolvedBase? resolved = _resolvedBase;
        if (resolved is null || !ReferenceEquals(resolved.Address, baseAddress))
        {
            string prefix = baseAddress.GetLeftPart(UriPartial.Path);
            resolved = new ResolvedBase(baseAddress, prefix.EndsWith('/') ? prefix : prefix + "/");
            _resolvedBase = resolved;
        }

        // A client calls the same few paths again and again (one project's snapshots); parsing a Uri and working out
        // its path costs more than the rest of preparing a request. A few recent ones are kept, by the relative text.
        int slot = relativeUri.GetHashCode() & (_recentUris.Length - 1);
        ResolvedUri? recent = _recentUris[slot];
        if (recent is not null && ReferenceEquals(recent.Base, resolved) && string.Equals(recent.Relative, relativeUri, StringComparison.Ordinal))
        {
            return recent.Uri;
        }

        string relative = relativeUri.StartsWith('/') ? relativeUri.TrimStart('/') : relativeUri;
        var uri = new Uri(resolved.Prefix + relative, UriKind.Absolute);
        _recentUris[slot] = new ResolvedUri(resolved, relativeUri, uri);
        return uri;
    }

    /// <summary>
    /// Turns a link the server sent (absolute, or relative to the endpoint) into a URI relative to the endpoint, as
    /// the send methods take it; a link that leads elsewhere is refused, so the auth token never goes to another host.
    /// </summary>
    /// <param name="link">The link.</param>
    /// <param name="pageNumber">The page that gave the link, for the message.</param>
    /// <returns>The link's path and query, relative to the endpoint.</returns>
    /// <exception cref="EvsPagingException">The link is not a URI, or leads to another scheme, host, port or base path.</exception>
    internal string RelativeToEndpoint(string link, int pageNumber)
    {
        Uri baseAddress = _httpClient.BaseAddress
            ?? throw new InvalidOperationException("HttpClient.BaseAddress is not set. Set it to the API endpoint.");
        if (!Uri.TryCreate(baseAddress, link, out Uri? target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            throw new EvsPagingException($"Page {pageNumber} links to '{link}', which is not an HTTP address; it was not followed.", pageNumber, link);
        }

        if (Uri.Compare(target, baseAddress, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new EvsPagingException(
                $"Page {pageNumber} links to {target.GetLeftPart(UriPartial.Authority)}, not to the client's endpoint {baseAddress.GetLeftPart(UriPartial.Authority)}; "
                + "the link was not followed, so the request and its credentials did not go there.",
                pageNumber,
                link);
        }

        string prefix = baseAddress.GetComponents(UriComponents.Path, UriFormat.UriEscaped);
        prefix = prefix.Length == 0 || prefix.EndsWith('/') ? "/" + prefix.TrimStart('/') : "/" + prefix + "/";
        string pathAndQuery = target.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
        if (!pathAndQuery.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new EvsPagingException(
                $"Page {pageNumber} links to '{target.AbsolutePath}', outside the client's endpoint path '{prefix}'; it was not followed.",
                pageNumber,
                link);
        }

        return pathAndQuery[prefix.Length..];
    }

    internal static PooledJsonContent Serialize<TRequest>(TRequest body, string mediaType)
        where TRequest : class, IEvsJsonModel<TRequest>
    {
        JsonWriterCache cache = JsonWriterCache.Write(body);
        try
        {
            byte[] array = cache.Buffer.Detach(out int length);
            return new PooledJsonContent(array, length, mediaType);
        }
        finally
        {
            JsonWriterCache.Return(cache);
        }
    }

    private TResponse ReadSuccess<TResponse>(HttpRequestMessage request, HttpResponseMessage response, string? token, BoundedBody body)
        where TResponse : class, IEvsJsonModel<TResponse>
    {
        if (body.Truncated)
        {
            throw TooLarge(request, response, token);
        }

        try
        {
            return Parse<TResponse>(body.Span);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            string message = Redact(
                $"{Describe(request, response)}, but the body was not valid JSON for {typeof(TResponse).Name}: {exception.Message}",
                token);
            throw new EvsApiException(message, response.StatusCode, exception)
            {
                RequestId = Redact(RequestIdOf(response, null), token),
                ResponseBody = Redact(body.Decode(Options.MaxErrorBodyBytes), token),
                ResponseBodyTruncated = body.Length > Options.MaxErrorBodyBytes,
                Method = request.Method,
                RequestPath = request.RequestUri?.AbsolutePath,
            };
        }
    }

    private static TResponse Parse<TResponse>(ReadOnlySpan<byte> body)
        where TResponse : class, IEvsJsonModel<TResponse>
    {
        // The reader's own message for this case ("does not contain any JSON tokens") reads less plainly.
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new JsonException("The body is empty.");
        }

        var reader = new Utf8JsonReader(body);
        reader.Read();

        TResponse result = TResponse.ReadJson(ref reader);

        // Only white space may follow the value; the reader throws on anything else.
        if (reader.Read())
        {
            throw new JsonException($"Unexpected {JsonTokenNames.Describe(reader.TokenType)} after the value.");
        }

        return result;
    }

    private static EvsApiException TooLarge(HttpRequestMessage request, HttpResponseMessage response, string? token) =>
        new(
            Redact($"{Describe(request, response)} with a body over {MaxResponseBodyBytes / (1024 * 1024)} MiB, which is not read.", token),
            response.StatusCode)
        {
            RequestId = Redact(RequestIdOf(response, null), token),
            ResponseBodyTruncated = true,
            Method = request.Method,
            RequestPath = request.RequestUri?.AbsolutePath,
        };

    private async Task<EvsApiException> CreateApiExceptionAsync(HttpRequestMessage request, HttpResponseMessage response, string? token, BodyCancellation cancellation)
    {
        using BoundedBody body = await BoundedBody.ReadAsync(response.Content, Options.MaxErrorBodyBytes, cancellation).ConfigureAwait(false);
        ErrorEnvelope envelope = ErrorEnvelope.Parse(body.Span, complete: !body.Truncated);
        string? errorMessage = Redact(envelope.Message, token);

        var message = new StringBuilder(Describe(request, response));
        if (envelope.Key is not null)
        {
            message.Append(' ').Append(envelope.Key);
        }

        if (envelope.Code is not null)
        {
            message.Append(" (").Append(envelope.Code).Append(')');
        }

        if (envelope.Key is null && envelope.Code is null && !string.IsNullOrEmpty(response.ReasonPhrase))
        {
            message.Append(' ').Append(response.ReasonPhrase);
        }

        if (!string.IsNullOrEmpty(errorMessage))
        {
            message.Append(": ").Append(errorMessage);
        }
        else
        {
            message.Append('.');
        }

        if (IsExpiredSignature(envelope.Code, errorMessage))
        {
            if (message[^1] != '.')
            {
                message.Append('.');
            }

            message.Append(ExpiredSignatureAdvice);
        }

        return new EvsApiException(Redact(message.ToString(), token), response.StatusCode)
        {
            // Every text the server chose is redacted: a server may echo the token anywhere.
            ErrorKey = Redact(envelope.Key, token),
            ErrorCode = Redact(envelope.Code, token),
            ErrorMessage = errorMessage,
            RequestId = Redact(RequestIdOf(response, envelope.RequestId), token),
            RetryAfter = RetryAfterOf(response, envelope.RetryAfter),
            ResponseBody = Redact(body.Decode(body.Length), token),
            ResponseBodyTruncated = body.Truncated,
            Method = request.Method,
            RequestPath = request.RequestUri?.AbsolutePath,
        };
    }

    // The gateway's answer to an X-Sdk-Date more than 15 minutes from its own clock, for example "Incorrect IAM
    // authentication information: calc aksk signature fail:signature expired, signature time:20211217T064303Z,server
    // time:20211217T065804Z" (huaweicloud-sdk-java-v3#44). Resending does not help; fixing the clock does.
    private const string ExpiredSignatureAdvice =
        " The signature's date (X-Sdk-Date, from this machine's clock) is more than 15 minutes away from the server's clock: check this machine's clock (clock skew), for example with NTP.";

    private static bool IsExpiredSignature(string? code, string? message) =>
        code is "APIGW.0301" or "APIG.0301"
        && message is not null
        && message.Contains("expired", StringComparison.OrdinalIgnoreCase);

    private static string Describe(HttpRequestMessage request, HttpResponseMessage response) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{request.Method.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}");

    private static string? RequestIdOf(HttpResponseMessage response, string? fromBody)
    {
        foreach (string name in s_requestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out IEnumerable<string>? values))
            {
                foreach (string value in values)
                {
                    if (!string.IsNullOrEmpty(value))
                    {
                        return value;
                    }
                }
            }
        }

        return fromBody;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, string? fromBody)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is TimeSpan delta)
            {
                return delta;
            }

            if (header.Date is DateTimeOffset date)
            {
                TimeSpan wait = date - (response.Headers.Date ?? DateTimeOffset.UtcNow);
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        if (fromBody is not null
            && double.TryParse(fromBody, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
            && seconds >= 0
            && seconds <= TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }

    // The server may echo the token back (an "invalid token ..." message); it must not reach logs.
    [return: NotNullIfNotNull(nameof(text))]
    private static string? Redact(string? text, string? token) =>
        text is null || string.IsNullOrEmpty(token) ? text : text.Replace(token, "***", StringComparison.Ordinal);

    private sealed record ResolvedBase(Uri Address, string Prefix);

    private sealed record ResolvedUri(ResolvedBase Base, string Relative, Uri Uri);

    /// <summary>Stands for "no body" in the shared send path; never instantiated.</summary>
    private sealed class NoBody : IEvsJsonModel<NoBody>
    {
        private NoBody()
        {
        }

        public static NoBody ReadJson(ref Utf8JsonReader reader) => throw new NotSupportedException();

        public void WriteJson(Utf8JsonWriter writer) => throw new NotSupportedException();

        public IReadOnlyList<ContractViolation> Validate() => throw new NotSupportedException();
    }
}
