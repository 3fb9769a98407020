using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>
/// Waits for a resource to reach a status, for example a snapshot to become <c>available</c>.
/// </summary>
public static class EvsPolling
{
    /// <summary>What <see cref="EvsWaitException.Wanted"/> says when the wait was for the resource to be gone.</summary>
    public const string Gone = "gone";

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
        ArgumentNullException.ThrowIfNull(wanted);
        (bool _, T value) = await WaitCoreAsync(poll, status, wanted, failures, timeout, interval, ct).ConfigureAwait(false);
        return value;
    }

    /// <summary>
    /// Polls until the polled resource is gone: the poll answers 404 (an <see cref="EvsApiException"/> with
    /// <see cref="HttpStatusCode.NotFound"/>), as a deleted snapshot does once the service has removed it.
    /// </summary>
    /// <typeparam name="T">The polled value.</typeparam>
    /// <param name="poll">Fetches the current value; it gets a token that is canceled at the timeout.</param>
    /// <param name="status">Reads the status of a value.</param>
    /// <param name="failures">Statuses that end the wait with <see cref="EvsWaitException"/> (<c>error_deleting</c>).</param>
    /// <param name="timeout">How long to wait in all, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="interval">The pause between polls.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <returns>A task that completes once the resource is gone.</returns>
    /// <exception cref="EvsWaitException">A failure status was reached.</exception>
    /// <exception cref="EvsApiException">A poll answered another error than 404.</exception>
    /// <exception cref="TimeoutException">The resource was still there at the timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was canceled.</exception>
    public static Task WaitUntilNotFoundAsync<T>(
        Func<CancellationToken, Task<T>> poll,
        Func<T, string> status,
        string[] failures,
        TimeSpan timeout,
        TimeSpan interval,
        CancellationToken ct) =>
        WaitCoreAsync(poll, status, null, failures, timeout, interval, ct);

    /// <summary>The polling loop; <paramref name="wanted"/> is null when the wait is for a 404.</summary>
    private static async Task<(bool Gone, T Value)> WaitCoreAsync<T>(
        Func<CancellationToken, Task<T>> poll,
        Func<T, string> status,
        string? wanted,
        string[] failures,
        TimeSpan timeout,
        TimeSpan interval,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(poll);
        ArgumentNullException.ThrowIfNull(status);
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

        string awaited = wanted ?? Gone;
        string? last = null;
        try
        {
            while (true)
            {
                T value;
                try
                {
                    value = await poll(deadline.Token).ConfigureAwait(false);
                }
                catch (EvsApiException exception) when (wanted is null && exception.StatusCode == HttpStatusCode.NotFound)
                {
                    return (true, default!);
                }

                last = status(value);
                if (wanted is not null && string.Equals(last, wanted, StringComparison.Ordinal))
                {
                    return (false, value);
                }

                foreach (string failure in failures)
                {
                    if (string.Equals(last, failure, StringComparison.Ordinal))
                    {
                        throw new EvsWaitException(last, awaited, value);
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
            string goal = wanted is null ? "the resource to be gone (404)" : $"status '{wanted}'";
            throw new TimeoutException(
                last is null
                    ? $"Waited {timeout} for {goal} without a successful poll."
                    : $"Waited {timeout} for {goal}; the last status was '{last}'.",
                exception);
        }
    }
}
