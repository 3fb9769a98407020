using EvsContracts.Snapshots;

namespace EvsContracts.Contract.Tests;

public class ValidationTests
{
    private const string VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635";

    private static IReadOnlyList<ContractViolation> Validate(string? name = null, string? description = null, string volumeId = VolumeId) =>
        new CreateSnapshotRequestBody
        {
            Snapshot = new CreateSnapshotOption { VolumeId = volumeId, Name = name, Description = description },
        }.Validate();

    [Fact]
    public void The_seed_request_is_valid()
    {
        Assert.Empty(Validate("snap-001", "Daily backup"));
    }

    [Fact]
    public void A_description_of_255_ascii_bytes_passes_and_256_fails()
    {
        Assert.Empty(Validate(description: new string('a', 255)));

        ContractViolation v = Assert.Single(Validate(description: new string('a', 256)));
        Assert.Equal("snapshot.description", v.Path);
        Assert.Equal(ContractRules.MaxBytes, v.Rule);
        Assert.Equal("255", v.Limit);
        Assert.Equal("256", v.Actual);
    }

    [Fact]
    public void A_name_of_85_cjk_characters_passes_and_86_fails()
    {
        Assert.Empty(Validate(name: new string('快', 85)));

        ContractViolation v = Assert.Single(Validate(name: new string('快', 86)));
        Assert.Equal("snapshot.name", v.Path);
        Assert.Equal(ContractRules.MaxBytes, v.Rule);
        Assert.Equal("258", v.Actual);
    }

    [Fact]
    public void A_name_of_64_emoji_is_256_bytes_and_fails()
    {
        string name = string.Concat(Enumerable.Repeat("😀", 64));

        ContractViolation v = Assert.Single(Validate(name: name));
        Assert.Equal(ContractRules.MaxBytes, v.Rule);
        Assert.Equal("256", v.Actual);
    }

    [Fact]
    public void The_reserved_prefix_fails_with_rule_reservedPrefix()
    {
        ContractViolation v = Assert.Single(Validate(name: "autobk_snapshot_x"));

        Assert.Equal("snapshot.name", v.Path);
        Assert.Equal("reservedPrefix", v.Rule);
        Assert.Equal("autobk_snapshot_", v.Limit);
        Assert.Contains("autobk_snapshot_", v.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Autobk_snapshot_x")]
    [InlineData("x_autobk_snapshot_")]
    public void The_prefix_is_ordinal_and_only_at_the_start(string name)
    {
        Assert.Empty(Validate(name: name));
    }

    [Fact]
    public void A_missing_volume_id_fails()
    {
        ContractViolation v = Assert.Single(Validate(volumeId: null!));

        Assert.Equal("snapshot.volume_id", v.Path);
        Assert.Equal(ContractRules.Required, v.Rule);
    }

    [Fact]
    public void A_non_uuid_volume_id_fails()
    {
        ContractViolation v = Assert.Single(Validate(volumeId: "not-a-uuid"));

        Assert.Equal("snapshot.volume_id", v.Path);
        Assert.Equal(ContractRules.Format, v.Rule);
    }

    [Fact]
    public void Every_violation_is_reported_with_its_path()
    {
        IReadOnlyList<ContractViolation> all = Validate("autobk_snapshot_" + new string('x', 250), new string('d', 300), "nope");

        Assert.Equal(
            new[] { "snapshot.description", "snapshot.name", "snapshot.name", "snapshot.volume_id" },
            all.Select(v => v.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_snapshot_fails_at_its_path()
    {
        ContractViolation v = Assert.Single(new CreateSnapshotRequestBody { Snapshot = null! }.Validate());

        Assert.Equal("snapshot", v.Path);
        Assert.Equal(ContractRules.Required, v.Rule);
    }
}
