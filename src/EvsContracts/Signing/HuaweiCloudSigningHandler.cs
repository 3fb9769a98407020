using System;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>
/// Signs every request that passes through with Huawei Cloud AK/SK (<c>SDK-HMAC-SHA256</c>): adds <c>X-Sdk-Date</c>,
/// <c>X-Project-Id</c> and <c>X-Security-Token</c> when the credentials have them, and <c>Authorization</c>. Works for
/// any <see cref="HttpClient"/>, not only the generated client.
/// </summary>
/// <remarks>
/// Make it the innermost handler (the last one added, next to the primary handler): it signs the headers as they
/// stand when it runs, so headers set by handlers after it would go unsigned, and a changed signed header would break
/// the signature. A retry that passes through it again is dated and signed again. The body is signed over the exact
/// bytes sent: a body of unknown length is buffered first, so it goes out with <c>Content-Length</c>.
/// </remarks>
public sealed class HuaweiCloudSigningHandler : DelegatingHandler
{
    private readonly HuaweiCloudCredentials _credentials;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a handler that signs with <paramref name="credentials"/> and dates with the system clock.</summary>
    /// <param name="credentials">The access key, secret key and optional project id and security token.</param>
    public HuaweiCloudSigningHandler(HuaweiCloudCredentials credentials)
        : this(credentials, TimeProvider.System)
    {
    }

    /// <summary>Creates a handler that signs with <paramref name="credentials"/> and dates with <paramref name="timeProvider"/>.</summary>
    /// <param name="credentials">The access key, secret key and optional project id and security token.</param>
    /// <param name="timeProvider">The clock for <c>X-Sdk-Date</c>.</param>
    public HuaweiCloudSigningHandler(HuaweiCloudCredentials credentials, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _credentials = credentials;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await HuaweiCloudSigner.SignAsync(request, _credentials, _timeProvider, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HuaweiCloudSigner.TrySignUnbuffered(request, _credentials, _timeProvider))
        {
            // Buffered, the content is hashed from its buffer and then sent from it: the same bytes, and its length known.
            HttpContent content = request.Content!;
            content.LoadIntoBufferAsync().GetAwaiter().GetResult();
            using Stream body = content.ReadAsStream(cancellationToken);
            HuaweiCloudSigner.SignHashed(request, _credentials, _timeProvider.GetUtcNow(), SHA256.HashData(body));
        }

        return base.Send(request, cancellationToken);
    }
}
