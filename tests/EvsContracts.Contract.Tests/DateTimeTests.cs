using EvsContracts.Snapshots;

namespace EvsContracts.Contract.Tests;

/// <summary>Changes the process's time zone, so it must not run beside other tests.</summary>
[CollectionDefinition(nameof(TimeZoneSensitive), DisableParallelization = true)]
public sealed class TimeZoneSensitive;

[Collection(nameof(TimeZoneSensitive))]
public class DateTimeTests
{
    [Theory]
    [InlineData("Asia/Shanghai", 8)]
    [InlineData("UTC", 0)]
    public void Created_at_without_an_offset_is_utc_whatever_the_machine_time_zone(string zone, int expectedLocalOffsetHours)
    {
        string? saved = Environment.GetEnvironmentVariable("TZ");
        try
        {
            Environment.SetEnvironmentVariable("TZ", zone);
            TimeZoneInfo.ClearCachedData();
            // The switch took effect, or the test would prove nothing.
            Assert.Equal(TimeSpan.FromHours(expectedLocalOffsetHours), TimeZoneInfo.Local.GetUtcOffset(new DateTime(2013, 2, 25)));

            SnapshotDetails s = CreateSnapshotResponseBody.FromJson(SeedExamples.Response).Snapshot;

            Assert.Equal(TimeSpan.Zero, s.CreatedAt.Offset);
            Assert.Equal(new DateTime(2013, 2, 25, 3, 56, 53, DateTimeKind.Utc).AddTicks(816420), s.CreatedAt.UtcDateTime);
            Assert.Equal("03:56:53.0816420", s.CreatedAt.UtcDateTime.ToString("HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", saved);
            TimeZoneInfo.ClearCachedData();
        }
    }

    [Theory]
    [InlineData("2013-02-25T03:56:53", 0)]
    [InlineData("2013-02-25T03:56:53.1234567", 1234567)]
    [InlineData("2013-02-25T11:56:53.5+08:00", 5000000)]
    [InlineData("2013-02-25T03:56:53.5Z", 5000000)]
    public void Fractions_of_0_to_7_digits_and_offsets_are_honoured(string text, long fractionTicks)
    {
        string json = """{"snapshot":{"id":"i","status":"creating","created_at":"TEXT","volume_id":"v","size":1}}""".Replace("TEXT", text, StringComparison.Ordinal);

        DateTimeOffset createdAt = CreateSnapshotResponseBody.FromJson(json).Snapshot.CreatedAt;

        Assert.Equal(new DateTime(2013, 2, 25, 3, 56, 53, DateTimeKind.Utc).AddTicks(fractionTicks), createdAt.UtcDateTime);
    }
}
