using System.IO;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EvsContracts.Snapshots;
using Microsoft.Kiota.Serialization.Json;

namespace EvsContracts.Benchmarks.Json;

/// <summary>Reads the 202 answer, a <c>CreateSnapshotResponseBody</c>, from UTF-8 JSON into each peer's objects.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Deserialize")]
public class DeserializeBenchmarks
{
    private byte[] _json = null!;

    [Params(Payload.Seed, Payload.Cjk)]
    public Payload Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Sample sample = Sample.For(Payload);
        _json = Encoding.UTF8.GetBytes(sample.ResponseJson());

        PeerModels.Check(nameof(HandWritten), sample, HandWritten());
        PeerModels.Check(nameof(Generated), sample, Generated());
        PeerModels.Check(nameof(StjReflection), sample, PeerModels.FromPoco(StjReflection()));
        PeerModels.Check(nameof(StjContext), sample, PeerModels.FromPoco(StjContext()));
        PeerModels.Check(nameof(NSwag), sample, PeerModels.FromNSwag(NSwag()));
        PeerModels.Check(nameof(Newtonsoft), sample, PeerModels.FromPoco(Newtonsoft()));
        PeerModels.Check(nameof(Kiota), sample, PeerModels.FromKiota(Kiota()));

        // Escaped member names are legal JSON (no server sends them): the fast name matching must still see them.
        byte[] escaped = Encoding.UTF8.GetBytes(sample.ResponseJson()
            .Replace("\"volume_id\"", "\"volume\\u005fid\"", System.StringComparison.Ordinal)
            .Replace("\"created_at\"", "\"created\\u005Fat\"", System.StringComparison.Ordinal));
        PeerModels.Check("EvsContracts, escaped names", sample, CreateSnapshotResponseBody.FromJson(escaped));
        PeerModels.Check("Hand-written, escaped names", sample, Json.HandWritten.ReadResponse(escaped));
    }

    [Benchmark(Baseline = true, Description = "Hand-written")]
    public CreateSnapshotResponseBody HandWritten() => Json.HandWritten.ReadResponse(_json);

    [Benchmark(Description = "EvsContracts")]
    public CreateSnapshotResponseBody Generated() => CreateSnapshotResponseBody.FromJson(_json);

    [Benchmark(Description = "STJ reflection")]
    public PocoResponse? StjReflection() => JsonSerializer.Deserialize<PocoResponse>(_json, PeerModels.ReflectionOptions);

    [Benchmark(Description = "STJ context")]
    public PocoResponse? StjContext() => JsonSerializer.Deserialize(_json, PocoJsonContext.Default.PocoResponse);

    [Benchmark(Description = "NSwag")]
    public Peers.NSwag.CreateSnapshotResponseBody? NSwag() =>
        JsonSerializer.Deserialize<Peers.NSwag.CreateSnapshotResponseBody>(_json, Peers.NSwag.NSwagEvsClient.SerializerOptions);

    [Benchmark(Description = "Newtonsoft.Json")]
    public PocoResponse? Newtonsoft()
    {
        // As Huawei's SDK does: the body as a string, then Newtonsoft's reader over it.
        using var text = new StringReader(Encoding.UTF8.GetString(_json));
        using var reader = new Newtonsoft.Json.JsonTextReader(text);
        return PeerModels.NewtonsoftSerializer.Deserialize<PocoResponse>(reader);
    }

    [Benchmark(Description = "Kiota")]
    public Peers.Kiota.Models.CreateSnapshotResponseBody? Kiota()
    {
        // Kiota's own parse node over a parsed document; its adapter does the same, asynchronously, from the stream.
        using JsonDocument document = JsonDocument.Parse(_json);
        var node = new JsonParseNode(document.RootElement);
        return node.GetObjectValue(Peers.Kiota.Models.CreateSnapshotResponseBody.CreateFromDiscriminatorValue);
    }
}
