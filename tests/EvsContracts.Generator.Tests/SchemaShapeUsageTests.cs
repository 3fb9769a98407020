using EvsContracts.Generator.Tests.Infrastructure;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// The schema constructs of the composition and constraint specs, used as a consumer uses them: the shapes compile,
/// wire JSON round-trips exactly, and <c>Validate()</c> reports each rule with its path.
/// </summary>
public class SchemaShapeUsageTests
{
    private const string CompositionUsage = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using EvsContracts;
        using SchemaComposition;

        namespace Usage;

        public static class Scenario
        {
            public static string RoundTrip(string json) => Order.FromJson(json).ToJson();

            public static string Build()
            {
                var order = new Order
                {
                    Sku = "a-1",
                    Secret = "12345678",
                    Payload = JsonDocument.Parse("[1, {\"x\": null}]").RootElement,
                    Labels = new Dictionary<string, JsonElement> { ["n"] = JsonDocument.Parse("2").RootElement },
                };
                return order.ToJson();
            }

            public static string PayloadKind(string json) => Order.FromJson(json).Payload.ValueKind + "|" + (Order.FromJson(json).Note?.ValueKind.ToString() ?? "absent");

            public static string Violations(string json) => string.Join("\n", Order.FromJson(json).Validate().Select(v => v.Path + " " + v.Rule + " " + v.Limit));

            public static string DogRoundTrip(string json) => Dog.FromJson(json).ToJson();

            public static string Variants(string json)
            {
                Order order = Order.FromJson(json);
                return order.Contact?.ValueKind + "|" + order.Animal?.GetProperty("kind").GetString() + "|" + order.Buddy?.Name;
            }

            public static string ExtrasRoundTrip(string json) => Extras.FromJson(json).ToJson();

            public static string ExtrasRead(string json)
            {
                Extras extras = Extras.FromJson(json);
                return extras.GiftWrap + "|" + string.Join(",", extras.AdditionalProperties?.Select(p => p.Key + "=" + p.Value) ?? new[] { "none" })
                    + "|" + string.Join(",", extras.Validate().Select(v => v.Path + " " + v.Rule));
            }

            public static string TagsRead(string json)
            {
                Tags tags = Tags.FromJson(json);
                return string.Join(",", tags.AdditionalProperties!.Select(p => p.Key + "=" + p.Value)) + "|" + string.Join(",", tags.Validate().Select(v => v.Path + " " + v.Rule));
            }

            public static string BuildViolations() => string.Join("\n", new Order { Sku = "a", Secret = "12345678", Payload = default }.Validate().Select(v => v.Path + " " + v.Rule));

            public static string ReadServiceMembers(string json)
            {
                Order order = Order.FromJson(json);
                return order.Id + "|" + order.CreatedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "|" + (order.Secret ?? "null");
            }

            public static string OrderFailure(string json)
            {
                try
                {
                    Order.FromJson(json);
                    return "read";
                }
                catch (JsonException e)
                {
                    return e.Message;
                }
            }

            public static string DogFailure(string json)
            {
                try
                {
                    Dog.FromJson(json);
                    return "read";
                }
                catch (JsonException e)
                {
                    return e.Message;
                }
            }
        }
        """;

    private const string ConstraintsUsage = """
        using System.Linq;
        using EvsContracts;
        using SchemaConstraints;

        namespace Usage;

        public static class Scenario
        {
            public static string RoundTrip(string json) => Booking.FromJson(json).ToJson();

            public static string Read(string json)
            {
                Booking booking = Booking.FromJson(json);
                return booking.Day.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "|" + System.Convert.ToHexString(booking.Signature ?? new byte[0]);
            }

            public static string Refused(string json)
            {
                try
                {
                    Booking.FromJson(json);
                    return "read";
                }
                catch (System.Text.Json.JsonException e)
                {
                    return e.Path + " " + e.Message;
                }
            }

            public static string Violations(string json) => string.Join("\n", Booking.FromJson(json).Validate().Select(v => v.Path + " " + v.Rule + " " + v.Limit));
        }
        """;

    private static LoadedScenario Load(string spec, string usage)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { TestSpec.FromFile($"Specs/{spec}.openapi.json") }, GeneratorHarness.CreateCompilation(usage));
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        return LoadedScenario.Load(run, spec + " usage");
    }

    [Fact]
    public void A_value_of_any_type_round_trips_as_it_came()
    {
        using LoadedScenario scenario = Load("schema-composition", CompositionUsage);

        const string Json = """{"sku":"a-1","payload":{"deep":[1,2.50,"三",true,null,{}]},"note":null,"labels":{"a":[],"b":"x"},"settings":{"on":false},"history":[1,"two",{"three":3}]}""";
        Assert.Equal(Json, scenario.Call("RoundTrip", Stored(Json)));

        // An explicit null is a value and stays one; an absent member stays absent.
        Assert.Equal("Object|Null", scenario.Call("PayloadKind", Stored(Json)));
        Assert.Equal("String|absent", scenario.Call("PayloadKind", Stored("""{"sku":"a","payload":"text"}""")));
    }

    [Fact]
    public void AllOf_of_two_types_that_each_nest_their_own_kind_is_one_recursive_type()
    {
        // Merging Folder and Album merges their children too, which merge their children in turn: without an end,
        // unless the merged children's schema, met again inside itself, is the type being defined.
        const string Spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Tree", "version": "1" },
              "paths": {},
              "components": { "schemas": {
                "Folder": { "type": "object", "properties": { "name": { "type": "string", "maxLength": 8 }, "children": { "type": "array", "items": { "$ref": "#/components/schemas/Folder" } } } },
                "Album": { "type": "object", "properties": { "size": { "type": "integer" }, "children": { "type": "array", "items": { "$ref": "#/components/schemas/Album" } } } },
                "Shelf": { "allOf": [ { "$ref": "#/components/schemas/Folder" }, { "$ref": "#/components/schemas/Album" } ] }
              } }
            }
            """;
        const string Usage = """
            using System.Linq;
            using Tree;

            namespace Usage;

            public static class Scenario
            {
                public static string RoundTrip(string json) => Shelf.FromJson(json).ToJson();

                public static string Violations(string json) => string.Join("\n", Shelf.FromJson(json).Validate().Select(v => v.Path + " " + v.Rule));

                public static string ChildType() => typeof(Shelf).GetProperty("Children")!.PropertyType.GetGenericArguments()[0].Name + " "
                    + typeof(ShelfChildrenItem).GetProperty("Children")!.PropertyType.GetGenericArguments()[0].Name;
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { TestSpec.FromText("/project/tree.openapi.json", Spec, "Tree") }, GeneratorHarness.CreateCompilation(Usage));
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        using LoadedScenario scenario = LoadedScenario.Load(run, "recursive allOf");

        Assert.Equal("ShelfChildrenItem ShelfChildrenItem", scenario.Call("ChildType"));
        const string Json = """{"name":"a","children":[{"children":[{"name":"c","children":[{"size":3}]}],"size":1}],"size":0}""";
        Assert.Equal(Json, scenario.Call("RoundTrip", Json));
        Assert.Equal("children.0.children.0.name maxLength", scenario.Call("Violations", Json.Replace("\"c\"", "\"123456789\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_enum_value_listed_twice_is_one_member_and_an_enum_of_only_null_is_any_value()
    {
        // JSON Schema asks for unique enum values but allows repeats (Stripe and Telnyx have them); null alone is
        // a member that is always null, kept as the JSON it is, as type "null" is.
        const string Spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Enums", "version": "1" },
              "paths": {},
              "components": { "schemas": {
                "Code": { "type": "string", "enum": [ "a", "b", "a" ] },
                "Never": { "enum": [ null ] },
                "Holder": { "type": "object", "properties": {
                  "code": { "$ref": "#/components/schemas/Code" },
                  "level": { "type": "integer", "enum": [ 1, 2, 1 ] },
                  "never": { "$ref": "#/components/schemas/Never" },
                  "nothing": { "type": "integer", "enum": [ null ] }
                } }
              } }
            }
            """;
        const string Usage = """
            using System.Linq;
            using Enums;

            namespace Usage;

            public static class Scenario
            {
                public static string Members() => string.Join(",", Code.AllowedValues) + "|" + TypeOf("Never") + "|" + TypeOf("Nothing");

                private static string TypeOf(string property) => System.Nullable.GetUnderlyingType(typeof(Holder).GetProperty(property)!.PropertyType)!.Name;

                public static string RoundTrip(string json) => Holder.FromJson(json).ToJson();

                public static string Violations(string json) => string.Join("\n", Holder.FromJson(json).Validate().Select(v => v.Path + " " + v.Rule));
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { TestSpec.FromText("/project/enums.openapi.json", Spec, "Enums") }, GeneratorHarness.CreateCompilation(Usage));
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        using LoadedScenario scenario = LoadedScenario.Load(run, "enum repeats");

        Assert.Equal("a,b|JsonElement|JsonElement", scenario.Call("Members"));
        const string Json = """{"code":"b","level":2,"never":null,"nothing":null}""";
        Assert.Equal(Json, scenario.Call("RoundTrip", Json));
        Assert.Equal("code enum\nlevel enum", scenario.Call("Violations", """{"code":"c","level":3}"""));
    }

    [Fact]
    public void Boolean_schemas_and_arrays_without_items_hold_any_value_and_an_alias_may_hold_itself_through_an_inline_type()
    {
        // true (and false) as a schema, an array with no items (OpenAPI 3.1), and Just Eat's order-item: a list of
        // objects whose Items member is that list again.
        const string Spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Loose", "version": "1" },
              "paths": {},
              "components": { "schemas": {
                "order-item": { "type": "array", "items": { "type": "object", "properties": {
                  "Name": { "type": "string" }, "Items": { "$ref": "#/components/schemas/order-item" } } } },
                "Order": { "type": "object", "properties": {
                  "items": { "$ref": "#/components/schemas/order-item" },
                  "extra": true,
                  "never": false,
                  "emojis": { "type": "array" }
                } }
              } }
            }
            """;
        const string Usage = """
            using System.Linq;
            using Loose;

            namespace Usage;

            public static class Scenario
            {
                public static string RoundTrip(string json) => Order.FromJson(json).ToJson();

                public static string Names(string json) => string.Join(",", Order.FromJson(json).Items!.Select(i => i.Name + ":" + i.Items?.Count));

                public static string Types() => string.Join(",", new[] { "Extra", "Never", "Emojis" }.Select(p => typeof(Order).GetProperty(p)!.PropertyType)
                    .Select(t => (System.Nullable.GetUnderlyingType(t) ?? t.GetGenericArguments()[0]).Name));
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { TestSpec.FromText("/project/loose.openapi.json", Spec, "Loose") }, GeneratorHarness.CreateCompilation(Usage));
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        using LoadedScenario scenario = LoadedScenario.Load(run, "loose schemas");

        Assert.Equal("JsonElement,JsonElement,JsonElement", scenario.Call("Types"));
        const string Json = """{"items":[{"Name":"pizza","Items":[{"Name":"olives"}]}],"extra":{"a":[1]},"never":null,"emojis":[":)",1]}""";
        Assert.Equal(Json, scenario.Call("RoundTrip", Json));
        Assert.Equal("pizza:1", scenario.Call("Names", Json));
    }

    [Fact]
    public void Property_names_CSharp_cannot_take_get_readable_names_and_keep_their_wire_names()
    {
        // Real specs: GitHub's reactions ("+1", "-1"), MongoDB-style "_id" beside "id", a member named "validate" or
        // "equals", a name of symbols alone, and a member named like its type or like the additional-members bag.
        const string Spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Names", "version": "1" },
              "paths": {},
              "components": { "schemas": {
                "Thing": {
                  "type": "object",
                  "properties": {
                    "id": { "type": "string" }, "_id": { "type": "string" }, "+1": { "type": "integer" }, "-1": { "type": "integer" },
                    "validate": { "type": "boolean" }, "equals": { "type": "string" }, "$": { "type": "string" },
                    "thing": { "type": "string" }, "additionalProperties": { "type": "string" }
                  },
                  "additionalProperties": { "type": "integer" }
                }
              } }
            }
            """;
        const string Usage = """
            using System.Linq;
            using Names;

            namespace Usage;

            public static class Scenario
            {
                public static string Members() => string.Join(",", typeof(Thing).GetProperties().Select(p => p.Name));

                public static string RoundTrip(string json) => Thing.FromJson(json).ToJson();
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { TestSpec.FromText("/project/names.openapi.json", Spec, "Names") }, GeneratorHarness.CreateCompilation(Usage));
        Assert.Empty(run.Single.Diagnostics);
        GeneratorHarness.AssertCompilesCleanly(run);
        using LoadedScenario scenario = LoadedScenario.Load(run, "property names");

        Assert.Equal("Id,Id2,Plus1,Minus1,ValidateValue,EqualsValue,Dollar,ThingValue,AdditionalProperties2,AdditionalProperties", scenario.Call("Members"));
        const string Json = """{"id":"a","_id":"b","+1":1,"-1":2,"validate":true,"equals":"e","$":"d","thing":"t","additionalProperties":"p","other":7}""";
        Assert.Equal(Json, scenario.Call("RoundTrip", Json));
    }

    [Fact]
    public void AllOf_parts_are_merged_into_one_type_with_every_rule()
    {
        using LoadedScenario scenario = Load("schema-composition", CompositionUsage);

        // Dog has Pet's members and its own; the name's limits of both parts hold (the shorter wins).
        const string Dog = """{"name":"Rex","age":3,"breed":"collie"}""";
        Assert.Equal(Dog, scenario.Call("DogRoundTrip", """{"id":"d1","name":"Rex","age":3,"breed":"collie"}"""));
        Assert.Equal("Required property 'breed' is missing.", scenario.Call("DogFailure", """{"id":"d1","name":"Rex"}"""));
        Assert.Equal(
            "secret required \ncode pattern ^[A-Z]+\\z\nshort_code maxLength 8\ndog.name maxLength 20\ndog.age minimum 0",
            scenario.Call("Violations", Stored("""{"sku":"a","payload":1,"code":"abc","short_code":"ABCDEFGHIJ","pet":null,"dog":{"id":"d1","name":"Rexxxxxxxxxxxxxxxxxxxxxxxxxxxx","age":-1,"breed":"b"}}""")));
        Assert.Equal("secret required ", scenario.Call("Violations", Stored("""{"sku":"a","payload":1,"code":"ABC","short_code":"ABC","pet":{"id":"p1","name":"Tom"}}""")));
    }

    [Fact]
    public void OneOf_and_anyOf_keep_the_JSON_and_a_variant_beside_null_is_that_variant()
    {
        using LoadedScenario scenario = Load("schema-composition", CompositionUsage);

        const string Json = """{"sku":"a","payload":0,"contact":"+86 10 1234","animal":{"kind":"dog","name":"Rex","breed":"collie"},"buddy":{"name":"Tom"}}""";
        // The pet's id is the service's (read-only): read, not written back.
        string received = Stored(Json.Replace("""{"name":"Tom"}""", """{"id":"p1","name":"Tom"}""", StringComparison.Ordinal));
        Assert.Equal(Json, scenario.Call("RoundTrip", received));
        Assert.Equal("String|dog|Tom", scenario.Call("Variants", received));
        Assert.Equal("Object||", scenario.Call("Variants", Stored("""{"sku":"a","payload":0,"contact":{"name":"Tom"},"buddy":null}""")));
    }

    [Fact]
    public void Members_beside_the_named_ones_are_kept_in_AdditionalProperties()
    {
        using LoadedScenario scenario = Load("schema-composition", CompositionUsage);

        // Named members first, the others after them in the order they came; each other member is checked by name.
        Assert.Equal("""{"gift_wrap":true,"candles":3,"balloons":12}""", scenario.Call("ExtrasRoundTrip", """{"candles":3,"gift_wrap":true,"balloons":12}"""));
        Assert.Equal("True|candles=3,balloons=12|balloons maximum", scenario.Call("ExtrasRead", """{"candles":3,"gift_wrap":true,"balloons":12}"""));
        Assert.Equal("|none|", scenario.Call("ExtrasRead", "{}"));
        Assert.Equal("a=x,b=Y|b pattern", scenario.Call("TagsRead", """{"a":"x","b":"Y"}"""));
    }

    [Fact]
    public void Read_only_members_are_read_not_written_and_write_only_members_written_not_read()
    {
        using LoadedScenario scenario = Load("schema-composition", CompositionUsage);

        // A request built without the service's members is valid and sends none of them; the secret goes out.
        Assert.Equal("""{"secret":"12345678","sku":"a-1","payload":[1,{"x":null}],"labels":{"n":2}}""", scenario.Call("Build"));
        Assert.Equal(string.Empty, scenario.Call("BuildViolations"));

        // A response carries them: required read-only members must be there, a write-only one is not read.
        Assert.Equal("7|2024-01-02T03:04:05.0000000+00:00|null", scenario.Call("ReadServiceMembers", """{"id":7,"created_at":"2024-01-02T03:04:05Z","secret":"sent back by mistake","sku":"a","payload":0}"""));
        Assert.Equal("Required property 'created_at' is missing.", scenario.Call("OrderFailure", """{"id":7,"sku":"a","payload":0}"""));
    }

    /// <summary>The order as the service answers it: with the members only the service sets.</summary>
    private static string Stored(string json) => string.Concat("""{"id":7,"created_at":"2024-01-02T03:04:05Z",""", json.AsSpan(1));

    [Fact]
    public void Item_counts_uniqueness_exclusive_bounds_multiples_and_integer_enums_are_validated()
    {
        using LoadedScenario scenario = Load("schema-constraints", ConstraintsUsage);

        const string Valid = """{"day":"2024-02-29","guests":["ann","bob"],"rooms":[101,201],"rating":5,"price":19.99,"temperature":40.4}""";
        Assert.Equal(string.Empty, scenario.Call("Violations", Valid));
        Assert.Equal(Valid, scenario.Call("RoundTrip", Valid));

        Assert.Equal(
            "guests minItems 1",
            scenario.Call("Violations", """{"day":"2024-02-29","guests":[]}"""));
        Assert.Equal(
            "guests maxItems 4\nguests uniqueItems true\nrooms uniqueItems true\nrooms.2 enum 101, 102, 201\nrating enum 1, 2, 3, 4, 5\nprice exclusiveMinimum 0\ntemperature exclusiveMaximum 40.5",
            scenario.Call("Violations", """{"day":"2024-02-29","guests":["a","b","c","a","e"],"rooms":[101,101,301],"rating":0,"price":0,"temperature":40.5}"""));
        Assert.Equal("price multipleOf 0.01", scenario.Call("Violations", """{"day":"2024-02-29","price":19.999}"""));
    }

    [Fact]
    public void Dates_are_calendar_dates_and_bytes_are_base64()
    {
        using LoadedScenario scenario = Load("schema-constraints", ConstraintsUsage);

        const string Json = """{"day":"2024-02-29","nights":["2024-02-29","2024-03-01"],"signature":"AAEC/w==","website":"https://example.com/","email":"a@example.com"}""";
        Assert.Equal(Json, scenario.Call("RoundTrip", Json));
        Assert.Equal("2024-02-29|000102FF", scenario.Call("Read", Json));

        Assert.Contains("'day'", scenario.Call("Refused", """{"day":"2023-02-29"}"""), StringComparison.Ordinal);
        Assert.Contains("'day'", scenario.Call("Refused", """{"day":"2024-02-29T00:00:00Z"}"""), StringComparison.Ordinal);
        Assert.Contains("'nights.1'", scenario.Call("Refused", """{"day":"2024-02-29","nights":["2024-02-29","tomorrow"]}"""), StringComparison.Ordinal);
        Assert.Contains("'signature'", scenario.Call("Refused", """{"day":"2024-02-29","signature":"not base64!"}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_a_request_body_reaches_through_its_other_members_is_built_as_an_input()
    {
        // The body's other members (additionalProperties beside properties) are Limits: the caller fills them too.
        const string Spec = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Quotas", "version": "1", "x-namespace": "Quotas" },
              "paths": {
                "/quotas": { "put": {
                  "operationId": "setQuotas",
                  "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/QuotaSet" } } } },
                  "responses": { "204": { "description": "Set." } } } }
              },
              "components": { "schemas": {
                "QuotaSet": { "type": "object", "properties": { "owner": { "type": "string" } }, "additionalProperties": { "$ref": "#/components/schemas/Limits" } },
                "Limits": { "type": "object", "properties": { "sizes": { "type": "array", "items": { "type": "integer" } } } }
              } }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText("/project/contracts/quotas.openapi.json", Spec));

        GeneratorHarness.AssertCompilesCleanly(run);
        var sizes = (Microsoft.CodeAnalysis.IPropertySymbol)run.Output.GetTypeByMetadataName("Quotas.Limits")!.GetMembers("Sizes").Single();
        Assert.False(sizes.SetMethod!.IsInitOnly);
        Assert.Equal("System.Collections.Generic.IList<int>?", sizes.Type.ToDisplayString());
    }
}
