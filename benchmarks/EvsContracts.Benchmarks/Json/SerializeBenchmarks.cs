using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EvsContracts.Snapshots;
using Microsoft.Kiota.Serialization.Json;

namespace EvsContracts.Benchmarks.Json;

/// <summary>
/// Writes a <c>CreateSnapshotRequestBody</c> as UTF-8 JSON. Every peer writes into a reused buffer through the writer
/// its own client would use, so what is allocated is the serializer's own doing.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Serialize")]
public class SerializeBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly MemoryStream _stream = new(16 * 1024);
    private Utf8JsonWriter _rawWriter = null!;
    private Utf8JsonWriter _defaultWriter = null!;
    private StreamWriter _textWriter = null!;
    private CreateSnapshotRequestBody _generated = null!;
    private PocoRequest _poco = null!;
    private Peers.NSwag.CreateSnapshotRequestBody _nswag = null!;
    private Peers.Kiota.Models.CreateSnapshotRequestBody _kiota = null!;

    [Params(Payload.Seed, Payload.Cjk)]
    public Payload Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Ours and the hand-written code share the writer the generated client writes bodies with, which puts
        // non-ASCII text out raw, as EVS bodies go; System.Text.Json's serializers write through their default
        // encoder, as their clients do.
        _rawWriter = new Utf8JsonWriter(_buffer, EvsJson.WriterOptions);
        _defaultWriter = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _textWriter = new StreamWriter(_stream, new UTF8Encoding(false), 4096, leaveOpen: true);

        Sample sample = Sample.For(Payload);
        _generated = PeerModels.Generated(sample);
        _poco = PeerModels.Poco(sample);
        _nswag = PeerModels.NSwag(sample);
        _kiota = PeerModels.Kiota(sample);

        // Every peer must write the request before its speed means anything.
        foreach ((string peer, Func<long> write) in new (string, Func<long>)[] { ("Hand-written", HandWritten), ("EvsContracts", EvsContracts), ("STJ context", StjContext), ("NSwag", NSwag) })
        {
            write();
            PeerModels.CheckRequest(peer, sample, _buffer.WrittenSpan);
        }

        Newtonsoft();
        PeerModels.CheckRequest("Newtonsoft.Json", sample, _stream.ToArray());
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, _kiota);
        using var kiota = new MemoryStream();
        writer.GetSerializedContent().CopyTo(kiota);
        PeerModels.CheckRequest("Kiota", sample, kiota.ToArray());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rawWriter.Dispose();
        _defaultWriter.Dispose();
        _textWriter.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Hand-written")]
    public long HandWritten()
    {
        Reset(_rawWriter);
        Json.HandWritten.Write(_rawWriter, _generated);
        _rawWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "EvsContracts")]
    public long EvsContracts()
    {
        Reset(_rawWriter);
        _generated.WriteJson(_rawWriter);
        _rawWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "STJ context")]
    public long StjContext()
    {
        Reset(_defaultWriter);
        JsonSerializer.Serialize(_defaultWriter, _poco, PocoJsonContext.Default.PocoRequest);
        _defaultWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "NSwag")]
    public long NSwag()
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

    private void Reset(Utf8JsonWriter writer)
    {
        _buffer.ResetWrittenCount();
        writer.Reset(_buffer);
    }
}
