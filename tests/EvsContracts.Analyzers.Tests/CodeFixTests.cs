using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

/// <summary>
/// The fixes rewrite one string literal. The test framework also applies Fix All in document, project and solution
/// scope and checks each against the fixed sources.
/// </summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task Reserved_prefix_is_removed_from_the_literal() =>
        CodeFix("EVS001",
            InMethod(""""
                _ = new SnapshotOption { Name = {|#0:"autobk_snapshot_daily"|} };
                _ = new SnapshotOption { Name = {|#1:@"autobk_snapshot_say ""hi"""|} };
                _ = new SnapshotOption { Name = {|#2:"autobk_snapshot_autobk_snapshot_"|} };
                """"),
            InMethod(""""
                _ = new SnapshotOption { Name = "daily" };
                _ = new SnapshotOption { Name = @"say ""hi""" };
                _ = new SnapshotOption { Name = "" };
                """"),
            Evs001(0), Evs001(1), Evs001(2)).RunAsync();

    [Fact]
    public Task Reserved_prefix_fix_all_covers_two_documents()
    {
        var test = CodeFix("EVS001",
            InMethod("""
                _ = new SnapshotOption { Name = {|#0:"autobk_snapshot_a"|} };
                _ = new SnapshotRecord { Name = {|#1:"autobk_snapshot_b"|} };
                """),
            InMethod("""
                _ = new SnapshotOption { Name = "a" };
                _ = new SnapshotRecord { Name = "b" };
                """),
            Evs001(0), Evs001(1));
        test.TestState.Sources.Add(("/0/Second.cs", """
            public static class Second
            {
                public static void Run() => new Demo.SnapshotClient("eu").Create("5aa119a8-d25b-45a7-8d1b-88e127885635", {|#2:"autobk_snapshot_c"|});
            }
            """));
        test.FixedState.Sources.Add(("/0/Second.cs", """
            public static class Second
            {
                public static void Run() => new Demo.SnapshotClient("eu").Create("5aa119a8-d25b-45a7-8d1b-88e127885635", "c");
            }
            """));
        test.ExpectedDiagnostics.Add(Evs001(2));
        return test.RunAsync();
    }

    [Fact]
    public Task No_fix_is_offered_for_a_const_reference_a_concatenation_or_a_local()
    {
        string source = """
            using Demo;

            public static class Program
            {
                private const string Reserved = "autobk_snapshot_const";

                public static void Run()
                {
                    _ = new SnapshotOption { Name = {|#0:Reserved|} };
                    _ = new SnapshotOption { Name = {|#1:"autobk_" + "snapshot_x"|} };
                    var n = "autobk_snapshot_local";
                    _ = new SnapshotOption { Name = {|#2:n|} };
                }
            }
            """;
        var test = CodeFix("EVS001", source, source, Evs001(0), Evs001(1), Evs001(2));
        return test.RunAsync();
    }

    [Fact]
    public Task Utf8_limit_cuts_whole_characters_and_never_half_a_surrogate_pair()
    {
        // 1 + 64 * 4 = 257 bytes; the longest prefix within 255 bytes ends after the 63rd emoji (253 bytes).
        string emoji = "\U0001F4BE";
        string tooLong = "a" + string.Concat(Enumerable.Repeat(emoji, 64));
        string cut = "a" + string.Concat(Enumerable.Repeat(emoji, 63));
        string cjk = string.Concat(Enumerable.Repeat("快", 86));
        return CodeFix("EVS002",
            InMethod($$"""
                _ = new SnapshotOption { Description = {|#0:"{{tooLong}}"|} };
                _ = new SnapshotOption { Name = {|#1:"{{cjk}}"|} };
                """),
            InMethod($$"""
                _ = new SnapshotOption { Description = "{{cut}}" };
                _ = new SnapshotOption { Name = "{{cjk[..85]}}" };
                """),
            Evs002(0), Evs002(1)).RunAsync();
    }

    [Fact]
    public Task Code_point_limit_keeps_pairs_whole_and_escapes_stay_valid()
    {
        string emoji = "\U0001F4BE";
        return CodeFix("EVS002",
            InMethod($$"""
                _ = new SnapshotOption { Title = {|#0:"{{string.Concat(Enumerable.Repeat(emoji, 256))}}"|} };
                new SnapshotClient({|#1:"tab\there\\and\"more"|});
                """),
            InMethod($$"""
                _ = new SnapshotOption { Title = "{{string.Concat(Enumerable.Repeat(emoji, 255))}}" };
                new SnapshotClient("tab\there\\a");
                """),
            Evs002(0), Evs002(1)).RunAsync();
    }

    [Fact]
    public Task No_fix_is_offered_for_the_literal_of_a_compound_assignment()
    {
        // Cutting the appended literal would not bring the member under the limit: only its author can.
        string source = InMethod($$"""
            var o = new SnapshotOption { Description = input };
            o.Description += {|#0:"{{new string('x', 256)}}"|};
            """);
        return CodeFix("EVS002", source, source, Evs002(0)).RunAsync();
    }

    [Fact]
    public Task Length_fix_all_covers_two_documents()
    {
        string text = new('d', 300);
        var test = CodeFix("EVS002",
            InMethod($$"""_ = new SnapshotOption { Description = {|#0:"{{text}}"|} };"""),
            InMethod($$"""_ = new SnapshotOption { Description = "{{text[..255]}}" };"""),
            Evs002(0));
        test.TestState.Sources.Add(("/0/Second.cs", $$"""
            public static class Second
            {
                public static Demo.SnapshotRecord Make() => new() { Description = {|#1:"{{text}}"|} };
            }
            """));
        test.FixedState.Sources.Add(("/0/Second.cs", $$"""
            public static class Second
            {
                public static Demo.SnapshotRecord Make() => new() { Description = "{{text[..255]}}" };
            }
            """));
        test.ExpectedDiagnostics.Add(Evs002(1));
        return test.RunAsync();
    }

    [Fact]
    public Task Guid_notations_become_the_canonical_lower_case_form()
    {
        var test = CodeFix("EVS003",
            InMethod("""
                _ = new SnapshotOption { VolumeId = {|#0:"{5AA119A8-D25B-45A7-8D1B-88E127885635}"|} };
                _ = new SnapshotOption { VolumeId = {|#1:"5AA119A8D25B45A78D1B88E127885635"|} };
                _ = new SnapshotOption { VolumeId = {|#2:"(5aa119a8-d25b-45a7-8d1b-88e127885635)"|} };
                _ = new SnapshotOption { VolumeId = {|#3:"vol-1"|} };
                _ = new SnapshotOption { VolumeId = {|#4:"{5AA119A8D25B45A78D1B88E127885635}"|} };
                """),
            InMethod("""
                _ = new SnapshotOption { VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635" };
                _ = new SnapshotOption { VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635" };
                _ = new SnapshotOption { VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635" };
                _ = new SnapshotOption { VolumeId = {|#3:"vol-1"|} };
                _ = new SnapshotOption { VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635" };
                """),
            Evs003(0), Evs003(1), Evs003(2), Evs003(3), Evs003(4));
        test.FixedState.ExpectedDiagnostics.Add(Evs003(3));
        return test.RunAsync();
    }

    [Fact]
    public Task Uuid_fix_all_covers_two_documents()
    {
        var test = CodeFix("EVS003",
            InMethod("""_ = new SnapshotOption { VolumeId = {|#0:"{5AA119A8-D25B-45A7-8D1B-88E127885635}"|} };"""),
            InMethod("""_ = new SnapshotOption { VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635" };"""),
            Evs003(0));
        test.TestState.Sources.Add(("/0/Second.cs", """
            public static class Second
            {
                public static void Run(Demo.ISnapshotClient c) => c.Create({|#1:"0E984F04C12A4A2C9E5B7B3C1D2E3F40"|}, "n");
            }
            """));
        test.FixedState.Sources.Add(("/0/Second.cs", """
            public static class Second
            {
                public static void Run(Demo.ISnapshotClient c) => c.Create("0e984f04-c12a-4a2c-9e5b-7b3c1d2e3f40", "n");
            }
            """));
        test.ExpectedDiagnostics.Add(Evs003(1));
        return test.RunAsync();
    }

    [Fact]
    public Task Each_id_gets_its_own_fix_and_one_fix_all_covers_the_three_ids()
    {
        string source = InMethod("""
            _ = new SnapshotOption { Name = {|#0:"autobk_snapshot_a"|}, VolumeId = {|#1:"{5AA119A8-D25B-45A7-8D1B-88E127885635}"|} };
            var tags = new SnapshotClient("eu");
            tags.Tag(new Dictionary<string, string> { ["k"] = {|#2:"abcd"|} });
            """);
        string fixedSource = InMethod("""
            _ = new SnapshotOption { Name = "a", VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635" };
            var tags = new SnapshotClient("eu");
            tags.Tag(new Dictionary<string, string> { ["k"] = "abc" });
            """);
        var test = CodeFix("EVS001", source, fixedSource, Evs001(0), Evs003(1), Evs002(2));
        test.DisabledDiagnostics.Clear();
        // One fix at a time takes three steps; Fix All rewrites the literals of all three ids in one.
        test.NumberOfIncrementalIterations = 3;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        return test.RunAsync();
    }

    [Fact]
    public Task A_literal_in_a_collection_expression_is_cut_to_the_limit() =>
        CodeFix("EVS002",
            """
            using System.Collections.Generic;
            using EvsContracts;

            public sealed class Volume
            {
                [MaxUtf8Bytes(3)] public List<string>? Tags { get; set; }

                public static Volume Make() => new Volume { Tags = ["ab", {|#0:"abcd"|}, {|#1:"efgh"|}] };
            }
            """,
            """
            using System.Collections.Generic;
            using EvsContracts;

            public sealed class Volume
            {
                [MaxUtf8Bytes(3)] public List<string>? Tags { get; set; }

                public static Volume Make() => new Volume { Tags = ["ab", "abc", "efg"] };
            }
            """,
            Evs002(0), Evs002(1)).RunAsync();
}
