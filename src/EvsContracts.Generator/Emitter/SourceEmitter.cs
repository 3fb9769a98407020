using System.Collections.Generic;
using System.Threading;
using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>A generated source file.</summary>
internal sealed record GeneratedFile(string HintName, GeneratedText Text);

/// <summary>All the files of one contract, in a stable order: the models, the client, its DI registration.</summary>
/// <remarks>
/// Models share one file rather than one per type: the compiler does work for every generated file on every run,
/// cached or not, and for a spec of hundreds of schemas that per-file cost was nearly all of a warm run.
/// </remarks>
internal static class SourceEmitter
{
    public static IEnumerable<GeneratedFile> Emit(ContractModel model, GeneratorFeatures features, CancellationToken cancellationToken = default)
    {
        string prefix = $"{model.Namespace}.{model.ClientName}";
        if (!model.Types.IsEmpty)
        {
            yield return new GeneratedFile(prefix + ".Models.g.cs", ModelEmitter.Emit(model, cancellationToken));
        }

        // The client is there even with no operation (a spec with no paths yet, or every operation left out), so
        // code that uses it does not stop compiling with a missing type when the last operation goes.
        yield return new GeneratedFile(prefix + ".g.cs", ClientEmitter.Emit(model, cancellationToken));
        if (features.HttpClientFactory)
        {
            yield return new GeneratedFile(prefix + "ServiceCollectionExtensions.g.cs", ServiceCollectionEmitter.Emit(model));
        }
    }
}
