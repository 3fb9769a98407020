namespace EvsContracts.Generator.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that tell the code fixes what to do. A
/// diagnostic carries them only when the reported value is one string literal in the source, which is the one case
/// a fix can rewrite without changing some other declaration.
/// </summary>
internal static class FixData
{
    /// <summary>Present (with any value) when the diagnostic's location is a string literal a fix may rewrite.</summary>
    public const string Literal = "EvsLiteral";

    /// <summary>EVS001: the reserved prefix to remove.</summary>
    public const string Prefix = "EvsPrefix";

    /// <summary>EVS002: <see cref="Utf8Bytes"/> or <see cref="CodePoints"/>.</summary>
    public const string Unit = "EvsUnit";

    /// <summary>EVS002: the limit, as an invariant integer.</summary>
    public const string Limit = "EvsLimit";

    /// <summary>EVS003: the canonical form of the literal's UUID.</summary>
    public const string Uuid = "EvsUuid";

    public const string Utf8Bytes = "Utf8Bytes";
    public const string CodePoints = "CodePoints";
}
