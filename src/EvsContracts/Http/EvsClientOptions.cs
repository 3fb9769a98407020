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

    /// <summary>
    /// A fixed token sent as <c>X-Auth-Token</c>. <see cref="AuthTokenProvider"/> wins when both are set; with
    /// neither, no token is sent. The token never appears in messages, exceptions or <see cref="ToString"/>.
    /// </summary>
    public string? AuthToken { get; set; }

    /// <summary>
    /// Called before every request for the <c>X-Auth-Token</c> value, for tokens that expire (IAM tokens last 24
    /// hours). Wins over <see cref="AuthToken"/>. A null or empty result sends no token.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? AuthTokenProvider { get; set; }

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

    /// <summary>Describes the settings; the token is shown as <c>***</c>.</summary>
    /// <returns>The settings as text.</returns>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"EvsClientOptions {{ AuthToken = {(string.IsNullOrEmpty(AuthToken) ? "(none)" : "***")}, AuthTokenProvider = {(AuthTokenProvider is null ? "(none)" : "(set)")}, ApiVersion = {ApiVersion ?? "(none)"}, ValidateRequests = {ValidateRequests}, MaxErrorBodyBytes = {MaxErrorBodyBytes}, PollInterval = {PollInterval} }}");
}
