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
    private readonly HashSet<string> members;
    private readonly HashSet<string> methods;
    private readonly HashSet<string> types;

    private CandidateNames(HashSet<string> members, HashSet<string> methods, HashSet<string> types, bool anyDelegate, bool anyIndexer)
    {
        this.members = members;
        this.methods = methods;
        this.types = types;
        AnyDelegate = anyDelegate;
        AnyIndexer = anyIndexer;
    }

    /// <summary>A delegate type has an annotated parameter: any invocation may call it, whatever its syntax.</summary>
    public bool AnyDelegate { get; }

    /// <summary>An indexer has an annotated parameter: any element access may pass it a value.</summary>
    public bool AnyIndexer { get; }

    /// <summary>A constructor has an annotated parameter; <c>new(...)</c>, <c>base(...)</c> and <c>this(...)</c> name no type.</summary>
    public bool AnyConstructor => types.Count > 0;

    /// <summary>A property, field or parameter with that name carries an attribute.</summary>
    public bool IsMember(string name) => members.Contains(name);

    /// <summary>A method with that name has an annotated parameter.</summary>
    public bool IsMethod(string name) => methods.Contains(name);

    /// <summary>A type with that name, or a using alias of one, has a constructor with an annotated parameter.</summary>
    public bool IsConstructedType(string name) => types.Contains(name);

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
    private static void AddAliases(Compilation compilation, HashSet<string> types, CancellationToken cancellationToken)
    {
        var aliases = new List<string>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
            {
                CollectAliases(unit.Usings, unit.Members, types, aliases);
            }
        }

        foreach (string alias in aliases)
        {
            types.Add(alias);
        }
    }

    private static void CollectAliases(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members, HashSet<string> types, List<string> aliases)
    {
        foreach (UsingDirectiveSyntax directive in usings)
        {
            if (directive.Alias is { } alias && SyntaxSites.SimpleName(directive.Name) is { } target && types.Contains(target))
            {
                aliases.Add(alias.Name.Identifier.ValueText);
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

        public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Methods { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

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
                            Members.Add(property.Name);
                            foreach (IPropertySymbol implemented in property.ExplicitInterfaceImplementations)
                            {
                                Members.Add(implemented.Name);
                            }
                        }

                        if (property.IsIndexer && AnyAnnotated(property.Parameters))
                        {
                            AnyIndexer = true;
                        }

                        break;
                    case IFieldSymbol field when attributes.HasOwnAttribute(field):
                        Members.Add(field.Name);
                        break;
                    case IMethodSymbol method when AnyAnnotated(method.Parameters):
                        AddMethod(type, method);
                        break;
                }
            }
        }

        private void AddMethod(INamedTypeSymbol type, IMethodSymbol method)
        {
            switch (method.MethodKind)
            {
                case MethodKind.Constructor:
                    Types.Add(type.Name);
                    break;
                case MethodKind.DelegateInvoke:
                    AnyDelegate = true;
                    break;
                default:
                    Methods.Add(method.Name);
                    foreach (IMethodSymbol implemented in method.ExplicitInterfaceImplementations)
                    {
                        Methods.Add(implemented.Name);
                    }

                    break;
            }
        }

        /// <summary>Notes the annotated parameters' names (an assignment to one is checked) and says whether there were any.</summary>
        private bool AnyAnnotated(ImmutableArray<IParameterSymbol> parameters)
        {
            bool any = false;
            foreach (IParameterSymbol parameter in parameters)
            {
                if (attributes.HasOwnAttribute(parameter))
                {
                    Members.Add(parameter.Name);
                    any = true;
                }
            }

            return any;
        }
    }
}
