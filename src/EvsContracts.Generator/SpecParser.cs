using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Model;
using EvsContracts.Generator.Reader.Json;
using EvsContracts.Generator.Reader.OpenApi;
using EvsContracts.Generator.Reader.Yaml;
using EvsContracts.Generator.Support;

namespace EvsContracts.Generator;

/// <summary>
/// The model of a spec, and its problems: what they leave out is not in the model; a problem of the document as a
/// whole leaves no model. Equatable, so it can be a pipeline step's output.
/// </summary>
internal sealed record SpecResult(ContractModel? Model, EquatableArray<SpecDiagnostic> Diagnostics)
{
    /// <summary>What the consuming project offers, which decides the files beyond the models and the client.</summary>
    /// <remarks>Carried here, not joined at the output, so the output needs no node of its own.</remarks>
    public GeneratorFeatures Features { get; init; } = GeneratorFeatures.None;

    /// <summary>
    /// Where the spec names the generated files (its namespace or client name): where a clash with another spec's
    /// files, or a defect met while writing them, is reported.
    /// </summary>
    public SpecLocation FileNameLocation { get; init; }
}

/// <summary>spec text → JSON or YAML tree with positions → OpenAPI subset → C# contract model. Never throws.</summary>
internal static class SpecParser
{
    /// <summary>Parses the spec; a cancellation throws <see cref="OperationCanceledException"/>, as a pipeline step should.</summary>
    public static SpecResult Parse(SpecInput input, CancellationToken cancellationToken = default) =>
        Parse(input, (document, spec, diagnostics) => ContractModelBuilder.Build(document, spec, diagnostics, cancellationToken), cancellationToken);

    /// <summary>Parses with the given model builder; tests pass one that fails to prove a defect becomes EVS900.</summary>
    internal static SpecResult Parse(
        SpecInput input, Func<OpenApiDocument, SpecInput, SpecDiagnosticBag, ContractModel?> build, CancellationToken cancellationToken = default)
    {
        var diagnostics = new SpecDiagnosticBag(input.FilePath, input.Text);
        ContractModel? model = null;
        SpecLocation fileNameLocation = default;
        OpenApiDocument? document = null;
        try
        {
            if (input.Unreadable)
            {
                diagnostics.Report(DiagnosticDescriptors.SpecUnreadable, 0, 0);
                return new SpecResult(null, diagnostics.Items.ToEquatableArray());
            }

            // A U+FFFD in the text is taken as written: real specs carry it in descriptions, and a compiler host
            // reads a file that is not valid UTF-8 with a fallback code page, not with replacement characters, so
            // refusing it would refuse good specs and catch no bad ones.
            bool yaml = IsYaml(input.FilePath);
            JsonNode? root = yaml ? YamlParser.Parse(input.Text, out JsonSyntaxError? error) : JsonParser.Parse(input.Text, out error);
            if (error is not null)
            {
                diagnostics.Report(yaml ? DiagnosticDescriptors.SpecNotYaml : DiagnosticDescriptors.SpecNotJson, error.Offset, Math.Min(error.Offset + error.Length, input.Text.Length), error.Message);
            }
            else if ((document = OpenApiReader.Read(root!, diagnostics, cancellationToken)) is not null && !diagnostics.HasDocumentProblems)
            {
                fileNameLocation = diagnostics.Locate(ContractModelBuilder.FileNameSource(document, input));
                model = BuildLeavingOut(document, input, diagnostics, build, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A cancellation is not a defect: it propagates, as the compiler expects of a pipeline step. A defect in the generator must still surface as a diagnostic on the spec, never as a failed generator (CS8785).
            using SpecDiagnosticBag.PartScope scope = diagnostics.Within(null);
            diagnostics.Report(DiagnosticDescriptors.InternalError, 0, Math.Min(1, input.Text.Length), e.GetType().FullName ?? e.GetType().Name, e.Message);
            model = null;
        }

        // The problems of schemas that are not generated because no operation uses them are not told.
        IReadOnlyList<SpecPart> parts = document?.Parts ?? (IReadOnlyList<SpecPart>)Array.Empty<SpecPart>();
        HashSet<SpecPart>? unused = model is not null && !ContractModelBuilder.GeneratesEverySchema(document!, input) ? LeftOutParts.UnusedSchemas(parts) : null;
        EquatableArray<SpecDiagnostic> reported = LeftOutParts.Describe(diagnostics, parts, unused);
        return model is null
            ? new SpecResult(null, reported)
            : new SpecResult(model, reported) { FileNameLocation = fileNameLocation };
    }

    /// <summary>
    /// Builds the model without the parts the spec's problems leave out. A problem the builder finds (a name that
    /// collides, contradictory constraints) leaves out its part too, and what needs it: then the model is built
    /// again without them (what was reported about them stays). Each round leaves out at least one more part, so
    /// the rounds end.
    /// </summary>
    private static ContractModel? BuildLeavingOut(
        OpenApiDocument document,
        SpecInput input,
        SpecDiagnosticBag diagnostics,
        Func<OpenApiDocument, SpecInput, SpecDiagnosticBag, ContractModel?> build,
        CancellationToken cancellationToken)
    {
        int leftOut = -1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LeftOutParts.Mark(document.Parts, diagnostics);
            int nowLeftOut = document.Parts.Count(part => part.LeftOut);
            if (nowLeftOut == leftOut)
            {
                // A problem in a part the builder does not skip: building again would find it again.
                throw new InvalidOperationException("A problem was reported in a part the model builder does not leave out.");
            }

            leftOut = nowLeftOut;
            int before = diagnostics.LeavingOutCount;
            ContractModel? model = build(document, input, diagnostics);
            if (model is null || diagnostics.HasDocumentProblems)
            {
                return null;
            }

            // A note leaves nothing out, so it needs no other round (the next would report it again).
            if (diagnostics.LeavingOutCount == before)
            {
                return model;
            }
        }
    }

    /// <summary>A <c>.yaml</c> or <c>.yml</c> file is read as YAML; any other as JSON.</summary>
    internal static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
