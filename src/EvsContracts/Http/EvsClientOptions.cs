using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>
/// Settings of an EVS client: authentication, API version, validation and error handling.
/// </summary>
public sealed class EvsClientOptions
{
    private int _maxErrorBodyBytes = 64 * 1024;
    private TimeSpan _pollInterval = TimeSpan.FromSeconds(2);
    private string? _authToken;
    private Func<CancellationToken, ValueTask<string>>? _authTokenProvider;
    private HuaweiCloudCredentials? _credentials;
    private TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>
    /// A fixed token sent as <c>X-Auth-Token</c>. <see cref="AuthTokenProvider"/> wins when both are set; with
    /// neither, no token is sent. The token never appears in messages, exceptions or <see cref="ToString"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="Credentials"/> is set: a client authenticates one way.</exception>
    public string? AuthToken
    {
        get => _authToken;
        set
        {
            RefuseTokenWithCredentials(!string.IsNullOrEmpty(value), _credentials);
            _authToken = value;
        }
    }

    /// <summary>
    /// Called before every request for the <c>X-Auth-Token</c> value, for tokens that expire (IAM tokens last 24
    /// hours). Wins over <see cref="AuthToken"/>. A null or empty result sends no token.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="Credentials"/> is set: a client authenticates one way.</exception>
    public Func<CancellationToken, ValueTask<string>>? AuthTokenProvider
    {
        get => _authTokenProvider;
        set
        {
            RefuseTokenWithCredentials(value is not null, _credentials);
            _authTokenProvider = value;
        }
    }

    /// <summary>
    /// Huawei Cloud AK/SK credentials: every request is signed with them (<c>SDK-HMAC-SHA256</c>), over the exact bytes
    /// sent, and carries <c>X-Sdk-Date</c>, <c>Authorization</c> and, when set, <c>X-Project-Id</c> and
    /// <c>X-Security-Token</c>. The secret key never appears in messages, exceptions or <see cref="ToString"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A token (<see cref="AuthToken"/> or <see cref="AuthTokenProvider"/>) is set: a client authenticates one way.</exception>
    public HuaweiCloudCredentials? Credentials
    {
        get => _credentials;
        set
        {
            if (value is not null && (!string.IsNullOrEmpty(_authToken) || _authTokenProvider is not null))
            {
                throw new InvalidOperationException(
                    "EvsClientOptions.Credentials cannot be set while AuthToken or AuthTokenProvider is set: a client authenticates either with a token or with AK/SK signing. Clear the token first.");
            }

            _credentials = value;
        }
    }

    /// <summary>The clock that dates signed requests (<c>X-Sdk-Date</c>); <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _timeProvider = value;
        }
    }

    /// <summary>
    /// Sent verbatim as the <c>OpenStack-API-Version</c> header when set, for example <c>volume 3.0</c>.
    /// </summary>
    public string? ApiVersion { get; set; }

    /// <summary>
    /// Whether request bodies are validated before they are sent (the default). A body that breaks its contract
    /// throws <see cref="EvsValidationException"/> and nothing is sent.
    /// </summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>
    /// How many bytes of an error response are read at most (64 KiB by default); the rest is not read, and
    /// <see cref="EvsApiException.ResponseBodyTruncated"/> says so.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxErrorBodyBytes
    {
        get => _maxErrorBodyBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _maxErrorBodyBytes = value;
        }
    }

    /// <summary>The pause between two polls while waiting for a status (2 seconds by default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan PollInterval
    {
        get => _pollInterval;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _pollInterval = value;
        }
    }

    /// <summary>Describes the settings; the token is shown as <c>***</c>, the credentials masked.</summary>
    /// <returns>The settings as text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"EvsClientOptions {{ AuthToken = {(string.IsNullOrEmpty(AuthToken) ? "(none)" : "***")}, AuthTokenProvider = {(AuthTokenProvider is null ? "(none)" : "(set)")}, Credentials = {(Credentials?.ToString() ?? "(none)")}, ApiVersion = {ApiVersion ?? "(none)"}, ValidateRequests = {ValidateRequests}, MaxErrorBodyBytes = {MaxErrorBodyBytes}, PollInterval = {PollInterval} }}");

    private static void RefuseTokenWithCredentials(bool settingToken, HuaweiCloudCredentials? credentials)
    {
        if (settingToken && credentials is not null)
        {
            throw new InvalidOperationException(
                "A token cannot be set while EvsClientOptions.Credentials is set: a client authenticates either with a token or with AK/SK signing. Clear Credentials first.");
        }
    }
}
