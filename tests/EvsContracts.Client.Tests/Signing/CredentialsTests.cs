using EvsContracts.Client.Tests.Infrastructure;

namespace EvsContracts.Client.Tests.Signing;

/// <summary>Credentials from the environment, what they show of themselves, and the region endpoints.</summary>
public sealed class CredentialsTests : SecretKeyWatch.Test
{
    [Fact]
    public void FromEnvironment_reads_the_four_variables_Huawei_SDKs_read()
    {
        var variables = new Dictionary<string, string?>
        {
            ["HUAWEICLOUD_SDK_AK"] = FakeCredentials.AccessKey,
            ["HUAWEICLOUD_SDK_SK"] = FakeCredentials.SecretKey,
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = FakeCredentials.ProjectId,
            ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = FakeCredentials.SecurityToken,
        };

        HuaweiCloudCredentials credentials = HuaweiCloudCredentials.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.Equal(FakeCredentials.AccessKey, credentials.AccessKey);
        Assert.Equal(FakeCredentials.ProjectId, credentials.ProjectId);
        Assert.Equal(FakeCredentials.SecurityToken, credentials.SecurityToken);
    }

    [Fact]
    public void FromEnvironment_without_the_optional_variables_has_no_project_id_or_token()
    {
        var variables = new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_AK"] = FakeCredentials.AccessKey, ["HUAWEICLOUD_SDK_SK"] = FakeCredentials.SecretKey, ["HUAWEICLOUD_SDK_PROJECT_ID"] = " " };

        HuaweiCloudCredentials credentials = HuaweiCloudCredentials.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.Null(credentials.ProjectId);
        Assert.Null(credentials.SecurityToken);
    }

    [Theory]
    [InlineData("HUAWEICLOUD_SDK_AK")]
    [InlineData("HUAWEICLOUD_SDK_SK")]
    public void FromEnvironment_names_the_missing_variable(string missing)
    {
        var variables = new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_AK"] = FakeCredentials.AccessKey, ["HUAWEICLOUD_SDK_SK"] = FakeCredentials.SecretKey, [missing] = "" };

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => HuaweiCloudCredentials.FromEnvironment(name => variables.GetValueOrDefault(name)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        FakeCredentials.AssertHidden(error.ToString(), "the exception");
    }

    [Fact]
    public void FromEnvironment_reads_the_process_environment()
    {
        // Only this test sets these variables; it restores them.
        string[] names = ["HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_PROJECT_ID", "HUAWEICLOUD_SDK_SECURITY_TOKEN"];
        Dictionary<string, string?> saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_AK", FakeCredentials.AccessKey);
            Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_SK", FakeCredentials.SecretKey);
            Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_PROJECT_ID", "proj-env");
            Environment.SetEnvironmentVariable("HUAWEICLOUD_SDK_SECURITY_TOKEN", null);

            HuaweiCloudCredentials credentials = HuaweiCloudCredentials.FromEnvironment();

            Assert.Equal(FakeCredentials.AccessKey, credentials.AccessKey);
            Assert.Equal("proj-env", credentials.ProjectId);
            Assert.Null(credentials.SecurityToken);
        }
        finally
        {
            foreach ((string name, string? value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [Fact]
    public void ToString_masks_the_access_key_and_hides_the_secret_key_and_the_token()
    {
        HuaweiCloudCredentials credentials = FakeCredentials.Create(FakeCredentials.ProjectId, FakeCredentials.SecurityToken);
        var options = new EvsClientOptions { Credentials = credentials };

        string text = credentials.ToString();

        Assert.Equal($"HuaweiCloudCredentials {{ AccessKey = HPUA***, SecretKey = ***, ProjectId = {FakeCredentials.ProjectId}, SecurityToken = *** }}", text);
        Assert.DoesNotContain(FakeCredentials.AccessKey, text, StringComparison.Ordinal);
        Assert.Contains("Credentials = HuaweiCloudCredentials { AccessKey = HPUA***", options.ToString(), StringComparison.Ordinal);
        FakeCredentials.AssertHidden(options.ToString(), "the options");
    }

    [Theory]
    [InlineData("", "secret", "accessKey")]
    [InlineData("ak", "", "secretKey")]
    [InlineData("ak", "sec ret", "secretKey")]
    [InlineData("ak\n", "secret", "accessKey")]
    public void Keys_that_cannot_sign_are_refused_without_quoting_them(string accessKey, string secretKey, string parameter)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new HuaweiCloudCredentials(accessKey, secretKey));

        Assert.Equal(parameter, error.ParamName);
        Assert.DoesNotContain("sec ret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cn-north-4", "https://evs.cn-north-4.myhuaweicloud.com/")]
    [InlineData("ap-southeast-1", "https://evs.ap-southeast-1.myhuaweicloud.com/")]
    [InlineData("eu-west-101", "https://evs.eu-west-101.myhuaweicloud.eu/")]
    [InlineData("EU-West-0", "https://evs.eu-west-0.myhuaweicloud.com/")]
    public void ForRegion_gives_the_regions_endpoint(string region, string endpoint)
    {
        Assert.Equal(new Uri(endpoint), EvsEndpoints.ForRegion(region));
    }

    [Fact]
    public void ForRegion_refuses_an_unknown_region_and_lists_the_known_ones()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => EvsEndpoints.ForRegion("cn-north4"));

        Assert.Equal("region", error.ParamName);
        Assert.Contains("'cn-north4'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ap-southeast-1, ap-southeast-2", error.Message, StringComparison.Ordinal);
        Assert.Contains("cn-north-4", EvsEndpoints.Regions);
        Assert.Equal(EvsEndpoints.Regions.Order(StringComparer.Ordinal), EvsEndpoints.Regions);
    }
}
