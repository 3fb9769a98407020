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

        // Every peer must read the answer before its speed means anything.
        PeerModels.Check("Hand-written", sample, HandWritten());
        PeerModels.Check("EvsContracts", sample, EvsContracts());
        PeerModels.Check("STJ context", sample, StjContext());
        PeerModels.Check("NSwag", sample, NSwag());
        PeerModels.Check("Newtonsoft.Json", sample, Newtonsoft());
        PeerModels.Check("Kiota", sample, Kiota());
    }

    [Benchmark(Baseline = true, Description = "Hand-written")]
    public CreateSnapshotResponseBody HandWritten() => Json.HandWritten.ReadResponse(_json);

    [Benchmark(Description = "EvsContracts")]
    public CreateSnapshotResponseBody EvsContracts()
    {
        var reader = new Utf8JsonReader(_json);
        return CreateSnapshotResponseBody.ReadJson(ref reader);
    }

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
        return new JsonParseNode(document.RootElement).GetObjectValue(Peers.Kiota.Models.CreateSnapshotResponseBody.CreateFromDiscriminatorValue);
    }
}
