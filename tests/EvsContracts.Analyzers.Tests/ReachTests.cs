using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

/// <summary>
/// The ways code reaches a constrained member, parameter, method or type under another name, or with no name at all
/// (aliases, delegates, indexers, lambdas, attributes, overrides), and the look-alikes that must stay silent.
/// </summary>
public sealed class ReachTests
{
    [Fact]
    public Task A_type_alias_reaches_the_constructor_and_the_members() =>
        RunAsync("EVS002",
            """
            using Demo;
            using Client = Demo.SnapshotClient;
            using Opt = Demo.SnapshotOption;

            public static class Program
            {
                public static void Run()
                {
                    _ = new Client({|#0:"eu-west-0001"|});
                    _ = new Opt { Description = {|#1:"{{LONG}}"|} };
                    _ = new global::Demo.SnapshotClient({|#2:"eu-west-0002"|});
                }
            }
            """.Replace("{{LONG}}", new string('d', 256), StringComparison.Ordinal),
            Evs002(0).WithMessage("region is 12 UTF-8 bytes; the limit is 10"),
            Evs002(1),
            Evs002(2));

    [Fact]
    public Task A_global_alias_declared_in_another_file_reaches_the_constructor()
    {
        var test = Analyzer("EVS002",
            """
            public static class Program
            {
                public static void Run() => _ = new GlobalClient({|#0:"eu-west-0001"|});
            }
            """,
            Evs002());
        test.TestState.Sources.Add(("/0/Usings.cs", "global using GlobalClient = Demo.SnapshotClient;"));
        return test.RunAsync();
    }

    [Fact]
    public Task Using_static_reaches_a_method_and_a_constant_without_a_type_name() =>
        RunAsync("EVS001",
            """
            using EvsContracts;
            using static Library.Snapshots;

            namespace Library
            {
                public static class Snapshots
                {
                    public const string Reserved = "autobk_snapshot_c";

                    public static void Create([ReservedPrefixes("autobk_snapshot_")] string name) { }
                }
            }

            public static class Program
            {
                public static void Run()
                {
                    Create({|#0:"autobk_snapshot_s"|});
                    Create({|#1:Reserved|});
                    Create("nightly");
                }
            }
            """,
            Evs001(0),
            Evs001(1));

    [Fact]
    public Task Local_functions_and_lambdas_with_annotated_parameters_are_checked() =>
        RunAsync("EVS001",
            """
            using System;
            using EvsContracts;

            public static class Program
            {
                public static void Run()
                {
                    // Called before it is declared: the names of local functions are known only at the end of the file.
                    Local({|#0:"tmp_call"|});
                    void Local([ReservedPrefixes("tmp_")] string value) { value = {|#1:"tmp_inside"|}; }

                    Action<string> lambda = ([ReservedPrefixes("tmp_")] string s) => { s = {|#2:"tmp_lambda"|}; };
                    lambda("tmp_not_checked_through_a_delegate_without_attributes");

                    void WithDefault([ReservedPrefixes("tmp_")] string s = {|#3:"tmp_default"|}) { }
                    WithDefault();

                    var lambdaWithDefault = ([ReservedPrefixes("tmp_")] string s = {|#4:"tmp_lambda_default"|}) => s.Length;
                    Func<string, int> plain = s => s.Length;
                }
            }
            """,
            Evs001(0).WithMessage("value starts with the reserved prefix \"tmp_\""),
            Evs001(1),
            Evs001(2),
            Evs001(3),
            Evs001(4));

    [Fact]
    public Task A_delegate_and_an_indexer_with_annotated_parameters_are_checked() =>
        RunAsync("EVS001",
            """
            using EvsContracts;

            public delegate void Namer([ReservedPrefixes("tmp_")] string name);

            public sealed class Bag
            {
                public string this[[ReservedPrefixes("tmp_")] string key] { get => ""; set { } }

                public static Namer Current { get; } = _ => { };

                public static void Stamp([MaxUtf8Bytes(10)] string text) { }

                public static void Run(Bag bag)
                {
                    // A local delegate hides the method it is named after: its parameter's rules apply, not the method's.
                    Namer Stamp = _ => { };
                    Stamp({|#5:"tmp_0"|});
                    Current({|#0:"tmp_1"|});
                    Current.Invoke({|#1:"tmp_2"|});
                    _ = bag[{|#2:"tmp_3"|}];
                    bag[{|#3:"tmp_4"|}] = "any";
                    _ = new Bag { [{|#4:"tmp_5"|}] = "any" };
                }
            }
            """,
            Evs001(0),
            Evs001(1),
            Evs001(2),
            Evs001(3),
            Evs001(4),
            Evs001(5));

    [Fact]
    public Task Constructor_initializers_primary_constructors_and_target_typed_new_are_checked() =>
        RunAsync("EVS002",
            """
            using EvsContracts;

            public class Named([MaxUtf8Bytes(3)] string code)
            {
                public string Code => code;
            }

            public sealed class ByPrimary() : Named({|#0:"abcd"|});

            public class ByBase : Named
            {
                public ByBase() : base({|#1:"efgh"|}) { }

                public ByBase(int unused) : this() { }
            }

            public static class Program
            {
                public static void Run()
                {
                    Named named = new({|#2:"ijkl"|});
                    Demo.SnapshotClient client = new({|#3:"eu-west-0001"|});
                }
            }
            """,
            Evs002(0),
            Evs002(1),
            Evs002(2),
            Evs002(3));

    [Fact]
    public Task An_override_that_renames_the_parameter_still_has_its_rules() =>
        RunAsync("EVS001",
            """
            using EvsContracts;

            public class Base
            {
                public virtual void Run([ReservedPrefixes("tmp_")] string value) { }
            }

            public sealed class Derived : Base
            {
                public override void Run(string renamed) { renamed = {|#0:"tmp_inside"|}; }

                public static void Call() => new Derived().Run({|#1:"tmp_call"|});
            }
            """,
            Evs001(0).WithMessage("renamed starts with the reserved prefix \"tmp_\""),
            Evs001(1));

    [Fact]
    public Task Attribute_arguments_are_checked_against_the_constructor_and_named_properties() =>
        RunAsync("EVS002",
            """
            using EvsContracts;

            [System.AttributeUsage(System.AttributeTargets.All)]
            public sealed class TagAttribute : System.Attribute
            {
                public TagAttribute([MaxUtf8Bytes(3)] string text) { }

                [MaxUtf8Bytes(3)] public string? Extra { get; set; }
            }

            [Tag({|#0:"abcd"|}, Extra = {|#1:"efgh"|})]
            public sealed class Tagged
            {
                public void Run([TagAttribute({|#2:"ijkl"|})] int value, [Tag("ok")] int other) { }
            }
            """,
            Evs002(0).WithMessage("text is 4 UTF-8 bytes; the limit is 3"),
            Evs002(1).WithMessage("Extra is 4 UTF-8 bytes; the limit is 3"),
            Evs002(2));

    [Fact]
    public Task Look_alikes_with_the_names_of_constrained_members_stay_silent() =>
        RunAsync("EVS001",
            """
            using Demo;

            namespace Other
            {
                public sealed class SnapshotClient
                {
                    public SnapshotClient(string region) { }

                    public void Create(string volumeId, string name = "autobk_snapshot_default") { }
                }

                public sealed class Named
                {
                    public string Name { get; set; } = "autobk_snapshot_initial";

                    public string Description = "autobk_snapshot_field";
                }
            }

            public static class Program
            {
                public static void Run(Unrelated unrelated)
                {
                    var Name = "autobk_snapshot_local";
                    Name = "autobk_snapshot_again";
                    new Other.SnapshotClient("autobk_snapshot_region").Create("vol", "autobk_snapshot_name");
                    _ = new Other.Named { Name = "autobk_snapshot_init" };
                    unrelated.Name = "autobk_snapshot_unrelated";
                    unrelated.Create("vol", name: "autobk_snapshot_named");
                    System.Console.WriteLine(Name);
                }
            }
            """);

    /// <summary>Names that mean a constant in one place and a parameter or another constant in the next.</summary>
    [Fact]
    public Task Names_bound_by_scope_are_told_apart() =>
        RunAsync("EVS001",
            """
            using System;
            using System.Linq;
            using Demo;

            public sealed class Traps
            {
                private const string X = "autobk_snapshot_x";
                private const string Chain = X + "_more";
                private const string value = "autobk_snapshot_value";
                private const string Fine = "fine";

                public string? Getter { get { _ = new SnapshotOption { Name = {|#0:value|} }; return null; } set { _ = new SnapshotOption { Name = value }; } }

                public void Run(string[] items, string parameter)
                {
                    // X is a lambda's parameter only inside the lambda; after it, X is the constant again.
                    Func<string, string> same = X => X;
                    _ = new SnapshotOption { Name = {|#1:X|} };
                    _ = new SnapshotOption { Name = {|#2:Chain|} };
                    _ = items.Select(Fine => new SnapshotOption { Name = Fine });
                    _ = new SnapshotOption { Name = parameter };
                    _ = new SnapshotOption { Name = parameter + "autobk_snapshot_" };
                    _ = new SnapshotOption { Name = {|#3:"autobk_" + "snapshot_" + nameof(Run)|} };
                    _ = new SnapshotOption { Name = Fine + "-" + nameof(items) };
                }

                public void Shadowed(string Fine)
                {
                    _ = new SnapshotOption { Name = Fine };
                    const string X = "local";
                    _ = new SnapshotOption { Name = X };
                }
            }
            """,
            Evs001(0).WithMessage("Name starts with the reserved prefix \"autobk_snapshot_\""),
            Evs001(1),
            Evs001(2),
            Evs001(3));

    [Fact]
    public Task A_local_functions_rules_are_not_mistaken_for_those_of_a_member_with_its_name() =>
        RunAsync("EVS001",
            """
            using EvsContracts;

            public static class Program
            {
                public static void Run()
                {
                    // Demo.SnapshotOption.Name allows "ok_bad"; this parameter, also called Name, does not.
                    void Local([ReservedPrefixes("ok_")] string Name) { Name = {|#0:"ok_bad"|}; }
                    Local("fine");
                }
            }
            """,
            Evs001().WithMessage("Name starts with the reserved prefix \"ok_\""));

    [Fact]
    public Task Overloads_and_members_that_share_a_name_are_told_apart_by_binding() =>
        RunAsync("EVS004",
            """
            using Demo;
            using EvsContracts;

            public sealed class Plain
            {
                public string? Code { get; set; }
            }

            public static class Program
            {
                public static void Create([Pattern("^[a-z]+$")] string code) { }

                public static void Create(int count, string code) { }

                public static void Run()
                {
                    Create({|#0:"ABC"|});
                    Create(1, "ABC");
                    Create("abc");
                    _ = new SnapshotOption { Code = {|#1:"ABC"|} };
                    _ = new Plain { Code = "ABC" };
                }
            }
            """,
            Evs004(0).WithMessage("code \"ABC\" does not match the pattern \"^[a-z]+$\""),
            Evs004(1));

    /// <summary>An IDE asks about a few lines (a span) as well as whole files.</summary>
    [Fact]
    public async Task A_span_reports_its_own_findings_and_the_whole_file_all_of_them()
    {
        string source = InMethod("""
                _ = new SnapshotOption { Name = "autobk_snapshot_first" };
                _ = new SnapshotOption { Name = "autobk_snapshot_second" };
            """);
        (SyntaxTree tree, CSharpCompilation compilation) = CompileWithModel("Spans", source, "/0/Program.cs");
        CompilationWithAnalyzers analysis = compilation.WithAnalyzers(ConfigurationTests.AllAnalyzers().ToImmutableArray());
        SemanticModel model = compilation.GetSemanticModel(tree);

        int second = source.IndexOf("\"autobk_snapshot_second\"", StringComparison.Ordinal);
        TextSpan line = TextSpan.FromBounds(source.LastIndexOf('\n', second), source.IndexOf('\n', second));
        ImmutableArray<Diagnostic> inSpan = await analysis.GetAnalyzerSemanticDiagnosticsAsync(model, line, CancellationToken.None);
        Assert.Equal(["\"autobk_snapshot_second\""], Texts(inSpan, source));

        ImmutableArray<Diagnostic> whole = await analysis.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
        Assert.Equal(["\"autobk_snapshot_first\"", "\"autobk_snapshot_second\""], Texts(whole, source));
    }

    private static string[] Texts(ImmutableArray<Diagnostic> diagnostics, string source) =>
        diagnostics
            .Where(d => d.Id == "EVS001")
            .Select(d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
