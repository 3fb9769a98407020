using EvsContracts.CodeFixes;
using EvsContracts.Generator.Analyzers;
using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace EvsContracts.Analyzers.Tests;

/// <summary>Builds analyzer and code fix tests on offline reference assemblies, with the test model added.</summary>
internal static class Verify
{
    /// <summary>No package to download: Basic.Reference.Assemblies supplies net8.0's reference assemblies.</summary>
    public static readonly ReferenceAssemblies Net80 = new("net8.0");

    public const string ModelPath = "/0/Contracts.cs";

    /// <summary>
    /// A test of the analyzer's findings for one id: the other usage ids are turned off, so that a test about one
    /// rule states only that rule's findings (the test model breaks several rules at once).
    /// </summary>
    public static CSharpAnalyzerTest<ContractConstantAnalyzer, DefaultVerifier> Analyzer(string id, string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ContractConstantAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = Net80 };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        test.TestState.Sources.Add((ModelPath, TestSources.Attributes + "\n" + TestSources.Model));
        test.DisabledDiagnostics.AddRange(UsageIds.Where(other => other != id));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    public static Task RunAsync(string id, string source, params DiagnosticResult[] expected) =>
        Analyzer(id, source, expected).RunAsync();

    public static CSharpCodeFixTest<ContractConstantAnalyzer, ContractLiteralCodeFixProvider, DefaultVerifier> CodeFix(string id, string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<ContractConstantAnalyzer, ContractLiteralCodeFixProvider, DefaultVerifier> { ReferenceAssemblies = Net80 };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add((ModelPath, TestSources.Attributes + "\n" + TestSources.Model));
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add((ModelPath, TestSources.Attributes + "\n" + TestSources.Model));
        test.DisabledDiagnostics.AddRange(UsageIds.Where(other => other != id));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    public static readonly string[] UsageIds = ["EVS001", "EVS002", "EVS003", "EVS004"];

    // Built from the id, not the descriptor, so that a test compares the message only when it states one.
    public static DiagnosticResult Evs001(int location = 0) => Expect(DiagnosticDescriptors.ReservedPrefix, location);

    public static DiagnosticResult Evs002(int location = 0) => Expect(DiagnosticDescriptors.MaxLength, location);

    public static DiagnosticResult Evs003(int location = 0) => Expect(DiagnosticDescriptors.UuidFormat, location);

    public static DiagnosticResult Evs004(int location = 0) => Expect(DiagnosticDescriptors.Constraint, location);

    private static DiagnosticResult Expect(DiagnosticDescriptor descriptor, int location) =>
        new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithLocation(location);

    /// <summary>A compilation of one file (C# 12, nullable enabled) with the test model, for tests that look inside the analyzers.</summary>
    public static (SyntaxTree Tree, CSharpCompilation Compilation) CompileWithModel(string assemblyName, string source, string path)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, parseOptions, path);
        CSharpCompilation compilation = CSharpCompilation.Create(
            assemblyName,
            [tree, CSharpSyntaxTree.ParseText(TestSources.Attributes + "\n" + TestSources.Model, parseOptions, ModelPath)],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return (tree, compilation);
    }

    /// <summary>Wraps statements in a method of a class that can see the test model.</summary>
    public static string InMethod(string statements) => $$"""
        using System;
        using System.Collections.Generic;
        using Demo;

        public static class Program
        {
            public static void Run(bool flag, string input)
            {
        {{statements}}
            }
        }
        """;
}
