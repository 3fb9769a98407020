using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Benchmarks.Compiler;

/// <summary>
/// The analyzers a <c>dotnet build</c> of a net10.0 project runs with no analyzer package of its own: the SDK's
/// .NET analyzers and the targeting pack's, as the project file lists them at build time
/// (<c>sdk-analyzers.txt</c>), with the severities of the SDK's default analysis level.
/// </summary>
public static class SdkAnalyzers
{
    private static readonly string s_list = Path.Combine(AppContext.BaseDirectory, "sdk-analyzers.txt");

    public static ImmutableArray<DiagnosticAnalyzer> Load()
    {
        var loader = new Loader();
        var analyzers = new List<DiagnosticAnalyzer>();
        foreach (string path in ListedPaths())
        {
            var reference = new AnalyzerFileReference(path, loader);
            reference.AnalyzerLoadFailed += (_, e) => throw new InvalidOperationException($"{path}: {e.Message}", e.Exception);
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        if (!analyzers.Any(a => a.GetType().Assembly.GetName().Name == "Microsoft.CodeAnalysis.NetAnalyzers"))
        {
            throw new InvalidOperationException("The SDK's .NET analyzers were not among " + s_list);
        }

        return [.. analyzers];
    }

    /// <summary>
    /// The severities the SDK passes for the default analysis level: <c>analysislevel_{N}_default.globalconfig</c>
    /// beside the .NET analyzers, for the SDK's own major version.
    /// </summary>
    public static ImmutableDictionary<string, ReportDiagnostic> DefaultSeverities()
    {
        string netAnalyzers = ListedPaths().Single(path => Path.GetFileName(path) == "Microsoft.CodeAnalysis.NetAnalyzers.dll");
        string config = Path.Combine(Path.GetDirectoryName(netAnalyzers)!, "build", "config", $"analysislevel_{Environment.Version.Major}_default.globalconfig");
        AnalyzerConfigSet set = AnalyzerConfigSet.Create(ImmutableArray.Create(AnalyzerConfig.Parse(File.ReadAllText(config), config)));
        return set.GlobalConfigOptions.TreeOptions;
    }

    /// <summary>The analyzer files the project's build listed, one full path a line.</summary>
    private static IEnumerable<string> ListedPaths() => File.ReadAllLines(s_list).Where(line => line.Length > 0);

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
