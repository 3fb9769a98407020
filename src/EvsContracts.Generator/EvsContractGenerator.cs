using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Emitter;
using EvsContracts.Generator.Model;
using EvsContracts.Generator.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator;

/// <summary>
/// The pipeline: <c>EvsContract</c> spec files (or the built-in spec when there are none) → parsed contract
/// models → C# sources, with the spec's problems reported on a separate output. Each step is named so tests can
/// prove that an unrelated edit leaves it cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EvsContractGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline's steps.</summary>
    public static class Steps
    {
        public const string Options = nameof(Options);
        public const string SpecInputs = nameof(SpecInputs);
        public const string Contracts = nameof(Contracts);
        public const string BuiltInContract = nameof(BuiltInContract);
        public const string FileNameClashes = nameof(FileNameClashes);
    }

    private readonly Func<ContractModel, GeneratorFeatures, CancellationToken, IEnumerable<GeneratedFile>> _emit;

    /// <summary>Creates the generator, as the compiler does.</summary>
    public EvsContractGenerator()
        : this(SourceEmitter.Emit)
    {
    }

    /// <summary>Creates the generator with another emitter; tests pass one that fails to prove a defect becomes EVS900.</summary>
    internal EvsContractGenerator(Func<ContractModel, GeneratorFeatures, CancellationToken, IEnumerable<GeneratedFile>> emit) => _emit = emit;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(Steps.Options);

        // One node where Select, Where and Select would be three: a warm run walks every node of the graph.
        IncrementalValuesProvider<SpecInput> specs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .SelectMany(static (pair, cancellationToken) => ReadSpecInput(pair.Left, pair.Right, cancellationToken) is { } input
                ? ImmutableArray.Create(input)
                : ImmutableArray<SpecInput>.Empty)
            .WithTrackingName(Steps.SpecInputs);

        IncrementalValuesProvider<SpecResult> contracts = specs
            .Combine(options)
            .Select(static (pair, cancellationToken) =>
                SpecParser.Parse(pair.Left with { DefaultNamespace = pair.Right.RootNamespace }, cancellationToken) with { Features = pair.Right.Features })
            .WithTrackingName(Steps.Contracts);

        // The built-in spec is generated only when the project declares none of its own.
        IncrementalValueProvider<SpecResult?> builtInContract = specs.Collect()
            .Combine(options)
            .Select(static (pair, cancellationToken) => pair.Left.IsEmpty && pair.Right.BuiltInSpec
                ? SpecParser.Parse(BuiltInSpec.Input(pair.Right.RootNamespace), cancellationToken) with { Features = pair.Right.Features }
                : null)
            .WithTrackingName(Steps.BuiltInContract);

        // Files of two specs with the same names would make the compiler drop every file of the generator (CS8785);
        // each spec involved is told instead. Small and equatable, so it stays cached while the specs are.
        IncrementalValueProvider<ClashingPrefixes> clashes = contracts.Collect()
            .Select(static (results, _) => FileNameClashes(results))
            .WithTrackingName(Steps.FileNameClashes);

        context.RegisterSourceOutput(contracts.Combine(clashes), (spc, pair) => Emit(spc, pair.Left, pair.Right));
        context.RegisterSourceOutput(builtInContract, (spc, result) =>
        {
            if (result is not null)
            {
                Emit(spc, result, ClashingPrefixes.None);
            }
        });
    }

    private static SpecInput? ReadSpecInput(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions options = provider.GetOptions(file);
        if (!options.TryGetValue("build_metadata.AdditionalFiles.EvsContract", out string? flag)
            || !string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        SourceText? text = file.GetText(cancellationToken);
        return new SpecInput(
            file.Path,
            text?.ToString() ?? string.Empty,
            NonEmpty(options, "build_metadata.AdditionalFiles.Namespace"),
            NonEmpty(options, "build_metadata.AdditionalFiles.ClientName"),
            string.Empty)
        {
            Unreadable = text is null,
            AllSchemas = options.TryGetValue("build_metadata.AdditionalFiles.GenerateAllSchemas", out string? all)
                && string.Equals(all.Trim(), "true", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static string? NonEmpty(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>
    /// The file name prefixes (namespace.client) that more than one spec generates. Compared ignoring case, as the
    /// compiler compares hint names; a prefix also clashes with one that it extends by a name the emitter appends.
    /// </summary>
    private static ClashingPrefixes FileNameClashes(ImmutableArray<SpecResult> results)
    {
        var prefixes = new List<string>();
        foreach (SpecResult result in results)
        {
            if (result.Model is { } model)
            {
                prefixes.Add(model.HintPrefix);
            }
        }

        var clashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < prefixes.Count; i++)
        {
            for (int j = i + 1; j < prefixes.Count; j++)
            {
                if (SameFiles(prefixes[i], prefixes[j]) || SameFiles(prefixes[j], prefixes[i]))
                {
                    clashes.Add(prefixes[i]);
                    clashes.Add(prefixes[j]);
                }
            }
        }

        return new ClashingPrefixes(clashes.OrderBy(prefix => prefix, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>Whether a file of <paramref name="prefix"/> is named like a file of <paramref name="other"/>.</summary>
    private static bool SameFiles(string prefix, string other) =>
        string.Equals(prefix, other, StringComparison.OrdinalIgnoreCase)
        || string.Equals(prefix, other + ".Models", StringComparison.OrdinalIgnoreCase)
        || string.Equals(prefix, other + "ServiceCollectionExtensions", StringComparison.OrdinalIgnoreCase);

    private void Emit(SourceProductionContext context, SpecResult result, ClashingPrefixes clashes)
    {
        foreach (SpecDiagnostic diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (result.Model is not { } model)
        {
            return;
        }

        Location location = result.FileNameLocation.ToLocation();
        if (clashes.Prefixes.AsImmutableArray().Contains(model.HintPrefix, StringComparer.OrdinalIgnoreCase))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratedFileClash, location, model.HintPrefix + ".*.cs", LeftOutParts.NothingGenerated));
            return;
        }

        List<GeneratedFile> files;
        try
        {
            files = _emit(model, result.Features, context.CancellationToken).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // As in the parse step: a defect of the emitter is reported on the spec, not as a failed generator (CS8785).
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, location, e.GetType().FullName ?? e.GetType().Name, DiagnosticText.ShortenQuotes(e.Message)));
            return;
        }

        foreach (GeneratedFile file in files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource(file.HintName, file.Text);
        }
    }
}

/// <summary>The hint prefixes that more than one spec would write files of.</summary>
/// <remarks>
/// A class around the array, not the array itself: the compiler carries reference types through the pipeline with
/// code it has compiled ahead of time, and a struct value would have it compile its own copy on every build.
/// </remarks>
internal sealed record ClashingPrefixes(EquatableArray<string> Prefixes)
{
    public static readonly ClashingPrefixes None = new(EquatableArray<string>.Empty);
}
