using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EvsContracts.Benchmarks.Pairing;
using EvsContracts.Snapshots;
using Microsoft.Kiota.Serialization.Json;

namespace EvsContracts.Benchmarks.Json;

/// <summary>
/// Writes a <c>CreateSnapshotRequestBody</c> as UTF-8 JSON. Every peer writes into a buffer that is reused, through
/// the writer its own client would use, so what is allocated is the serializer's own doing. The bars that sit within a
/// tenth (against the hand-written code and System.Text.Json with a context) also run paired.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Serialize")]
public class SerializeBenchmarks
{
    // A half of a paired operation writes this many times: tens of microseconds to a few milliseconds, so the clock's
    // resolution and cost, and the halves' first cold calls, weigh little; and short enough that both halves of an
    // operation see the machine in the same state. 32 and 256 gave the same ratios within 0.04.
    private const int Batch = 256;

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly MemoryStream _stream = new(16 * 1024);
    private Utf8JsonWriter _relaxedWriter = null!;
    private Utf8JsonWriter _defaultWriter = null!;
    private Utf8JsonWriter _evsWriter = null!;
    private StreamWriter _textWriter = null!;
    private CreateSnapshotRequestBody _generated = null!;
    private PocoRequest _poco = null!;
    private Func<int> _handWrittenBatch = null!;
    private Func<int> _generatedBatch = null!;
    private Func<int> _stjContextBatch = null!;
    private Peers.NSwag.CreateSnapshotRequestBody _nswag = null!;
    private Peers.Kiota.Models.CreateSnapshotRequestBody _kiota = null!;

    [Params(Payload.Seed, Payload.Cjk)]
    public Payload Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The hand-written limit writes text as the generated code does (raw UTF-8); System.Text.Json's own writers
        // use its default encoder, which escapes everything outside ASCII. Neither validates what it is told to write.
        _relaxedWriter = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _defaultWriter = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _evsWriter = new Utf8JsonWriter(_buffer, EvsJson.WriterOptions);
        _textWriter = new StreamWriter(_stream, new UTF8Encoding(false), 4096, leaveOpen: true);

        Sample sample = Sample.For(Payload);
        _generated = PeerModels.Generated(sample);
        _poco = PeerModels.Poco(sample);
        _nswag = PeerModels.NSwag(sample);
        _kiota = PeerModels.Kiota(sample);

        // Every peer must write the same request before its speed means anything.
        Check(sample, nameof(HandWritten), HandWritten);
        Check(sample, nameof(HandWrittenDefaultEscaper), HandWrittenDefaultEscaper);
        Check(sample, nameof(Generated), Generated);
        Check(sample, nameof(StjReflection), StjReflection);
        Check(sample, nameof(StjContext), StjContext);
        Check(sample, nameof(NSwag), NSwag);
        Newtonsoft();
        PeerModels.CheckRequest(nameof(Newtonsoft), sample, _stream.ToArray());
        PeerModels.CheckRequest(nameof(Kiota), sample, KiotaBytes());
        _handWrittenBatch = HandWrittenBatch;
        _generatedBatch = GeneratedBatch;
        _stjContextBatch = StjContextBatch;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _relaxedWriter.Dispose();
        _defaultWriter.Dispose();
        _evsWriter.Dispose();
        _textWriter.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Hand-written")]
    public int HandWritten()
    {
        Reset(_relaxedWriter);
        Json.HandWritten.Write(_relaxedWriter, _generated);
        _relaxedWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Hand-written, default escaper")]
    public int HandWrittenDefaultEscaper()
    {
        Reset(_defaultWriter);
        Json.HandWritten.Write(_defaultWriter, _generated);
        _defaultWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "EvsContracts")]
    public int Generated()
    {
        Reset(_evsWriter);
        _generated.WriteJson(_evsWriter);
        _evsWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "STJ reflection")]
    public int StjReflection()
    {
        Reset(_defaultWriter);
        JsonSerializer.Serialize(_defaultWriter, _poco, PeerModels.ReflectionOptions);
        _defaultWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "STJ context")]
    public int StjContext()
    {
        Reset(_defaultWriter);
        JsonSerializer.Serialize(_defaultWriter, _poco, PocoJsonContext.Default.PocoRequest);
        _defaultWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "NSwag")]
    public int NSwag()
    {
        Reset(_defaultWriter);
        JsonSerializer.Serialize(_defaultWriter, _nswag, Peers.NSwag.NSwagEvsClient.SerializerOptions);
        _defaultWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Newtonsoft.Json")]
    public long Newtonsoft()
    {
        _stream.SetLength(0);
        using (var json = new Newtonsoft.Json.JsonTextWriter(_textWriter) { CloseOutput = false })
        {
            PeerModels.NewtonsoftSerializer.Serialize(json, _poco);
        }

        _textWriter.Flush();
        return _stream.Length;
    }

    [Benchmark(Description = "Kiota")]
    public long Kiota()
    {
        // Kiota's writer owns its stream: a new writer per body is how its request adapter uses it.
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, _kiota);
        using Stream content = writer.GetSerializedContent();
        return content.Length;
    }

    [Benchmark(Description = "Paired: A = Hand-written, B = EvsContracts")]
    [Paired]
    public void PairedWithHandWritten() => PairedTimer.Run(_handWrittenBatch, _generatedBatch, collect: false);

    [Benchmark(Description = "Paired: A = STJ context, B = EvsContracts")]
    [Paired]
    public void PairedWithStjContext() => PairedTimer.Run(_stjContextBatch, _generatedBatch, collect: false);

    private int HandWrittenBatch()
    {
        int written = 0;
        for (int i = 0; i < Batch; i++)
        {
            written += HandWritten();
        }

        return written;
    }

    private int GeneratedBatch()
    {
        int written = 0;
        for (int i = 0; i < Batch; i++)
        {
            written += Generated();
        }

        return written;
    }

    private int StjContextBatch()
    {
        int written = 0;
        for (int i = 0; i < Batch; i++)
        {
            written += StjContext();
        }

        return written;
    }

    private void Reset(Utf8JsonWriter writer)
    {
        _buffer.ResetWrittenCount();
        writer.Reset(_buffer);
    }

    private byte[] KiotaBytes()
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, _kiota);
        using Stream content = writer.GetSerializedContent();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }

    private void Check(Sample sample, string peer, Func<int> write)
    {
        write();
        PeerModels.CheckRequest(peer, sample, _buffer.WrittenSpan);
    }
}
