using System;
using System.Collections.Generic;
using System.Linq;

namespace EvsContracts.Benchmarks.Pairing;

/// <summary>
/// What the paired operations of a benchmark say about B / A, two ways.
/// <list type="bullet">
/// <item><see cref="Median"/>: over blocks of two operations, one in each order (A first in those of even index), the
/// median of the ratios of B's time to A's. <see cref="Low"/> and <see cref="High"/> bound it with 95 % confidence,
/// distribution-free: the order statistics n/2 ∓ 0.98 √n of the sorted ratios (the normal approximation of the
/// binomial, 1.96 / 2 √n either side).</item>
/// <item><see cref="MinimumRatio"/>: B's fastest operation over A's. A slow spell of the machine only ever adds
/// time, so the fastest of many runs of deterministic work is the steadiest estimate of the work (Chen and Revels,
/// "Robust benchmarking in noisy environments", arXiv:1608.04295, 2016); pairing keeps both halves' fastest runs
/// within the same minutes.</item>
/// <item><see cref="FastTenth"/>: B's time over A's at each half's fastest tenth (the ⌈n / 10⌉-th fastest of n
/// operations), the same reasoning as the fastest runs' ratio with a spread that can be estimated:
/// <see cref="FastTenthLow"/> and <see cref="FastTenthHigh"/> are the 2.5th and 97.5th percentiles of it over
/// <see cref="Resamples"/> bootstrap resamples of the blocks (which the bootstrap cannot do for a minimum). The
/// resamples are seeded, so the same operations give the same interval. Pairs of more than
/// <see cref="MaxBootstrapOperations"/> operations (halves of micro- to milliseconds, which many blocks already pin
/// down) get no interval (NaN): resampling millions of operations would take minutes.</item>
/// </list>
/// </summary>
public sealed record PairedRatio(
    int Blocks,
    double Median,
    double Low,
    double High,
    double MinimumRatio,
    double MedianA,
    double MedianB,
    double FastTenth,
    double FastTenthLow,
    double FastTenthHigh)
{
    /// <summary>Bootstrap resamples behind the fastest tenth's interval.</summary>
    public const int Resamples = 2000;

    /// <summary>The most operations whose fastest tenth gets a bootstrap interval.</summary>
    public const int MaxBootstrapOperations = 20_000;

    public static PairedRatio Of((double A, double B)[] operations)
    {
        if (operations.Length < 2)
        {
            throw new ArgumentException("A paired ratio needs two operations at least, one in each order.", nameof(operations));
        }

        double[] ratios = [.. Enumerable.Range(0, operations.Length / 2)
            .Select(k => (operations[2 * k].B + operations[(2 * k) + 1].B) / (operations[2 * k].A + operations[(2 * k) + 1].A))
            .Order()];
        int n = ratios.Length;
        double half = 0.98 * Math.Sqrt(n);
        int low = Math.Max(0, (int)Math.Floor((n / 2.0) - half));
        int high = Math.Min(n - 1, (int)Math.Ceiling((n / 2.0) + half) - 1);
        (double fastLow, double fastHigh) = 2 * n <= MaxBootstrapOperations ? BootstrapFastTenth(operations, n) : (double.NaN, double.NaN);
        return new PairedRatio(
            n,
            MedianOf(ratios),
            ratios[low],
            ratios[high],
            operations.Min(o => o.B) / operations.Min(o => o.A),
            MedianOf([.. operations.Select(o => o.A).Order()]),
            MedianOf([.. operations.Select(o => o.B).Order()]),
            FastTenthOf(operations.Take(2 * n)),
            fastLow,
            fastHigh);
    }

    /// <summary>B's ⌈n / 10⌉-th fastest operation over A's.</summary>
    internal static double FastTenthOf(IEnumerable<(double A, double B)> operations)
    {
        (double A, double B)[] all = [.. operations];
        int k = ((all.Length + 9) / 10) - 1;
        return all.Select(o => o.B).Order().ElementAt(k) / all.Select(o => o.A).Order().ElementAt(k);
    }

    /// <summary>
    /// Resamples whole blocks, so that each resample keeps A and B of the same seconds together and as many
    /// operations in each order.
    /// </summary>
    private static (double Low, double High) BootstrapFastTenth((double A, double B)[] operations, int blocks)
    {
        var random = new Random(blocks);
        var estimates = new double[Resamples];
        var resample = new (double A, double B)[2 * blocks];
        for (int r = 0; r < Resamples; r++)
        {
            for (int k = 0; k < blocks; k++)
            {
                int block = random.Next(blocks);
                resample[2 * k] = operations[2 * block];
                resample[(2 * k) + 1] = operations[(2 * block) + 1];
            }

            estimates[r] = FastTenthOf(resample);
        }

        Array.Sort(estimates);
        return (estimates[(int)(0.025 * Resamples)], estimates[(int)Math.Ceiling(0.975 * Resamples) - 1]);
    }

    private static double MedianOf(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
