using System;

namespace EvsContracts;

/// <summary>
/// Thrown by <see cref="EvsPolling.WaitAsync{T}"/> when the resource reaches a failure status (<c>error</c>) instead
/// of the wanted one.
/// </summary>
public sealed class EvsWaitException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public EvsWaitException()
        : base("The resource reached a failure status.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public EvsWaitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EvsWaitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failure status.</summary>
    /// <param name="status">The failure status reached.</param>
    /// <param name="wanted">The status that was awaited.</param>
    /// <param name="lastValue">The last value polled, which has <paramref name="status"/>.</param>
    public EvsWaitException(string status, string wanted, object? lastValue)
        : base($"The status became '{status}' while waiting for '{wanted}'.")
    {
        Status = status;
        Wanted = wanted;
        LastValue = lastValue;
    }

    /// <summary>The failure status reached.</summary>
    public string? Status { get; }

    /// <summary>The status that was awaited.</summary>
    public string? Wanted { get; }

    /// <summary>The last value polled.</summary>
    public object? LastValue { get; }
}
