using EvsContracts.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EvsContracts.Analyzers.Tests;

/// <summary>Builds analyzer and code fix tests on offline reference assemblies, with the test model added.</summary>
internal static class Verify
{
    /// <summary>No package to download: Basic.Reference.Assemblies supplies net8.0's reference assemblies.</summary>
    public static readonly ReferenceAssemblies Net80 = new("net8.0");

    public const string ModelPath = "/0/Contracts.cs";

    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Analyzer<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = Net80 };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        test.TestState.Sources.Add((ModelPath, TestSources.Attributes + "\n" + TestSources.Model));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    public static Task RunAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        Analyzer<TAnalyzer>(source, expected).RunAsync();

    public static CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> CodeFix<TAnalyzer, TFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> { ReferenceAssemblies = Net80 };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add((ModelPath, TestSources.Attributes + "\n" + TestSources.Model));
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add((ModelPath, TestSources.Attributes + "\n" + TestSources.Model));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

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
