using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EvsContracts.CorpusRunner;

// Runs the generator over the corpus (eng/openapi-corpus.sh fetches it and passes the options) and writes the
// report and the per-spec results; --sources also keeps each spec's generated code, to read; "--compile no" only
// generates, a quick look for generator failures (the report is not written then: nothing was compiled).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const string Usage = """
    Usage: EvsContracts.CorpusRunner [options]
      --corpus DIR        the corpus folder (default: the cache eng/openapi-corpus.sh fills)
      --jobs N            specs at a time (2)
      --timeout SECONDS   per spec (900)
      --sample N          a seeded sample of N specs (--max-bytes B: only specs up to B bytes)
      --specs FILE        the specs listed in FILE, one path per line
      --filter TEXT       only specs whose path contains TEXT
      --exclude TEXT      leave out specs whose path contains TEXT
      --compile no        generate only (no compile, no report)
      --sources DIR       keep each spec's generated code under DIR
      --markdown FILE     the coverage report
      --json FILE         the per-spec results
      --commit SHA        the commit named in the report
    """;
string[] known = ["corpus", "jobs", "timeout", "sample", "max-bytes", "specs", "filter", "exclude", "compile", "sources", "markdown", "json", "commit"];
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 0; i < args.Length; i += 2)
{
    string name = args[i].TrimStart('-');
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || !known.Contains(name) || i + 1 == args.Length)
    {
        // An unknown option or --help prints the usage rather than starting a whole-corpus run.
        (name is "help" or "h" ? Console.Out : Console.Error).WriteLine(Usage);
        return name is "help" or "h" ? 0 : 2;
    }

    options[name] = args[i + 1];
}

var corpus = new Corpus(options.GetValueOrDefault("corpus") ?? Corpus.DefaultFolder())
{
    SourcesFolder = options.GetValueOrDefault("sources"),
    Compile = options.GetValueOrDefault("compile") != "no",
};
if (!corpus.Exists)
{
    Console.Error.WriteLine($"No corpus at {corpus.ApiFolder}: run eng/openapi-corpus.sh, which fetches it.");
    return 2;
}

int jobs = int.Parse(options.GetValueOrDefault("jobs") ?? "2", CultureInfo.InvariantCulture);
// Microsoft Graph's beta spec (47 MB, 22,361 operations) takes about six minutes to generate and compile here.
var timeout = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("timeout") ?? "900", CultureInfo.InvariantCulture));
IReadOnlyList<string> specs = corpus.Specs();
string scope = "the whole corpus";
if (options.TryGetValue("specs", out string? list))
{
    specs = File.ReadAllLines(list).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
    scope = $"the specs listed in {Path.GetFileName(list)}";
}
else if (options.TryGetValue("sample", out string? sample))
{
    scope = $"a sample of {sample} specs";
    specs = corpus.Sample(int.Parse(sample, CultureInfo.InvariantCulture), options.TryGetValue("max-bytes", out string? max) ? long.Parse(max, CultureInfo.InvariantCulture) : long.MaxValue);
}

if (options.TryGetValue("filter", out string? filter))
{
    specs = specs.Where(s => s.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
    scope += $" containing \"{filter}\"";
}

if (options.TryGetValue("exclude", out string? exclude))
{
    specs = specs.Where(s => !s.Contains(exclude, StringComparison.OrdinalIgnoreCase)).ToList();
    scope += $" except those containing \"{exclude}\"";
}

Console.WriteLine($"{specs.Count} specs from {corpus.ApiFolder}, {jobs} at a time, {timeout.TotalSeconds:0} s each at most");
var clock = Stopwatch.StartNew();
int done = 0;
IReadOnlyList<SpecOutcome> outcomes = await corpus.RunAsync(specs, jobs, timeout, outcome =>
{
    int n = Interlocked.Increment(ref done);
    string state = outcome.Failure ?? (outcome.Compiles ? "compiles" : CoverageReport.FirstError(outcome));
    Console.WriteLine($"[{n}/{specs.Count} {clock.Elapsed:hh\\:mm\\:ss}] {outcome.Spec}: {outcome.GeneratedOperations}/{outcome.SpecOperations} ops, {outcome.GenerateSeconds + outcome.CompileSeconds:0.0} s, {(state.Length > 160 ? state[..160] : state)}");
});
clock.Stop();

var summary = new CoverageSummary(outcomes);
Console.WriteLine(
    $"Compiles: {summary.Compiling}/{outcomes.Count} ({summary.CompilingShare:0.0} %); operations: {summary.GeneratedOperations}/{summary.Operations} " +
    $"({summary.GeneratedShare:0.0} %); failures: {summary.Failures.Count}; left out named: {summary.LeftOutNamed}/{summary.LeftOut}; " +
    $"compile errors without a generator error: {summary.SilentCompileErrors.Count}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");

if (options.TryGetValue("json", out string? json))
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
    await File.WriteAllTextAsync(json, JsonSerializer.Serialize(outcomes, new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
    Console.WriteLine($"Results: {json}");
}

if (options.TryGetValue("markdown", out string? markdown) && corpus.Compile)
{
    string commit = options.GetValueOrDefault("commit") ?? "unknown";
    await File.WriteAllTextAsync(markdown, CoverageReport.Markdown(summary, DateTimeOffset.UtcNow, commit, clock.Elapsed, jobs, scope)).ConfigureAwait(false);
    Console.WriteLine($"Report: {markdown}");
}

return 0;
