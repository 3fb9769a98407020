using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace EvsContracts;

/// <summary>
/// A Huawei Cloud access key (AK) and secret key (SK), with an optional project id and, for temporary credentials, a
/// security token; requests are signed with them (<c>SDK-HMAC-SHA256</c>). Set them as
/// <see cref="EvsClientOptions.Credentials"/>, or give them to a <see cref="HuaweiCloudSigningHandler"/>.
/// </summary>
/// <remarks>
/// The secret key and the security token never appear in messages, exceptions or <see cref="ToString"/>; the access
/// key, which travels in every request's <c>Authorization</c> header, is shown only by its first characters.
/// </remarks>
public sealed class HuaweiCloudCredentials
{
    /// <summary>The environment variable that holds the access key, as in Huawei Cloud's own SDKs.</summary>
    public const string AccessKeyVariable = "HUAWEICLOUD_SDK_AK";

    /// <summary>The environment variable that holds the secret key.</summary>
    public const string SecretKeyVariable = "HUAWEICLOUD_SDK_SK";

    /// <summary>The environment variable that holds the project id (optional).</summary>
    public const string ProjectIdVariable = "HUAWEICLOUD_SDK_PROJECT_ID";

    /// <summary>The environment variable that holds the security token of temporary credentials (optional).</summary>
    public const string SecurityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

    private readonly string? _projectId;
    private readonly string? _securityToken;

    // HMAC-SHA256 instances keyed with the secret key, kept between requests: keying one costs as much again as the
    // HMAC of a string to sign. One slot per core lets concurrent requests each find one. The key stays in these
    // objects and in SecretKeyBytes, nowhere else; an instance left out of the slots is disposed.
    private readonly IncrementalHash?[] _hmacs = new IncrementalHash?[Math.Min(Environment.ProcessorCount, 16)];

    /// <summary>Creates credentials from an access key and a secret key.</summary>
    /// <param name="accessKey">The access key (AK).</param>
    /// <param name="secretKey">The secret key (SK).</param>
    /// <exception cref="ArgumentException">A key is empty or holds white space or control characters.</exception>
    public HuaweiCloudCredentials(string accessKey, string secretKey)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        ArgumentNullException.ThrowIfNull(secretKey);
        CheckKey(accessKey, "access key", nameof(accessKey));
        CheckKey(secretKey, "secret key", nameof(secretKey));
        AccessKey = accessKey;

        // The HMAC key, made once: it is needed for every request.
        SecretKeyBytes = Encoding.UTF8.GetBytes(secretKey);
    }

    /// <summary>The access key (AK), sent in the <c>Authorization</c> header.</summary>
    public string AccessKey { get; }

    /// <summary>The project id, sent as <c>X-Project-Id</c> and signed, when set.</summary>
    /// <exception cref="ArgumentException">The value holds a CR, LF or NUL character.</exception>
    public string? ProjectId
    {
        get => _projectId;
        init
        {
            EvsHeaders.Validate(HuaweiCloudSigner.ProjectIdHeader, value);
            _projectId = string.IsNullOrEmpty(value) ? null : value;
        }
    }

    /// <summary>The security token of temporary credentials, sent as <c>X-Security-Token</c> and signed, when set.</summary>
    /// <exception cref="ArgumentException">The value holds a CR, LF or NUL character.</exception>
    public string? SecurityToken
    {
        get => _securityToken;
        init
        {
            EvsHeaders.Validate(HuaweiCloudSigner.SecurityTokenHeader, value);
            _securityToken = string.IsNullOrEmpty(value) ? null : value;
        }
    }

    /// <summary>The secret key as UTF-8, the HMAC key.</summary>
    internal byte[] SecretKeyBytes { get; }

    /// <summary>Writes the HMAC-SHA256 of <paramref name="data"/> keyed with the secret key to <paramref name="mac"/>.</summary>
    internal void ComputeHmac(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        IncrementalHash? hmac = null;
        IncrementalHash?[] slots = _hmacs;
        for (int i = 0; i < slots.Length && hmac is null; i++)
        {
            hmac = Interlocked.Exchange(ref slots[i], null);
        }

        hmac ??= IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, SecretKeyBytes);
        try
        {
            hmac.AppendData(data);
            hmac.GetHashAndReset(mac);
        }
        catch
        {
            // Never reused half-way through a message.
            hmac.Dispose();
            throw;
        }

        for (int i = 0; i < slots.Length; i++)
        {
            if (Interlocked.CompareExchange(ref slots[i], hmac, null) is null)
            {
                return;
            }
        }

        hmac.Dispose();
    }

    /// <summary>
    /// Reads the credentials from <c>HUAWEICLOUD_SDK_AK</c>, <c>HUAWEICLOUD_SDK_SK</c> and, when set,
    /// <c>HUAWEICLOUD_SDK_PROJECT_ID</c> and <c>HUAWEICLOUD_SDK_SECURITY_TOKEN</c>: the variables Huawei Cloud's own
    /// SDKs read.
    /// </summary>
    /// <returns>The credentials.</returns>
    /// <exception cref="InvalidOperationException">The access key or the secret key variable is not set; the message names it.</exception>
    public static HuaweiCloudCredentials FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    internal static HuaweiCloudCredentials FromEnvironment(Func<string, string?> variable)
    {
        string accessKey = Required(variable, AccessKeyVariable, "access key (AK)");
        string secretKey = Required(variable, SecretKeyVariable, "secret key (SK)");
        try
        {
            return new HuaweiCloudCredentials(accessKey, secretKey)
            {
                ProjectId = Optional(variable, ProjectIdVariable),
                SecurityToken = Optional(variable, SecurityTokenVariable),
            };
        }
        catch (ArgumentException exception)
        {
            // Says which variable is wrong; the message of a key check never holds the value.
            throw new InvalidOperationException($"The Huawei Cloud credentials in the environment are not usable: {exception.Message}", exception);
        }
    }

    /// <summary>Describes the credentials without revealing them: the access key's first characters, the project id, and whether a security token is set.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"HuaweiCloudCredentials {{ AccessKey = {Mask(AccessKey)}, SecretKey = ***, ProjectId = {ProjectId ?? "(none)"}, SecurityToken = {(SecurityToken is null ? "(none)" : "***")} }}";

    private static string Mask(string accessKey) =>
        accessKey.Length > 8 ? string.Concat(accessKey.AsSpan(0, 4), "***") : "***";

    private static string Required(Func<string, string?> variable, string name, string what)
    {
        string? value = variable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"The environment variable {name} is not set; it must hold the Huawei Cloud {what}.");
        }

        return value.Trim();
    }

    private static string? Optional(Func<string, string?> variable, string name)
    {
        string? value = variable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    // A key copied with a stray space or line break is a common mistake (Huawei's FAQ on APIGW.0301 names it); it would
    // only show as a rejected signature, so it is refused here. The message never quotes the key.
    private static void CheckKey(string key, string what, string parameter)
    {
        if (key.Length == 0)
        {
            throw new ArgumentException($"The {what} must not be empty.", parameter);
        }

        foreach (char c in key)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new ArgumentException($"The {what} holds white space or a control character.", parameter);
            }
        }
    }
}
