namespace EvsContracts.Runtime.Tests.Http;

public sealed class EvsHeadersTests
{
    [Theory]
    [InlineData("X-Auth-Token", "admin:project")]
    [InlineData("OpenStack-API-Version", "volume 3.0")]
    [InlineData("X-Client-Request-Id", null)]
    [InlineData("X-Empty", "")]
    [InlineData("X-Unicode", "快照")]
    public void Accepts_ordinary_headers(string name, string? value)
    {
        EvsHeaders.Validate(name, value);
    }

    [Theory]
    [InlineData("X-Trace", "a\rb")]
    [InlineData("X-Trace", "a\nb")]
    [InlineData("X-Trace", "a\0b")]
    [InlineData("X-Trace", "ok\r\nX-Injected: 1")]
    public void Refuses_CR_LF_and_NUL_in_the_value_without_echoing_it(string name, string value)
    {
        var exception = Assert.Throws<ArgumentException>(() => EvsHeaders.Validate(name, value));
        Assert.Contains("'X-Trace'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("X Trace")]
    [InlineData("X-Trace:")]
    [InlineData("X-Trace\r\n")]
    [InlineData("X-\0")]
    [InlineData("快照")]
    public void Refuses_a_name_that_is_not_a_token(string name)
    {
        Assert.Throws<ArgumentException>(() => EvsHeaders.Validate(name, "v"));
    }
}
