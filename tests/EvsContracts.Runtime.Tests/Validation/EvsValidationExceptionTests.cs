namespace EvsContracts.Runtime.Tests.Validation;

public sealed class EvsValidationExceptionTests
{
    [Fact]
    public void Message_names_the_count_and_lists_every_violation()
    {
        var violations = new List<ContractViolation>
        {
            new("snapshot.volume_id", ContractRules.Required, null, null, "snapshot.volume_id is required"),
            new("snapshot.name", ContractRules.ReservedPrefix, "autobk_snapshot_", null, "snapshot.name starts with the reserved prefix \"autobk_snapshot_\""),
        };

        var exception = new EvsValidationException(violations);

        Assert.Equal(
            "2 contract violations:\n  snapshot.volume_id is required\n  snapshot.name starts with the reserved prefix \"autobk_snapshot_\"",
            exception.Message);
        Assert.Equal(violations, exception.Violations);
    }

    [Fact]
    public void One_violation_reads_in_the_singular()
    {
        var exception = new EvsValidationException([new ContractViolation("a", ContractRules.Required, null, null, "a is required")]);
        Assert.Equal("1 contract violation:\n  a is required", exception.Message);
    }

    [Fact]
    public void Violations_are_copied_so_later_changes_do_not_leak_in()
    {
        var violations = new List<ContractViolation> { new("a", ContractRules.Required, null, null, "a is required") };
        var exception = new EvsValidationException(violations);
        violations.Clear();

        Assert.Single(exception.Violations);
    }
}
