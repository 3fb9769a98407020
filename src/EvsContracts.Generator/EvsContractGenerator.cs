using System;
using System.Collections.Immutable;
using System.Threading;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Emitter;
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
    }

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
            .Select(static (pair, _) =>
                SpecParser.Parse(pair.Left with { DefaultNamespace = pair.Right.RootNamespace }) with { Features = pair.Right.Features })
            .WithTrackingName(Steps.Contracts);

        // The built-in spec is generated only when the project declares none of its own.
        IncrementalValueProvider<SpecResult?> builtInContract = specs.Collect()
            .Combine(options)
            .Select(static (pair, _) => pair.Left.IsEmpty && pair.Right.BuiltInSpec
                ? SpecParser.Parse(BuiltInSpec.Input(pair.Right.RootNamespace)) with { Features = pair.Right.Features }
                : null)
            .WithTrackingName(Steps.BuiltInContract);

        context.RegisterSourceOutput(contracts, static (spc, result) => Emit(spc, result));
        context.RegisterSourceOutput(builtInContract, static (spc, result) =>
        {
            if (result is not null)
            {
                Emit(spc, result);
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
        };
    }

    private static string? NonEmpty(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static void Emit(SourceProductionContext context, SpecResult result)
    {
        foreach (SpecDiagnostic diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (result.Model is not { } model)
        {
            return;
        }

        foreach (GeneratedFile file in SourceEmitter.Emit(model, result.Features))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                context.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
            }
            catch (ArgumentException)
            {
                // Two specs of one project generate the same file: report it rather than fail the generator.
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidName,
                    Location.None,
                    $"Two specs generate {file.HintName}; give them different namespaces (EvsContract Namespace=\"...\")"));
                return;
            }
        }
    }
}
