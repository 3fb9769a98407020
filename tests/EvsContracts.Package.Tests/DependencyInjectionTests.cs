using EvsContracts.Package.Tests.Infrastructure;

namespace EvsContracts.Package.Tests;

/// <summary>
/// <c>AddEvsClient</c> is generated for a project that references Microsoft.Extensions.Http and only for it: the
/// package's targets find the assembly among the resolved references and tell the generator.
/// </summary>
[Collection(PackedPackage.Name)]
public sealed class DependencyInjectionTests(PackageFixture fixture)
{
    private const string Registration = "EvsContracts.Snapshots.EvsClientServiceCollectionExtensions.g.cs";
    private const string EmitGeneratedFiles = "<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>";

    [Fact]
    public async Task A_consumer_of_the_ASP_NET_Core_framework_registers_the_client_with_AddEvsClient_and_calls_a_server()
    {
        fixture.EnsurePacked();
        ConsumerProject consumer = ConsumerProject.Create(
            fixture,
            "di-aspnetcore",
            "DependencyInjection",
            "net10.0",
            "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>" + EmitGeneratedFiles,
            "<FrameworkReference Include=\"Microsoft.AspNetCore.App\" />");

        ProcessResult build = await consumer.BuildAsync(consumer.PathOf("build.log"));
        Assert.True(build.Succeeded, "The consumer did not build:\n" + build.Describe());
        Assert.Contains(Registration, GeneratedFiles(consumer));

        await using SnapshotApiServer server = await SnapshotApiServer.StartAsync();
        ProcessResult run = await ProcessRunner.RunAsync("dotnet", [consumer.AssemblyPath, server.BaseAddress.ToString()], consumer.Directory, TimeSpan.FromMinutes(1));
        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains("created.id=" + SnapshotApiServer.SnapshotId, run.StandardOutput, StringComparison.Ordinal);
        ReceivedRequest request = Assert.Single(server.Received);
        Assert.Equal("di-token", request.AuthToken);
    }

    [Fact]
    public async Task A_consumer_without_Microsoft_Extensions_Http_gets_the_models_and_the_client_only()
    {
        fixture.EnsurePacked();
        ConsumerProject consumer = ConsumerProject.Create(fixture, "di-none", "Client", "net10.0", EmitGeneratedFiles);

        ProcessResult build = await consumer.BuildAsync(consumer.PathOf("build.log"));
        Assert.True(build.Succeeded, "The consumer did not build:\n" + build.Describe());
        Assert.Equal(
            new[] { "EvsContracts.Snapshots.EvsClient.Models.g.cs", "EvsContracts.Snapshots.EvsClient.g.cs" },
            GeneratedFiles(consumer));
    }

    /// <summary>The names of the files the EvsContracts generator wrote under <c>obj/</c>.</summary>
    private static string[] GeneratedFiles(ConsumerProject consumer) =>
        Directory.EnumerateFiles(Path.Combine(consumer.Directory, "obj"), "*.g.cs", SearchOption.AllDirectories)
            .Where(path => path.Contains(Path.Combine("EvsContracts.Generator", "EvsContracts.Generator.EvsContractGenerator"), StringComparison.Ordinal))
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
