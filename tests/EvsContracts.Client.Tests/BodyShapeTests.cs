using System.Text;
using System.Text.Json;
using BodyShapes;
using EvsContracts.Client.Tests.Infrastructure;

namespace EvsContracts.Client.Tests;

/// <summary>Bodies that are not objects (arrays, maps, scalars), through <c>body-shapes.openapi.json</c>, as Kestrel sees them.</summary>
public class BodyShapeTests
{
    [Fact]
    public async Task An_array_of_objects_is_read_as_a_list_of_models()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """[{"name":"rex","status":"sold"},{"name":"tom"}]""");
        using HttpClient http = server.CreateClient();

        IReadOnlyList<Pet> pets = await new ShapesClient(http).ListPetsAsync();

        Assert.Equal(["rex", "tom"], pets.Select(p => p.Name));
        Assert.Equal(Status.Sold, pets[0].Status);
        Assert.Null(pets[1].Status);
        Assert.Equal("/pets", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task An_array_body_is_sent_as_the_json_array_itself_and_the_answer_read()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(201, """[{"name":"rex"}]""");
        using HttpClient http = server.CreateClient();

        IReadOnlyList<Pet> added = await new ShapesClient(http).AddPetsAsync([new Pet { Name = "rex" }, new Pet { Name = "tom", Status = Status.Available }]);

        RecordedRequest request = server.SingleRequest;
        Assert.Equal("""[{"name":"rex"},{"name":"tom","status":"available"}]""", Encoding.UTF8.GetString(request.Body));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(request.Body.Length, request.ContentLength);
        Assert.Equal("rex", Assert.Single(added).Name);
    }

    [Fact]
    public async Task The_items_of_an_array_body_are_validated_before_anything_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(201, "[]");
        using HttpClient http = server.CreateClient();
        Pet[] pets = [new() { Name = "a" }, new() { Name = new string('x', 19) }, new() { Name = "c" }, new() { Name = "d" }];

        EvsValidationException error = await Assert.ThrowsAsync<EvsValidationException>(() => new ShapesClient(http).AddPetsAsync(pets));

        Assert.Equal(["maxItems", "maxLength"], error.Violations.Select(v => v.Rule).Order(StringComparer.Ordinal));
        Assert.Contains(error.Violations, v => v.Rule == "maxLength" && v.Path == "1.name");
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task A_referenced_array_schema_checks_its_items_by_index()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204, string.Empty);
        using HttpClient http = server.CreateClient();
        var client = new ShapesClient(http);

        EvsValidationException error = await Assert.ThrowsAsync<EvsValidationException>(() => client.ReplaceTagsAsync(["ok", "Not-OK"]));
        await client.ReplaceTagsAsync(["a", "b"]);

        ContractViolation violation = Assert.Single(error.Violations);
        Assert.Equal(("pattern", "1"), (violation.Rule, violation.Path));
        Assert.Equal("""["a","b"]""", Encoding.UTF8.GetString(server.SingleRequest.Body));
    }

    [Fact]
    public async Task A_map_of_objects_and_a_map_of_integers_are_read_as_dictionaries()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.WriteJsonAsync(
            context,
            200,
            context.Request.Path == "/ratings" ? """{"rex":5,"tom":3}""" : """{"rex":{"name":"rex"},"tom":{"name":"tom","status":"sold"}}"""));
        using HttpClient http = server.CreateClient();
        var client = new ShapesClient(http);

        IReadOnlyDictionary<string, Pet> byName = await client.PetsByNameAsync();
        IReadOnlyDictionary<string, int> ratings = await client.GetRatingsAsync();

        Assert.Equal(Status.Sold, byName["tom"].Status);
        Assert.Equal("rex", byName["rex"].Name);
        Assert.Equal(new Dictionary<string, int> { ["rex"] = 5, ["tom"] = 3 }, ratings);
    }

    [Fact]
    public async Task A_map_body_is_sent_as_a_json_object_and_its_values_are_validated()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204, string.Empty);
        using HttpClient http = server.CreateClient();
        var client = new ShapesClient(http);

        EvsValidationException error = await Assert.ThrowsAsync<EvsValidationException>(() => client.ReplaceLabelsAsync(new Dictionary<string, string> { ["colour"] = "much-too-long" }));
        await client.ReplaceLabelsAsync(new Dictionary<string, string> { ["colour"] = "红", ["size"] = "s" });

        Assert.Equal(("maxLength", "colour"), (Assert.Single(error.Violations).Rule, error.Violations[0].Path));
        Assert.Equal("""{"colour":"红","size":"s"}""", Encoding.UTF8.GetString(server.SingleRequest.Body));
    }

    [Fact]
    public async Task Scalar_answers_are_read_as_their_CSharp_types()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => LoopbackServer.WriteJsonAsync(context, 200, context.Request.Path.Value switch
        {
            "/count" => "9007199254740993",
            "/healthy" => "true",
            "/clock" => "\"2013-02-25T03:56:53.081642\"",
            "/status" => "\"sold\"",
            "/names" => """["a","é"]""",
            _ => "2.5",
        }));
        using HttpClient http = server.CreateClient();
        var client = new ShapesClient(http);

        Assert.Equal(9007199254740993L, await client.CountPetsAsync());
        Assert.True(await client.IsHealthyAsync());
        Assert.Equal(new DateTimeOffset(2013, 2, 25, 3, 56, 53, TimeSpan.Zero).AddTicks(816420), await client.GetClockAsync());
        Assert.Equal(Status.Sold, await client.GetStatusAsync());
        Assert.Equal(["a", "é"], await client.ListNamesAsync());
        Assert.Equal(2.5, await client.GetScoreAsync());
    }

    [Fact]
    public async Task A_success_without_a_body_gives_null_for_a_list_and_for_a_number()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204, string.Empty);
        using HttpClient http = server.CreateClient();
        var client = new ShapesClient(http);

        Assert.Null(await client.RecentPetsAsync());
        Assert.Null(await client.GetScoreAsync());
    }

    [Fact]
    public async Task A_scalar_answer_of_the_wrong_kind_is_an_EvsApiException_with_the_body()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "\"many\"");
        using HttpClient http = server.CreateClient();

        EvsApiException error = await Assert.ThrowsAsync<EvsApiException>(() => new ShapesClient(http).CountPetsAsync());

        Assert.Equal("\"many\"", error.ResponseBody);
        Assert.IsType<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task Scalar_bodies_are_sent_as_json_values_and_an_absent_optional_one_sends_no_body()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            LoopbackServer.WriteJsonAsync(context, context.Request.Path == "/notes" ? 201 : 200, context.Request.Path == "/notes" ? "\"n-1\"" : "7"));
        using HttpClient http = server.CreateClient();
        var client = new ShapesClient(http);

        string id = await client.AddNoteAsync("买 \"milk\"");
        int limit = await client.SetLimitAsync(7);
        int unchanged = await client.SetLimitAsync();
        EvsValidationException error = await Assert.ThrowsAsync<EvsValidationException>(() => client.SetLimitAsync(0));

        Assert.Equal("n-1", id);
        Assert.Equal((7, 7), (limit, unchanged));
        Assert.Equal("minimum", Assert.Single(error.Violations).Rule);
        Assert.Equal(["\"买 \\\"milk\\\"\"", "7", string.Empty], server.Requests.Select(r => Encoding.UTF8.GetString(r.Body)));
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Any_json_value_goes_out_and_comes_back_as_a_JsonElement()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, request) => LoopbackServer.WriteJsonAsync(context, 200, Encoding.UTF8.GetString(request.Body)));
        using HttpClient http = server.CreateClient();
        using JsonDocument sent = JsonDocument.Parse("""[1,{"a":null},"x"]""");

        JsonElement echoed = await new ShapesClient(http).EchoAsync(sent.RootElement);

        Assert.Equal("""[1,{"a":null},"x"]""", echoed.GetRawText());
    }

    [Fact]
    public async Task Json_content_without_a_schema_is_any_json_value()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"anything":[true]}""");
        using HttpClient http = server.CreateClient();
        using JsonDocument sent = JsonDocument.Parse("\"text\"");

        JsonElement answer = await new ShapesClient(http).PostUnspecifiedAsync(sent.RootElement);

        Assert.True(answer.GetProperty("anything")[0].GetBoolean());
        Assert.Equal("\"text\"", Encoding.UTF8.GetString(server.SingleRequest.Body));
    }

    [Fact]
    public async Task Parameters_described_by_json_content_go_as_json_text_and_a_string_as_itself()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "[]");
        using HttpClient http = server.CreateClient();
        using JsonDocument context = JsonDocument.Parse("""{"trace":"t-1"}""");
        var client = new ShapesClient(http);

        await client.SearchAsync("cat", new Filter { Name = "rex tom", Status = Status.Sold }, ids: [1, 9007199254740993], xContext: context.RootElement);
        await client.SearchAsync("dog", new Filter());

        Assert.Equal(
            ["/search/cat?filter=%7B%22name%22%3A%22rex%20tom%22%2C%22status%22%3A%22sold%22%7D&ids=%5B1%2C9007199254740993%5D", "/search/dog?filter=%7B%7D"],
            server.Requests.Select(r => r.RawTarget));
        Assert.Equal("""{"trace":"t-1"}""", server.Requests[0].Header("X-Context"));
        Assert.Null(server.Requests[1].Header("X-Context"));
    }

    [Fact]
    public async Task A_parameter_sent_as_json_is_validated_as_a_body_is()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "[]");
        using HttpClient http = server.CreateClient();

        EvsValidationException error = await Assert.ThrowsAsync<EvsValidationException>(() => new ShapesClient(http).SearchAsync("cat", new Filter { Name = new string('x', 11) }));

        Assert.Equal(("maxLength", "filter.name"), (Assert.Single(error.Violations).Rule, error.Violations[0].Path));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task A_deepObject_parameter_sends_each_member_that_is_set_in_brackets()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "[]");
        using HttpClient http = server.CreateClient();
        using JsonDocument other = JsonDocument.Parse("""{"city":"San José","n":2}""");
        var client = new ShapesClient(http);
        var filter = new EmployeeFilter
        {
            FirstName = "Elon M",
            Active = false,
            Status = Status.Sold,
            AdditionalProperties = new Dictionary<string, JsonElement> { ["city"] = other.RootElement.GetProperty("city"), ["n"] = other.RootElement.GetProperty("n") },
        };

        await client.ListEmployeesAsync(filter, sort: new Dictionary<string, string> { ["by"] = "name" });
        await client.ListEmployeesAsync(new EmployeeFilter { MinAge = 30 });
        await client.ListEmployeesAsync();

        Assert.Equal(
            [
                "/employees?filter%5Bfirst_name%5D=Elon%20M&filter%5Bactive%5D=false&filter%5Bstatus%5D=sold&filter%5Bcity%5D=San%20Jos%C3%A9&filter%5Bn%5D=2&sort%5Bby%5D=name",
                "/employees?filter%5Bmin_age%5D=30",
                "/employees",
            ],
            server.Requests.Select(r => r.RawTarget));
    }
}
