using System.Collections.Concurrent;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// The operation-level constructs of Specs/operations.openapi.json, called the way a consumer calls them and checked
/// on the wire: a Kestrel server on loopback records each request exactly as it arrived.
/// </summary>
public class OperationsUsageTests
{
    private const string Usage = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Operations;

        namespace Usage;

        public static class Scenario
        {
            public static string Run(string baseUrl) => RunAsync(baseUrl).GetAwaiter().GetResult();

            private static async Task<string> RunAsync(string baseUrl)
            {
                using var http = new HttpClient { BaseAddress = new System.Uri(baseUrl) };
                IOperationsClient client = new OperationsClient(http);
                var answers = new System.Collections.Generic.List<string>();

                ThingList things = await client.DescribeThingsAsync(maxResults: 5, nextToken: "a b");
                answers.Add(things.Items![0].Name);
                await client.DescribeThingsAsync();
                await client.DeleteThingAsync("t-1");
                await client.TagThingAsync(new Thing { Name = "blue" });
                await client.GetBucketTaggingAsync("my-bucket", xAmzExpectedBucketOwner: "123");
                Thing pet = await client.GetPetsByPetIdAsync("p 1");
                answers.Add(pet.Name);
                await client.HeadPetsByPetIdAsync("p1");
                await client.PetOptionsAsync("p1");
                await client.ListPetsAsync(@class: "mammal");
                await client.ListPets2Async();
                await client.GetPetsByIdToysAsync("p1", id2: 7, body2: true);
                await client.GetRootAsync();
                await client.GetAlertsAsync(lat: 51.5, lon: -0.25, key: "k 1");
                await client.ListThingsAsync(new[] { 1, 2 }, tag: new[] { "a b", "", "c,d" }, sort: new[] { "x", "y" }, xFields: new[] { "name", "size" });
                await client.ListThingsAsync(new int[0], tag: new string[0]);
                try
                {
                    await client.ListThingsAsync(new[] { 1, 0 });
                    answers.Add("sent");
                }
                catch (EvsContracts.EvsValidationException refused)
                {
                    answers.Add(refused.Violations[0].Path + " " + refused.Violations[0].Rule);
                }

                var order = new Thing { Name = "o" };
                answers.Add((await client.CreateOrderAsync(order))?.Name ?? "null");
                answers.Add((await client.CreateOrderAsync(order))?.Name ?? "null");
                answers.Add((await client.GetOrderAsync("1")).Name);
                await client.DeleteOrderAsync("1");
                await client.DeleteOrderAsync("1");
                try
                {
                    await client.ReplaceOrderAsync("1", order);
                }
                catch (EvsContracts.EvsApiException other)
                {
                    answers.Add("api " + (int)other.StatusCode + " " + other.ResponseBody);
                }

                answers.Add((await client.ReplaceOrderAsync("1", order)).Name);
                answers.Add((await client.GetOrder2Async("2")).Name);
                await client.ArchiveOrderAsync("2");
                return string.Join(",", answers);
            }
        }
        """;

    [Fact]
    public async Task Each_operation_sends_its_method_path_fixed_query_and_parameters()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[] { TestSpec.FromFile("Specs/operations.openapi.json") },
            GeneratorHarness.CreateCompilation(Usage));
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        using LoadedScenario scenario = LoadedScenario.Load(run, "operations usage");

        var received = new ConcurrentQueue<string>();
        var orders = new Queue<(int, string?)>(new (int, string?)[]
        {
            (201, """{"name":"o"}"""), (202, null), (203, """{"name":"g"}"""), (204, null), (200, null),
            (202, """{"items":[]}"""), (200, """{"name":"r"}"""),
        });
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using WebApplication server = builder.Build();
        server.Run(async http =>
        {
            string target = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
            string body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            string owner = http.Request.Headers["x-amz-expected-bucket-owner"].ToString() + http.Request.Headers["X-Fields"].ToString();
            received.Enqueue($"{http.Request.Method} {target}{(body.Length > 0 ? " " + http.Request.ContentType + " " + body : string.Empty)}{(owner.Length > 0 ? " owner=" + owner : string.Empty)}");
            (int status, string? json) = (http.Request.Method, target) switch
            {
                (_, var t) when t.StartsWith("/orders", StringComparison.Ordinal) => orders.Dequeue(),
                ("GET", var t) when t.StartsWith("/v1/orders", StringComparison.Ordinal) => (200, """{"name":"v1"}"""),
                ("HEAD", _) => (200, null),
                ("OPTIONS" or "DELETE" or "POST", _) => (204, null),
                (_, "/") => (204, null),
                (_, var t) when t.StartsWith("/alerts", StringComparison.Ordinal) => (204, null),
                (_, "/pets/p%201") => (200, """{"name":"p 1"}"""),
                (_, var t) when t.Contains("Action=DeleteThing", StringComparison.Ordinal) => (200, null),
                _ => (200, """{"items":[{"name":"first"}]}"""),
            };
            http.Response.StatusCode = status;
            if (json is not null)
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(json);
            }
        });
        await server.StartAsync();

        Assert.Equal("first,p 1,id.1 minimum,o,null,g,api 202 {\"items\":[]},r,v1", scenario.Call("Run", server.Urls.Single() + "/"));
        Assert.Equal(
            new[]
            {
                "GET /?Action=DescribeThings&Version=2016-11-15&MaxResults=5&NextToken=a%20b",
                "GET /?Action=DescribeThings&Version=2016-11-15",
                "GET /?Action=DeleteThing&Version=2016-11-15&ThingId=t-1",
                "POST / application/json {\"name\":\"blue\"}",
                "GET /buckets/my-bucket?tagging owner=123",
                "GET /pets/p%201",
                "HEAD /pets/p1",
                "OPTIONS /pets/p1",
                "GET /pets?class=mammal",
                "DELETE /pets",
                "GET /pets/p1/toys?id=7&body=true",
                "GET /",
                "GET /alerts?units=M&lat=51.5&lon=-0.25&key=k%201",
                "GET /things?id=1&id=2&tag=a%20b,,c%2Cd&sort=x%7Cy owner=name,size",
                "GET /things",
                "POST /orders application/json {\"name\":\"o\"}",
                "POST /orders application/json {\"name\":\"o\"}",
                "GET /orders/1",
                "DELETE /orders/1",
                "DELETE /orders/1",
                "PUT /orders/1 application/json {\"name\":\"o\"}",
                "PUT /orders/1 application/json {\"name\":\"o\"}",
                "GET /v1/orders/2",
                "DELETE /v1/orders/2",
            },
            received.ToArray());
        await server.StopAsync();
    }
}
