using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

/// <summary>A local whose every assignment is a constant is checked where it is used.</summary>
public sealed class LocalValueTests
{
    [Fact]
    public Task A_local_initialized_with_a_folded_constant_is_checked_at_its_use() =>
        RunAsync("EVS001",
            InMethod("""
                var n = "autobk_snapshot_" + "x";
                var o = new SnapshotOption();
                o.Name = {|#0:n|};
                """),
            Evs001().WithMessage("Name starts with the reserved prefix \"autobk_snapshot_\" (local 'n' holds \"autobk_snapshot_x\")"));

    [Fact]
    public Task A_local_with_several_constant_values_reports_the_one_that_violates() =>
        RunAsync("EVS001",
            InMethod("""
                string n = "weekly";
                if (flag)
                {
                    n = "autobk_snapshot_2";
                }
                else
                {
                    n = "daily";
                }

                _ = new SnapshotOption { Name = {|#0:n|} };
                """),
            Evs001().WithMessage("Name starts with the reserved prefix \"autobk_snapshot_\" (local 'n' holds \"autobk_snapshot_2\")"));

    [Fact]
    public Task Compound_assignment_to_a_local_folds_with_the_assignment_before_it() =>
        RunAsync("EVS001",
            InMethod("""
                var n = "autobk_";
                n += "snapshot_";
                n += '1';
                new SnapshotClient("eu").Create("5aa119a8-d25b-45a7-8d1b-88e127885635", {|#0:n|});
                """),
            Evs001().WithMessage("name starts with the reserved prefix \"autobk_snapshot_\" (local 'n' holds \"autobk_snapshot_1\")"));

    [Fact]
    public Task A_local_declared_without_initializer_takes_its_assignments_in_source_order() =>
        RunAsync("EVS002",
            InMethod("""
                string d;
                d = "short";
                d += "-and-more";
                _ = new SnapshotClient({|#0:d|});
                """),
            Evs002().WithMessage("region is 14 UTF-8 bytes; the limit is 10 (local 'd' holds \"short-and-more\")"));

    [Fact]
    public Task The_value_before_a_compound_assignment_is_replaced_by_its_result() =>
        RunAsync("EVS004",
            InMethod("""
                var s = "avail";
                s += "able";
                _ = new SnapshotOption { Status = s };

                var t = "err";
                t += "or!";
                _ = new SnapshotOption { Status = {|#0:t|} };
                """),
            Evs004().WithMessage("Status \"error!\" is not one of the allowed values \"creating\", \"available\", \"error\" (local 't')"));

    [Fact]
    public Task A_numeric_local_is_checked_too() =>
        RunAsync("EVS004",
            InMethod("""
                var size = 0;
                _ = new SnapshotOption { Size = {|#0:size|} };
                """),
            Evs004().WithMessage("Size 0 is less than the minimum 1 (local 'size')"));

    [Fact]
    public Task A_local_with_one_non_constant_assignment_is_silent() =>
        RunAsync("EVS001", InMethod("""
            var a = "autobk_snapshot_1";
            if (flag) a = input;
            _ = new SnapshotOption { Name = a };

            var b = input;
            b = "autobk_snapshot_1";
            _ = new SnapshotOption { Name = b };

            var c = "autobk_snapshot_";
            c += input;
            _ = new SnapshotOption { Name = c };

            var d = "autobk_snapshot_";
            d += 1;
            _ = new SnapshotOption { Name = d };
            """));

    [Fact]
    public Task A_local_passed_by_ref_or_out_or_aliased_is_silent() =>
        RunAsync("EVS001", """
            using Demo;

            public static class Program
            {
                private static void Change(ref string s) => s = s.Trim();
                private static void Fill(out string s) => s = "x";

                public static void Run()
                {
                    var a = "autobk_snapshot_1";
                    Change(ref a);
                    _ = new SnapshotOption { Name = a };

                    var b = "autobk_snapshot_1";
                    Fill(out b);
                    _ = new SnapshotOption { Name = b };

                    var c = "autobk_snapshot_1";
                    ref string alias = ref c;
                    _ = new SnapshotOption { Name = c };

                    var (d, e) = ("autobk_snapshot_1", 1);
                    _ = new SnapshotOption { Name = d };

                    var f = "autobk_snapshot_1";
                    (f, e) = (System.Environment.MachineName, 2);
                    _ = new SnapshotOption { Name = f };

                    var g = "autobk_snapshot_1";
                    System.Action later = () => g = System.Environment.MachineName;
                    _ = new SnapshotOption { Name = g };
                }
            }
            """);

    [Fact]
    public Task A_local_that_is_only_read_elsewhere_stays_known() =>
        RunAsync("EVS001",
            InMethod("""
                var n = "autobk_snapshot_9";
                Console.WriteLine(n);
                Console.WriteLine(n.Length);
                System.Func<string> read = () => n;
                _ = new SnapshotOption { Name = {|#0:n|} };
                """),
            Evs001());

    [Fact]
    public Task A_local_in_top_level_statements_is_tracked()
    {
        var test = Analyzer("EVS001",
            """
            using Demo;

            var n = "autobk_snapshot_top";
            var o = new SnapshotOption { Name = {|#0:n|} };
            System.Console.WriteLine(o.Name);
            """,
            Evs001());
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Locals_in_different_methods_do_not_mix() =>
        RunAsync("EVS001", """
            using Demo;

            public static class Program
            {
                public static void A(string input)
                {
                    var n = input;
                    _ = new SnapshotOption { Name = n };
                }

                public static void B()
                {
                    var n = "autobk_snapshot_b";
                    _ = new SnapshotOption { Name = {|#0:n|} };
                }
            }
            """,
            Evs001());

}
