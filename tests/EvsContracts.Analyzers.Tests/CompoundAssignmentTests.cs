using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

/// <summary>
/// <c>+=</c> on a string member appends to a value the analyzer does not know: what it appends is a lower bound on
/// the length, and says nothing about the prefix, the format or the other rules, which judge the whole value.
/// </summary>
public sealed class CompoundAssignmentTests
{
    private static readonly string s_long = new('x', 256);

    [Fact]
    public Task Appending_a_long_constant_to_a_member_an_element_or_a_parameter_is_reported() =>
        RunAsync("EVS002",
            InMethod($$"""
                var o = new SnapshotOption { Description = input, Metadata = new Dictionary<string, string>() };
                o.Description += {|#0:"{{s_long}}"|};
                o.Metadata["k"] += {|#1:"{{s_long}}"|};
                var tail = "{{s_long}}";
                o.Description += {|#2:tail|};
                o.Title += {|#3:"{{s_long}}"|};
                """),
            Evs002(0).WithMessage("Description is at least 256 UTF-8 bytes; the limit is 255"),
            Evs002(1).WithMessage("Metadata[\"k\"] is at least 256 UTF-8 bytes; the limit is 255"),
            Evs002(2).WithMessage("Description is at least 256 UTF-8 bytes; the limit is 255 (local 'tail' holds \"" + s_long[..40] + "\u2026\")"),
            Evs002(3).WithMessage("Title is at least 256 characters (code points); the limit is 255"));

    [Fact]
    public Task Appending_to_an_annotated_parameter_is_reported() =>
        RunAsync("EVS002", """
            using EvsContracts;

            public static class Program
            {
                public static void Run([MaxUtf8Bytes(3)] string code)
                {
                    code += "ab";
                    code += {|#0:"abcd"|};
                }
            }
            """,
            Evs002().WithMessage("code is at least 4 UTF-8 bytes; the limit is 3"));

    [Theory]
    [InlineData("EVS001", "o.Name += \"autobk_snapshot_1\";")]
    [InlineData("EVS003", "o.VolumeId += \"vol-1\";")]
    [InlineData("EVS004", "o.Status += \"bogus\"; o.Code += \"ABC\"; o.Label += \"\";")]
    [InlineData("EVS004", "o.Size += 5000; o.Ratio += 2.5;")]
    [InlineData("EVS002", "o.Description += input; o.Description += \"short\";")]
    public Task Rules_that_judge_the_whole_value_are_silent_after_an_append(string id, string statements) =>
        RunAsync(id, InMethod("var o = new SnapshotOption();\n" + statements));
}
