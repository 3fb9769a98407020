using System.Text;
using EvsContracts.CodeFixes;
using EvsContracts.Generator.Analyzers;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsContracts.Analyzers.Tests;

/// <summary>The measures of the analyzers and the cuts of the fixes, against the BCL and the runtime library.</summary>
public sealed class ContractTextTests
{
    public static TheoryData<string> Texts() => new()
    {
        "",
        "plain ascii",
        "快照描述",
        "mixed 快照 \U0001F4BE text é",
        "\U0001F4BE\U0001F4BE",
        "lone \uD83D high",
        "lone \uDE00 low",
        "tail high \uD83D",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Measures_agree_with_the_runtime_library(string text)
    {
        Assert.Equal(EvsContracts.Utf8Text.GetByteCount(text), ContractText.Utf8ByteCount(text));
        Assert.Equal(Encoding.UTF8.GetByteCount(text), ContractText.Utf8ByteCount(text));
        Assert.Equal(EvsContracts.Utf8Text.CountCodePoints(text), ContractText.CodePointCount(text));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Cuts_are_the_longest_prefix_within_the_limit_and_never_split_a_pair(string text)
    {
        int bytes = ContractText.Utf8ByteCount(text);
        for (int limit = 0; limit <= bytes + 1; limit++)
        {
            string cut = ContractLiteralCodeFixProvider.Truncate(text, limit, bytes: true);
            Assert.StartsWith(cut, text, StringComparison.Ordinal);
            Assert.True(ContractText.Utf8ByteCount(cut) <= limit);
            Assert.False(cut.Length > 0 && char.IsHighSurrogate(cut[^1]) && cut.Length < text.Length && char.IsLowSurrogate(text[cut.Length]));
            if (cut.Length < text.Length)
            {
                // One more character (or pair) would be over the limit.
                int next = char.IsHighSurrogate(text[cut.Length]) && cut.Length + 1 < text.Length && char.IsLowSurrogate(text[cut.Length + 1]) ? 2 : 1;
                Assert.True(ContractText.Utf8ByteCount(text[..(cut.Length + next)]) > limit);
            }
        }

        int codePoints = ContractText.CodePointCount(text);
        for (int limit = 0; limit <= codePoints + 1; limit++)
        {
            string cut = ContractLiteralCodeFixProvider.Truncate(text, limit, bytes: false);
            Assert.StartsWith(cut, text, StringComparison.Ordinal);
            Assert.Equal(Math.Min(limit, codePoints), ContractText.CodePointCount(cut));
        }
    }

    [Theory]
    [InlineData("5aa119a8-d25b-45a7-8d1b-88e127885635", true)]
    [InlineData("5AA119A8-D25B-45A7-8D1B-88E127885635", true)]
    [InlineData("5aa119a8d25b45a78d1b88e127885635", false)]
    [InlineData("{5aa119a8-d25b-45a7-8d1b-88e127885635}", false)]
    [InlineData("5aa119a8-d25b-45a7-8d1b-88e12788563g", false)]
    [InlineData(" 5aa119a8-d25b-45a7-8d1b-88e127885635", false)]
    [InlineData("", false)]
    public void Uuid_check_agrees_with_the_runtime_library(string text, bool expected)
    {
        Assert.Equal(expected, ContractText.IsUuid(text));
        Assert.Equal(EvsContracts.ContractCheck.IsUuid(text), ContractText.IsUuid(text));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" and backslash \\")]
    [InlineData("tab\tnew\nline\r\0nul \u0001 ctl")]
    [InlineData("快照 \U0001F4BE")]
    [InlineData("lone \uD83D and \u2028 separator")]
    public void Rendered_literals_parse_back_to_the_same_value(string value)
    {
        foreach (bool verbatim in new[] { false, true })
        {
            if (verbatim && value.Contains('\uD83D', StringComparison.Ordinal))
            {
                // A lone surrogate cannot be written in a verbatim literal; the fix only keeps verbatim for text it read from one.
                continue;
            }

            string literal = ContractLiteralCodeFixProvider.Render(value, verbatim);
            var parsed = (Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal);
            Assert.False(parsed.ContainsDiagnostics, literal);
            Assert.Equal(value, parsed.Token.ValueText);
        }
    }

    [Fact]
    public void Quote_shortens_long_values_and_escapes_control_characters()
    {
        Assert.Equal("\"a\\nb\"", ContractText.Quote("a\nb"));
        string shown = ContractText.Quote(new string('x', 100));
        Assert.Equal("\"" + new string('x', 40) + "\u2026\"", shown);
        Assert.Equal("\"" + string.Concat(Enumerable.Repeat("\U0001F4BE", 40)) + "\u2026\"", ContractText.Quote(string.Concat(Enumerable.Repeat("\U0001F4BE", 41))));
    }
}
