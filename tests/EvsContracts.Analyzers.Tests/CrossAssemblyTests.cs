using System.Collections.Immutable;
using EvsContracts.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

/// <summary>The attributes and the annotated types live in other assemblies, as with the package.</summary>
public sealed class CrossAssemblyTests
{
    private const string Usage = """
        using Demo;

        public static class Program
        {
            public static void Run()
            {
                _ = new SnapshotOption { VolumeId = {|#0:"vol-1"|}, Name = {|#1:"autobk_snapshot_1"|} };
                new SnapshotClient("eu").Create("5aa119a8-d25b-45a7-8d1b-88e127885635", {|#2:"autobk_snapshot_2"|});
            }
        }
        """;

    /// <summary>
    /// The real runtime library: the model below is compiled into its own assembly against EvsContracts.dll, and the
    /// code under analysis sees both only as metadata.
    /// </summary>
    [Fact]
    public Task Attributes_from_the_runtime_library_on_a_type_in_a_referenced_library()
    {
        MetadataReference runtime = MetadataReference.CreateFromFile(typeof(EvsContracts.MaxUtf8BytesAttribute).Assembly.Location);
        MetadataReference model = CompileLibrary("Demo.Model", TestSources.Model, runtime);
        return RunWithReferences([runtime, model]);
    }

    /// <summary>A user's own copy of the attributes, compiled into a library of theirs, counts the same.</summary>
    [Fact]
    public Task Hand_written_attributes_in_a_referenced_library()
    {
        MetadataReference attributes = CompileLibrary("Hand.Attributes", TestSources.Attributes);
        MetadataReference model = CompileLibrary("Demo.Model", TestSources.Model, attributes);
        return RunWithReferences([attributes, model]);
    }

    [Fact]
    public Task Source_model_with_the_runtime_library_attributes()
    {
        var test = new CSharpAnalyzerTest<ContractConstantAnalyzer, DefaultVerifier> { TestCode = Usage, ReferenceAssemblies = Net80 };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(EvsContracts.MaxUtf8BytesAttribute).Assembly.Location));
        test.TestState.Sources.Add(("/0/Model.cs", TestSources.Model));
        test.ExpectedDiagnostics.AddRange([Evs003(0), Evs001(1), Evs001(2)]);
        return test.RunAsync();
    }

    private static Task RunWithReferences(MetadataReference[] references)
    {
        var test = new CSharpAnalyzerTest<ContractConstantAnalyzer, DefaultVerifier> { TestCode = Usage, ReferenceAssemblies = Net80 };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
        test.TestState.AdditionalReferences.AddRange(references);
        test.ExpectedDiagnostics.AddRange(
        [
            Evs003(0).WithMessage("VolumeId must be a UUID (8-4-4-4-12 hexadecimal digits), but \"vol-1\" is not"),
            Evs001(1).WithMessage("Name starts with the reserved prefix \"autobk_snapshot_\""),
            Evs001(2),
        ]);
        return test.RunAsync();
    }

    private static PortableExecutableReference CompileLibrary(string name, string source, params MetadataReference[] references)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            [.. Basic.Reference.Assemblies.Net80.References.All, .. references],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(ImmutableArray.Create(stream.ToArray()));
    }
}
