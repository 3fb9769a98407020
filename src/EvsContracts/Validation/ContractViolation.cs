namespace EvsContracts;

/// <summary>
/// One broken rule found by a generated <c>Validate()</c> method.
/// </summary>
/// <param name="Path">The JSON path of the offending value, for example <c>snapshot.name</c> or
/// <c>snapshot.metadata["key"]</c>.</param>
/// <param name="Rule">The rule that was broken; one of the <see cref="ContractRules"/> constants.</param>
/// <param name="Limit">The rule's limit as invariant text (<c>"255"</c>, <c>"autobk_snapshot_"</c>, <c>"uuid"</c>),
/// or <see langword="null"/> when the rule has none (<see cref="ContractRules.Required"/>).</param>
/// <param name="Actual">The measure of the offending value as invariant text (<c>"256"</c> UTF-8 bytes), or
/// <see langword="null"/> when there is nothing to measure.</param>
/// <param name="Message">A sentence a person understands, starting with the path.</param>
public sealed record ContractViolation(string Path, string Rule, string? Limit, string? Actual, string Message)
{
    /// <summary>Returns the message, which names the path, and the rule: <c>"snapshot.name is required (required)"</c>.</summary>
    /// <returns>The message and the rule.</returns>
    public override string ToString() => $"{Message} ({Rule})";
}
