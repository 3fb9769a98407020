using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using EvsContracts.Package.Tests.Infrastructure;

namespace EvsContracts.Package.Tests;

/// <summary>
/// A consumer's own spec, declared as an <c>EvsContract</c> item in a fresh project that takes the package from the
/// folder feed: its item metadata reaches the generator through MSBuild. The same spec twice, once as it is (only the
/// schemas its operation uses become types) and once with <c>GenerateAllSchemas="true"</c> (every schema does).
/// </summary>
[Collection(PackedPackage.Name)]
public sealed class OwnSpecTests(PackageFixture fixture)
{
    private const string Spec = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Pets", "version": "1" },
          "paths": {
            "/pets/{id}": {
              "get": {
                "operationId": "getPet",
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "The pet.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "Pet": { "type": "object", "properties": { "name": { "type": "string" } } },
              "PetAdopted": { "type": "object", "description": "A webhook payload: no operation answers it.", "properties": { "pet": { "$ref": "#/components/schemas/Pet" } } }
            }
          }
        }
        """;

    [Fact]
    public async Task Only_the_used_schemas_become_types_unless_the_item_asks_for_all()
    {
        fixture.EnsurePacked();
        ConsumerProject consumer = ConsumerProject.Create(
            fixture,
            "own-spec",
            null,
            "net8.0",
            "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>",
            """
            <EvsContract Include="pets.openapi.json" Namespace="Used" ClientName="PetsClient" />
            <EvsContract Include="all/pets.openapi.json" Namespace="All" ClientName="PetsClient" GenerateAllSchemas="true" />
            """);
        File.WriteAllText(consumer.PathOf("pets.openapi.json"), Spec);
        Directory.CreateDirectory(consumer.PathOf("all"));
        File.WriteAllText(consumer.PathOf("all/pets.openapi.json"), Spec);
        File.WriteAllText(consumer.PathOf("Program.cs"), """
            Console.WriteLine(new Used.Pet { Name = "Rex" }.ToJson());
            Console.WriteLine(new All.PetAdopted { Pet = new All.Pet { Name = "Rex" } }.ToJson());
            """);

        string log = consumer.PathOf("build.log");
        ProcessResult build = await consumer.BuildAsync(log);

        Assert.True(build.Succeeded, build.Describe() + "\n" + (File.Exists(log) ? File.ReadAllText(log) : string.Empty));
        string[] types = TypeNames(consumer.AssemblyPath);
        Assert.Contains("Used.Pet", types);
        Assert.DoesNotContain("Used.PetAdopted", types);
        Assert.Contains("All.Pet", types);
        Assert.Contains("All.PetAdopted", types);
    }

    private static string[] TypeNames(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Select(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name))
            .ToArray();
    }
}
