using System;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Model;
using EvsContracts.Generator.Reader.Json;
using EvsContracts.Generator.Reader.OpenApi;
using EvsContracts.Generator.Support;

namespace EvsContracts.Generator;

/// <summary>The model of a spec, or the reasons there is none. Equatable, so it can be a pipeline step's output.</summary>
internal sealed record SpecResult(ContractModel? Model, EquatableArray<SpecDiagnostic> Diagnostics)
{
    /// <summary>What the consuming project offers, which decides the files beyond the models and the client.</summary>
    /// <remarks>Carried here, not joined at the output, so the output needs no node of its own.</remarks>
    public GeneratorFeatures Features { get; init; } = GeneratorFeatures.None;
}

/// <summary>spec text → JSON with positions → OpenAPI subset → C# contract model. Never throws.</summary>
internal static class SpecParser
{
    public static SpecResult Parse(SpecInput input)
    {
        var diagnostics = new SpecDiagnosticBag(input.FilePath, input.Text);
        ContractModel? model = null;
        try
        {
            if (input.Unreadable)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidJsonId, "The spec file could not be read", 0, 0);
                return new SpecResult(null, diagnostics.Items.ToEquatableArray());
            }

            // Hosts decode a file that is not valid UTF-8 with replacement characters; generating from that text
            // would silently garble names and descriptions. A wanted U+FFFD can still be written as \uFFFD.
            int undecodable = input.Text.IndexOf('\uFFFD');
            if (undecodable >= 0)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidJsonId, "The spec is not valid UTF-8: the bytes here could not be decoded; save the file as UTF-8", undecodable, undecodable + 1);
                return new SpecResult(null, diagnostics.Items.ToEquatableArray());
            }

            JsonNode? root = JsonParser.Parse(input.Text, out JsonSyntaxError? error);
            if (error is not null)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidJsonId, $"The spec is not valid JSON: {error.Message}", error.Offset, Math.Min(error.Offset + error.Length, input.Text.Length));
            }
            else if (OpenApiReader.Read(root!, diagnostics) is { } document && !diagnostics.HasErrors)
            {
                model = ContractModelBuilder.Build(document, input, diagnostics);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect in the generator must still surface as a diagnostic on the spec, never as a failed generator (CS8785).
            diagnostics.Report(DiagnosticDescriptors.NotOpenApiId, $"The generator could not read this spec ({e.GetType().Name}: {e.Message}); please report it", 0, Math.Min(1, input.Text.Length));
        }

        return diagnostics.HasErrors
            ? new SpecResult(null, diagnostics.Items.ToEquatableArray())
            : new SpecResult(model, EquatableArray<SpecDiagnostic>.Empty);
    }
}
