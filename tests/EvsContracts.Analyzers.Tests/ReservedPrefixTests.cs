using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

public sealed class ReservedPrefixTests
{
    [Fact]
    public Task Object_initializer_literal_is_reported_with_member_and_prefix() =>
        RunAsync("EVS001",
            InMethod("""var o = new SnapshotOption { VolumeId = "x", Name = {|#0:"autobk_snapshot_1"|} };"""),
            Evs001().WithMessage("Name starts with the reserved prefix \"autobk_snapshot_\""));

    [Fact]
    public Task Simple_assignment_is_reported() =>
        RunAsync("EVS001",
            InMethod("""
                var o = new SnapshotOption();
                o.Name = {|#0:"autobk_snapshot_daily"|};
                """),
            Evs001());

    [Fact]
    public Task With_initializer_is_reported() =>
        RunAsync("EVS001",
            InMethod("""
                var r = new SnapshotRecord { Name = "ok" };
                var s = r with { Name = {|#0:"autobk_snapshot_copy"|} };
                """),
            Evs001());

    [Fact]
    public Task Method_argument_through_an_annotated_interface_is_reported_with_the_parameter_name() =>
        RunAsync("EVS001",
            InMethod("""
                new SnapshotClient("eu").Create("6f1c2d3e-0000-4000-8000-000000000001", {|#0:"autobk_snapshot_x"|});
                ISnapshotClient c = new SnapshotClient("eu");
                c.Create("6f1c2d3e-0000-4000-8000-000000000001", name: {|#1:"autobk_snapshot_y"|});
                """),
            Evs001(0).WithMessage("name starts with the reserved prefix \"autobk_snapshot_\""),
            Evs001(1));

    [Fact]
    public Task Folded_constants_are_reported() =>
        RunAsync("EVS001",
            """
            using Demo;

            public static class Program
            {
                private const string Prefix = "autobk_snapshot_";
                private const string Full = Prefix + "daily";
                private static readonly int autobk_snapshot_weekly = 7;

                public static void Run()
                {
                    const string local = "autobk_" + "snapshot_" + "x";
                    _ = new SnapshotOption { Name = {|#0:Full|} };
                    _ = new SnapshotOption { Name = {|#1:Prefix + "2"|} };
                    _ = new SnapshotOption { Name = {|#2:$"{Prefix}3"|} };
                    _ = new SnapshotOption { Name = {|#3:local|} };
                    _ = new SnapshotOption { Name = {|#4:nameof(autobk_snapshot_weekly)|} };
                    _ = new SnapshotOption { Name = ({|#5:"autobk_snapshot_" + "5"|}) };
                }
            }
            """,
            Evs001(0), Evs001(1), Evs001(2), Evs001(3), Evs001(4), Evs001(5));

    [Fact]
    public Task Folded_constants_that_do_not_start_with_the_prefix_are_silent() =>
        RunAsync("EVS001", """
            using Demo;

            public static class Program
            {
                private const string Prefix = "autobk_snapshot_";
                private const string Suffixed = "daily_" + Prefix;
                private static readonly int weekly_autobk_snapshot_ = 7;

                public static void Run()
                {
                    const string local = "autobk" + "-snapshot_" + "x";
                    _ = new SnapshotOption { Name = Suffixed };
                    _ = new SnapshotOption { Name = "x" + Prefix };
                    _ = new SnapshotOption { Name = $"Auto{Prefix}" };
                    _ = new SnapshotOption { Name = local };
                    _ = new SnapshotOption { Name = nameof(weekly_autobk_snapshot_) };
                }
            }
            """);

    [Fact]
    public Task With_initializer_with_a_valid_or_unknown_value_is_silent() =>
        RunAsync("EVS001", InMethod("""
            var r = new SnapshotRecord { Name = "ok" };
            _ = r with { Name = "copy_of_autobk_snapshot_" };
            _ = r with { Name = input };
            _ = r with { Description = "autobk_snapshot_is_fine_in_a_description" };
            """));

    [Fact]
    public Task Values_that_do_not_start_with_the_prefix_are_silent() =>
        RunAsync("EVS001", InMethod("""
            _ = new SnapshotOption { Name = "daily_autobk_snapshot_" };
            _ = new SnapshotOption { Name = "Autobk_snapshot_1" };
            _ = new SnapshotOption { Name = "AUTOBK_SNAPSHOT_1" };
            _ = new SnapshotOption { Name = "autobk_snapshot" };
            _ = new SnapshotOption { Name = "" };
            _ = new SnapshotOption { Name = null };
            """));

    [Fact]
    public Task Values_that_are_not_constant_are_silent() =>
        RunAsync("EVS001", InMethod("""
            _ = new SnapshotOption { Name = input };
            _ = new SnapshotOption { Name = "autobk_snapshot_" + input };
            _ = new SnapshotOption { Name = string.Concat("autobk_snapshot_", "x") };
            _ = new SnapshotOption { Name = $"autobk_snapshot_{DateTime.Now}" };
            _ = new SnapshotOption { Name = flag ? "autobk_snapshot_a" : "b" };
            new SnapshotClient("eu").Create(input, "autobk_snapshot_" + input);
            """));

    [Fact]
    public Task The_same_member_name_on_an_unrelated_type_is_silent() =>
        RunAsync("EVS001", InMethod("""
            _ = new Unrelated { Name = "autobk_snapshot_1" };
            new Unrelated().Create("x", "autobk_snapshot_1");
            var u = new Unrelated();
            u.Name = "autobk_snapshot_2";
            """));

    [Fact]
    public Task Declarations_with_initializers_and_default_values_are_reported() =>
        RunAsync("EVS001", """
            using EvsContracts;

            public sealed class Mine
            {
                [ReservedPrefixes("tmp_", "autobk_snapshot_")] public string Name { get; set; } = {|#0:"tmp_name"|};
                [ReservedPrefixes("tmp_")] public string Field = {|#1:"tmp_field"|};
                [ReservedPrefixes("tmp_")] public string Ok { get; set; } = "name_tmp_";

                public void Run([ReservedPrefixes("tmp_")] string value = {|#2:"tmp_default"|}) { }

                public void Call()
                {
                    Run();
                    Field = {|#3:"tmp_again"|};
                }
            }
            """,
            Evs001(0).WithMessage("Name starts with the reserved prefix \"tmp_\""),
            Evs001(1),
            Evs001(2).WithMessage("value starts with the reserved prefix \"tmp_\""),
            Evs001(3));

    [Fact]
    public Task An_override_inherits_the_attributes_of_the_member_it_overrides() =>
        RunAsync("EVS001", """
            using EvsContracts;

            public class Base
            {
                [ReservedPrefixes("tmp_")] public virtual string? Name { get; set; }
            }

            public sealed class Derived : Base
            {
                public override string? Name { get; set; }

                public static Derived Make() => new Derived { Name = {|#0:"tmp_x"|} };
            }
            """,
            Evs001());

    [Fact]
    public Task Attributes_with_the_same_name_in_another_namespace_are_not_rules() =>
        RunAsync("EVS001", """
            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Property)]
                public sealed class ReservedPrefixesAttribute : System.Attribute { public ReservedPrefixesAttribute(params string[] p) { } }

                public sealed class Thing
                {
                    [ReservedPrefixes("autobk_snapshot_")] public string? Name { get; set; }

                    public static Thing Make() => new Thing { Name = "autobk_snapshot_1" };
                }
            }
            """);
}
