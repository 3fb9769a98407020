using EvsContracts.Benchmarks.Pairing;

namespace EvsContracts.Benchmarks.Tests;

public class PairedRatioTests
{
    [Fact]
    public void A_block_is_two_operations_and_its_ratio_is_of_their_sums()
    {
        // B is 20 % slower in the first operation and equal in the second: the block weighs them by their times.
        PairedRatio ratio = PairedRatio.Of([(100, 120), (300, 300)]);

        Assert.Equal(1, ratio.Blocks);
        Assert.Equal(420.0 / 400.0, ratio.Median, 12);
    }

    [Fact]
    public void An_operation_without_its_other_order_is_left_out_of_the_blocks()
    {
        PairedRatio ratio = PairedRatio.Of([(100, 110), (100, 110), (100, 130), (100, 130), (100, 500)]);

        Assert.Equal(2, ratio.Blocks);
        Assert.Equal((1.1 + 1.3) / 2, ratio.Median, 12);
    }

    [Fact]
    public void The_interval_is_the_order_statistics_n_over_2_minus_and_plus_0_98_root_n()
    {
        // 100 blocks whose ratios are 1.000, 1.001, ..., 1.099, shuffled: n/2 -/+ 9.8 picks the 41st and the 60th.
        int[] order = [.. Enumerable.Range(0, 100).OrderBy(k => (k * 37) % 100)];
        (double, double)[] operations = [.. order.SelectMany(k => new[] { (1000.0, 1000.0 + k), (1000.0, 1000.0 + k) })];

        PairedRatio ratio = PairedRatio.Of(operations);

        Assert.Equal(100, ratio.Blocks);
        Assert.Equal(1.0495, ratio.Median, 12);
        Assert.Equal(1.040, ratio.Low, 12);
        Assert.Equal(1.059, ratio.High, 12);
    }

    [Fact]
    public void The_interval_covers_the_true_median_in_about_95_percent_of_runs()
    {
        // Block ratios 1.02 x exp(N(0, 0.05)): their median is 1.02. For 100 blocks the exact coverage of the 41st to
        // the 60th order statistic is 94.3 % (binomial, p = 1/2); 2,000 runs put the share within 0.5 % of it.
        var random = new Random(20261129);
        double share = CoveredShare(
            runs: 2000,
            () =>
            {
                var operations = new (double, double)[200];
                for (int k = 0; k < 100; k++)
                {
                    double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    double b = 1000 * 1.02 * Math.Exp(0.05 * noise);
                    operations[2 * k] = (1000, b);
                    operations[(2 * k) + 1] = (1000, b);
                }

                return operations;
            },
            ratio => ratio.Low <= 1.02 && 1.02 <= ratio.High);

        Assert.InRange(share, 0.92, 0.965);
    }

    [Fact]
    public void The_fastest_runs_ratio_takes_each_half_at_its_fastest_operation()
    {
        PairedRatio ratio = PairedRatio.Of([(200, 190), (100, 300), (400, 150), (300, 500)]);

        Assert.Equal(150.0 / 100.0, ratio.MinimumRatio, 12);
        Assert.Equal(250, ratio.MedianA, 12);
        Assert.Equal(245, ratio.MedianB, 12);
    }

    [Fact]
    public void The_fastest_tenth_takes_each_half_at_its_ceiling_of_n_over_10_th_fastest_operation()
    {
        // 22 operations: the third fastest of each half (A 103, B 209), whichever operations they come from.
        (double, double)[] operations = [.. Enumerable.Range(0, 22).Select(k => (100.0 + ((k * 7) % 22), 200.0 + ((k * 5) % 22) + 6))];

        PairedRatio ratio = PairedRatio.Of(operations);

        Assert.Equal(((200.0 + 2 + 6) / (100.0 + 2)), ratio.FastTenth, 12);
        Assert.InRange(ratio.FastTenth, ratio.FastTenthLow, ratio.FastTenthHigh);
    }

    [Fact]
    public void The_fastest_tenth_interval_is_the_same_for_the_same_operations()
    {
        (double, double)[] operations = [.. Enumerable.Range(0, 60).Select(k => (1000.0 + ((k * 37) % 60), 1010.0 + ((k * 11) % 60)))];

        PairedRatio first = PairedRatio.Of(operations);
        PairedRatio second = PairedRatio.Of(operations);

        Assert.Equal(first.FastTenthLow, second.FastTenthLow);
        Assert.Equal(first.FastTenthHigh, second.FastTenthHigh);
        Assert.True(first.FastTenthLow < first.FastTenthHigh);
    }

    [Fact]
    public void The_fastest_tenth_interval_covers_the_work_ratio_under_slow_spells_in_about_95_percent_of_runs()
    {
        // Each half is work x slowdown, the slowdown >= 1 and the same in distribution for A and B: mostly within
        // 2 %, and in a quarter of the operations a slow spell of up to +60 %. B's work is 1.02 A's. The median of
        // the blocks' ratios spreads with the spells; the fastest tenth of each half is the work times the same
        // quantile of the slowdown, so its ratio is 1.02. Over 300 runs of 100 blocks, the bootstrap interval
        // covers it in 88 to 99 % of them (a percentile bootstrap of a quantile is approximate).
        var random = new Random(20261129);
        double Slowdown() => 1 + (0.02 * random.NextDouble()) + (random.NextDouble() < 0.25 ? 0.6 * random.NextDouble() : 0);
        double share = CoveredShare(
            runs: 300,
            () =>
            {
                var operations = new (double, double)[200];
                for (int k = 0; k < operations.Length; k++)
                {
                    operations[k] = (1000 * Slowdown(), 1020 * Slowdown());
                }

                return operations;
            },
            ratio => ratio.FastTenthLow <= 1.02 && 1.02 <= ratio.FastTenthHigh);

        Assert.InRange(share, 0.88, 0.99);
    }

    [Fact]
    public void Many_operations_get_the_fastest_tenth_but_no_bootstrap_interval()
    {
        (double, double)[] operations = [.. Enumerable.Range(0, PairedRatio.MaxBootstrapOperations + 2).Select(k => (100.0 + (k % 10), 110.0 + (k % 10)))];

        PairedRatio ratio = PairedRatio.Of(operations);

        // Each of the ten times occurs 2,000 or 2,001 times: the 2,001st fastest is the least of them.
        Assert.Equal(110.0 / 100.0, ratio.FastTenth, 12);
        Assert.True(double.IsNaN(ratio.FastTenthLow));
        Assert.True(double.IsNaN(ratio.FastTenthHigh));
    }

    [Fact]
    public void Fewer_than_two_operations_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PairedRatio.Of([(100, 100)]));
    }

    /// <summary>The share of simulated runs whose interval covers the true ratio.</summary>
    private static double CoveredShare(int runs, Func<(double, double)[]> simulate, Func<PairedRatio, bool> covers)
    {
        int covered = 0;
        for (int run = 0; run < runs; run++)
        {
            if (covers(PairedRatio.Of(simulate())))
            {
                covered++;
            }
        }

        return covered / (double)runs;
    }
}
