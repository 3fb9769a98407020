namespace EvsContracts.Client.Tests.Infrastructure;

/// <summary>A clock that says what it is told: a fixed signing date, or one that is off.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
