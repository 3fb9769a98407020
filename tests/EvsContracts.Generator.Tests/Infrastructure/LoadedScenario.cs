using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace EvsContracts.Generator.Tests.Infrastructure;

/// <summary>
/// A generator run's output compiled to an assembly and loaded into a collectible context, so a consumer snippet's
/// static <c>Usage.Scenario</c> methods can run against the generated types; disposing unloads it.
/// </summary>
internal sealed class LoadedScenario : IDisposable
{
    private readonly AssemblyLoadContext _context;
    private readonly Type _scenario;

    private LoadedScenario(AssemblyLoadContext context, Type scenario)
    {
        _context = context;
        _scenario = scenario;
    }

    /// <summary>Emits the output compilation (failing with its errors) and loads it.</summary>
    public static LoadedScenario Load(GeneratorRun run, string name)
    {
        using var image = new MemoryStream();
        EmitResult emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext(name, isCollectible: true);
        image.Position = 0;
        return new LoadedScenario(context, context.LoadFromStream(image).GetType("Usage.Scenario", throwOnError: true)!);
    }

    /// <summary>Calls a public static method of <c>Usage.Scenario</c> that returns a string.</summary>
    public string Call(string method, params object[] arguments) =>
        (string)_scenario.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    public void Dispose() => _context.Unload();
}
