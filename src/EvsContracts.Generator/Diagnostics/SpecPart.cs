using System.Collections.Generic;

namespace EvsContracts.Generator.Diagnostics;

internal enum SpecPartKind
{
    /// <summary>A path item: its shared parameters and anything else that is not one of its operations.</summary>
    Path,

    Operation,

    /// <summary>A named schema of <c>components.schemas</c>.</summary>
    Schema,

    /// <summary>
    /// A response of an operation other than its success: the client does not read it into a type (errors become
    /// <c>EvsApiException</c>), so the operation does not need it, and it is left out on its own.
    /// </summary>
    ErrorResponse,
}

/// <summary>
/// A part of a spec that is generated whole or left out whole. Every problem is found while reading or building one
/// part (the diagnostic bag knows which); a part with a problem is left out, and so is every part that needs it.
/// Compared by reference: one instance per part of one spec, made by the reader.
/// </summary>
internal sealed class SpecPart
{
    public SpecPart(SpecPartKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    public SpecPartKind Kind { get; }

    /// <summary>What a message calls it: the path, the operationId (or <c>GET /pets</c>), the schema name, <c>404 of getPet</c>.</summary>
    public string Name { get; }

    /// <summary>The parts this one cannot be generated without (an operation needs its path item and the schemas it references).</summary>
    public List<SpecPart> Needs { get; } = new();

    /// <summary>Set once the spec's problems are known: this part is not generated.</summary>
    public bool LeftOut { get; set; }

    public override string ToString() => Kind + " " + Name;
}
