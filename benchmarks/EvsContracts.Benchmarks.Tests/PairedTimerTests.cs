using System.Diagnostics;
using EvsContracts.Benchmarks.Pairing;

namespace EvsContracts.Benchmarks.Tests;

/// <summary><see cref="PairedTimer"/> is static: its tests live in one class, which xunit runs one test at a time.</summary>
public class PairedTimerTests
{
    [Fact]
    public void The_halves_alternate_and_each_time_goes_to_its_own_half()
    {
        var order = new List<char>();
        PairedTimer.Start();
        for (int i = 0; i < 4; i++)
        {
            PairedTimer.Run(
                () =>
                {
                    order.Add('A');
                    Thread.Sleep(30);
                    return 0;
                },
                () =>
                {
                    order.Add('B');
                    return 0;
                },
                collect: false);
        }

        PairedTimer.Stop();
        (double A, double B)[] kept = PairedTimer.Kept();

        Assert.Equal("ABBAABBA", new string([.. order]));
        Assert.Equal(4, kept.Length);

        // A sleeps 30 ms whichever half runs first; B does nothing.
        Assert.All(kept, pair => Assert.True(pair.A >= 30e6, $"A took {pair.A} ns"));
        Assert.Contains(kept, pair => pair.B < 30e6);
    }

    [Fact]
    public async Task The_asynchronous_halves_alternate_too()
    {
        var order = new List<char>();
        PairedTimer.Start();
        for (int i = 0; i < 4; i++)
        {
            await PairedTimer.RunAsync(
                async () =>
                {
                    order.Add('A');
                    await Task.Delay(30);
                },
                () =>
                {
                    order.Add('B');
                    return Task.CompletedTask;
                });
        }

        PairedTimer.Stop();
        (double A, double B)[] kept = PairedTimer.Kept();

        Assert.Equal("ABBAABBA", new string([.. order]));
        Assert.All(kept, pair => Assert.True(pair.A >= 29e6, $"A took {pair.A} ns"));
    }

    [Fact]
    public void Only_the_operations_between_start_and_stop_are_kept()
    {
        PairedTimer.Run(() => 0, () => 0, collect: false);
        PairedTimer.Start();
        PairedTimer.Run(() => 0, () => 0, collect: false);
        PairedTimer.Run(() => 0, () => 0, collect: false);
        PairedTimer.Stop();
        PairedTimer.Run(() => 0, () => 0, collect: false);

        Assert.Equal(2, PairedTimer.Kept().Length);

        // A new start forgets them, and the order starts again with A.
        var order = new List<char>();
        PairedTimer.Start();
        PairedTimer.Run(() => { order.Add('A'); return 0; }, () => { order.Add('B'); return 0; }, collect: false);
        PairedTimer.Stop();
        Assert.Single(PairedTimer.Kept());
        Assert.Equal("AB", new string([.. order]));
    }

    [Fact]
    public void Within_keeps_how_far_the_part_clock_moved_during_the_whole()
    {
        long part = 0;
        PairedTimer.Start();
        PairedTimer.RunWithin(
            () =>
            {
                part += 12_345;
                return 0;
            },
            () => part,
            collect: false);
        PairedTimer.Stop();

        (double A, double B) kept = Assert.Single(PairedTimer.Kept());
        Assert.Equal(12_345 * (1e9 / Stopwatch.Frequency), kept.B, 6);
        Assert.True(kept.A > 0);
    }
}
