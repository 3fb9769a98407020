using EvsContracts.Generator.Analyzers;
using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

/// <summary>An attribute on a dictionary member applies to the values put into it.</summary>
public sealed class CollectionTests
{
    private static readonly string Long = new('m', 256);
    private static readonly string AtLimit = new('m', 255);

    [Fact]
    public Task Indexer_initializer_values_are_checked_and_named_by_key() =>
        RunAsync("EVS002",
            InMethod($$"""
                _ = new SnapshotOption
                {
                    Metadata = new Dictionary<string, string> { ["ok"] = "{{AtLimit}}", ["purpose"] = {|#0:"{{Long}}"|} },
                };
                """),
            Evs002().WithMessage("Metadata[\"purpose\"] is 256 UTF-8 bytes; the limit is 255"));

    [Fact]
    public Task Collection_initializer_values_are_checked_but_keys_are_not() =>
        RunAsync("EVS002",
            InMethod($$"""
                _ = new SnapshotOption
                {
                    Metadata = new Dictionary<string, string> { { "{{Long}}", "ok" }, { "k", {|#0:"{{Long}}"|} } },
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
                    _ = new SnapshotOption { Metadata = { ["a"] = {|#1:"{{Long}}"|} } };
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
                o.Metadata["k"] = {|#0:"{{Long}}"|};
                o.Metadata.Add(input, {|#1:"{{Long}}"|});
                o.Metadata["k"] = "{{AtLimit}}";
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
            var d = new Dictionary<string, string> { ["k"] = "{{Long}}" };
            _ = new SnapshotOption { Metadata = d };
            _ = new Unrelated { Metadata = new Dictionary<string, string> { ["k"] = "{{Long}}" } };
            _ = new SnapshotOption { Metadata = new Dictionary<string, string> { ["k"] = input + "{{Long}}" } };
            d.Add("k2", "{{Long}}");
            """));

    [Fact]
    public Task A_string_member_does_not_treat_a_string_as_a_collection() =>
        RunAsync("EVS002",
            InMethod($$"""
                var o = new SnapshotOption();
                o.Description = {|#0:"{{Long}}"|};
                """),
            Evs002().WithMessage("Description is 256 UTF-8 bytes; the limit is 255"));
}
