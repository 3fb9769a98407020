using System;
using System.Diagnostics;

namespace EvsContracts.Benchmarks;

/// <summary>Pins processes to cores for a benchmark and gives the benchmark process its cores back afterwards.</summary>
public static class CoreAffinity
{
    /// <summary>
    /// Pins <paramref name="process"/> to the cores in <paramref name="mask"/>; returns its previous mask, or
    /// <see langword="null"/> where the platform has no processor affinity (nothing is pinned then).
    /// </summary>
    public static nint? Pin(Process process, nint mask)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
        {
            return null;
        }

        nint previous = process.ProcessorAffinity;
        process.ProcessorAffinity = mask;
        return previous;
    }

    /// <summary>Gives this process back the mask <see cref="Pin"/> returned for it.</summary>
    public static void Restore(nint? previous)
    {
        if (previous is { } mask && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            Process.GetCurrentProcess().ProcessorAffinity = mask;
        }
    }
}
