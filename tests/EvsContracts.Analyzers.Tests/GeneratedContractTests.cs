using System.Collections.Immutable;
using System.Globalization;
using EvsContracts.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EvsContracts.Analyzers.Tests;

/// <summary>
/// The whole chain as a consumer has it: the generator turns the built-in spec into models and a client that
/// carry the runtime's attributes, and the analyzers check the consumer's code against them.
/// </summary>
public sealed class GeneratedContractTests
{
    [Fact]
    public async Task Constants_given_to_the_generated_snapshot_request_are_checked()
    {
        string longDescription = new('d', 256);
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeWithGeneratedContractAsync($$"""
            using System.Threading.Tasks;
            using EvsContracts.Snapshots;

            public static class App
            {
                public static Task<CreateSnapshotResponseBody> RunAsync(IEvsClient client) =>
                    client.CreateSnapshotAsync("proj", new CreateSnapshotRequestBody
                    {
                        Snapshot = new CreateSnapshotOption
                        {
                            VolumeId = "vol-1",
                            Name = "autobk_snapshot_1",
                            Description = "{{longDescription}}",
                        },
                    });

                public static CreateSnapshotOption Valid() => new CreateSnapshotOption
                {
                    VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635",
                    Name = "snap-001",
                    Description = "Daily backup",
                };
            }
            """);

        string[] messages = diagnostics
            .Select(d => $"{d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            [
                "EVS001 Name starts with the reserved prefix \"autobk_snapshot_\"",
                "EVS002 Description is 256 UTF-8 bytes; the limit is 255",
                "EVS003 VolumeId must be a UUID (8-4-4-4-12 hexadecimal digits), but \"vol-1\" is not",
            ],
            messages);
        Assert.All(diagnostics, d => Assert.Equal("App.cs", d.Location.SourceTree?.FilePath));
    }

    [Fact]
    public async Task The_update_request_is_checked_by_the_rules_of_create()
    {
        // 85 CJK characters are 255 UTF-8 bytes and pass; 86 are 258 and do not.
        string fits = new('快', 85);
        string tooLong = new('快', 86);
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeWithGeneratedContractAsync($$"""
            using System.Threading.Tasks;
            using EvsContracts.Snapshots;

            public static class App
            {
                public static Task<UpdateSnapshotResponseBody> RenameAsync(IEvsClient client) =>
                    client.UpdateSnapshotAsync("proj", "5aa119a8-d25b-45a7-8d1b-88e127885635", new UpdateSnapshotRequestBody
                    {
                        Snapshot = new UpdateSnapshotOption { Name = "autobk_snapshot_renamed", Description = "{{tooLong}}" },
                    });

                public static UpdateSnapshotOption TooLongName() => new() { Name = "{{tooLong}}" };

                public static UpdateSnapshotOption Valid() => new() { Name = "{{fits}}", Description = "{{fits}}" };
            }
            """);

        string[] messages = diagnostics
            .Select(d => $"{d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            [
                "EVS001 Name starts with the reserved prefix \"autobk_snapshot_\"",
                "EVS002 Description is 258 UTF-8 bytes; the limit is 255",
                "EVS002 Name is 258 UTF-8 bytes; the limit is 255",
            ],
            messages);
        Assert.All(diagnostics, d => Assert.Equal("App.cs", d.Location.SourceTree?.FilePath));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeWithGeneratedContractAsync(string source)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), "App.cs")],
            [.. Basic.Reference.Assemblies.Net80.References.All, MetadataReference.CreateFromFile(typeof(EvsContracts.MaxUtf8BytesAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(new EvsContractGenerator().AsSourceGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);
        Assert.Empty(generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        return await generated
            .WithAnalyzers(ConfigurationTests.AllAnalyzers().ToImmutableArray())
            .GetAnalyzerDiagnosticsAsync();
    }
}
