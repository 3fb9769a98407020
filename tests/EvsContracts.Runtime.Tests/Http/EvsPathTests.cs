namespace EvsContracts.Runtime.Tests.Http;

public sealed class EvsPathTests
{
    [Theory]
    [InlineData("c0ffee00c0ffee00", "c0ffee00c0ffee00")]
    [InlineData("cf7fc691-5f18-4c42-8525-5761990b4b03", "cf7fc691-5f18-4c42-8525-5761990b4b03")]
    [InlineData("a b", "a%20b")]
    [InlineData("快照", "%E5%BF%AB%E7%85%A7")]
    [InlineData("a.b", "a.b")]
    [InlineData("...", "...")]
    [InlineData("100%", "100%25")]
    [InlineData("%41", "%2541")]
    [InlineData("a:b@c;d=e&f+g", "a%3Ab%40c%3Bd%3De%26f%2Bg")]
    public void Escapes_a_harmless_value_as_one_segment(string value, string expected)
    {
        Assert.Equal(expected, EvsPath.Escape("project_id", value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("?")]
    [InlineData("x?admin=1")]
    [InlineData("#")]
    [InlineData("a#b")]
    [InlineData("a\rb")]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    [InlineData("%2F")]
    [InlineData("a%2fb")]
    [InlineData("%2e%2e")]
    [InlineData(".%2E")]
    [InlineData("%2E")]
    [InlineData("%3F")]
    [InlineData("%23")]
    [InlineData("%5C")]
    [InlineData("%0D%0A")]
    [InlineData("%252F")]
    [InlineData("%25252e%25252e")]
    public void Refuses_a_value_that_would_change_the_path(string value)
    {
        var exception = Assert.Throws<ArgumentException>(() => EvsPath.Escape("snapshot_id", value));
        Assert.Equal("snapshot_id", exception.ParamName);
        Assert.Contains("'snapshot_id'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_null()
    {
        var exception = Assert.Throws<ArgumentException>(() => EvsPath.Escape("project_id", null!));
        Assert.Equal("project_id", exception.ParamName);
    }

    [Fact]
    public void The_message_says_why()
    {
        var exception = Assert.Throws<ArgumentException>(() => EvsPath.Escape("snapshot_id", "%2e%2e"));
        Assert.Contains("once percent-decoded, it is the dot segment \"..\"", exception.Message, StringComparison.Ordinal);

        exception = Assert.Throws<ArgumentException>(() => EvsPath.Escape("snapshot_id", "a\nb"));
        Assert.Contains("a line feed", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", exception.Message, StringComparison.Ordinal);
    }
}
