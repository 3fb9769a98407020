using System.Reflection;

namespace EvsContracts.Package.Tests.Infrastructure;

/// <summary>
/// Packs the solution once per test run under a version no earlier run used (restore ignores a repacked version
/// that the global packages folder already holds), into a folder feed inside a temporary work directory outside
/// the repository. Everything it made is removed afterwards, the restored copy of that version included.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    private static readonly TimeSpan s_packTimeout = TimeSpan.FromMinutes(6);

    /// <summary>Creates the fixture; the work happens in <see cref="InitializeAsync"/>.</summary>
    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];
        WorkDirectory = Path.Combine(Path.GetTempPath(), "evs-package-tests-" + Guid.NewGuid().ToString("N")[..8]);
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
    }

    /// <summary>The repository: where <c>EvsContracts.sln</c> is.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The version this run packed, used by every consumer.</summary>
    public string Version { get; }

    /// <summary>The temporary directory holding the feed and the consumer projects.</summary>
    public string WorkDirectory { get; }

    /// <summary>The folder feed the solution was packed into.</summary>
    public string FeedDirectory { get; }

    /// <summary>The expected package file.</summary>
    public string PackagePath => Path.Combine(FeedDirectory, "EvsContracts." + Version + ".nupkg");

    /// <summary>The <c>dotnet pack</c> run.</summary>
    internal ProcessResult? Pack { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);

        // Empty MSBuild files stop the upward search, so no stray file above the temp directory reaches a consumer.
        const string Empty = "<Project>\n  <!-- Stops MSBuild from looking further up. -->\n</Project>\n";
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Build.props"), Empty);
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Build.targets"), Empty);
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Packages.props"), Empty);

        Pack = await ProcessRunner.DotnetAsync(
            RepositoryRoot,
            s_packTimeout,
            "pack",
            Path.Combine(RepositoryRoot, "EvsContracts.sln"),
            "-c",
            "Release",
            "-o",
            FeedDirectory,
            "-p:Version=" + Version,
            "--disable-build-servers",
            "-tl:off",
            "-nologo");
    }

    /// <summary>Fails the calling test with the pack log unless the pack worked.</summary>
    internal void EnsurePacked()
    {
        Assert.True(Pack is { Succeeded: true }, "dotnet pack failed:\n" + Pack?.Describe());
        Assert.True(File.Exists(PackagePath), $"dotnet pack did not write {PackagePath}:\n{Pack?.Describe()}");
    }

    /// <summary>A new, empty directory under the work directory.</summary>
    internal string NewDirectory(string name)
    {
        string path = Path.Combine(WorkDirectory, name);
        Assert.False(Directory.Exists(path), $"{path} is already taken.");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        DeleteDirectory(WorkDirectory);

        // The version is never used again: drop the copy restore extracted, so runs do not pile up packages.
        string globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        DeleteDirectory(Path.Combine(globalPackages, "evscontracts", Version));
        return Task.CompletedTask;
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover in the temp directory must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        string? configured = typeof(PackageFixture).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "EvsRepositoryRoot")?.Value;
        if (configured is not null && File.Exists(Path.Combine(configured, "EvsContracts.sln")))
        {
            return Path.GetFullPath(configured);
        }

        // Built elsewhere: look up from the test assembly.
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EvsContracts.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("EvsContracts.sln was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The tests that share one packed package; they run one after another (they share 2 cores and MSBuild).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackedPackage : ICollectionFixture<PackageFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packed package";
}
