using System.Globalization;
using System.Security;
using System.Text;

namespace EvsContracts.Package.Tests.Infrastructure;

/// <summary>
/// A project outside the repository that references the packed package the way a user does: a
/// <c>PackageReference</c> at the packed version, restored through a <c>nuget.config</c> that lists the folder feed
/// beside nuget.org.
/// </summary>
internal sealed class ConsumerProject
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(4);

    private ConsumerProject(string directory, string name, string targetFramework)
    {
        Directory = directory;
        Name = name;
        TargetFramework = targetFramework;
    }

    /// <summary>The project directory.</summary>
    public string Directory { get; }

    /// <summary>The project (and assembly) name.</summary>
    public string Name { get; }

    /// <summary>The target framework.</summary>
    public string TargetFramework { get; }

    /// <summary>The project file.</summary>
    public string ProjectPath => Path.Combine(Directory, Name + ".csproj");

    /// <summary>The built assembly (Debug).</summary>
    public string AssemblyPath => Path.Combine(Directory, "bin", "Debug", TargetFramework, Name + ".dll");

    /// <summary>
    /// Writes the project file and <c>nuget.config</c> in a new directory and copies the sources of
    /// <c>Consumers/<paramref name="sources"/></c> into it, if given.
    /// </summary>
    /// <param name="fixture">The packed package.</param>
    /// <param name="directoryName">The directory to create under the work directory.</param>
    /// <param name="sources">The folder of consumer sources shipped with the tests, or null for none.</param>
    /// <param name="targetFramework">net8.0, net10.0, ...</param>
    /// <param name="extraProperties">MSBuild properties to add, as XML.</param>
    /// <param name="extraItems">MSBuild items to add beside the package reference, as XML.</param>
    public static ConsumerProject Create(
        PackageFixture fixture,
        string directoryName,
        string? sources,
        string targetFramework,
        string extraProperties = "",
        string extraItems = "")
    {
        string directory = fixture.NewDirectory(directoryName);
        var project = new ConsumerProject(directory, "Consumer", targetFramework);
        if (sources is not null)
        {
            string sourceDirectory = Path.Combine(AppContext.BaseDirectory, "Consumers", sources);
            foreach (string file in System.IO.Directory.EnumerateFiles(sourceDirectory, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(directory, Path.GetRelativePath(sourceDirectory, file));
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        File.WriteAllText(project.ProjectPath, ProjectFile(fixture.Version, targetFramework, extraProperties, extraItems));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), NuGetConfig(fixture.FeedDirectory));
        return project;
    }

    /// <summary>A file of the project, by its relative path.</summary>
    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary><c>dotnet restore</c>.</summary>
    public Task<ProcessResult> RestoreAsync() =>
        ProcessRunner.DotnetAsync(Directory, s_buildTimeout, "restore", ProjectPath, "-tl:off", "-nologo");

    /// <summary>
    /// <c>dotnet build</c>, with no build servers left behind and a second, summary-free log of the diagnostics in
    /// <paramref name="diagnosticsLog"/> (the console log repeats every warning in its summary).
    /// </summary>
    public Task<ProcessResult> BuildAsync(string diagnosticsLog) =>
        ProcessRunner.DotnetAsync(
            Directory,
            s_buildTimeout,
            "build",
            ProjectPath,
            "--disable-build-servers",
            "-tl:off",
            "-nologo",
            "-flp:logfile=" + diagnosticsLog + ";verbosity=minimal;NoSummary");

    private static string ProjectFile(string version, string targetFramework, string extraProperties, string extraItems) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <AssemblyName>Consumer</AssemblyName>
                <RootNamespace>Consumer</RootNamespace>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EvsContracts" Version="{version}" />
                {extraItems}
              </ItemGroup>
            </Project>

            """);

    private static string NuGetConfig(string feed)
    {
        // The mapping makes sure EvsContracts can only come from the folder feed, never from nuget.org.
        var text = new StringBuilder();
        text.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
            .Append("<configuration>\n")
            .Append("  <packageSources>\n")
            .Append("    <clear />\n")
            .Append("    <add key=\"evs-local\" value=\"").Append(SecurityElement.Escape(feed)).Append("\" />\n")
            .Append("    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" protocolVersion=\"3\" />\n")
            .Append("  </packageSources>\n")
            .Append("  <packageSourceMapping>\n")
            .Append("    <packageSource key=\"evs-local\">\n")
            .Append("      <package pattern=\"EvsContracts\" />\n")
            .Append("    </packageSource>\n")
            .Append("    <packageSource key=\"nuget.org\">\n")
            .Append("      <package pattern=\"*\" />\n")
            .Append("    </packageSource>\n")
            .Append("  </packageSourceMapping>\n")
            .Append("</configuration>\n");
        return text.ToString();
    }
}
