using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.Json;
using EvsContracts.Generator.Reader.OpenApi;
using EvsContracts.Generator.Support;
using static EvsContracts.Generator.Diagnostics.DiagnosticText;

namespace EvsContracts.Generator.Model;

/// <summary>
/// Turns the OpenAPI subset into the C# contract: type and member names (EVS104), constraint consistency (EVS105),
/// which types are inputs (request bodies: settable members, mutable collections) and the client's operations.
/// Parts of the spec that are left out (<see cref="SpecPart.LeftOut"/>) are skipped; nothing kept needs one. A
/// problem found here is reported within the part being built, so the parser can build again without it.
/// </summary>
internal sealed partial class ContractModelBuilder
{
    /// <summary>Members every generated model has; a spec property may not take their names.</summary>
    private static readonly string[] s_reservedMemberNames =
    {
        "Validate", "ValidateInto", "WriteJson", "ReadJson", "ToJson", "ToUtf8Json", "FromJson",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    private static readonly string[] s_reservedEnumMemberNames = { "Value", "IsKnown", "KnownValues", "AllowedValues", "ReadJsonValue", "Equals", "GetHashCode", "ToString", "GetType" };

    private readonly OpenApiDocument _document;
    private readonly SpecDiagnosticBag _diagnostics;

    /// <summary>Checked per named schema and per operation.</summary>
    private readonly CancellationToken _cancellationToken;

    private readonly Dictionary<string, OpenApiNamedSchema> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeModel> _types = new(StringComparer.Ordinal);
    private readonly List<string> _typeOrder = new();
    private readonly HashSet<string> _checkedSchemas = new(StringComparer.Ordinal);

    /// <summary>The types that the answers of the generated operations name by <c>$ref</c>, error answers included.</summary>
    private readonly List<string> _answerTypes = new();

    /// <summary>The type of each inline schema, by the name it was asked for and its pointer.</summary>
    private readonly Dictionary<string, string> _inlineNames = new(StringComparer.Ordinal);

    /// <summary>What schemas say, numbered: inline schemas that say the same are one type.</summary>
    private readonly SchemaIdentity _identity = new();

    /// <summary>The type of each inline schema that may be shared, by <see cref="_identity"/>: the first place met names it.</summary>
    private readonly Dictionary<int, string> _inlineTypesByShape = new();

    /// <summary>The named schemas that are types, by <see cref="_identity"/>: an inline schema written alike is that type.</summary>
    private readonly Dictionary<int, string> _componentsByShape = new();

    /// <summary>The inline schemas whose types are being defined, by pointer, with their names.</summary>
    private readonly Dictionary<string, string> _inlineTypesBeingDefined = new(StringComparer.Ordinal);

    /// <summary>The aliases being inlined, from the nearest type out: one met again goes round without a type in between.</summary>
    private HashSet<string> _resolving = new(StringComparer.Ordinal);

    /// <summary>
    /// Every type name generated into the namespace, and what holds it. Compared ignoring case: types that differ
    /// only in case are not CLS-compliant, and a case-insensitive language (Visual Basic) cannot tell them apart.
    /// </summary>
    private readonly Dictionary<string, string> _claimedNames = new(StringComparer.OrdinalIgnoreCase);

    private ContractModelBuilder(OpenApiDocument document, SpecDiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _document = document;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public static ContractModel? Build(OpenApiDocument document, SpecInput input, SpecDiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var builder = new ContractModelBuilder(document, diagnostics, cancellationToken);
        return builder.BuildModel(input);
    }

    private ContractModel? BuildModel(SpecInput input)
    {
        string @namespace = input.Namespace ?? _document.Namespace ?? input.DefaultNamespace;
        foreach (string part in @namespace.Split('.'))
        {
            if (!Naming.IsPlainIdentifier(part))
            {
                _diagnostics.Report(DiagnosticDescriptors.NamespaceInvalid, NamespaceSource(_document, input), Quote(@namespace));
                return null;
            }
        }

        string clientName = input.ClientName ?? _document.ClientName ?? Naming.ToPascalCase(_document.Title) + "Client";
        if (!Naming.IsPlainIdentifier(clientName))
        {
            _diagnostics.Report(DiagnosticDescriptors.ClientNameInvalid, ClientNameSource(_document, input), Quote(clientName));
            return null;
        }

        if (clientName.All(c => c is >= 'a' and <= 'z'))
        {
            // CS8981: such type names may become keywords, so a warnings-as-errors build stops on them.
            _diagnostics.Report(DiagnosticDescriptors.ClientNameLowerCase, ClientNameSource(_document, input), Quote(clientName));
            return null;
        }

        foreach (string generated in new[] { clientName, "I" + clientName, clientName + "ServiceCollectionExtensions" })
        {
            _claimedNames[generated] = "the client " + clientName;
        }

        NameComponents();
        foreach (OpenApiNamedSchema component in _document.Schemas)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (component.Part.LeftOut)
            {
                continue;
            }

            using SpecDiagnosticBag.PartScope scope = _diagnostics.Within(component.Part);
            if (_componentTypeNames.TryGetValue(component.Name, out string? typeName))
            {
                DefineType(typeName, component.Schema);
            }
            else if (!IsGeneratedType(component.Schema))
            {
                // An alias (a named string, array, ...): checked here, inlined where it is used. (A type whose name
                // was refused above is not retried under its raw name.)
                Resolve(component.Schema, AliasStem(component.Name));
            }
        }

        List<OperationModel> operations = BuildOperations();
        MarkInputs(operations);

        IEnumerable<string> kept = GeneratesEverySchema(_document, input) ? _typeOrder : UsedTypes(operations);
        var types = kept.Select(name => _types[name]).OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray();
        return new ContractModel
        {
            Namespace = @namespace,
            ClientName = clientName,
            Title = _document.Title,
            HintPrefix = @namespace + "." + clientName,
            Types = types,
            Operations = operations.ToEquatableArray(),
        };
    }

    /// <summary>Every named schema is a type when the item asks for all, or when the spec, a spec of models, has no operation.</summary>
    public static bool GeneratesEverySchema(OpenApiDocument document, SpecInput input) => input.AllSchemas || document.Operations.Count == 0;

    /// <summary>
    /// The types the operations use: what they send and answer, the error bodies the spec names for them, and every
    /// type those reach. A schema that none of them reaches is still named and checked, so a type keeps its name when
    /// an operation starts to use another, but it is not generated: in large specs (GitHub's names hundreds of webhook
    /// payloads no operation answers) such types are a large part of what would be compiled.
    /// </summary>
    private HashSet<string> UsedTypes(List<OperationModel> operations)
    {
        IEnumerable<TypeRef?> used = operations.SelectMany(operation => operation.Parameters
            .Select(p => p.Type)
            .Append(operation.Body)
            .Append(operation.SuccessType)
            .Append(operation.Pagination?.ItemType));
        IEnumerable<string> named = _answerTypes.Concat(operations.SelectMany(operation => operation.Waiters.Select(w => w.StatusTypeName)));
        return TypesReached(used, named);
    }

    /// <summary>
    /// The generated types that <paramref name="roots"/> and <paramref name="named"/> reach through properties, items,
    /// map values, other members (<c>additionalProperties</c>) and envelope values, however indirectly.
    /// </summary>
    private HashSet<string> TypesReached(IEnumerable<TypeRef?> roots, IEnumerable<string> named)
    {
        var pending = new Stack<string>(named);
        foreach (TypeRef? root in roots)
        {
            Push(root);
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (_types.TryGetValue(name, out TypeModel? type) && reached.Add(name))
            {
                foreach (PropertyModel property in type.Properties)
                {
                    Push(property.Type);
                }

                Push(type.AdditionalProperties);
                Push(type.EnvelopeValue);
            }
        }

        return reached;

        void Push(TypeRef? type)
        {
            for (TypeRef? t = type; t is not null; t = t.Element)
            {
                if (t.Name is { } name)
                {
                    pending.Push(name);
                }
            }
        }
    }

    private void NameComponents()
    {
        // All first: whether a schema is a type may depend on the allOf parts it names, declared anywhere.
        foreach (OpenApiNamedSchema component in _document.Schemas)
        {
            if (!component.Part.LeftOut)
            {
                _components[component.Name] = component;
            }
        }

        // A name written as its C# name ("Page") keeps it before one that only converts to it ("page" becomes Page2).
        foreach (bool asWritten in new[] { true, false })
        {
            foreach (OpenApiNamedSchema component in _document.Schemas)
            {
                if (!component.Part.LeftOut && (Naming.ToPascalCase(component.Name) == component.Name) == asWritten)
                {
                    NameComponent(component);
                }
            }
        }
    }

    private void NameComponent(OpenApiNamedSchema component)
    {
        using (_diagnostics.Within(component.Part))
        {
            if (!IsGeneratedType(component.Schema))
            {
                return;
            }

            string name = Naming.ToPascalCase(component.Name);
            if (!Naming.IsValidIdentifier(name))
            {
                _diagnostics.Report(DiagnosticDescriptors.SchemaNameInvalid, component.Member, Quote(component.Name));
                return;
            }

            if (Array.IndexOf(s_reservedMemberNames, name) >= 0 || Array.IndexOf(s_reservedEnumMemberNames, name) >= 0 || name == "Key")
            {
                // C# forbids a member named like its type (CS0542), and every generated type has these members.
                name += "Model";
            }

            // Names that meet after conversion ("pet" and "Pet", "a.b" and "a_b") are numbered in document order.
            name = ClaimUnique(name, Quote(component.Name));
            _componentTypeNames[component.Name] = name;
            if (_identity.Of(component.Schema) is int shape && !_componentsByShape.ContainsKey(shape))
            {
                _componentsByShape[shape] = component.Name;
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="stem"/>, or the first of <c>stem2</c>, <c>stem3</c>, ... that is free (<c>stem_2</c> when
    /// the stem ends in a digit), with the name of its JSON converter; returns the name taken.
    /// </summary>
    private string ClaimUnique(string stem, string owner)
    {
        string separator = char.IsDigit(stem[stem.Length - 1]) ? "_" : string.Empty;
        string name = stem;
        for (int i = 2; _types.ContainsKey(name) || Claim(name, owner) is not null; i++)
        {
            name = stem + separator + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>
    /// Takes a type name and the name of its JSON converter (an enum's has one of its own); when either is taken,
    /// returns what holds it. Both are taken for every type, so that a type's name never depends on its kind.
    /// </summary>
    private string? Claim(string typeName, string owner)
    {
        string converter = typeName + "JsonConverter";
        if (_claimedNames.TryGetValue(typeName, out string? holder) || _claimedNames.TryGetValue(converter, out holder))
        {
            return holder;
        }

        _claimedNames[typeName] = owner;
        _claimedNames[converter] = owner;
        return null;
    }

    /// <summary>
    /// The spec member the generated file names come from (they start with namespace and client name): the
    /// namespace's source when the spec names the namespace, else the client name's source.
    /// </summary>
    public static JsonNode FileNameSource(OpenApiDocument document, SpecInput input) =>
        input.Namespace is null && document.NamespaceNode is { } node ? node : ClientNameSource(document, input);

    /// <summary>Where the spec names the namespace: <c>info.x-namespace</c>, or <c>info</c> when the project or nothing does.</summary>
    private static JsonNode NamespaceSource(OpenApiDocument document, SpecInput input) =>
        input.Namespace is null ? document.NamespaceNode ?? document.InfoNode : document.InfoNode;

    /// <summary>Where the spec names the client: <c>info.x-client-name</c> or <c>info.title</c>, or <c>info</c> when the project does.</summary>
    private static JsonNode ClientNameSource(OpenApiDocument document, SpecInput input) =>
        input.ClientName is null ? document.ClientNameNode ?? document.TitleNode : document.InfoNode;

    private bool IsGeneratedType(OpenApiSchema schema) => IsGeneratedShape(Merged(schema));

    private static bool IsGeneratedShape(OpenApiSchema schema) =>
        schema.RefName is null && (schema.Type == SchemaType.Object || (schema.Type == SchemaType.String && schema.Enum is not null));
}
