using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Diagnostics;

/// <summary>
/// A problem found in a spec, as plain equatable data: pipeline outputs must not hold a <see cref="Location"/>
/// (it roots a syntax tree and defeats caching), so the location is rebuilt only when reported.
/// </summary>
internal sealed record SpecDiagnostic(
    string Id,
    string Message,
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    public Diagnostic ToDiagnostic()
    {
        DiagnosticDescriptor descriptor = Id switch
        {
            DiagnosticDescriptors.InvalidJsonId => DiagnosticDescriptors.InvalidJson,
            DiagnosticDescriptors.NotOpenApiId => DiagnosticDescriptors.NotOpenApi,
            DiagnosticDescriptors.UnsupportedId => DiagnosticDescriptors.Unsupported,
            DiagnosticDescriptors.UnresolvedRefId => DiagnosticDescriptors.UnresolvedRef,
            DiagnosticDescriptors.InvalidNameId => DiagnosticDescriptors.InvalidName,
            DiagnosticDescriptors.ContradictionId => DiagnosticDescriptors.Contradiction,
            _ => throw new InvalidOperationException("Unknown spec diagnostic " + Id),
        };

        Location location = FilePath.Length == 0
            ? Location.None
            : Location.Create(
                FilePath,
                new TextSpan(Start, Length),
                new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
        return Diagnostic.Create(descriptor, location, Message);
    }
}
