namespace EvsContracts.CorpusRunner;

/// <summary>
/// What the generator says it left out: the <c>; left out: operations a, b; path /x; schema C</c> clause at the end of
/// each spec diagnostic that leaves something out. It decides which operations of a group that shares one documented
/// text (AWS's <c>/#Action=...</c>, hundreds under <c>GET /</c>) are the missing ones, which a count of documented
/// texts cannot tell; and it names the operations of a path left out as a whole (a remote path-item <c>$ref</c>, a
/// cookie parameter of the path).
/// </summary>
public sealed class LeftOutClauses
{
    /// <summary>Where a message starts to say what it leaves out.</summary>
    public const string Marker = "; left out: ";

    private readonly HashSet<string> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GeneratorDiagnostic> _paths = new(StringComparer.Ordinal);

    /// <param name="diagnostics">The located spec diagnostics, in the order the generator reported them.</param>
    public LeftOutClauses(IEnumerable<GeneratorDiagnostic> diagnostics)
    {
        foreach (GeneratorDiagnostic diagnostic in diagnostics)
        {
            int at = diagnostic.Message.LastIndexOf(Marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            foreach (string group in diagnostic.Message[(at + Marker.Length)..].Split("; "))
            {
                if (Names(group, "operation ", "operations ") is { } operations)
                {
                    _operations.UnionWith(operations);
                }
                else if (Names(group, "path ", "paths ") is { } paths)
                {
                    foreach (string path in paths)
                    {
                        _paths.TryAdd(path, diagnostic);
                    }
                }
            }
        }
    }

    /// <summary>Whether a clause says the operation (by operationId, <c>GET /path</c> or its path) was left out.</summary>
    public bool LeftOut(SpecOperation operation, string? operationId) =>
        (operationId is { Length: > 0 } && _operations.Contains(operationId))
        || _operations.Contains(operation.ToString())
        || _paths.ContainsKey(operation.Path);

    /// <summary>The diagnostic that left out the operation's whole path, or null.</summary>
    public GeneratorDiagnostic? PathLeftOut(SpecOperation operation) => _paths.GetValueOrDefault(operation.Path);

    private static string[]? Names(string group, string one, string many) =>
        group.StartsWith(many, StringComparison.Ordinal) ? group[many.Length..].Split(", ")
        : group.StartsWith(one, StringComparison.Ordinal) ? [group[one.Length..]]
        : null;
}
