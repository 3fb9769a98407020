using System.Globalization;
using System.Text.RegularExpressions;
using EvsContracts.Package.Tests.Infrastructure;

namespace EvsContracts.Package.Tests;

/// <summary>
/// The sample's deliberate misuse (<c>Name = "autobk_snapshot_demo"</c>) shows up in <c>dotnet build</c> as exactly
/// one <c>warning EVS001</c> on its own line and column: built from source, and built against the package.
/// </summary>
[Collection(PackedPackage.Name)]
public sealed partial class BuildOutputTests(PackageFixture fixture)
{
    private const string MisuseLiteral = "\"autobk_snapshot_demo\"";
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Building_the_sample_from_source_shows_one_EVS001_on_the_misuse_line()
    {
        string sampleDirectory = Path.Combine(fixture.RepositoryRoot, "samples", "EvsContracts.Sample");
        string program = Path.Combine(sampleDirectory, "Program.cs");
        string log = Path.Combine(fixture.NewDirectory("sample-build"), "build.log");

        // Outputs go to the temp directory, so the run neither reads nor disturbs the work tree's bin and obj.
        ProcessResult build = await ProcessRunner.DotnetAsync(
            fixture.RepositoryRoot,
            s_buildTimeout,
            "build",
            Path.Combine(sampleDirectory, "EvsContracts.Sample.csproj"),
            "--artifacts-path",
            Path.Combine(fixture.WorkDirectory, "sample-artifacts"),
            "--disable-build-servers",
            "-tl:off",
            "-nologo",
            "-flp:logfile=" + log + ";verbosity=minimal;NoSummary");

        AssertOneEvs001OnTheMisuseLine(build, log, program);
    }

    [Fact]
    public async Task Building_the_sample_code_against_the_package_shows_one_EVS001_on_the_misuse_line()
    {
        fixture.EnsurePacked();

        // The sample's sources as they are, in a fresh project that gets everything from the package, configured
        // like the sample: warnings are errors, except the one the misuse line demonstrates, and the ASP.NET Core
        // framework for the offline demo's stand-in server.
        ConsumerProject consumer = ConsumerProject.Create(
            fixture,
            "sample-from-package",
            null,
            "net10.0",
            "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>$(WarningsNotAsErrors);EVS001</WarningsNotAsErrors>",
            "<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />");
        string sampleDirectory = Path.Combine(fixture.RepositoryRoot, "samples", "EvsContracts.Sample");
        foreach (string source in Directory.EnumerateFiles(sampleDirectory, "*.cs"))
        {
            File.Copy(source, consumer.PathOf(Path.GetFileName(source)));
        }

        string log = consumer.PathOf("build.log");
        ProcessResult build = await consumer.BuildAsync(log);

        AssertOneEvs001OnTheMisuseLine(build, log, consumer.PathOf("Program.cs"));
    }

    private static void AssertOneEvs001OnTheMisuseLine(ProcessResult build, string log, string program)
    {
        string logText = File.Exists(log) ? File.ReadAllText(log) : "(no log written)";
        string story = build.Describe() + "\n--- diagnostics log ---\n" + logText;
        Assert.True(build.Succeeded, "The build failed:\n" + story);

        string[] lines = File.ReadAllLines(program);
        int[] misuse = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(MisuseLiteral, StringComparison.Ordinal)).ToArray();
        Assert.True(misuse.Length == 1, $"{program} should hold the misuse literal {MisuseLiteral} exactly once; it does {misuse.Length} times.");
        int expectedLine = misuse[0] + 1;
        int expectedColumn = lines[misuse[0]].IndexOf(MisuseLiteral, StringComparison.Ordinal) + 1;

        Match[] diagnostics = logText.Split('\n')
            .Select(line => Diagnostic().Match(line.TrimEnd('\r')))
            .Where(match => match.Success)
            .ToArray();
        Assert.True(
            diagnostics.All(d => d.Groups["severity"].Value != "error"),
            "The build reported errors:\n" + story);

        Match[] evs = diagnostics.Where(d => d.Groups["id"].Value.StartsWith("EVS", StringComparison.Ordinal)).ToArray();
        Assert.True(evs.Length == 1, $"Expected exactly one EVS diagnostic, found {evs.Length}:\n{story}");
        Match only = evs[0];
        Assert.Equal("warning", only.Groups["severity"].Value);
        Assert.Equal("EVS001", only.Groups["id"].Value);
        Assert.Equal(Path.GetFullPath(program), Path.GetFullPath(only.Groups["file"].Value));
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"Program.cs({expectedLine},{expectedColumn})"),
            string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(only.Groups["file"].Value)}({only.Groups["line"].Value},{only.Groups["column"].Value})"));
        Assert.Contains("autobk_snapshot_", only.Groups["message"].Value, StringComparison.Ordinal);
    }

    // MSBuild's canonical form: file(line,column): severity ID: message [project]
    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Za-z]+\d+): (?<message>.*?)(?: \[[^\]]*\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Diagnostic();
}
