using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// The simple names under which code can reach a member or parameter that carries a constraint attribute: what a
/// syntax node must mention before it is worth asking the semantic model about it.
/// </summary>
/// <remarks>
/// Names are a superset test, never a verdict: a name that matches sends the node on to the operation-based checks,
/// which decide with symbols. A member without attributes of its own takes the rules of the member it overrides or
/// implements (<see cref="ContractAttributes.GetRules"/>), and such a member has the same name, so the names of the
/// annotated members cover it; a call through an explicit implementation goes through the interface's name.
/// </remarks>
internal sealed class CandidateNames
{
    private readonly Dictionary<string, ImmutableArray<ContractRule>> members;
    private readonly Dictionary<string, ImmutableArray<ContractRule>> methods;
    private readonly Dictionary<string, ImmutableArray<ContractRule>> types;

    private CandidateNames(RulesByName members, RulesByName methods, RulesByName types, bool anyDelegate, bool anyIndexer)
    {
        this.members = members.Freeze();
        this.methods = methods.Freeze();
        this.types = types.Freeze();
        AnyDelegate = anyDelegate;
        AnyIndexer = anyIndexer;
        Spellings = SpellingsOf(this.members, this.methods, this.types);
    }

    /// <summary>A delegate type has an annotated parameter: any invocation may call it, whatever its syntax.</summary>
    public bool AnyDelegate { get; }

    /// <summary>An indexer has an annotated parameter: any element access may pass it a value.</summary>
    public bool AnyIndexer { get; }

    /// <summary>A constructor has an annotated parameter; <c>new(...)</c>, <c>base(...)</c> and <c>this(...)</c> name no type.</summary>
    public bool AnyConstructor => types.Count > 0;

    /// <summary>
    /// A delegate or an indexer takes annotated parameters: any call or element access can pass them values without
    /// naming anything that <see cref="Spellings"/> holds.
    /// </summary>
    public bool Unnamed => AnyDelegate || AnyIndexer;

    /// <summary>
    /// Every word a site must spell out to pass the name tests (<see cref="SyntaxSites"/>): the members', methods' and
    /// types' names, an attribute type's name without its suffix, and where a constructor takes annotated parameters,
    /// <c>new</c>, <c>this</c> and <c>base</c>, which call constructors without naming their type.
    /// </summary>
    public IReadOnlyList<string> Spellings { get; }

    /// <summary>A property, field or parameter with that name carries an attribute.</summary>
    public bool IsMember(string name) => members.ContainsKey(name);

    /// <summary>A method with that name has an annotated parameter.</summary>
    public bool IsMethod(string name) => methods.ContainsKey(name);

    /// <summary>A type with that name, or a using alias of one, has a constructor with an annotated parameter.</summary>
    public bool IsConstructedType(string name) => types.ContainsKey(name);

    /// <summary>The rules of every property, field and parameter with that name; <see langword="null"/> for a name that is none.</summary>
    public ImmutableArray<ContractRule>? MemberRules(string name) => members.TryGetValue(name, out var rules) ? rules : null;

    /// <summary>The rules of every annotated parameter of every method with that name; <see langword="null"/> for none.</summary>
    public ImmutableArray<ContractRule>? MethodRules(string name) => methods.TryGetValue(name, out var rules) ? rules : null;

    /// <summary>The rules of every annotated parameter of the constructors of the types with that name; <see langword="null"/> for none.</summary>
    public ImmutableArray<ContractRule>? ConstructorRules(string name) => types.TryGetValue(name, out var rules) ? rules : null;

    /// <summary>
    /// Collects the names from the compilation's own assembly and from each referenced assembly that declares the
    /// attributes or references an assembly that does: no other assembly can apply them.
    /// </summary>
    public static CandidateNames Compute(Compilation compilation, ContractAttributes attributes, CancellationToken cancellationToken)
    {
        var declaring = new HashSet<string>(StringComparer.Ordinal);
        foreach (IAssemblySymbol assembly in attributes.DeclaringAssemblies)
        {
            declaring.Add(assembly.Identity.Name);
        }

        var collector = new Collector(attributes, cancellationToken);
        collector.Visit(compilation.Assembly.GlobalNamespace);
        foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (CanApply(assembly, declaring))
            {
                collector.Visit(assembly.GlobalNamespace);
            }
        }

        if (collector.Types.Count > 0)
        {
            AddAliases(compilation, collector.Types, cancellationToken);
        }

        return new CandidateNames(collector.Members, collector.Methods, collector.Types, collector.AnyDelegate, collector.AnyIndexer);
    }

    private static string[] SpellingsOf(
        Dictionary<string, ImmutableArray<ContractRule>> members,
        Dictionary<string, ImmutableArray<ContractRule>> methods,
        Dictionary<string, ImmutableArray<ContractRule>> types)
    {
        var spellings = new HashSet<string>(StringComparer.Ordinal);
        foreach (Dictionary<string, ImmutableArray<ContractRule>> table in new[] { members, methods, types })
        {
            foreach (string name in table.Keys)
            {
                // A parameter in metadata may have no name; nothing can spell it.
                if (name.Length > 0)
                {
                    spellings.Add(name);
                }
            }
        }

        foreach (string name in types.Keys)
        {
            if (name.Length > "Attribute".Length && name.EndsWith("Attribute", StringComparison.Ordinal))
            {
                spellings.Add(name.Substring(0, name.Length - "Attribute".Length));
            }
        }

        if (types.Count > 0)
        {
            spellings.Add("new");
            spellings.Add("this");
            spellings.Add("base");
        }

        return [.. spellings];
    }

    private static bool CanApply(IAssemblySymbol assembly, HashSet<string> declaring)
    {
        if (declaring.Contains(assembly.Identity.Name))
        {
            return true;
        }

        foreach (IModuleSymbol module in assembly.Modules)
        {
            foreach (AssemblyIdentity reference in module.ReferencedAssemblies)
            {
                if (declaring.Contains(reference.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// <c>using Client = Demo.SnapshotClient;</c> makes <c>new Client("x")</c> a constructor call of that type, and a
    /// global alias reaches every file, so the aliases of all files count.
    /// </summary>
    private static void AddAliases(Compilation compilation, RulesByName types, CancellationToken cancellationToken)
    {
        var aliases = new List<(string Alias, string Target)>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
            {
                CollectAliases(unit.Usings, unit.Members, types, aliases);
            }
        }

        foreach (var (alias, target) in aliases)
        {
            types.Add(alias, types[target].ToImmutable());
        }
    }

    private static void CollectAliases(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members, RulesByName types, List<(string Alias, string Target)> aliases)
    {
        foreach (UsingDirectiveSyntax directive in usings)
        {
            if (directive.Alias is { } alias && SyntaxSites.SimpleName(directive.Name) is { } target && types.ContainsKey(target))
            {
                aliases.Add((alias.Name.Identifier.ValueText, target));
            }
        }

        foreach (MemberDeclarationSyntax member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax ns)
            {
                CollectAliases(ns.Usings, ns.Members, types, aliases);
            }
        }
    }

    /// <summary>Names and the rules behind them, the rules of all the symbols that share a name together.</summary>
    private sealed class RulesByName : Dictionary<string, ImmutableArray<ContractRule>.Builder>
    {
        public RulesByName()
            : base(StringComparer.Ordinal)
        {
        }

        public void Add(string name, ImmutableArray<ContractRule> rules)
        {
            if (!TryGetValue(name, out ImmutableArray<ContractRule>.Builder? known))
            {
                known = ImmutableArray.CreateBuilder<ContractRule>();
                this[name] = known;
            }

            known.AddRange(rules);
        }

        public Dictionary<string, ImmutableArray<ContractRule>> Freeze()
        {
            var frozen = new Dictionary<string, ImmutableArray<ContractRule>>(Count, StringComparer.Ordinal);
            foreach (KeyValuePair<string, ImmutableArray<ContractRule>.Builder> entry in this)
            {
                frozen[entry.Key] = entry.Value.ToImmutable();
            }

            return frozen;
        }
    }

    /// <summary>Walks namespaces and types, nested ones too, and notes every annotated member.</summary>
    private sealed class Collector
    {
        private readonly ContractAttributes attributes;
        private readonly CancellationToken cancellationToken;

        public Collector(ContractAttributes attributes, CancellationToken cancellationToken)
        {
            this.attributes = attributes;
            this.cancellationToken = cancellationToken;
        }

        public RulesByName Members { get; } = new();

        public RulesByName Methods { get; } = new();

        public RulesByName Types { get; } = new();

        public bool AnyDelegate { get; private set; }

        public bool AnyIndexer { get; private set; }

        public void Visit(INamespaceSymbol root)
        {
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                INamespaceOrTypeSymbol current = pending.Pop();
                if (current is INamespaceSymbol ns)
                {
                    foreach (INamespaceOrTypeSymbol child in ns.GetMembers())
                    {
                        pending.Push(child);
                    }

                    continue;
                }

                var type = (INamedTypeSymbol)current;
                foreach (INamedTypeSymbol nested in type.GetTypeMembers())
                {
                    pending.Push(nested);
                }

                VisitMembers(type);
            }
        }

        private void VisitMembers(INamedTypeSymbol type)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                switch (member)
                {
                    case IPropertySymbol property:
                        if (attributes.HasOwnAttribute(property))
                        {
                            ImmutableArray<ContractRule> rules = attributes.GetRules(property);
                            Members.Add(property.Name, rules);
                            foreach (IPropertySymbol implemented in property.ExplicitInterfaceImplementations)
                            {
                                Members.Add(implemented.Name, rules);
                            }
                        }

                        if (property.IsIndexer && Annotated(property.Parameters, out _))
                        {
                            AnyIndexer = true;
                        }

                        break;
                    case IFieldSymbol field when attributes.HasOwnAttribute(field):
                        Members.Add(field.Name, attributes.GetRules(field));
                        break;
                    case IMethodSymbol method when Annotated(method.Parameters, out ImmutableArray<ContractRule> parameterRules):
                        AddMethod(type, method, parameterRules);
                        break;
                }
            }
        }

        private void AddMethod(INamedTypeSymbol type, IMethodSymbol method, ImmutableArray<ContractRule> rules)
        {
            switch (method.MethodKind)
            {
                case MethodKind.Constructor:
                    Types.Add(type.Name, rules);
                    break;
                case MethodKind.DelegateInvoke:
                    AnyDelegate = true;
                    break;
                default:
                    Methods.Add(method.Name, rules);
                    foreach (IMethodSymbol implemented in method.ExplicitInterfaceImplementations)
                    {
                        Methods.Add(implemented.Name, rules);
                    }

                    break;
            }
        }

        /// <summary>
        /// Notes the annotated parameters by name (an assignment to one is checked), says whether there were any, and
        /// gives all their rules.
        /// </summary>
        private bool Annotated(ImmutableArray<IParameterSymbol> parameters, out ImmutableArray<ContractRule> rules)
        {
            bool any = false;
            rules = ImmutableArray<ContractRule>.Empty;
            foreach (IParameterSymbol parameter in parameters)
            {
                if (attributes.HasOwnAttribute(parameter))
                {
                    ImmutableArray<ContractRule> own = attributes.GetRules(parameter);
                    Members.Add(parameter.Name, own);
                    rules = rules.AddRange(own);
                    any = true;
                }
            }

            return any;
        }
    }
}
