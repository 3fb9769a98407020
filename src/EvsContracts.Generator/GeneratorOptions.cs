using System;
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
    public static GeneratorFeatures From(Compilation compilation) => new(
        compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is not null);
}
