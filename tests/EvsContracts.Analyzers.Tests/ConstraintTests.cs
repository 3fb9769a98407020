using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

public sealed class ConstraintTests
{
    [Fact]
    public Task Enum_lists_the_allowed_values() =>
        RunAsync("EVS004",
            InMethod("""
                _ = new SnapshotOption { Status = "available" };
                _ = new SnapshotOption { Status = {|#0:"Available"|} };
                _ = new SnapshotOption { Status = {|#1:"bogus"|} };
                """),
            Evs004(0).WithMessage("Status \"Available\" is not one of the allowed values \"creating\", \"available\", \"error\""),
            Evs004(1));

    [Fact]
    public Task Pattern_names_the_pattern() =>
        RunAsync("EVS004",
            InMethod("""
                _ = new SnapshotOption { Code = "abc" };
                _ = new SnapshotOption { Code = {|#0:"ABC"|} };
                """),
            Evs004().WithMessage("Code \"ABC\" does not match the pattern \"^[a-z]+$\""));

    [Fact]
    public Task Pattern_matches_anywhere_unless_anchored_and_a_broken_pattern_checks_nothing() =>
        RunAsync("EVS004", """
            using EvsContracts;

            public sealed class Mine
            {
                [Pattern("[0-9]")] public string? Digits { get; set; }
                [Pattern("([")] public string? Broken { get; set; }

                public static Mine Make() => new Mine { Digits = "abc1def", Broken = "anything" };
                public static Mine Bad() => new Mine { Digits = {|#0:"abcdef"|} };
            }
            """,
            Evs004());

    [Fact]
    public Task A_pattern_is_read_as_ECMA_262_reads_it() =>
        RunAsync("EVS004", """
            using EvsContracts;

            public sealed class Mine
            {
                [Pattern("^[a-z]+$")] public string? Word { get; set; }
                [Pattern("^\\d+$")] public string? Digits { get; set; }

                public static Mine Make() => new Mine { Word = "abc", Digits = "0123" };
                public static Mine Bad() => new Mine { Word = {|#0:"abc\n"|}, Digits = {|#1:"\u0661\u0662"|} };
            }
            """,
            Evs004(0),
            Evs004(1));

    [Fact]
    public Task Numeric_range_is_inclusive() =>
        RunAsync("EVS004",
            InMethod("""
                _ = new SnapshotOption { Size = 1 };
                _ = new SnapshotOption { Size = 1024 };
                _ = new SnapshotOption { Size = {|#0:0|} };
                _ = new SnapshotOption { Size = {|#1:1025|} };
                _ = new SnapshotOption { Size = {|#2:int.MaxValue|} };
                _ = new SnapshotOption { Ratio = 1.5 };
                _ = new SnapshotOption { Ratio = {|#3:1.75|} };
                _ = new SnapshotOption { Ratio = {|#4:double.NaN|} };
                """),
            Evs004(0).WithMessage("Size 0 is less than the minimum 1"),
            Evs004(1).WithMessage("Size 1025 is greater than the maximum 1024"),
            Evs004(2),
            Evs004(3).WithMessage("Ratio 1.75 is greater than the maximum 1.5"),
            Evs004(4));

    [Fact]
    public Task Minimum_length_is_counted_in_code_points() =>
        RunAsync("EVS004",
            InMethod("""
                _ = new SnapshotOption { Label = "\U0001F4BE" };
                _ = new SnapshotOption { Label = {|#0:""|} };
                """),
            Evs004().WithMessage("Label is 0 characters (code points); the minimum is 1"));

    [Fact]
    public Task Non_constant_and_unrelated_values_are_silent() =>
        RunAsync("EVS004", InMethod("""
            _ = new SnapshotOption { Status = input, Code = input.ToUpperInvariant(), Size = input.Length - 5 };
            _ = new Unrelated { Status = "bogus", Size = 0 };
            """));
}
