using System.Text.RegularExpressions;

namespace EvsContracts.Runtime.Tests.Validation;

public sealed class ContractCheckTests
{
    private const string Uuid = "cf7fc691-5f18-4c42-8525-5761990b4b03";
    private static readonly Regex s_lowercase = new("^[a-z]+$", RegexOptions.CultureInvariant);
    private static readonly string[] s_statuses = ["creating", "available", "error"];

    [Fact]
    public void Join_returns_the_name_itself_at_the_root()
    {
        const string Name = "snapshot";
        Assert.Same(Name, ContractCheck.Join(string.Empty, Name));
        Assert.Equal("snapshot.name", ContractCheck.Join("snapshot", "name"));
    }

    [Fact]
    public void Entry_escapes_quote_and_backslash_in_the_key()
    {
        Assert.Equal("snapshot.metadata[\"key\"]", ContractCheck.Entry("snapshot.metadata", "key"));
        Assert.Equal("m[\"a\\\"b\\\\c\"]", ContractCheck.Entry("m", "a\"b\\c"));
    }

    [Fact]
    public void Result_of_no_list_is_empty()
    {
        Assert.Empty(ContractCheck.Result(null));
        Assert.Empty(ContractCheck.Result([]));
    }

    [Fact]
    public void Required_reports_null_with_path_and_no_limit()
    {
        List<ContractViolation>? violations = null;
        ContractCheck.Required(null, "snapshot", "volume_id", ref violations);

        ContractViolation violation = Assert.Single(violations!);
        Assert.Equal(new ContractViolation("snapshot.volume_id", ContractRules.Required, null, null, "snapshot.volume_id is required"), violation);
        Assert.Equal("snapshot.volume_id is required (required)", violation.ToString());
    }

    [Fact]
    public void Required_passes_a_present_value_and_reports_an_empty_nullable()
    {
        List<ContractViolation>? violations = null;
        ContractCheck.Required("x", "snapshot", "volume_id", ref violations);
        ContractCheck.Required((int?)5, "snapshot", "size", ref violations);
        Assert.Null(violations);

        ContractCheck.Required((int?)null, "snapshot", "size", ref violations);
        Assert.Equal("snapshot.size", Assert.Single(violations!).Path);
    }

    [Fact]
    public void MaxUtf8Bytes_counts_bytes_not_characters()
    {
        List<ContractViolation>? violations = null;
        ContractCheck.MaxUtf8Bytes(new string('中', 85), 255, "snapshot", "description", ref violations);
        ContractCheck.MaxUtf8Bytes(new string('a', 255), 255, "snapshot", "description", ref violations);
        Assert.Null(violations);

        ContractCheck.MaxUtf8Bytes(new string('中', 86), 255, "snapshot", "description", ref violations);
        ContractViolation violation = Assert.Single(violations!);
        Assert.Equal("snapshot.description", violation.Path);
        Assert.Equal(ContractRules.MaxBytes, violation.Rule);
        Assert.Equal("255", violation.Limit);
        Assert.Equal("258", violation.Actual);
        Assert.Equal("snapshot.description is 258 UTF-8 bytes; the limit is 255", violation.Message);
    }

    [Fact]
    public void MaxUtf8Bytes_reports_256_ascii_bytes()
    {
        List<ContractViolation>? violations = null;
        ContractCheck.MaxUtf8Bytes(new string('a', 256), 255, "snapshot", "description", ref violations);
        Assert.Equal("snapshot.description is 256 UTF-8 bytes; the limit is 255", Assert.Single(violations!).Message);
    }

    [Fact]
    public void MaxUtf8Bytes_counts_an_emoji_as_four_bytes()
    {
        string emoji64 = string.Concat(Enumerable.Repeat("\U0001F600", 64));
        List<ContractViolation>? violations = null;
        ContractCheck.MaxUtf8Bytes(emoji64, 256, string.Empty, "name", ref violations);
        Assert.Null(violations);

        ContractCheck.MaxUtf8Bytes(emoji64, 255, string.Empty, "name", ref violations);
        Assert.Equal("256", Assert.Single(violations!).Actual);
        Assert.Equal("name", violations![0].Path);
    }

    [Fact]
    public void MinLength_and_MaxLength_count_code_points()
    {
        string twoEmoji = "\U0001F600\U0001F601";
        List<ContractViolation>? violations = null;
        ContractCheck.MaxLength(twoEmoji, 2, "s", "name", ref violations);
        ContractCheck.MinLength(twoEmoji, 2, "s", "name", ref violations);
        Assert.Null(violations);

        ContractCheck.MaxLength(twoEmoji, 1, "s", "name", ref violations);
        ContractCheck.MinLength(twoEmoji, 3, "s", "name", ref violations);
        Assert.Equal(2, violations!.Count);
        Assert.Equal(new ContractViolation("s.name", ContractRules.MaxLength, "1", "2", "s.name is 2 characters long; the limit is 1"), violations[0]);
        Assert.Equal(new ContractViolation("s.name", ContractRules.MinLength, "3", "2", "s.name is 2 characters long; the minimum is 3"), violations[1]);
    }

    [Fact]
    public void ReservedPrefix_is_ordinal_and_case_sensitive()
    {
        List<ContractViolation>? violations = null;
        ContractCheck.ReservedPrefix("AUTOBK_snapshot_1", "autobk_snapshot_", "snapshot", "name", ref violations);
        ContractCheck.ReservedPrefix("my_autobk_snapshot_", "autobk_snapshot_", "snapshot", "name", ref violations);
        Assert.Null(violations);

        ContractCheck.ReservedPrefix("autobk_snapshot_1", "autobk_snapshot_", "snapshot", "name", ref violations);
        ContractViolation violation = Assert.Single(violations!);
        Assert.Equal(ContractRules.ReservedPrefix, violation.Rule);
        Assert.Equal("autobk_snapshot_", violation.Limit);
        Assert.Equal("snapshot.name starts with the reserved prefix \"autobk_snapshot_\"", violation.Message);
    }

    [Theory]
    [InlineData(Uuid, true)]
    [InlineData("CF7FC691-5F18-4C42-8525-5761990B4B03", true)]
    [InlineData("cf7fc6915f184c4285255761990b4b03", false)]
    [InlineData("{cf7fc691-5f18-4c42-8525-5761990b4b03}", false)]
    [InlineData(" cf7fc691-5f18-4c42-8525-5761990b4b03", false)]
    [InlineData("cf7fc691-5f18-4c42-8525-5761990b4b0g", false)]
    [InlineData("cf7fc691_5f18-4c42-8525-5761990b4b03", false)]
    [InlineData("", false)]
    public void Uuid_accepts_only_the_8_4_4_4_12_form(string value, bool valid)
    {
        List<ContractViolation>? violations = null;
        ContractCheck.Uuid(value, "snapshot", "volume_id", ref violations);
        if (valid)
        {
            Assert.Null(violations);
        }
        else
        {
            Assert.Equal(new ContractViolation("snapshot.volume_id", ContractRules.Format, "uuid", null, "snapshot.volume_id is not a UUID"), Assert.Single(violations!));
        }
    }

    [Fact]
    public void Pattern_reports_a_mismatch_with_the_pattern_as_limit()
    {
        List<ContractViolation>? violations = null;
        ContractCheck.Pattern("abc", s_lowercase, "x", "y", ref violations);
        Assert.Null(violations);

        ContractCheck.Pattern("ABC", s_lowercase, "x", "y", ref violations);
        ContractViolation violation = Assert.Single(violations!);
        Assert.Equal(ContractRules.Pattern, violation.Rule);
        Assert.Equal("^[a-z]+$", violation.Limit);
        Assert.Equal("x.y does not match the pattern ^[a-z]+$", violation.Message);
    }

    [Fact]
    public void Enum_is_ordinal()
    {
        List<ContractViolation>? violations = null;
        ContractCheck.Enum("available", s_statuses, "snapshot", "status", ref violations);
        Assert.Null(violations);

        ContractCheck.Enum("Available", s_statuses, "snapshot", "status", ref violations);
        ContractViolation violation = Assert.Single(violations!);
        Assert.Equal(ContractRules.Enum, violation.Rule);
        Assert.Equal("Available", violation.Actual);
        Assert.Equal("snapshot.status is \"Available\", which is not one of: creating, available, error", violation.Message);
    }

    [Fact]
    public void Minimum_and_Maximum_are_inclusive_and_use_invariant_text()
    {
        List<ContractViolation>? violations = null;
        ContractCheck.Minimum(1, 1, "s", "size", ref violations);
        ContractCheck.Maximum(2.5, 2.5, "s", "size", ref violations);
        Assert.Null(violations);

        ContractCheck.Minimum(0.5, 1, "s", "size", ref violations);
        ContractCheck.Maximum(2.75, 2.5, "s", "size", ref violations);
        ContractCheck.Minimum(double.NaN, 1, "s", "size", ref violations);
        Assert.Equal(3, violations!.Count);
        Assert.Equal(new ContractViolation("s.size", ContractRules.Minimum, "1", "0.5", "s.size is 0.5; the minimum is 1"), violations[0]);
        Assert.Equal(new ContractViolation("s.size", ContractRules.Maximum, "2.5", "2.75", "s.size is 2.75; the limit is 2.5"), violations[1]);
        Assert.Equal(ContractRules.Minimum, violations[2].Rule);
    }

    [Fact]
    public void Null_passes_every_check_but_Required()
    {
        List<ContractViolation>? violations = null;
        ContractCheck.MaxUtf8Bytes(null, 0, "s", "a", ref violations);
        ContractCheck.MinLength(null, 5, "s", "a", ref violations);
        ContractCheck.MaxLength(null, 0, "s", "a", ref violations);
        ContractCheck.ReservedPrefix(null, "x", "s", "a", ref violations);
        ContractCheck.Uuid(null, "s", "a", ref violations);
        ContractCheck.Pattern(null, s_lowercase, "s", "a", ref violations);
        ContractCheck.Enum(null, s_statuses, "s", "a", ref violations);
        Assert.Null(violations);
    }

    [Fact]
    public void Violations_accumulate_in_order_and_Result_returns_them()
    {
        List<ContractViolation>? violations = null;
        ContractCheck.Required(null, "snapshot", "volume_id", ref violations);
        ContractCheck.ReservedPrefix("autobk_snapshot_x", "autobk_snapshot_", "snapshot", "name", ref violations);
        ContractCheck.MaxUtf8Bytes(new string('a', 300), 255, "snapshot", "description", ref violations);

        IReadOnlyList<ContractViolation> result = ContractCheck.Result(violations);
        Assert.Equal(["snapshot.volume_id", "snapshot.name", "snapshot.description"], result.Select(v => v.Path));
        Assert.Equal([ContractRules.Required, ContractRules.ReservedPrefix, ContractRules.MaxBytes], result.Select(v => v.Rule));
    }

    [Fact]
    public void Checks_on_valid_values_allocate_nothing()
    {
        string name = new('n', 200);
        string cjk = new('中', 85);
        string emoji = string.Concat(Enumerable.Repeat("\U0001F600", 60));
        int? size = 10;

        long allocated = Allocations.LeastOfThreeRuns(() => Assert.Null(RunValidChecks(name, cjk, emoji, size, 1000)));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_allocation_probe_sees_an_allocation_when_there_is_one()
    {
        // Guards the test above: the probe must be able to see what a failing check allocates.
        long allocated = Allocations.LeastOfThreeRuns(() =>
        {
            List<ContractViolation>? violations = null;
            ContractCheck.Required(null, "snapshot", "volume_id", ref violations);
            Assert.NotNull(violations);
        });

        Assert.True(allocated > 0);
    }

    private static List<ContractViolation>? RunValidChecks(string name, string cjk, string emoji, int? size, int iterations)
    {
        List<ContractViolation>? violations = null;
        for (int i = 0; i < iterations; i++)
        {
            const string Parent = "snapshot";
            ContractCheck.Required(name, Parent, "name", ref violations);
            ContractCheck.Required(size, Parent, "size", ref violations);
            ContractCheck.MaxUtf8Bytes(name, 255, Parent, "name", ref violations);
            ContractCheck.MaxUtf8Bytes(cjk, 255, Parent, "description", ref violations);
            ContractCheck.MaxUtf8Bytes(emoji, 255, Parent, "description", ref violations);
            ContractCheck.MinLength(emoji, 60, Parent, "name", ref violations);
            ContractCheck.MaxLength(emoji, 60, Parent, "name", ref violations);
            ContractCheck.MaxLength(cjk, 85, Parent, "name", ref violations);
            ContractCheck.ReservedPrefix(name, "autobk_snapshot_", Parent, "name", ref violations);
            ContractCheck.Uuid(Uuid, Parent, "volume_id", ref violations);
            ContractCheck.Pattern("abc", s_lowercase, Parent, "code", ref violations);
            ContractCheck.Enum("error", s_statuses, Parent, "status", ref violations);
            ContractCheck.Minimum(5, 1, Parent, "size", ref violations);
            ContractCheck.Maximum(5, 10, Parent, "size", ref violations);
            _ = ContractCheck.Join(string.Empty, "snapshot");
            _ = ContractCheck.Result(violations);
        }

        return violations;
    }
}
