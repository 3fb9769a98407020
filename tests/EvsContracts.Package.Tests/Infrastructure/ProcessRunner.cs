using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EvsContracts.Package.Tests.Infrastructure;

/// <summary>What a finished (or stopped) process left behind.</summary>
/// <param name="CommandLine">The command as run, for messages.</param>
/// <param name="WorkingDirectory">Where it ran.</param>
/// <param name="ExitCode">The exit code; -1 when it was stopped.</param>
/// <param name="TimedOut">Whether it was stopped because it ran past its time.</param>
/// <param name="StandardOutput">Everything it wrote to stdout.</param>
/// <param name="StandardError">Everything it wrote to stderr.</param>
/// <param name="Elapsed">How long it ran.</param>
internal sealed record ProcessResult(
    string CommandLine,
    string WorkingDirectory,
    int ExitCode,
    bool TimedOut,
    string StandardOutput,
    string StandardError,
    TimeSpan Elapsed)
{
    /// <summary>Whether the process ran to the end and exited with 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The whole story of the run, to put in an assertion message.</summary>
    public string Describe() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"$ {CommandLine}\n  (in {WorkingDirectory}; exit {ExitCode}{(TimedOut ? ", stopped after the timeout" : string.Empty)}; {Elapsed.TotalSeconds:F1} s)\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}\n");
}

/// <summary>Runs command-line tools with a timeout and captures their output.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Starts a process prepared like <see cref="Prepare"/> and waits for it; past the timeout the whole process
    /// tree is killed so nothing outlives the test.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        using Process process = Prepare(fileName, arguments, workingDirectory, environment);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);

        var clock = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        bool timedOut = false;
        using (var cts = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                Stop(process);
            }
        }

        // The parameterless wait also drains the asynchronous output readers.
        await process.WaitForExitAsync();
        clock.Stop();
        return new ProcessResult(
            Describe(fileName, process.StartInfo.ArgumentList),
            workingDirectory,
            timedOut ? -1 : process.ExitCode,
            timedOut,
            Read(stdout),
            Read(stderr),
            clock.Elapsed);
    }

    /// <summary>Runs the .NET CLI (<c>dotnet ...</c>).</summary>
    public static Task<ProcessResult> DotnetAsync(
        string workingDirectory,
        TimeSpan timeout,
        params string[] arguments) =>
        RunAsync("dotnet", arguments, workingDirectory, timeout);

    /// <summary>
    /// A process with redirected streams and an environment cleaned of what the test host's own build leaves
    /// behind: MSBuild variables inherited from <c>dotnet test</c> would point the child's MSBuild at the wrong
    /// SDK pieces.
    /// </summary>
    public static Process Prepare(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (string name in info.Environment.Keys.ToArray())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_ROLL_FORWARD", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(name);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // Messages are parsed: keep them in English whatever the machine's locale.
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        if (environment is not null)
        {
            foreach ((string name, string? value) in environment)
            {
                info.Environment[name] = value;
            }
        }

        return new Process { StartInfo = info };
    }

    /// <summary>Kills a process and everything it started; a process that already ended is left alone.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }
    }

    private static void Append(StringBuilder sink, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sink)
        {
            sink.Append(line).Append('\n');
        }
    }

    private static string Read(StringBuilder sink)
    {
        lock (sink)
        {
            return sink.ToString();
        }
    }

    private static string Describe(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "\"" + a + "\"" : a)));
}
