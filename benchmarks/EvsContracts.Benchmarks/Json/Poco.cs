using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Newtonsoft.Json;

namespace EvsContracts.Benchmarks.Json;

// Plain models for the serializers that work from attributes: System.Text.Json with a context, Newtonsoft.Json (as
// Huawei's own .NET SDK uses it) and Refit. The same wire names and null handling as the spec.

public sealed class PocoRequest
{
    [JsonPropertyName("snapshot"), JsonProperty("snapshot")]
    public PocoOption Snapshot { get; set; } = new();
}

public sealed class PocoOption
{
    [JsonPropertyName("volume_id"), JsonProperty("volume_id")]
    public string VolumeId { get; set; } = string.Empty;

    [JsonPropertyName("force"), JsonProperty("force")]
    public bool? Force { get; set; }

    [JsonPropertyName("metadata"), JsonProperty("metadata")]
    public Dictionary<string, string>? Metadata { get; set; }

    [JsonPropertyName("description"), JsonProperty("description")]
    public string? Description { get; set; }

    [JsonPropertyName("name"), JsonProperty("name")]
    public string? Name { get; set; }
}

public sealed class PocoResponse
{
    [JsonPropertyName("snapshot"), JsonProperty("snapshot")]
    public PocoDetails? Snapshot { get; set; }
}

public sealed class PocoDetails
{
    [JsonPropertyName("id"), JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("status"), JsonProperty("status")]
    public string Status { get; set; } = string.Empty;

    [JsonPropertyName("name"), JsonProperty("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description"), JsonProperty("description")]
    public string? Description { get; set; }

    [JsonPropertyName("created_at"), JsonProperty("created_at")]
    public DateTimeOffset CreatedAt { get; set; }

    [JsonPropertyName("metadata"), JsonProperty("metadata")]
    public Dictionary<string, string>? Metadata { get; set; }

    [JsonPropertyName("volume_id"), JsonProperty("volume_id")]
    public string VolumeId { get; set; } = string.Empty;

    [JsonPropertyName("size"), JsonProperty("size")]
    public int Size { get; set; }

    [JsonPropertyName("updated_at"), JsonProperty("updated_at")]
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>System.Text.Json's own source generator for the plain models: its fast path writes without reflection.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PocoRequest))]
[JsonSerializable(typeof(PocoResponse))]
public sealed partial class PocoJsonContext : JsonSerializerContext;
