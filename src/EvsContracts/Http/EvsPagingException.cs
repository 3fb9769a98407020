using System;

namespace EvsContracts;

/// <summary>
/// Thrown by <see cref="EvsPaging"/> when walking the pages of a list cannot go on safely: the server answered a page
/// it had answered before (the same marker or link again, or a page that starts with an item an earlier page started
/// with), a page made no progress, or a next link leads away from the client's endpoint.
/// </summary>
/// <remarks>
/// Not an <see cref="EvsApiException"/>: every answer had a success status; it is what the answers say together that
/// cannot be followed. Ending here is what keeps a server that repeats itself from holding the caller in an endless
/// loop, and a link to another host from receiving the auth token.
/// </remarks>
public sealed class EvsPagingException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public EvsPagingException()
        : base("The pages of the list cannot be followed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public EvsPagingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EvsPagingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the page that could not be followed.</summary>
    /// <param name="message">The message.</param>
    /// <param name="pageNumber">The page whose answer ended the walk, counted from 1.</param>
    /// <param name="next">The marker, offset or link the next request would have used, if any.</param>
    public EvsPagingException(string message, int pageNumber, string? next)
        : base(message)
    {
        PageNumber = pageNumber;
        Next = next;
    }

    /// <summary>The page whose answer ended the walk, counted from 1.</summary>
    public int PageNumber { get; }

    /// <summary>The marker, offset or link the next request would have used, if any.</summary>
    public string? Next { get; }
}
