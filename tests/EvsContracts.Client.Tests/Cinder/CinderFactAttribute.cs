namespace EvsContracts.Client.Tests.Cinder;

/// <summary>
/// A test against the real Cinder. Skipped, with the reason, when the Cinder variables are not set; but never in CI
/// (<c>CI=true</c>), where a missing Cinder must fail the run rather than quietly skip its tests.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CinderFactAttribute : FactAttribute
{
    /// <summary>Marks a test that needs the real Cinder.</summary>
    public CinderFactAttribute()
    {
        if (CinderEnvironment.Missing.Count > 0 && !CinderEnvironment.InCi)
        {
            Skip = "Skipped: " + CinderEnvironment.MissingMessage;
        }
    }
}
