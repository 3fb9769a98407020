using System.Text;
using EvsContracts.Generator.Emitter;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// The compiler reads a generated file through <see cref="GeneratedText"/>'s blocks: every way it reads them must give
/// the text that was written, across the blocks' edges too.
/// </summary>
public class GeneratedTextTests
{
    /// <summary>Lines of varied lengths, indented, written until the text spans several blocks.</summary>
    private static (GeneratedText Text, string Expected) Written()
    {
        var writer = new SourceWriter();
        var expected = new StringBuilder();
        writer.Open("namespace Blocks");
        expected.Append("namespace Blocks\n{\n");
        for (int i = 0; expected.Length < (6 * GeneratedText.BlockSize) + 100; i++)
        {
            // Now and then a character beyond Latin-1, so that some blocks keep a byte per character and some two.
            string line = $"// line {i}: {new string((char)('a' + (i % 26)), i % 97)}{(i % 300 == 0 ? " 名前" : i % 7 == 0 ? " é" : "")}";
            writer.Line(line);
            expected.Append("    ").Append(line).Append('\n');
        }

        writer.Close();
        expected.Append("}\n");
        return (writer.ToText(), expected.ToString());
    }

    [Fact]
    public void It_reads_back_as_the_text_written()
    {
        (GeneratedText text, string expected) = Written();

        Assert.Equal(expected.Length, text.Length);
        Assert.Equal(expected, text.ToString());
        Assert.Same(Encoding.UTF8, text.Encoding);
    }

    [Fact]
    public void Characters_and_copies_across_block_edges_are_the_text_written()
    {
        (GeneratedText text, string expected) = Written();

        foreach (int edge in Enumerable.Range(1, 6).Select(n => n * GeneratedText.BlockSize))
        {
            Assert.Equal(expected[edge - 1], text[edge - 1]);
            Assert.Equal(expected[edge], text[edge]);

            int count = Math.Min(GeneratedText.BlockSize + 15, expected.Length - (edge - 10));
            var copy = new char[count + 5];
            text.CopyTo(edge - 10, copy, 5, count);
            Assert.Equal(expected.Substring(edge - 10, count), new string(copy, 5, count));
        }

        Assert.Equal(expected.Substring(100, 2 * GeneratedText.BlockSize), text.ToString(new TextSpan(100, 2 * GeneratedText.BlockSize)));
    }

    [Fact]
    public void Reading_outside_the_text_is_refused()
    {
        (GeneratedText text, _) = Written();

        Assert.Throws<ArgumentOutOfRangeException>(() => text[text.Length]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(text.Length - 2, new char[10], 0, 3));
    }

    [Fact]
    public void Lines_and_the_parser_see_the_text_written()
    {
        (GeneratedText text, string expected) = Written();

        // What the generator handed the compiler before: the same lines, and the same checksum in the PDB.
        SourceText asString = SourceText.From(expected, Encoding.UTF8);
        Assert.Equal(asString.Lines.Count, text.Lines.Count);
        Assert.Equal(asString.GetChecksum().ToArray(), text.GetChecksum().ToArray());
        Assert.Equal(expected, CSharpSyntaxTree.ParseText(text).GetRoot().ToFullString());
    }
}
