using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Generator.Analyzers;

/// <summary>One place where values flow into a constrained member: what the analyzers report against.</summary>
internal sealed class ValueSite
{
    private readonly ContractValueWalker walker;
    private readonly OperationAnalysisContext context;

    public ValueSite(ContractValueWalker walker, OperationAnalysisContext context, string name, IOperation value, Candidates candidates, bool isLowerBound)
    {
        this.walker = walker;
        this.context = context;
        Name = name;
        Value = value;
        Candidates = candidates;
        IsLowerBound = isLowerBound;
    }

    /// <summary>The member as the user wrote it: <c>Name</c>, <c>projectId</c>, <c>Metadata["purpose"]</c>.</summary>
    public string Name { get; }

    /// <summary>The expression that gives the value; the diagnostic goes there.</summary>
    public IOperation Value { get; }

    public Candidates Candidates { get; }

    /// <summary>The value is only the part appended by <c>+=</c>: the member ends up at least this long.</summary>
    public bool IsLowerBound { get; }

    /// <summary>A code fix can rewrite the value: it is one string literal that is the whole value.</summary>
    public bool CanFix => Candidates.IsLiteral && !IsLowerBound;

    public Regex? GetRegex(string pattern) => walker.GetRegex(pattern);

    /// <summary>
    /// The end of a message about a value read from a local: which local, and, unless the message already shows it,
    /// which of its values broke the rule.
    /// </summary>
    public string LocalNote(object value, bool valueShown)
    {
        if (Candidates.Local is not { } local)
        {
            return string.Empty;
        }

        if (valueShown)
        {
            return $" (local '{local.Name}')";
        }

        return $" (local '{local.Name}' holds {Show(value)})";
    }

    /// <summary>A constant as a message shows it: strings quoted, numbers in the invariant culture.</summary>
    public static string Show(object value) => value switch
    {
        string text => ContractText.Quote(text),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public void Report(DiagnosticDescriptor descriptor, ImmutableDictionary<string, string?>? properties, params object[] arguments)
    {
        if (properties is not null && CanFix)
        {
            properties = properties.Add(FixData.Literal, "true");
        }
        else
        {
            properties = null;
        }

        context.ReportDiagnostic(Diagnostic.Create(descriptor, Value.Syntax.GetLocation(), properties, arguments));
    }
}
