using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

public sealed class LengthTests
{
    private static readonly string s_ascii255 = new('a', 255);
    private static readonly string s_ascii256 = new('a', 256);
    private static readonly string s_cjk85 = string.Concat(Enumerable.Repeat("快照", 43))[..85];
    private static readonly string s_cjk86 = string.Concat(Enumerable.Repeat("快照", 43));
    private static readonly string s_emoji64 = string.Concat(Enumerable.Repeat("\U0001F4BE", 64));

    [Fact]
    public Task Utf8_limit_reports_the_byte_count_and_the_limit() =>
        RunAsync("EVS002",
            InMethod($$"""_ = new SnapshotOption { Description = {|#0:"{{s_ascii256}}"|} };"""),
            Evs002().WithMessage("Description is 256 UTF-8 bytes; the limit is 255"));

    [Fact]
    public Task Cjk_text_is_counted_in_utf8_bytes() =>
        RunAsync("EVS002",
            InMethod($$"""
                _ = new SnapshotOption { Description = "{{s_cjk85}}" };
                _ = new SnapshotOption { Description = {|#0:"{{s_cjk86}}"|} };
                """),
            Evs002().WithMessage("Description is 258 UTF-8 bytes; the limit is 255"));

    [Fact]
    public Task An_emoji_is_four_bytes() =>
        RunAsync("EVS002",
            InMethod($$"""
                _ = new SnapshotOption { Description = "{{s_emoji64[..^2]}}abc" };
                _ = new SnapshotOption { Description = {|#0:"{{s_emoji64}}"|} };
                """),
            Evs002().WithMessage("Description is 256 UTF-8 bytes; the limit is 255"));

    [Fact]
    public Task Values_at_exactly_the_limit_are_silent() =>
        RunAsync("EVS002", InMethod($$"""
            _ = new SnapshotOption { Description = "{{s_ascii255}}", Name = "{{s_cjk85}}" };
            _ = new SnapshotOption { Title = "{{s_ascii255}}" };
            """));

    [Fact]
    public Task Code_point_limit_counts_a_surrogate_pair_once() =>
        RunAsync("EVS002",
            InMethod($$"""
                _ = new SnapshotOption { Title = "{{string.Concat(Enumerable.Repeat("\U0001F4BE", 255))}}" };
                _ = new SnapshotOption { Title = {|#0:"{{s_ascii256}}"|} };
                """),
            Evs002().WithMessage("Title is 256 characters (code points); the limit is 255"));

    [Fact]
    public Task Constant_concatenation_of_const_fields_is_measured_whole() =>
        RunAsync("EVS002",
            $$"""
            using Demo;

            public static class Program
            {
                private const string Half = "{{new string('x', 128)}}";

                public static SnapshotOption Make() => new SnapshotOption { Description = {|#0:Half + Half|} };
            }
            """,
            Evs002().WithMessage("Description is 256 UTF-8 bytes; the limit is 255"));

    [Fact]
    public Task Compound_assignment_of_a_long_constant_is_a_lower_bound() =>
        RunAsync("EVS002",
            InMethod($$"""
                var o = new SnapshotOption { Description = input };
                o.Description += "short";
                o.Description += {|#0:"{{s_ascii256}}"|};
                """),
            Evs002().WithMessage("Description is at least 256 UTF-8 bytes; the limit is 255"));

    [Fact]
    public Task Constructor_argument_is_checked_against_its_parameter() =>
        RunAsync("EVS002",
            InMethod("""
                _ = new SnapshotClient("eu-west-01");
                _ = new SnapshotClient({|#0:"eu-west-001"|});
                """),
            Evs002().WithMessage("region is 11 UTF-8 bytes; the limit is 10"));

    [Fact]
    public Task Non_constant_and_unrelated_values_are_silent() =>
        RunAsync("EVS002", InMethod($$"""
            _ = new SnapshotOption { Description = new string('a', 300) };
            _ = new SnapshotOption { Description = input + "{{s_ascii255}}" };
            _ = new Unrelated { Description = "{{s_ascii256}}" };
            var o = new SnapshotOption();
            o.Description += input;
            """));
}
