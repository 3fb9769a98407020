using EvsContracts.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsContracts.Analyzers.Tests;

/// <summary>
/// The analyzers walk only the code around each mention of a candidate name (<see cref="CandidateUnits"/>).
/// They must keep exactly the sites a walk of the whole file keeps, in complete code and in every half-typed prefix
/// of it, and fall back to the whole file where the text could spell a name otherwise.
/// </summary>
public sealed class CandidateUnitsTests
{
    private const string Tricky = """
        using System;
        using System.Collections.Generic;
        using Demo;
        using EvsContracts;
        using Opt = Demo.SnapshotOption;

        [assembly: System.Reflection.AssemblyMetadata("Name", "autobk_snapshot_assembly")]

        public sealed record Named(string Name = "autobk_snapshot_record") : Base("x")
        {
            public string Description { get; init; } = "short";
        }

        public class Base
        {
            public Base(string region) { }
        }

        public sealed class Renaming : ISnapshotClient
        {
            private string Label = "x";

            public void Create(string volume, string renamed)
            {
                renamed = "autobk_snapshot_renamed";
                volume = "not-a-uuid";
            }

            public void Fill(SnapshotOption option, IDictionary<string, string> tags)
            {
                for (int i = 0; i < 3; i++)
                {
                    if (i > 1)
                    {
                        option.Metadata = new Dictionary<string, string> { ["k"] = "v", { "a", "b" } };
                    }
                }

                option.Metadata?.Add("k2", "v2");
                var copy = new Opt { Description = "d", Name = "autobk_snapshot_alias" };
                Func<string, string> f = ([ReservedPrefixes("tmp_")] string s) => s = "tmp_lambda";
                Action g = () => { var o = new SnapshotOption(); o.Name = "autobk_snapshot_nested"; };
                void Local([MaxUtf8Bytes(3)] string v) { }
                Local("abcd");
                _ = new SnapshotClient("eu-west-0001-long");
                SnapshotClient c = new("eu-west-0002-long");
                (option.Name, option.Description) = ("autobk_snapshot_tuple", "d");
            }
        }
        """;

    public static TheoryData<string> Sources() => new() { Tricky, RobustnessTests.Realistic };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_prefix_keeps_the_sites_of_a_whole_walk(string source)
    {
        SyntaxNode full = CSharpSyntaxTree.ParseText(source).GetRoot();
        int[] cuts = [.. full.DescendantTokens().Select(token => token.FullSpan.End).Distinct(), source.Length];
        int compared = 0;
        foreach (int cut in cuts)
        {
            (SyntaxTree tree, CandidateNames names) = Compile(source[..cut]);
            Assert.False(names.Unnamed);
            SyntaxNode root = tree.GetRoot();
            List<SyntaxNode>? units = CandidateUnits.Find(root, names.Spellings, CancellationToken.None);
            Assert.NotNull(units);
            string[] byUnits = Describe(SyntaxSites.Find(root, null, names, units, out bool unitLocal, CancellationToken.None));
            string[] whole = Describe(SyntaxSites.Find(root, null, names, null, out bool wholeLocal, CancellationToken.None));
            Assert.True(whole.SequenceEqual(byUnits), $"at {cut} chars: whole walk [{string.Join("; ", whole)}], units [{string.Join("; ", byUnits)}]");
            Assert.Equal(wholeLocal, unitLocal);
            compared += whole.Length;
        }

        Assert.True(compared > cuts.Length, $"only {compared} sites over {cuts.Length} prefixes");
    }

    [Fact]
    public void Units_leave_out_what_names_nothing()
    {
        (SyntaxTree tree, CandidateNames names) = Compile("""
            public static class Quiet
            {
                public static int Sum(int[] values)
                {
                    int total = 0;
                    foreach (int value in values) { total += value; }
                    return total;
                }

                public static void Rename(Demo.SnapshotOption option) => option.Name = "n";
            }
            """);
        List<SyntaxNode>? units = CandidateUnits.Find(tree.GetRoot(), names.Spellings, CancellationToken.None);
        Assert.NotNull(units);
        SyntaxNode unit = Assert.Single(units);
        Assert.Equal("option.Name = \"n\"", unit.ToString());
    }

    [Theory]
    [InlineData("option.\\u004Eame = \"n\";")]
    [InlineData("option.Na\u00ADme = \"n\";")]
    public void Text_that_may_spell_a_name_otherwise_is_walked_whole(string statement)
    {
        (SyntaxTree tree, CandidateNames names) = Compile("public static class Odd { public static void Run(Demo.SnapshotOption option) { " + statement + " } }");
        Assert.Null(CandidateUnits.Find(tree.GetRoot(), names.Spellings, CancellationToken.None));
        Assert.Single(SyntaxSites.Find(tree.GetRoot(), null, names, out _, CancellationToken.None));
    }

    private static (SyntaxTree Tree, CandidateNames Names) Compile(string source)
    {
        (SyntaxTree tree, CSharpCompilation compilation) = Verify.CompileWithModel("Units", source, "/0/Test.cs");
        ContractIndex index = ContractIndex.For(compilation);
        return (tree, index.GetNames(index.Attributes!, CancellationToken.None));
    }

    private static string[] Describe(List<SyntaxSite> sites) =>
        [.. sites.Select(site => $"{site.Kind} {site.Node.Span} {site.Node}").Order(StringComparer.Ordinal)];
}
