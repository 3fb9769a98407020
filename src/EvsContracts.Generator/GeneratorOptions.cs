using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Generator;

/// <summary>The MSBuild properties the generator reads (made visible by the package's props file).</summary>
internal sealed record GeneratorOptions(bool BuiltInSpec, string RootNamespace, GeneratorFeatures Features)
{
    public const string FallbackNamespace = "EvsContracts.Generated";

    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        bool builtIn = !options.TryGetValue("build_property.EvsContractsBuiltInSpec", out string? flag)
            || !string.Equals(flag.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        string rootNamespace = options.TryGetValue("build_property.RootNamespace", out string? ns) && !string.IsNullOrWhiteSpace(ns)
            ? ns.Trim()
            : FallbackNamespace;

        // Set by the package's targets from the resolved references (see EvsContracts.targets). Read as a property,
        // not from the compilation's references: the generator would otherwise compare every reference on every
        // keystroke, which was most of its warm run.
        bool httpClientFactory = options.TryGetValue("build_property.EvsContractsHttpClientFactory", out string? http)
            && string.Equals(http.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new GeneratorOptions(builtIn, rootNamespace, new GeneratorFeatures(httpClientFactory));
    }
}

/// <summary>What the consuming project offers that changes what is generated.</summary>
/// <param name="HttpClientFactory">
/// Whether Microsoft.Extensions.Http (which defines <c>AddHttpClient</c>) is referenced, from the package or the
/// ASP.NET Core shared framework: then <c>Add{Client}</c> for <c>IServiceCollection</c> is generated too.
/// </param>
internal sealed record GeneratorFeatures(bool HttpClientFactory)
{
    /// <summary>Nothing beyond the base library.</summary>
    public static GeneratorFeatures None { get; } = new(HttpClientFactory: false);
}
