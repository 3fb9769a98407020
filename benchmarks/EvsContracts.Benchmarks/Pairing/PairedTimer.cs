using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace EvsContracts.Benchmarks.Pairing;

/// <summary>
/// Times both halves of a paired benchmark's operation: case A and case B run back to back, and each half's time is
/// kept. The halves of one pair are taken seconds apart at most, so a machine that slows down for minutes (other
/// tenants, frequency changes) slows both; BenchmarkDotNet measures each case in a block of its own, and the same
/// drift lands on one case only.
/// <para>Whichever half runs second is slower (on loopback calls here by about a tenth), so the order alternates: A
/// runs first in the kept operations of even index.</para>
/// <para>Only the operations run while BenchmarkDotNet measures the actual iterations are kept
/// (<see cref="PairedRatioDiagnoser"/> starts and stops the recording); the diagnoser turns them into metrics.</para>
/// </summary>
public static class PairedTimer
{
    // Room for about 30 half-second iterations of an in-memory client call; operations beyond are run but not kept.
    private const int Capacity = 1 << 22;

    private static long[]? s_a;
    private static long[]? s_b;
    private static int s_count;
    private static long s_operations;
    private static volatile bool s_recording;

    /// <summary>Runs <paramref name="a"/> and <paramref name="b"/> once each, A first in every other operation.</summary>
    /// <param name="collect">
    /// Whether to collect garbage before each half, outside its time: for halves that allocate hundreds of megabytes,
    /// so that neither pays for the other's garbage.
    /// </param>
    public static void Run<T>(Func<T> a, Func<T> b, bool collect)
    {
        bool aFirst = (s_operations & 1) == 0;
        long first = Time(aFirst ? a : b, collect);
        long second = Time(aFirst ? b : a, collect);
        Keep(aFirst ? first : second, aFirst ? second : first);
    }

    /// <summary>The asynchronous <see cref="Run{T}"/>, for calls too short to collect garbage around.</summary>
    public static async Task RunAsync(Func<Task> a, Func<Task> b)
    {
        bool aFirst = (s_operations & 1) == 0;
        long start = Stopwatch.GetTimestamp();
        await (aFirst ? a : b)().ConfigureAwait(false);
        long middle = Stopwatch.GetTimestamp();
        await (aFirst ? b : a)().ConfigureAwait(false);
        long end = Stopwatch.GetTimestamp();
        Keep(aFirst ? middle - start : end - middle, aFirst ? end - middle : middle - start);
    }

    /// <summary>
    /// Times <paramref name="whole"/> as A and, as B, how much <paramref name="part"/> (a clock in
    /// <see cref="Stopwatch"/> ticks that runs only inside some of A's work) moved meanwhile: the share of A's time that
    /// part takes, measured within each operation, where a slow spell of the machine slows both alike.
    /// </summary>
    public static void RunWithin<T>(Func<T> whole, Func<long> part, bool collect)
    {
        long before = part();
        long a = Time(whole, collect);
        Keep(a, part() - before);
    }

    /// <summary>Forgets what was kept and keeps the pairs of the operations that follow.</summary>
    internal static void Start()
    {
        s_a ??= new long[Capacity];
        s_b ??= new long[Capacity];
        s_count = 0;
        s_operations = 0;
        s_recording = true;
    }

    internal static void Stop() => s_recording = false;

    /// <summary>The kept operations' (A, B) times in nanoseconds; A ran first in those of even index.</summary>
    internal static (double A, double B)[] Kept()
    {
        var pairs = new (double, double)[s_count];
        double nanosecondsPerTick = 1e9 / Stopwatch.Frequency;
        for (int i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (s_a![i] * nanosecondsPerTick, s_b![i] * nanosecondsPerTick);
        }

        return pairs;
    }

    private static long Time<T>(Func<T> half, bool collect)
    {
        if (collect)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        long start = Stopwatch.GetTimestamp();
        GC.KeepAlive(half());
        return Stopwatch.GetTimestamp() - start;
    }

    private static void Keep(long a, long b)
    {
        s_operations++;
        if (s_recording && s_count < Capacity)
        {
            s_a![s_count] = a;
            s_b![s_count] = b;
            s_count++;
        }
    }
}
