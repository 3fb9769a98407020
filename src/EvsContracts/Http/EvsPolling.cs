using System;
using System.Threading;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>
/// Waits for a resource to reach a status, for example a snapshot to become <c>available</c>.
/// </summary>
public static class EvsPolling
{
    /// <summary>
    /// Polls until <paramref name="status"/> of the polled value is <paramref name="wanted"/> (ordinal), pausing
    /// <paramref name="interval"/> between polls.
    /// </summary>
    /// <typeparam name="T">The polled value.</typeparam>
    /// <param name="poll">Fetches the current value; it gets a token that is canceled at the timeout.</param>
    /// <param name="status">Reads the status of a value.</param>
    /// <param name="wanted">The status to wait for.</param>
    /// <param name="failures">Statuses that end the wait with <see cref="EvsWaitException"/>.</param>
    /// <param name="timeout">How long to wait in all, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="interval">The pause between polls.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <returns>The first value with the wanted status.</returns>
    /// <exception cref="EvsWaitException">A failure status was reached.</exception>
    /// <exception cref="TimeoutException">The wanted status was not reached in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was canceled.</exception>
    public static async Task<T> WaitAsync<T>(
        Func<CancellationToken, Task<T>> poll,
        Func<T, string> status,
        string wanted,
        string[] failures,
        TimeSpan timeout,
        TimeSpan interval,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(poll);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(failures);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);

        // One token covers the polls and the pauses, so a poll that hangs cannot outlast the timeout.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(timeout);
        }

        string? last = null;
        try
        {
            while (true)
            {
                T value = await poll(deadline.Token).ConfigureAwait(false);
                last = status(value);
                if (string.Equals(last, wanted, StringComparison.Ordinal))
                {
                    return value;
                }

                foreach (string failure in failures)
                {
                    if (string.Equals(last, failure, StringComparison.Ordinal))
                    {
                        throw new EvsWaitException(last, wanted, value);
                    }
                }

                await Task.Delay(interval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException exception) when (ct.IsCancellationRequested && exception.CancellationToken != ct)
        {
            // The poll and the pause saw the linked token; the caller should see its own.
            throw new OperationCanceledException(exception.Message, exception, ct);
        }
        catch (OperationCanceledException exception) when (!ct.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw new TimeoutException(
                last is null
                    ? $"Waited {timeout} for status '{wanted}' without a successful poll."
                    : $"Waited {timeout} for status '{wanted}'; the last status was '{last}'.",
                exception);
        }
    }
}
