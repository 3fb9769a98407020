using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Generator;

/// <summary>The MSBuild properties the generator reads (made visible by the package's props file).</summary>
internal sealed record GeneratorOptions(bool BuiltInSpec, string RootNamespace)
{
    public const string FallbackNamespace = "EvsContracts.Generated";

    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        bool builtIn = !options.TryGetValue("build_property.EvsContractsBuiltInSpec", out string? flag)
            || !string.Equals(flag.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        string rootNamespace = options.TryGetValue("build_property.RootNamespace", out string? ns) && !string.IsNullOrWhiteSpace(ns)
            ? ns.Trim()
            : FallbackNamespace;
        return new GeneratorOptions(builtIn, rootNamespace);
    }
}

/// <summary>What the consuming compilation offers that changes what is generated.</summary>
internal sealed record GeneratorFeatures(bool HttpClientFactory)
{
    /// <summary>
    /// Whether <paramref name="reference"/> is Microsoft.Extensions.Http, which defines <c>AddHttpClient</c>: the
    /// package's assembly and the ASP.NET Core shared framework's have that one name.
    /// </summary>
    /// <remarks>
    /// Decided from the references, not by looking the type up in the compilation: the references stay the same
    /// while C# is edited, so this step stays cached, where a lookup would run again on every keystroke.
    /// </remarks>
    public static bool IsHttpClientFactory(MetadataReference reference) =>
        reference is PortableExecutableReference { FilePath: { } path }
        && string.Equals(Path.GetFileNameWithoutExtension(path), "Microsoft.Extensions.Http", StringComparison.OrdinalIgnoreCase);
}
