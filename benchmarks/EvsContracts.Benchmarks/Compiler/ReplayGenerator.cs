using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Benchmarks.Compiler;

// A reference point handed to a driver in this process, never loaded by a compiler: the packaging rules for
// shipped analyzers do not apply.
#pragma warning disable RS1036, RS1041

/// <summary>
/// An incremental generator that writes exactly the files ours wrote (the same hint names and texts) from the same
/// spec input and does no other work: what a warm driver run costs for that many generated files before any
/// generator logic runs. The driver does bookkeeping for every generated file on every run, cached or not.
/// </summary>
public sealed class ReplayGenerator(ImmutableArray<GeneratedSourceResult> files) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ImmutableArray<string>> specs = context.AdditionalTextsProvider
            .Select(static (text, _) => text.Path)
            .Collect();
        context.RegisterSourceOutput(specs, (production, _) =>
        {
            foreach (GeneratedSourceResult file in files)
            {
                production.AddSource(file.HintName, file.SourceText);
            }
        });
    }
}
