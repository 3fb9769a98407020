using System.Globalization;
using System.Linq;
using EvsContracts.Generator.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Diagnostics;

/// <summary>
/// A problem found in a spec, as plain equatable data: pipeline outputs must not hold a <see cref="Location"/>
/// (it roots a syntax tree and defeats caching), so the location is rebuilt only when reported. The descriptor is a
/// static instance of <see cref="DiagnosticDescriptors"/>, so comparing it is comparing which problem this is.
/// </summary>
internal sealed record SpecDiagnostic(DiagnosticDescriptor Descriptor, SpecLocation Location, EquatableArray<string> Arguments)
{
    public string Id => Descriptor.Id;

    /// <summary>The message as the build log shows it.</summary>
    public string Message => string.Format(
        CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), MessageArguments());

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location.ToLocation(), MessageArguments());

    private object[] MessageArguments() => Arguments.Cast<object>().ToArray();
}

/// <summary>A span of a spec file with its line and column, as plain data; an empty path is the built-in spec.</summary>
internal readonly record struct SpecLocation(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    public Location ToLocation() => FilePath.Length == 0
        ? Location.None
        : Location.Create(
            FilePath,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}
