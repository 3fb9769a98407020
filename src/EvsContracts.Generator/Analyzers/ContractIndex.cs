using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using EvsContracts.Generator.Reader.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// What the four analyzers share for one compilation: the attribute types, the candidate names, the values of
/// locals, compiled patterns, and the sites found in each syntax tree. The analyzers are separate classes (their
/// ids and fixes differ), so without this each would repeat the same walk and the same symbol lookups.
/// </summary>
/// <remarks>
/// Kept per <see cref="Compilation"/> in a <see cref="ConditionalWeakTable{TKey, TValue}"/>: it lives exactly as
/// long as the compilation, which an IDE replaces on every edit.
/// </remarks>
internal sealed class ContractIndex
{
    private static readonly ConditionalWeakTable<Compilation, ContractIndex> Indexes = new();
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private readonly Compilation compilation;
    private readonly object namesGate = new();
    private readonly ConcurrentDictionary<string, Regex?> regexes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SyntaxTree, ImmutableArray<ContractSite>> trees = new();
    private CandidateNames? names;

    private ContractIndex(Compilation compilation)
    {
        this.compilation = compilation;
        Attributes = ContractAttributes.Resolve(compilation);
    }

    /// <summary>The attributes of every kind, or <see langword="null"/> when the compilation knows none.</summary>
    public ContractAttributes? Attributes { get; }

    /// <summary>Known values of locals, shared so that a local is looked at once for all analyzers.</summary>
    public ConstantValues Values { get; } = new();

    public static ContractIndex For(Compilation compilation) => Indexes.GetValue(compilation, static c => new ContractIndex(c));

    /// <summary>
    /// The candidate names, computed by the first caller. Not a <see cref="Lazy{T}"/>: that would keep a
    /// cancellation as its value, and the next caller must get a fresh try instead.
    /// </summary>
    public CandidateNames GetNames(ContractAttributes attributes, CancellationToken cancellationToken)
    {
        CandidateNames? known = Volatile.Read(ref names);
        if (known is not null)
        {
            return known;
        }

        lock (namesGate)
        {
            names ??= CandidateNames.Compute(compilation, attributes, cancellationToken);
            return names;
        }
    }

    /// <summary>
    /// The sites of a tree, or of the part of it that <paramref name="filterSpan"/> covers (an IDE asking about a
    /// few lines). Whole trees are remembered for the other analyzers; parts are not.
    /// </summary>
    public ImmutableArray<ContractSite> GetSites(SemanticModel model, TextSpan? filterSpan, CancellationToken cancellationToken)
    {
        SyntaxTree tree = model.SyntaxTree;
        bool whole = filterSpan is not { } span || span.Contains(tree.GetRoot(cancellationToken).FullSpan);
        if (whole && trees.TryGetValue(tree, out ImmutableArray<ContractSite> known))
        {
            return known;
        }

        ImmutableArray<ContractSite> sites = ContractValueWalker.FindSites(this, model, whole ? null : filterSpan, cancellationToken);

        // Two analyzers on the same tree at once both compute the same list; either copy will do.
        return whole ? trees.GetOrAdd(tree, sites) : sites;
    }

    /// <summary>
    /// The pattern's regular expression, read as ECMA-262 reads it (as the generated check does), or
    /// <see langword="null"/> when it does not compile (then it checks nothing).
    /// </summary>
    public Regex? GetRegex(string pattern) => regexes.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex(EcmaPattern.ToDotNet(p), RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    });
}
