using System.Text.Json;

namespace EvsContracts.CorpusRunner;

/// <summary>An operation of a spec: an HTTP method under a path.</summary>
public sealed record SpecOperation(string Method, string Path)
{
    /// <summary>The operation's JSON Pointer, as diagnostics write it (<c>/paths/~1pets~1{id}/get</c>).</summary>
    public string JsonPointer => "/paths/" + Path.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) + "/" + Method;

    /// <summary>
    /// The operation as the client documents it: without a fragment, which only tells operations on one path apart
    /// (AWS's <c>/#X-Amz-Target=...</c>) and is never sent.
    /// </summary>
    public SpecOperation AsDocumented =>
        Path.IndexOf('#', StringComparison.Ordinal) is int hash and >= 0 ? this with { Path = Path[..hash] } : this;

    /// <summary><c>GET /pets/{id}</c>.</summary>
    public override string ToString() => Method.ToUpperInvariant() + " " + Path;
}

/// <summary>Reads the operations a spec declares, independently of the generator: every method under <c>paths</c>.</summary>
public static class SpecOperations
{
    /// <summary>The eight methods OpenAPI 3 allows on a path item.</summary>
    public static readonly IReadOnlyList<string> Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    /// <summary>The operations with their operationId (null when absent); empty when the text is not a JSON object with paths.</summary>
    public static IReadOnlyList<(SpecOperation Operation, string? OperationId)> Read(string json)
    {
        var operations = new List<(SpecOperation, string?)>();
        using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("paths", out JsonElement paths)
            || paths.ValueKind != JsonValueKind.Object)
        {
            return operations;
        }

        foreach (JsonProperty path in paths.EnumerateObject())
        {
            JsonElement item = Resolve(document.RootElement, path.Value);
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (JsonProperty member in item.EnumerateObject())
            {
                if (Methods.Contains(member.Name, StringComparer.Ordinal))
                {
                    string? operationId = member.Value.ValueKind == JsonValueKind.Object
                        && member.Value.TryGetProperty("operationId", out JsonElement id) && id.ValueKind == JsonValueKind.String
                        ? id.GetString()
                        : null;
                    operations.Add((new SpecOperation(member.Name, path.Name), operationId));
                }
            }
        }

        return operations;
    }

    /// <summary>A path item given as a local <c>$ref</c> is followed once; anything else is taken as it is.</summary>
    private static JsonElement Resolve(JsonElement root, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("$ref", out JsonElement reference)
            || reference.GetString() is not { } pointer
            || !pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            return item;
        }

        JsonElement current = root;
        foreach (string segment in pointer[2..].Split('/'))
        {
            string name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return item;
            }
        }

        return current;
    }
}
