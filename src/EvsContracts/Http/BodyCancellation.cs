using System;
using System.Diagnostics;
using System.Threading;

namespace EvsContracts;

/// <summary>
/// The token a response body is read with. <see cref="System.Net.Http.HttpClient.Timeout"/> stops at the headers when they are read
/// with <see cref="System.Net.Http.HttpCompletionOption.ResponseHeadersRead"/>; this token carries what is left of it,
/// and the caller's token, to every read of the body.
/// </summary>
/// <remarks>
/// A small JSON answer is usually in the connection's buffer with its headers, and every read of it completes at
/// once. So the timer and the link to the caller's token are made only when a read has to wait (<see cref="Arm"/>):
/// a read that waits registers this token with the connection, and cancelling it later still stops that read.
/// </remarks>
internal sealed class BodyCancellation : CancellationTokenSource
{
    private readonly CancellationToken _caller;
    private readonly long _deadline;
    private CancellationTokenRegistration _link;
    private bool _armed;

    /// <param name="timeout">The client's timeout; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="started">When the request was sent (<see cref="Stopwatch.GetTimestamp"/>).</param>
    /// <param name="caller">The caller's token.</param>
    public BodyCancellation(TimeSpan timeout, long started, CancellationToken caller)
    {
        _caller = caller;
        _deadline = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : started + (long)(timeout.TotalSeconds * Stopwatch.Frequency);

        // Already cancelled: no read may start.
        if (caller.IsCancellationRequested)
        {
            Arm();
        }
    }

    /// <summary>Whether the time ran out (and the caller did not cancel).</summary>
    public bool TimedOut => IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>Starts the timer with the time left and follows the caller's token; once, before a read waits.</summary>
    public void Arm()
    {
        if (_armed)
        {
            return;
        }

        _armed = true;
        if (_caller.CanBeCanceled)
        {
            _link = _caller.UnsafeRegister(static state => ((BodyCancellation)state!).Cancel(), this);
        }

        if (_deadline != long.MaxValue)
        {
            long left = _deadline - Stopwatch.GetTimestamp();
            CancelAfter(left > 0 ? TimeSpan.FromSeconds((double)left / Stopwatch.Frequency) : TimeSpan.Zero);
        }
    }

    protected override void Dispose(bool disposing)
    {
        // The link goes first: after this, the caller's token no longer reaches a disposed source.
        if (disposing)
        {
            _link.Dispose();
        }

        base.Dispose(disposing);
    }
}
