using System;
using System.Net.Http;
using System.Runtime;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using EvsContracts.Benchmarks.Json;
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
/// One create-snapshot call, answered with the seed's 202 by a handler in memory: the request is built and
/// serialized, the answer read into objects, and nothing else, so the figures are each client's own work. (Over
/// loopback a call's time swung by half between iterations on a shared 2-core machine, more than the clients differ.)
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Client")]
public class ClientBenchmarks
{
    private const string ProjectId = "0c9f7f3e2c8a4c31a3b9b1a7e0e6c2d5";
    private static readonly Uri s_baseAddress = new("http://evs.invalid/");

    private readonly Sample _sample = Sample.For(Payload.Seed);
    private InMemoryAnswer _answer = null!;
    private HttpClient[] _http = [];
    private EvsClient _evs = null!;
    private EvsClient _evsToken = null!;
    private EvsClient _evsSigned = null!;
    private Peers.NSwag.NSwagEvsClient _nswag = null!;
    private IRefitEvsClient _refit = null!;
    private KiotaEvsClient _kiota = null!;
    private CreateSnapshotRequestBody _generatedBody = null!;
    private PocoRequest _pocoBody = null!;
    private Peers.NSwag.CreateSnapshotRequestBody _nswagBody = null!;
    private Peers.Kiota.Models.CreateSnapshotRequestBody _kiotaBody = null!;

    [GlobalSetup]
    public void Setup()
    {
        _answer = new InMemoryAnswer(_sample);
        // One HttpClient for each client, over the same handler; Kiota's as its documentation sets it up, with its
        // default middleware.
        _http = [NewHttpClient(), NewHttpClient(), NewHttpClient(), KiotaClientFactory.Create(finalHandler: _answer), NewHttpClient(), NewHttpClient()];
        _generatedBody = PeerModels.Generated(_sample);
        _pocoBody = PeerModels.Poco(_sample);
        _nswagBody = PeerModels.NSwag(_sample);
        _kiotaBody = PeerModels.Kiota(_sample);

        _evs = new EvsClient(_http[0]);

        // The two ways to authenticate: an IAM token in a header, and AK/SK, which signs each request (two SHA-256
        // hashes and an HMAC over the canonical request). Their difference is what signing costs.
        _evsToken = new EvsClient(_http[4], new EvsClientOptions { AuthToken = "MIIEhQYJKoZIhvcNAQcCoIIEdjCCBHICAQExDTALBglghkgBZQMEAgEwgg-token" });
        _evsSigned = new EvsClient(_http[5], new EvsClientOptions { Credentials = new HuaweiCloudCredentials("HPUABENCHMARK0ACCESS", "benchmark-secret-key-0123456789abcdef") { ProjectId = ProjectId } });
        _nswag = new Peers.NSwag.NSwagEvsClient(_http[1]);
        _refit = RestService.ForGenerated<IRefitEvsClient>(_http[2], PocoJsonContext.Default);
        _kiota = new KiotaEvsClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: _http[3])
        {
            BaseUrl = s_baseAddress.ToString().TrimEnd('/'),
        });

        // Each call must send the sample's body and read the seed's answer.
        PeerModels.Check("EvsClient", _sample, EvsContracts().GetAwaiter().GetResult());
        _answer.CheckLastRequest("EvsClient");
        PeerModels.Check("EvsClient with a token", _sample, EvsContractsToken().GetAwaiter().GetResult());
        _answer.CheckLastRequest("EvsClient with a token");
        PeerModels.Check("EvsClient with AK/SK", _sample, EvsContractsSigned().GetAwaiter().GetResult());
        _answer.CheckLastRequest("EvsClient with AK/SK");
        PeerModels.Check("NSwag", _sample, NSwag().GetAwaiter().GetResult());
        _answer.CheckLastRequest("NSwag");
        PeerModels.Check("Refit", _sample, Refit().GetAwaiter().GetResult());
        _answer.CheckLastRequest("Refit");
        PeerModels.Check("Kiota", _sample, Kiota().GetAwaiter().GetResult());
        _answer.CheckLastRequest("Kiota");

        WarmUp();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (HttpClient http in _http)
        {
            http.Dispose();
        }

        _answer.Dispose();
    }

    [Benchmark(Baseline = true, Description = "EvsContracts")]
    public Task<CreateSnapshotResponseBody> EvsContracts() => _evs.CreateSnapshotAsync(ProjectId, _generatedBody);

    [Benchmark(Description = "EvsContracts, token")]
    public Task<CreateSnapshotResponseBody> EvsContractsToken() => _evsToken.CreateSnapshotAsync(ProjectId, _generatedBody);

    [Benchmark(Description = "EvsContracts, AK/SK")]
    public Task<CreateSnapshotResponseBody> EvsContractsSigned() => _evsSigned.CreateSnapshotAsync(ProjectId, _generatedBody);

    [Benchmark(Description = "NSwag")]
    public Task<Peers.NSwag.CreateSnapshotResponseBody> NSwag() => _nswag.CreateSnapshotAsync(ProjectId, _nswagBody);

    [Benchmark(Description = "Refit")]
    public Task<PocoResponse> Refit() => _refit.CreateSnapshotAsync(ProjectId, _pocoBody);

    [Benchmark(Description = "Kiota")]
    public Task<Peers.Kiota.Models.CreateSnapshotResponseBody?> Kiota() => _kiota.V2[ProjectId].Snapshots.PostAsync(_kiotaBody);

    /// <summary>
    /// Calls every client until the JIT has nothing left to compile. In process all cases share one JIT, which moves
    /// hot methods up its tiers in the background, after a delay, and on a busy 2-core machine late: the first case
    /// measured (the no-auth call) and the first that signed were still being compiled during their measured
    /// iterations (a call fell from about 18 to 5 us within one run), so the no-auth call came out slower than the
    /// same call with a token.
    /// </summary>
    private void WarmUp()
    {
        Func<Task>[] calls = [EvsContracts, EvsContractsToken, EvsContractsSigned, NSwag, Refit, Kiota];
        long compiled = -1;
        int quiet = 0;
        int round = 0;
        for (; round < 50 && quiet < 2; round++)
        {
            foreach (Func<Task> call in calls)
            {
                for (int i = 0; i < 500; i++)
                {
                    call().GetAwaiter().GetResult();
                }
            }

            // Longer than the tiered JIT's 100 ms call-counting delay, so promotions queued by this round are made.
            Thread.Sleep(250);
            long now = JitInfo.GetCompiledMethodCount();
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
        }

        Console.WriteLine($"// Warm-up: {round} rounds, {compiled} methods compiled.");
    }

    private HttpClient NewHttpClient() => new(_answer, disposeHandler: false) { BaseAddress = s_baseAddress };
}
