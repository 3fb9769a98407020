using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using EvsContracts.Runtime.Tests.Json;

#pragma warning disable CA1050 // The runtime finds a startup hook by this exact name, outside any namespace.

/// <summary>
/// Runs the decoding cases when the runtime loads this assembly as a startup hook (<c>DOTNET_STARTUP_HOOKS</c>) in a
/// child process that <see cref="EvsContracts.Runtime.Tests.Json.EvsJsonDecodingTests"/> starts with instruction sets
/// turned off; it reports them and exits. Anywhere else it does nothing.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(DecodingCorpus.ChildVariable) != "1")
        {
            return;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"vector128={Vector128.IsHardwareAccelerated} ssse3={Ssse3.IsSupported} avx={Avx.IsSupported} avx512={Avx512F.IsSupported} arm64={AdvSimd.Arm64.IsSupported}"));
        (int cases, List<string> failures) = DecodingCorpus.Run();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cases={cases} failures={failures.Count}"));
        foreach (string failure in failures.Take(10))
        {
            Console.WriteLine(failure);
        }

        Console.Out.Flush();
        Environment.Exit(failures.Count == 0 ? 0 : 1);
    }
}
