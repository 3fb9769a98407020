using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using EvsContracts.Package.Tests.Infrastructure;

namespace EvsContracts.Package.Tests;

/// <summary>What <c>dotnet pack EvsContracts.sln</c> produces, opened as the zip it is.</summary>
[Collection(PackedPackage.Name)]
public sealed class PackageLayoutTests(PackageFixture fixture)
{
    private const string Runtime = "lib/net8.0/EvsContracts.dll";
    private const string Generator = "analyzers/dotnet/cs/EvsContracts.Generator.dll";
    private const string CodeFixes = "analyzers/dotnet/cs/EvsContracts.CodeFixes.dll";

    [Fact]
    public void Packing_the_solution_writes_exactly_one_package()
    {
        fixture.EnsurePacked();
        string[] written = Directory.EnumerateFiles(fixture.FeedDirectory)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToArray()!;
        Assert.True(
            written.SequenceEqual([Path.GetFileName(fixture.PackagePath)]),
            $"Expected only {Path.GetFileName(fixture.PackagePath)}, found: {string.Join(", ", written)}\n{fixture.Pack!.Describe()}");
    }

    [Fact]
    public void The_package_holds_the_runtime_the_analyzers_and_the_msbuild_glue_and_nothing_else()
    {
        fixture.EnsurePacked();
        using ZipArchive zip = ZipFile.OpenRead(fixture.PackagePath);
        string[] content = zip.Entries
            .Select(e => e.FullName)
            .Where(name => !IsPackagingMetadata(name))
            .Order(StringComparer.Ordinal)
            .ToArray();

        string[] expected =
        [
            "README.md",
            CodeFixes,
            Generator,
            "buildTransitive/EvsContracts.props",
            "buildTransitive/EvsContracts.targets",
            Runtime,
            "lib/net8.0/EvsContracts.xml",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), content);
        Assert.Equal(
            new[] { CodeFixes, Generator, Runtime },
            zip.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_msbuild_glue_is_packed_as_written()
    {
        fixture.EnsurePacked();
        using ZipArchive zip = ZipFile.OpenRead(fixture.PackagePath);
        foreach (string file in new[] { "EvsContracts.props", "EvsContracts.targets" })
        {
            string source = File.ReadAllText(Path.Combine(fixture.RepositoryRoot, "src", "EvsContracts", "buildTransitive", file));
            using var reader = new StreamReader(zip.GetEntry("buildTransitive/" + file)!.Open());
            Assert.Equal(source, reader.ReadToEnd());
        }
    }

    [Fact]
    public void The_nuspec_names_the_version_and_depends_on_no_roslyn_package()
    {
        fixture.EnsurePacked();
        using ZipArchive zip = ZipFile.OpenRead(fixture.PackagePath);
        ZipArchiveEntry nuspecEntry = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        XDocument nuspec;
        using (Stream stream = nuspecEntry.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        XNamespace ns = nuspec.Root!.Name.Namespace;
        XElement metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("EvsContracts", metadata.Element(ns + "id")?.Value);
        Assert.Equal(fixture.Version, metadata.Element(ns + "version")?.Value);

        string[] dependencies = nuspec.Descendants(ns + "dependency").Select(d => (string?)d.Attribute("id") ?? string.Empty).ToArray();
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, id => id.StartsWith("PolySharp", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(
            new[] { "net8.0" },
            nuspec.Descendants(ns + "group").Select(g => (string?)g.Attribute("targetFramework")));
    }

    [Fact]
    public void The_analyzer_assemblies_load_in_every_host_that_has_roslyn_4_8()
    {
        fixture.EnsurePacked();
        using ZipArchive zip = ZipFile.OpenRead(fixture.PackagePath);

        IReadOnlyDictionary<string, Version> generator = References(zip, Generator);
        Assert.Equal(new Version(2, 0, 0, 0), generator["netstandard"]);
        Assert.Equal(new Version(4, 8, 0, 0), generator["Microsoft.CodeAnalysis"]);
        Assert.Equal(new Version(4, 8, 0, 0), generator["Microsoft.CodeAnalysis.CSharp"]);
        // Workspaces belong to the code fix assembly (RS1038); System.Text.Json is the host's own, in any version.
        Assert.DoesNotContain(generator.Keys, name => name.Contains("Workspaces", StringComparison.Ordinal));
        Assert.DoesNotContain("System.Text.Json", generator.Keys);

        IReadOnlyDictionary<string, Version> codeFixes = References(zip, CodeFixes);
        Assert.Equal(new Version(2, 0, 0, 0), codeFixes["netstandard"]);
        Assert.Contains("EvsContracts.Generator", codeFixes.Keys);
        foreach ((string name, Version version) in codeFixes.Where(r => r.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
        {
            Assert.True(version <= new Version(4, 8, 0, 0), $"{CodeFixes} references {name} {version}, newer than Roslyn 4.8.");
        }

        IReadOnlyDictionary<string, Version> runtime = References(zip, Runtime);
        Assert.Equal(8, runtime["System.Runtime"].Major);
        Assert.DoesNotContain(runtime.Keys, name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    private static bool IsPackagingMetadata(string entry) =>
        entry.StartsWith("_rels/", StringComparison.Ordinal)
        || entry.StartsWith("package/services/", StringComparison.Ordinal)
        || entry == "[Content_Types].xml"
        || (entry.EndsWith(".nuspec", StringComparison.Ordinal) && !entry.Contains('/', StringComparison.Ordinal));

    private static Dictionary<string, Version> References(ZipArchive zip, string entry)
    {
        ZipArchiveEntry? dll = zip.GetEntry(entry);
        Assert.True(dll is not null, $"{entry} is not in the package.");

        // PEReader needs a seekable stream; a zip entry is not one.
        using var buffer = new MemoryStream();
        using (Stream stream = dll.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .ToDictionary(reference => metadata.GetString(reference.Name), reference => reference.Version, StringComparer.Ordinal);
    }
}
