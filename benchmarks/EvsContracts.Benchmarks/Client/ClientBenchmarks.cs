using System;
using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using EvsContracts.Benchmarks.Json;
using EvsContracts.Benchmarks.Pairing;
using EvsContracts.Snapshots;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Peers.Kiota;
using Refit;

namespace EvsContracts.Benchmarks.Client;

/// <summary>Refit's view of the operation, over the plain models; the body is buffered so it goes with a length.</summary>
public interface IRefitEvsClient
{
    [Post("/v2/{projectId}/snapshots")]
    Task<PocoResponse> CreateSnapshotAsync(string projectId, [Body(buffered: true)] PocoRequest body, CancellationToken cancellationToken = default);
}

/// <summary>
/// One create-snapshot call against a Kestrel server on 127.0.0.1 that answers the seed's 202: the request is
/// serialized, sent with its length, and the answer read into objects. Each client has its own HttpClient over a
/// kept-alive connection. Ours also runs paired with each peer (<see cref="PairedTimer"/>, the peer's call as A):
/// a loopback call's time drifts over the minutes of a run by more than the clients differ.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Client")]
public class ClientBenchmarks
{
    private const string ProjectId = "0c9f7f3e2c8a4c31a3b9b1a7e0e6c2d5";
    private static readonly JsonWriterOptions RelaxedWriterOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private Process? _server;
    private InMemoryAnswer? _answer;
    private nint? _clientAffinity;
    private Uri _baseAddress = null!;
    private Uri _createUri = null!;
    private Sample _sample = null!;
    private HttpClient _plainHttp = null!;
    private HttpClient _evsHttp = null!;
    private HttpClient _nswagHttp = null!;
    private HttpClient _refitHttp = null!;
    private HttpClient _kiotaHttp = null!;
    private EvsClient _evs = null!;
    private Peers.NSwag.NSwagEvsClient _nswag = null!;
    private IRefitEvsClient _refit = null!;
    private KiotaEvsClient _kiota = null!;
    private CreateSnapshotRequestBody _generatedBody = null!;
    private PocoRequest _pocoBody = null!;
    private Peers.NSwag.CreateSnapshotRequestBody _nswagBody = null!;
    private Peers.Kiota.Models.CreateSnapshotRequestBody _kiotaBody = null!;
    private Func<Task> _evsCall = null!;
    private Func<Task> _nswagCall = null!;
    private Func<Task> _refitCall = null!;
    private Func<Task> _kiotaCall = null!;

    /// <summary>Where the calls go: Kestrel in a child process, or a handler in memory (the clients' own cost).</summary>
    [Params(ClientTransport.Kestrel, ClientTransport.InMemory)]
    public ClientTransport Transport { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sample = Sample.For(Payload.Seed);
        if (Transport == ClientTransport.Kestrel)
        {
            _answer = null;
            _server = SeedServer.Start(out _baseAddress);
            PinClientAndServer();
        }
        else
        {
            _baseAddress = new Uri("http://evs.invalid/");
            _answer = new InMemoryAnswer(_sample);
        }

        _createUri = new Uri(_baseAddress, $"v2/{ProjectId}/snapshots");
        _generatedBody = PeerModels.Generated(_sample);
        _pocoBody = PeerModels.Poco(_sample);
        _nswagBody = PeerModels.NSwag(_sample);
        _kiotaBody = PeerModels.Kiota(_sample);

        _plainHttp = NewHttpClient();
        _evsHttp = NewHttpClient();
        _nswagHttp = NewHttpClient();
        _refitHttp = NewHttpClient();

        _evs = new EvsClient(_evsHttp);
        _nswag = new Peers.NSwag.NSwagEvsClient(_nswagHttp);
        _refit = RestService.ForGenerated<IRefitEvsClient>(_refitHttp, PocoJsonContext.Default);

        // Kiota as its documentation sets it up: its HttpClient with the default middleware.
        _kiotaHttp = _answer is null ? KiotaClientFactory.Create() : KiotaClientFactory.Create(finalHandler: _answer);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: _kiotaHttp)
        {
            BaseUrl = _baseAddress.ToString().TrimEnd('/'),
        };
        _kiota = new KiotaEvsClient(adapter);

        // Each call must come back with the seed's answer (which also opens each client's connection).
        PeerModels.Check("A plain HttpClient call", _sample, HandWrittenHttpClient().GetAwaiter().GetResult());
        PeerModels.Check("EvsClient", _sample, EvsContracts().GetAwaiter().GetResult());
        PeerModels.Check("NSwag", _sample, PeerModels.FromNSwag(NSwag().GetAwaiter().GetResult()));
        PeerModels.Check("Refit", _sample, PeerModels.FromPoco(Refit().GetAwaiter().GetResult()));
        PeerModels.Check("Kiota", _sample, PeerModels.FromKiota(Kiota().GetAwaiter().GetResult()));
        _answer?.CheckLastRequest();

        _evsCall = EvsContracts;
        _nswagCall = NSwag;
        _refitCall = Refit;
        _kiotaCall = Kiota;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plainHttp.Dispose();
        _evsHttp.Dispose();
        _nswagHttp.Dispose();
        _refitHttp.Dispose();
        _kiotaHttp.Dispose();
        SeedServer.Stop(_server);
        _answer?.Dispose();
        CoreAffinity.Restore(_clientAffinity);
    }

    /// <summary>
    /// The client on one core and the server on another, when there are two or more: otherwise the scheduler moves
    /// both back and forth between the cores, and a call's time varies more between iterations than between clients.
    /// </summary>
    private void PinClientAndServer()
    {
        if (Environment.ProcessorCount >= 2)
        {
            _clientAffinity = CoreAffinity.Pin(Process.GetCurrentProcess(), 1);
            CoreAffinity.Pin(_server!, 2);
        }
    }

    [Benchmark(Baseline = true, Description = "Hand-written HttpClient call")]
    public async Task<CreateSnapshotResponseBody> HandWrittenHttpClient()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, RelaxedWriterOptions))
        {
            HandWritten.Write(writer, _generatedBody);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _createUri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage response = await _plainHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new HttpRequestException($"The server answered {(int)response.StatusCode}.");
        }

        byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return HandWritten.ReadResponse(body);
    }

    [Benchmark(Description = "EvsContracts")]
    public Task<CreateSnapshotResponseBody> EvsContracts() => _evs.CreateSnapshotAsync(ProjectId, _generatedBody);

    [Benchmark(Description = "NSwag")]
    public Task<Peers.NSwag.CreateSnapshotResponseBody> NSwag() => _nswag.CreateSnapshotAsync(ProjectId, _nswagBody);

    [Benchmark(Description = "Refit")]
    public Task<PocoResponse> Refit() => _refit.CreateSnapshotAsync(ProjectId, _pocoBody);

    [Benchmark(Description = "Kiota")]
    public Task<Peers.Kiota.Models.CreateSnapshotResponseBody?> Kiota() => _kiota.V2[ProjectId].Snapshots.PostAsync(_kiotaBody);

    [Benchmark(Description = "Paired: A = NSwag, B = EvsContracts")]
    [Paired]
    public Task PairedWithNSwag() => PairedTimer.RunAsync(_nswagCall, _evsCall);

    [Benchmark(Description = "Paired: A = Refit, B = EvsContracts")]
    [Paired]
    public Task PairedWithRefit() => PairedTimer.RunAsync(_refitCall, _evsCall);

    [Benchmark(Description = "Paired: A = Kiota, B = EvsContracts")]
    [Paired]
    public Task PairedWithKiota() => PairedTimer.RunAsync(_kiotaCall, _evsCall);

    private HttpClient NewHttpClient() =>
        _answer is null
            ? new(new SocketsHttpHandler()) { BaseAddress = _baseAddress }
            : new(_answer, disposeHandler: false) { BaseAddress = _baseAddress };
}
