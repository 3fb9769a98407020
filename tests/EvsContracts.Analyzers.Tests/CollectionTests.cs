using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

/// <summary>An attribute on a dictionary member applies to the values put into it.</summary>
public sealed class CollectionTests
{
    private static readonly string s_long = new('m', 256);
    private static readonly string s_atLimit = new('m', 255);

    [Fact]
    public Task Indexer_initializer_values_are_checked_and_named_by_key() =>
        RunAsync("EVS002",
            InMethod($$"""
                _ = new SnapshotOption
                {
                    Metadata = new Dictionary<string, string> { ["ok"] = "{{s_atLimit}}", ["purpose"] = {|#0:"{{s_long}}"|} },
                };
                """),
            Evs002().WithMessage("Metadata[\"purpose\"] is 256 UTF-8 bytes; the limit is 255"));

    [Fact]
    public Task Collection_initializer_values_are_checked_but_keys_are_not() =>
        RunAsync("EVS002",
            InMethod($$"""
                _ = new SnapshotOption
                {
                    Metadata = new Dictionary<string, string> { { "{{s_long}}", "ok" }, { "k", {|#0:"{{s_long}}"|} } },
                };
                """),
            Evs002().WithMessage("Metadata[\"k\"] is 256 UTF-8 bytes; the limit is 255"));

    [Fact]
    public Task Nested_member_initializer_and_target_typed_new_are_checked() =>
        RunAsync("EVS002",
            $$"""
            using System.Collections.Generic;
            using Demo;
            using EvsContracts;

            public sealed class Tags
            {
                [MaxUtf8Bytes(3)] public Dictionary<string, string> Values { get; set; } = new() { ["init"] = {|#0:"init"|} };

                public static void Run()
                {
                    _ = new SnapshotOption { Metadata = { ["a"] = {|#1:"{{s_long}}"|} } };
                    _ = new Tags { Values = new() { { "b", {|#2:"abcd"|} }, { "c", "abc" } } };
                    _ = new Tags { Values = { { "d", {|#3:"abcd"|} } } };
                }
            }
            """,
            Evs002(0).WithMessage("Values[\"init\"] is 4 UTF-8 bytes; the limit is 3"),
            Evs002(1),
            Evs002(2),
            Evs002(3));

    [Fact]
    public Task Indexer_assignment_and_Add_on_the_member_are_checked() =>
        RunAsync("EVS002",
            InMethod($$"""
                var o = new SnapshotOption { Metadata = new Dictionary<string, string>() };
                o.Metadata["k"] = {|#0:"{{s_long}}"|};
                o.Metadata.Add(input, {|#1:"{{s_long}}"|});
                o.Metadata["k"] = "{{s_atLimit}}";
                """),
            Evs002(0),
            Evs002(1).WithMessage("a value in Metadata is 256 UTF-8 bytes; the limit is 255"));

    [Fact]
    public Task A_dictionary_passed_to_an_annotated_parameter_is_checked() =>
        RunAsync("EVS002",
            InMethod("""
                new SnapshotClient("eu").Tag(new Dictionary<string, string> { ["a"] = "abc", ["b"] = {|#0:"abcd"|} });
                """),
            Evs002().WithMessage("tags[\"b\"] is 4 UTF-8 bytes; the limit is 3"));

    [Fact]
    public Task A_local_dictionary_a_dictionary_of_an_unrelated_type_and_non_constant_values_are_silent() =>
        RunAsync("EVS002", InMethod($$"""
            var d = new Dictionary<string, string> { ["k"] = "{{s_long}}" };
            _ = new SnapshotOption { Metadata = d };
            _ = new Unrelated { Metadata = new Dictionary<string, string> { ["k"] = "{{s_long}}" } };
            _ = new SnapshotOption { Metadata = new Dictionary<string, string> { ["k"] = input + "{{s_long}}" } };
            d.Add("k2", "{{s_long}}");
            """));

    [Fact]
    public Task A_string_member_does_not_treat_a_string_as_a_collection() =>
        RunAsync("EVS002",
            InMethod($$"""
                var o = new SnapshotOption();
                o.Description = {|#0:"{{s_long}}"|};
                """),
            Evs002().WithMessage("Description is 256 UTF-8 bytes; the limit is 255"));

    /// <summary>A type with collection members, and the item-count attributes declared by hand as a user could.</summary>
    private const string Tagged = """
        using System.Collections.Generic;
        using EvsContracts;

        namespace EvsContracts
        {
            [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Parameter | System.AttributeTargets.Field)]
            public sealed class MinItemsAttribute : System.Attribute { public MinItemsAttribute(int count) { } }

            [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Parameter | System.AttributeTargets.Field)]
            public sealed class MaxItemsAttribute : System.Attribute { public MaxItemsAttribute(int count) { } }
        }

        public sealed class Volume
        {
            [MinItems(1), MaxItems(3), MaxUtf8Bytes(5)] public List<string>? Tags { get; set; }
            [EnumValues("ro", "rw")] public string[]? Modes { get; set; }
            [MaxItems(1)] public string? Single { get; set; }

            public static void Send([MaxItems(2), Pattern("^[a-z]+$")] IEnumerable<string> names) { }
        }

        """;

    [Fact]
    public Task Collection_expression_elements_are_checked_against_the_members_rules() =>
        RunAsync("EVS002",
            Tagged + """
            public static class Program
            {
                public static void Run(string input)
                {
                    const string s_long = "abcdef";
                    var local = "ghijkl";
                    _ = new Volume { Tags = ["ok", {|#0:"toolong"|}] };
                    var v = new Volume();
                    v.Tags = [{|#1:s_long|}, input, "abcde"];
                    v.Tags = [{|#2:local|}];
                    v.Tags = ["a", .. v.Tags, {|#3:"b" + s_long|}];
                }
            }
            """,
            Evs002(0).WithMessage("a value in Tags is 7 UTF-8 bytes; the limit is 5"),
            Evs002(1).WithMessage("a value in Tags is 6 UTF-8 bytes; the limit is 5"),
            Evs002(2).WithMessage("a value in Tags is 6 UTF-8 bytes; the limit is 5 (local 'local' holds \"ghijkl\")"),
            Evs002(3));

    [Fact]
    public Task Collection_expression_and_array_item_counts_are_checked() =>
        RunAsync("EVS004",
            Tagged + """
            public static class Program
            {
                public static void Run(string[] more)
                {
                    _ = new Volume { Tags = ["a", "b", "c"] };
                    _ = new Volume { Tags = {|#0:["a", "b", "c", "d"]|} };
                    _ = new Volume { Tags = {|#1:[]|} };
                    _ = new Volume { Tags = ["a", "b", "c", .. more] };
                    _ = new Volume { Single = "x" };
                    Volume.Send(["ab", "cd"]);
                    Volume.Send({|#2:["ab", "cd", "ef"]|});
                    Volume.Send(new[] { {|#3:"AB"|} });
                    Volume.Send({|#4:new[] { "ab", "cd", "ef" }|});
                    _ = new Volume { Modes = ["ro", {|#5:"RW"|}] };
                }
            }
            """,
            Evs004(0).WithMessage("Tags has 4 items; the maximum is 3"),
            Evs004(1).WithMessage("Tags has 0 items; the minimum is 1"),
            Evs004(2).WithMessage("names has 3 items; the maximum is 2"),
            Evs004(3).WithMessage("a value in names \"AB\" does not match the pattern \"^[a-z]+$\""),
            Evs004(4),
            Evs004(5).WithMessage("a value in Modes \"RW\" is not one of the allowed values \"ro\", \"rw\""));

    [Fact]
    public Task A_collection_expression_for_a_local_or_an_unannotated_member_is_silent() =>
        RunAsync("EVS004",
            Tagged + """
            public sealed class Plain
            {
                public List<string>? Tags { get; set; }
            }

            public static class Program
            {
                public static void Run()
                {
                    List<string> local = ["a", "b", "c", "d", "e"];
                    _ = new Plain { Tags = ["a", "b", "c", "d", "e"] };
                    _ = new Volume { Tags = local };
                }
            }
            """);
}
