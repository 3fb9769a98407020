using System;
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
/// </list>
/// </summary>
public sealed record PairedRatio(int Blocks, double Median, double Low, double High, double MinimumRatio, double MedianA, double MedianB)
{
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
        return new PairedRatio(
            n,
            MedianOf(ratios),
            ratios[low],
            ratios[high],
            operations.Min(o => o.B) / operations.Min(o => o.A),
            MedianOf([.. operations.Select(o => o.A).Order()]),
            MedianOf([.. operations.Select(o => o.B).Order()]));
    }

    private static double MedianOf(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
