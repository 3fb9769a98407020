using System.Reflection;

namespace EvsContracts.Generator.Tests.Infrastructure;

/// <summary>Where test inputs are read from and where golden files are written back to.</summary>
internal static class TestPaths
{
    /// <summary>A file copied to the test output folder.</summary>
    public static string Output(string relativePath) =>
        Path.Combine(AppContext.BaseDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// The test project's folder in the work tree, recorded at build time (not through CallerFilePath, which a
    /// CI build's path map rewrites): golden files are read from and written to the checked-in copies.
    /// </summary>
    public static string ProjectDirectory { get; } =
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "EvsContracts.Generator.Tests.ProjectDirectory").Value
        ?? throw new InvalidOperationException("The project directory was not recorded at build time");
}
