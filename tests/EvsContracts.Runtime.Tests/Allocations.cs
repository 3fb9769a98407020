
namespace EvsContracts.Runtime.Tests;

/// <summary>Measures what code allocates on the calling thread.</summary>
internal static class Allocations
{
    /// <summary>
    /// The least bytes one of three runs of <paramref name="body"/> allocates, after a first run that warms it up.
    /// Code that allocates does so in every run, while the runtime may allocate once on this thread in one of them
    /// (tiering up a loop mid-run, say): the least of three fails only for the former.
    /// </summary>
    public static long LeastOfThreeRuns(Action body)
    {
        body();
        long least = long.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            body();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
