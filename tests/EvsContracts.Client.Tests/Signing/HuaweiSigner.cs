using System.Diagnostics;
using System.Text.Json;

namespace EvsContracts.Client.Tests.Signing;

/// <summary>
/// Huawei Cloud's own signer, <c>auth/AKSKSigner.js</c> of the npm package <c>@huaweicloud/huaweicloud-sdk-core</c>,
/// installed once into a cache folder and run with node. Its answers are the oracle the runtime's signer must equal.
/// </summary>
public sealed class HuaweiSigner : IAsyncLifetime
{
    public const string Package = "@huaweicloud/huaweicloud-sdk-core@3.1.211";

    /// <summary>Reused between runs: the version is pinned, so what is installed never changes.</summary>
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "evscontracts-huawei-sdk-core-3.1.211");

    private string NodeModules => Path.Combine(_cache, "node_modules");

    /// <summary>Whether npm and node are on the PATH.</summary>
    public static bool Available { get; } = OnPath("npm") && OnPath("node");

    public async Task InitializeAsync()
    {
        if (!Available || File.Exists(Path.Combine(NodeModules, "@huaweicloud", "huaweicloud-sdk-core", "auth", "AKSKSigner.js")))
        {
            return;
        }

        Directory.CreateDirectory(_cache);
        (int exit, string output) = await RunAsync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--no-package-lock", "--prefix", _cache, Package], _cache);
        Assert.True(exit == 0, $"npm install {Package} failed:\n{output}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Signs each case with Huawei's signer.</summary>
    public async Task<IReadOnlyList<SignerAnswer>> SignAsync(IReadOnlyList<SigningCase> cases)
    {
        string input = Path.Combine(_cache, $"cases-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(cases, s_json));
        try
        {
            string script = Path.Combine(AppContext.BaseDirectory, "Signing", "huawei-sign.js");
            (int exit, string output) = await RunAsync("node", [script, NodeModules, input], _cache);
            Assert.True(exit == 0, $"node huawei-sign.js failed:\n{output}");
            return JsonSerializer.Deserialize<List<SignerAnswer>>(output, s_json)!;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(guard.Token);
        return (process.ExitCode, process.ExitCode == 0 ? await output : await output + await error);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)) || File.Exists(Path.Combine(folder, program + ".cmd")) || File.Exists(Path.Combine(folder, program + ".exe")));

    /// <summary>A request as Huawei's signer takes it: the path and query values decoded, the headers to sign.</summary>
    public sealed record SigningCase(
        string Name,
        string Method,
        string Host,
        string Path,
        Dictionary<string, object> Query,
        Dictionary<string, string> Headers,
        string? Body,
        string Ak,
        string Sk);

    public sealed record SignerAnswer(string Name, string Canonical, string Authorization);
}

/// <summary>A test that needs node and npm; skipped with the reason when they are missing, but never in CI.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (!HuaweiSigner.Available && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "Skipped: node and npm are not on the PATH; they run Huawei's own signer (" + HuaweiSigner.Package + "), the oracle of these tests.";
        }
    }
}
