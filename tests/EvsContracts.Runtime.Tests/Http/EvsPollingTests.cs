namespace EvsContracts.Runtime.Tests.Http;

public sealed class EvsPollingTests
{
    private static readonly string[] s_failures = ["error", "error_deleting"];

    [Fact]
    public async Task Returns_the_first_value_with_the_wanted_status()
    {
        var statuses = new Queue<string>(["creating", "creating", "available", "deleting"]);
        int polls = 0;

        (int Poll, string Status) result = await EvsPolling.WaitAsync(
            _ => Task.FromResult((++polls, statuses.Dequeue())),
            value => value.Item2,
            "available",
            s_failures,
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(1),
            CancellationToken.None);

        Assert.Equal((3, "available"), result);
        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task A_failure_status_throws_EvsWaitException_with_the_last_value()
    {
        var statuses = new Queue<string>(["creating", "error"]);

        var exception = await Assert.ThrowsAsync<EvsWaitException>(() => EvsPolling.WaitAsync(
            _ => Task.FromResult(statuses.Dequeue()),
            value => value,
            "available",
            s_failures,
            TimeSpan.FromSeconds(30),
            TimeSpan.Zero,
            CancellationToken.None));

        Assert.Equal("error", exception.Status);
        Assert.Equal("available", exception.Wanted);
        Assert.Equal("error", exception.LastValue);
        Assert.Equal("The status became 'error' while waiting for 'available'.", exception.Message);
        Assert.Empty(statuses);
    }

    [Fact]
    public async Task Past_the_timeout_it_throws_TimeoutException_naming_the_last_status()
    {
        var exception = await Assert.ThrowsAsync<TimeoutException>(() => EvsPolling.WaitAsync(
            _ => Task.FromResult("creating"),
            value => value,
            "available",
            s_failures,
            TimeSpan.FromMilliseconds(200),
            TimeSpan.FromMilliseconds(20),
            CancellationToken.None));

        Assert.Contains("the last status was 'creating'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_that_hangs_is_cut_by_the_timeout()
    {
        var exception = await Assert.ThrowsAsync<TimeoutException>(() => EvsPolling.WaitAsync(
            async token =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return "never";
            },
            value => value,
            "available",
            s_failures,
            TimeSpan.FromMilliseconds(200),
            TimeSpan.FromSeconds(1),
            CancellationToken.None));

        Assert.IsAssignableFrom<OperationCanceledException>(exception.InnerException);
    }

    [Fact]
    public async Task Cancellation_gives_OperationCanceledException_not_a_timeout()
    {
        using var cancellation = new CancellationTokenSource();
        int polls = 0;
        Task<string> wait = EvsPolling.WaitAsync(
            _ =>
            {
                if (Interlocked.Increment(ref polls) == 2)
                {
                    cancellation.Cancel();
                }

                return Task.FromResult("creating");
            },
            value => value,
            "available",
            s_failures,
            Timeout.InfiniteTimeSpan,
            TimeSpan.FromMilliseconds(1),
            cancellation.Token);

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(cancellation.Token, exception.CancellationToken);
    }
}
