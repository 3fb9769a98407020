using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// One place where known values flow into a member with rules, found once per syntax tree and shared by the four
/// analyzers: each looks only at the rules of its own kinds.
/// </summary>
internal sealed class ContractSite
{
    public ContractSite(string name, SyntaxNode value, Candidates candidates, bool isLowerBound, ImmutableArray<ContractRule> rules)
    {
        Name = name;
        Value = value;
        Candidates = candidates;
        IsLowerBound = isLowerBound;
        Rules = rules;
    }

    /// <summary>The member as the user wrote it: <c>Name</c>, <c>projectId</c>, <c>Metadata["purpose"]</c>.</summary>
    public string Name { get; }

    /// <summary>The expression that gives the value; the diagnostic goes there.</summary>
    public SyntaxNode Value { get; }

    public Candidates Candidates { get; }

    /// <summary>The value is only the part appended by <c>+=</c>: the member ends up at least this long.</summary>
    public bool IsLowerBound { get; }

    /// <summary>Every rule on the member, of every kind.</summary>
    public ImmutableArray<ContractRule> Rules { get; }
}

/// <summary>A <see cref="ContractSite"/> as one analyzer sees it: what its checks read, and where they report.</summary>
internal sealed class ValueSite
{
    private readonly ContractSite site;
    private readonly ContractIndex index;
    private readonly Action<Diagnostic> report;

    public ValueSite(ContractSite site, ContractIndex index, Action<Diagnostic> report)
    {
        this.site = site;
        this.index = index;
        this.report = report;
    }

    /// <summary>The member as the user wrote it: <c>Name</c>, <c>projectId</c>, <c>Metadata["purpose"]</c>.</summary>
    public string Name => site.Name;

    public Candidates Candidates => site.Candidates;

    /// <summary>The value is only the part appended by <c>+=</c>: the member ends up at least this long.</summary>
    public bool IsLowerBound => site.IsLowerBound;

    /// <summary>A code fix can rewrite the value: it is one string literal that is the whole value.</summary>
    public bool CanFix => Candidates.IsLiteral && !IsLowerBound;

    public Regex? GetRegex(string pattern) => index.GetRegex(pattern);

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

        report(Diagnostic.Create(descriptor, site.Value.GetLocation(), properties, arguments));
    }
}
