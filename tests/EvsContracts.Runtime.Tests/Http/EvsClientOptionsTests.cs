namespace EvsContracts.Runtime.Tests.Http;

public sealed class EvsClientOptionsTests
{
    [Fact]
    public void Defaults()
    {
        var options = new EvsClientOptions();
        Assert.Null(options.AuthToken);
        Assert.Null(options.AuthTokenProvider);
        Assert.Null(options.ApiVersion);
        Assert.True(options.ValidateRequests);
        Assert.Equal(65536, options.MaxErrorBodyBytes);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PollInterval);
    }

    [Fact]
    public void ToString_never_shows_the_token()
    {
        var options = new EvsClientOptions { AuthToken = "gAAAAABsecret", ApiVersion = "volume 3.0" };
        string text = options.ToString();

        Assert.DoesNotContain("gAAAAABsecret", text, StringComparison.Ordinal);
        Assert.Contains("AuthToken = ***", text, StringComparison.Ordinal);
        Assert.Contains("ApiVersion = volume 3.0", text, StringComparison.Ordinal);
        Assert.Contains("AuthToken = (none)", new EvsClientOptions().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_limits_are_refused()
    {
        var options = new EvsClientOptions();
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxErrorBodyBytes = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.PollInterval = TimeSpan.FromSeconds(-1));
    }
}
