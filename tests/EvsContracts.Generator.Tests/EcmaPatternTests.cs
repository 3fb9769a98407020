using System.Text.RegularExpressions;
using EvsContracts.Generator.Reader.OpenApi;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// A spec's <c>pattern</c> is ECMA-262; the generated checks and the analyzers run it on .NET's engine, which reads
/// <c>$</c>, <c>\d</c>, <c>\w</c> and <c>.</c> more loosely. Each case is what a JavaScript engine answers for the same
/// pattern and value.
/// </summary>
public class EcmaPatternTests
{
    [Theory]
    [InlineData("^g[0-9]+$", "g12", true)]
    [InlineData("^g[0-9]+$", "g12\n", false)]
    [InlineData("^[a-z]+$", "abc\n", false)]
    [InlineData("^\\d+$", "0123456789", true)]
    [InlineData("^\\d+$", "\u0661\u0662", false)]
    [InlineData("^\\D+$", "\u0661\u0662", true)]
    [InlineData("^[\\d-]+$", "12-34", true)]
    [InlineData("^[\\d-]+$", "\u0661-\u0662", false)]
    [InlineData("^\\w+$", "snap_01", true)]
    [InlineData("^\\w+$", "快照", false)]
    [InlineData("^\\W+$", "快照", true)]
    [InlineData("^[\\w.]+$", "a.b_c", true)]
    [InlineData("^.+$", "any thing 快照", true)]
    [InlineData("^a.b$", "a\rb", false)]
    [InlineData("^a.b$", "a\u2028b", false)]
    [InlineData("^a.b$", "a\nb", false)]
    [InlineData("^a\\.b$", "a.b", true)]
    [InlineData("^a\\.b$", "axb", false)]
    [InlineData("^cost\\$$", "cost$", true)]
    [InlineData("^[$.]+$", "$.$", true)]
    [InlineData("^[$.]+$", "x", false)]
    [InlineData("^\\\\d$", "\\d", true)]
    [InlineData("^\\p{L}+$", "快照", true)]
    [InlineData("(?=.*\\d$)^v", "v1", true)]
    [InlineData("(?=.*\\d$)^v", "v1\n", false)]
    public void A_value_matches_as_it_does_under_ECMA_262(string pattern, string value, bool matches)
    {
        var regex = new Regex(EcmaPattern.ToDotNet(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        Assert.Equal(matches, regex.IsMatch(value));
    }

    [Fact]
    public void A_pattern_with_nothing_to_rewrite_passes_through_as_written()
    {
        const string Pattern = "^[A-Z]{2}-(?<n>[0-9]{4})\\p{Lu}?\\u00e9\\{x\\}$";

        Assert.Equal(Pattern[..^1] + "\\z", EcmaPattern.ToDotNet(Pattern));
    }

    [Theory]
    [InlineData("[a-z")]
    [InlineData("(unclosed")]
    [InlineData("a{2,1}")]
    public void An_invalid_pattern_stays_invalid(string pattern)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Regex(EcmaPattern.ToDotNet(pattern)));
    }
}
