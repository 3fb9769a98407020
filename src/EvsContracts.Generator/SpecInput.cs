namespace EvsContracts.Generator;

/// <summary>
/// One spec to generate: its text and where it came from, plus the names the consuming project chose.
/// Plain strings only, so an unchanged spec compares equal and the steps after it stay cached.
/// </summary>
internal sealed record SpecInput(string FilePath, string Text, string? Namespace, string? ClientName, string DefaultNamespace)
{
    /// <summary>The file could not be read (missing, or not text).</summary>
    public bool Unreadable { get; init; }

    /// <summary>
    /// Every schema of <c>components.schemas</c> becomes a type, where by default only those the operations use do
    /// (<c>GenerateAllSchemas="true"</c> on the item: webhook payloads, say, that no operation names).
    /// </summary>
    public bool AllSchemas { get; init; }
}
