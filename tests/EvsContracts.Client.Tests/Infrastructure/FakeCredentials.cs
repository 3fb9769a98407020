using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace EvsContracts.Client.Tests.Infrastructure;

/// <summary>
/// The one AK/SK pair every signing test uses. The secret key is a marker no text could hold by accident, and
/// <see cref="SecretKeyWatch"/> looks for it in every exception this test assembly throws.
/// </summary>
internal static class FakeCredentials
{
    public const string AccessKey = "HPUAFAKE0ACCESS0KEY0";
    public const string SecretKey = "FakeSk-4e1d9b7c-NEVER-SHOWN-2a6f";
    public const string ProjectId = Answers.Project;
    public const string SecurityToken = "FakeStsToken-8c3e-NEVER-SHOWN";

    public static HuaweiCloudCredentials Create(string? projectId = null, string? securityToken = null) =>
        new(AccessKey, SecretKey) { ProjectId = projectId, SecurityToken = securityToken };

    public static void AssertHidden(string text, string where)
    {
        Assert.False(text.Contains(SecretKey, StringComparison.Ordinal), $"The secret key showed in {where}:\n{text}");
        Assert.False(text.Contains(SecurityToken, StringComparison.Ordinal), $"The security token showed in {where}:\n{text}");
    }
}

/// <summary>
/// Sees every exception thrown anywhere in this test assembly, first chance, caught or not, and keeps those whose text
/// holds the fake secret key or security token. Tests that sign derive from <see cref="SecretKeyWatch.Test"/>, which
/// asserts after each of them that none did.
/// </summary>
public static class SecretKeyWatch
{
    private static readonly ConcurrentQueue<string> s_leaks = new();

    [ThreadStatic]
    private static bool s_inspecting;

    [ModuleInitializer]
    internal static void Start() => AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
    {
        // Describing an exception may throw one itself; that one is not inspected again.
        if (s_inspecting)
        {
            return;
        }

        s_inspecting = true;
        try
        {
            string text = e.Exception.ToString();
            if (text.Contains(FakeCredentials.SecretKey, StringComparison.Ordinal) || text.Contains(FakeCredentials.SecurityToken, StringComparison.Ordinal))
            {
                s_leaks.Enqueue(text);
            }
        }
        finally
        {
            s_inspecting = false;
        }
    };

    public static IReadOnlyCollection<string> Leaks => s_leaks;

    /// <summary>A test class whose every test ends by checking that no exception so far showed the secrets.</summary>
    public abstract class Test : IDisposable
    {
        public void Dispose()
        {
            Assert.True(s_leaks.IsEmpty, "An exception showed the secret key or security token:\n" + string.Join("\n---\n", s_leaks));
            GC.SuppressFinalize(this);
        }
    }
}
