using System;
using System.IO;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EvsContracts.Benchmarks.Pairing;
using EvsContracts.Snapshots;
using Microsoft.Kiota.Serialization.Json;

namespace EvsContracts.Benchmarks.Json;

/// <summary>
/// Reads the 202 answer, a <c>CreateSnapshotResponseBody</c>, from UTF-8 JSON into each peer's objects. The bars that
/// sit within a tenth (against the hand-written code and System.Text.Json with a context) also run paired.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Deserialize")]
public class DeserializeBenchmarks
{
    private byte[] _json = null!;

    // A half of a paired operation reads this many times: tens of microseconds to a few milliseconds, so the clock's
    // resolution and cost, and the halves' first cold calls, weigh little; and short enough that both halves of an
    // operation see the machine in the same state. 32 and 256 gave the same ratios within 0.04.
    private const int Batch = 256;

    // Halves of one type, whatever their models: the generated ones and System.Text.Json's plain ones.
    private Func<object?> _handWrittenBatch = null!;
    private Func<object?> _generatedBatch = null!;
    private Func<object?> _stjContextBatch = null!;

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
        _handWrittenBatch = HandWrittenBatch;
        _generatedBatch = GeneratedBatch;
        _stjContextBatch = StjContextBatch;

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

    [Benchmark(Description = "Paired: A = Hand-written, B = EvsContracts")]
    [Paired]
    public void PairedWithHandWritten() => PairedTimer.Run(_handWrittenBatch, _generatedBatch, collect: false);

    [Benchmark(Description = "Paired: A = STJ context, B = EvsContracts")]
    [Paired]
    public void PairedWithStjContext() => PairedTimer.Run(_stjContextBatch, _generatedBatch, collect: false);

    private CreateSnapshotResponseBody HandWrittenBatch()
    {
        CreateSnapshotResponseBody last = null!;
        for (int i = 0; i < Batch; i++)
        {
            last = HandWritten();
        }

        return last;
    }

    private CreateSnapshotResponseBody GeneratedBatch()
    {
        CreateSnapshotResponseBody last = null!;
        for (int i = 0; i < Batch; i++)
        {
            last = Generated();
        }

        return last;
    }

    private PocoResponse? StjContextBatch()
    {
        PocoResponse? last = null;
        for (int i = 0; i < Batch; i++)
        {
            last = StjContext();
        }

        return last;
    }
}
