using System;
using System.Net;
using System.Net.Http;

namespace EvsContracts;

/// <summary>
/// Thrown when the API answers with a status the operation does not document, or with a success body that cannot
/// be read. It carries what the server said: the error envelope's key, code and message, the request id, how long
/// to wait before retrying, and the start of the body.
/// </summary>
/// <remarks>The auth token never appears in the message, in <see cref="Exception.ToString"/> or in the properties.</remarks>
public sealed class EvsApiException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public EvsApiException()
        : base("The API answered with an error.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public EvsApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EvsApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an HTTP status; set the other properties with an object initializer.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The status the server answered.</param>
    /// <param name="innerException">The cause, if any.</param>
    public EvsApiException(string message, HttpStatusCode statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The status the server answered.</summary>
    public HttpStatusCode StatusCode { get; init; }

    /// <summary>The single top-level key of the error envelope (<c>badRequest</c>, <c>itemNotFound</c>, <c>overLimit</c>, ...), if any.</summary>
    public string? ErrorKey { get; init; }

    /// <summary>The error's <c>code</c> as text; an integer code (<c>404</c>) becomes <c>"404"</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The error's <c>message</c>.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The request id (<c>x-openstack-request-id</c>, else <c>X-Request-Id</c>, else <c>X-Compute-Request-Id</c>), to quote to support.</summary>
    public string? RequestId { get; init; }

    /// <summary>How long to wait before retrying: the <c>Retry-After</c> header, else the body's <c>retryAfter</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The response body decoded as UTF-8, at most <see cref="EvsClientOptions.MaxErrorBodyBytes"/> bytes of it.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>Whether the body was longer than what <see cref="ResponseBody"/> holds (the rest was not read).</summary>
    public bool ResponseBodyTruncated { get; init; }

    /// <summary>The request's method.</summary>
    public HttpMethod? Method { get; init; }

    /// <summary>The request's path, without the query.</summary>
    public string? RequestPath { get; init; }
}
