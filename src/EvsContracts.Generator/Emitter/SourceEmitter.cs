using System.Collections.Generic;
using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>A generated source file.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>All the files of one contract, in a stable order.</summary>
internal static class SourceEmitter
{
    public static IEnumerable<GeneratedFile> Emit(ContractModel model, GeneratorFeatures features)
    {
        foreach (TypeModel type in model.Types)
        {
            yield return new GeneratedFile($"{model.Namespace}.{type.Name}.g.cs", ModelEmitter.Emit(model, type));
        }

        if (!model.Operations.IsEmpty)
        {
            yield return new GeneratedFile($"{model.Namespace}.{model.ClientName}.g.cs", ClientEmitter.Emit(model));
            if (features.HttpClientFactory)
            {
                yield return new GeneratedFile($"{model.Namespace}.{model.ClientName}ServiceCollectionExtensions.g.cs", ClientEmitter.EmitServiceCollectionExtensions(model));
            }
        }
    }
}
