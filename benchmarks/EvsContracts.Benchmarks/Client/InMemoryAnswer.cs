using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EvsContracts.Benchmarks.Json;

namespace EvsContracts.Benchmarks.Client;

/// <summary>
/// Answers every request with the seed's 202 from memory, after reading the request body (so each client really
/// serializes it). The last body is kept for the setup's check.
/// </summary>
internal sealed class InMemoryAnswer(Sample sample) : HttpMessageHandler
{
    private readonly byte[] _answer = Encoding.UTF8.GetBytes(sample.ResponseJson());
    private readonly MemoryStream _body = new();
    private long? _length;

    /// <summary>Fails unless the last request carried the sample's body, with its length (Cinder refuses a chunked body).</summary>
    public void CheckLastRequest(string client)
    {
        if (_length != _body.Length)
        {
            throw new InvalidOperationException($"{client} sent a body of {_body.Length} bytes as {_length}.");
        }

        PeerModels.CheckRequest(client, sample, _body.GetBuffer().AsSpan(0, (int)_body.Length));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _body.SetLength(0);
        _length = request.Content?.Headers.ContentLength;
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(_body, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(_answer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = new HttpResponseMessage(HttpStatusCode.Accepted) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("x-openstack-request-id", "req-5b1e8d72-0d3c-4f2a-9a0e-7c1d2e3f4a5b");
        return response;
    }
}
