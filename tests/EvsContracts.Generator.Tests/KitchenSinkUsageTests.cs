using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// The kitchen sink's generated types used the way a consumer uses them: the snippet must compile against them
/// without warnings, and it runs in a collectible load context to show the types work, not just compile.
/// </summary>
public class KitchenSinkUsageTests
{
    private const string Usage = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using EvsContracts;
        using KitchenSink;

        namespace Usage;

        public static class Scenario
        {
            private static CreatePetRequest NewRequest() => new()
            {
                Pet = new NewPet
                {
                    Name = "小白",
                    Kind = PetKind.GuineaPig,
                    Tags = new List<string> { "fluffy" },
                    AgeMonths = 7,
                    OwnerId = "5aa119a8-d25b-45a7-8d1b-88e127885635",
                    Attributes = new Dictionary<string, string> { ["color"] = "white" },
                },
            };

            public static string ViolationsOfValidRequest() => Describe(NewRequest().Validate());

            public static string ViolationsOfBrokenRequest()
            {
                CreatePetRequest request = NewRequest();
                request.Pet.Name = "system_" + new string('猫', 20);
                request.Pet.OwnerId = "not-a-uuid";
                request.Pet.Kind = new PetKind("unicorn");
                request.Pet.AgeMonths = -1;
                return Describe(request.Validate());
            }

            public static string RequestJson() => NewRequest().ToJson();

            public static string RoundTrip() => CreatePetRequest.FromJson(RequestJson()).ToJson();

            public static string SortedAttributesJson()
            {
                // Not a Dictionary: the map is written through its interface, in its own order.
                CreatePetRequest request = NewRequest();
                request.Pet.Attributes = new SortedDictionary<string, string> { ["size"] = "small", ["color"] = "white" };
                return request.ToJson();
            }

            public static string PublicSurface()
            {
                const System.Reflection.BindingFlags Declared = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance
                    | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;
                IEnumerable<string> methods = typeof(Pet).GetMethods(Declared).Where(m => !m.IsSpecialName).Select(m => m.Name + "/" + m.GetParameters().Length).Order();
                IEnumerable<string> kindMethods = typeof(PetKind).GetMethods(Declared).Where(m => !m.IsSpecialName).Select(m => m.Name).Distinct().Order();
                int converters = typeof(Pet).Assembly.GetTypes().Count(t => t.Name.EndsWith("JsonConverter", System.StringComparison.Ordinal));
                int exportedConverters = typeof(Pet).Assembly.GetExportedTypes().Count(t => t.Name.EndsWith("JsonConverter", System.StringComparison.Ordinal));
                return string.Join(" ", methods) + " | " + string.Join(" ", kindMethods) + " | converters " + converters + ", exported " + exportedConverters;
            }

            public static string ThroughJsonSerializer() => JsonSerializer.Serialize(JsonSerializer.Deserialize<CreatePetRequest>(RequestJson()));

            public static string ReadPet(string json)
            {
                Pet pet = Pet.FromJson(json);
                return string.Join("|", pet.Name, pet.Kind.Value, pet.Status.Value, pet.Status.IsKnown, pet.CreatedAt.Offset, pet.AgeMonths?.ToString() ?? "null", pet.Vaccinations?.Count ?? -1);
            }

            public static string ListPets(string baseUrl)
            {
                using var http = new System.Net.Http.HttpClient { BaseAddress = new System.Uri(baseUrl) };
                var client = new KitchenSinkClient(http);
                PetList list = client.ListPetsAsync("5aa119a8-d25b-45a7-8d1b-88e127885635", 10, "store-key-1", kind: PetKind.Cat, namePrefix: "a b&c").GetAwaiter().GetResult();
                return list.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            public static string RefusedListPets(string baseUrl)
            {
                using var http = new System.Net.Http.HttpClient { BaseAddress = new System.Uri(baseUrl) };
                var client = new KitchenSinkClient(http);
                try
                {
                    client.ListPetsAsync("5aa119a8-d25b-45a7-8d1b-88e127885635", 10, "Store Key!", kind: new PetKind("lizard"), minAgeMonths: -1).GetAwaiter().GetResult();
                    return "sent";
                }
                catch (EvsValidationException refused)
                {
                    return Describe(refused.Violations);
                }
            }

            private static string Describe(IReadOnlyList<ContractViolation> violations) =>
                string.Join("\n", violations.Select(v => v.Path + " " + v.Rule));
        }
        """;

    private const string PetJson = """
        {
          "id": "ffa9bc5e-1172-4021-acaf-cdcd78a9584d",
          "name": "Mimi",
          "kind": "cat",
          "status": "quarantined",
          "created_at": "2013-02-25T03:56:53.081642",
          "age_months": null,
          "vaccinations": [ { "vaccine": "rabies", "given_at": "2013-03-01T00:00:00Z" } ],
          "unknown_member": { "ignored": [1, 2, 3] }
        }
        """;

    [Fact]
    public void A_consumer_snippet_compiles_against_the_generated_types_without_warnings()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[] { TestSpec.FromFile("Specs/kitchen-sink.openapi.json") },
            GeneratorHarness.CreateCompilation(Usage));

        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public async Task The_snippet_runs_validation_JSON_round_trips_and_the_client()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[] { TestSpec.FromFile("Specs/kitchen-sink.openapi.json") },
            GeneratorHarness.CreateCompilation(Usage));
        using LoadedScenario scenario = LoadedScenario.Load(run, "kitchen-sink usage");

        Assert.Equal(string.Empty, scenario.Call("ViolationsOfValidRequest"));
        Assert.Equal(
            "pet.name maxBytes\npet.name reservedPrefix\npet.kind enum\npet.age_months minimum\npet.owner_id format",
            scenario.Call("ViolationsOfBrokenRequest"));

        // Names as in the spec, raw UTF-8 text, absent members omitted.
        string json = scenario.Call("RequestJson");
        Assert.Equal(
            """{"pet":{"name":"小白","kind":"guinea-pig","tags":["fluffy"],"age_months":7,"owner_id":"5aa119a8-d25b-45a7-8d1b-88e127885635","attributes":{"color":"white"}}}""",
            json);
        Assert.Equal(json, scenario.Call("RoundTrip"));
        Assert.Equal(json, scenario.Call("ThroughJsonSerializer"));
        Assert.Equal(json.Replace("""{"color":"white"}""", """{"color":"white","size":"small"}""", StringComparison.Ordinal), scenario.Call("SortedAttributesJson"));

        // What users call is public; the plumbing (ValidateInto, ReadJson with a path, ReadJsonValue, the converters) is not.
        Assert.Equal(
            "FromJson/1 FromJson/1 ReadJson/1 ToJson/0 ToUtf8Json/0 Validate/0 WriteJson/1 | Equals GetHashCode ToString | converters 2, exported 0",
            scenario.Call("PublicSurface"));

        // An unknown status is kept, a date-time without offset is UTC, an explicit null reads as null, unknown members are skipped.
        Assert.Equal("Mimi|cat|quarantined|False|00:00:00|null|1", scenario.Call("ReadPet", PetJson));

        // The client on the wire: an absent optional query parameter leaves the others well formed.
        string? received = null;
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        using WebApplication server = builder.Build();
        server.Run(async http =>
        {
            received = http.Request.Path + http.Request.QueryString + " " + http.Request.Headers["X-Store-Key"];
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"items":[]}""");
        });
        await server.StartAsync();
        try
        {
            string baseUrl = server.Urls.Single();

            // Parameters that break their rules are refused before anything is sent: a value outside a closed enum,
            // an optional number that is present and a header that does not match its pattern.
            Assert.Equal("kind enum\nmin_age_months minimum\nX-Store-Key pattern", scenario.Call("RefusedListPets", baseUrl + "/"));
            Assert.Null(received);

            Assert.Equal("0", scenario.Call("ListPets", baseUrl + "/"));
            Assert.Equal("/stores/5aa119a8-d25b-45a7-8d1b-88e127885635/pets?limit=10&kind=cat&name-prefix=a%20b%26c store-key-1", received);
        }
        finally
        {
            await server.StopAsync();
        }
    }
}
