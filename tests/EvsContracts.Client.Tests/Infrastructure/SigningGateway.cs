using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace EvsContracts.Client.Tests.Infrastructure;

/// <summary>
/// Checks a received request's <c>SDK-HMAC-SHA256</c> signature the way Huawei's API gateway does: recomputed from the
/// request as it arrived (path and query as sent, the signed headers' values, the body bytes), and refused with 401
/// <c>APIGW.0301</c> when it does not match or when <c>X-Sdk-Date</c> is more than 15 minutes from the server's
/// clock. Written apart from the runtime's signer, from the signing guide, so that the two check each other.
/// </summary>
internal static class SigningGateway
{
    private static readonly TimeSpan s_allowedSkew = TimeSpan.FromMinutes(15);

    /// <summary>Null when the signature holds; otherwise the gateway's error body.</summary>
    public static string? Reject(HttpContext context, RecordedRequest request, string secretKey)
    {
        string? authorization = request.Header("Authorization");
        string? date = request.Header("X-Sdk-Date");
        if (authorization is null || date is null || !authorization.StartsWith("SDK-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return Error("Incorrect IAM authentication information: Authorization or X-Sdk-Date missing");
        }

        DateTimeOffset signedAt = DateTimeOffset.ParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        if ((now - signedAt).Duration() > s_allowedSkew)
        {
            return Error($"Incorrect IAM authentication information: calc aksk signature fail:signature expired, signature time:{date},server time:{now:yyyyMMdd'T'HHmmss'Z'}");
        }

        Dictionary<string, string> parts = authorization["SDK-HMAC-SHA256 ".Length..]
            .Split(", ")
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        string[] signedHeaders = parts["SignedHeaders"].Split(';');
        if (!signedHeaders.Contains("host") || !signedHeaders.Contains("x-sdk-date"))
        {
            return Error("Incorrect IAM authentication information: host and x-sdk-date must be signed");
        }

        string canonical = CanonicalRequest(request, signedHeaders);
        string expected = Hex(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secretKey),
            Encoding.UTF8.GetBytes($"SDK-HMAC-SHA256\n{date}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}")));
        return expected == parts["Signature"] ? null : Error("Incorrect IAM authentication information: verify aksk signature fail");

        string Error(string message) =>
            JsonSerializer.Serialize(new { error_msg = message, error_code = "APIGW.0301", request_id = context.TraceIdentifier });
    }

    public static string CanonicalRequest(RecordedRequest request, IEnumerable<string> signedHeaders)
    {
        string target = request.RawTarget;
        int question = target.IndexOf('?', StringComparison.Ordinal);
        string path = question < 0 ? target : target[..question];
        string query = question < 0 ? "" : target[(question + 1)..];

        string uri = string.Join('/', path.Split('/').Select(s => Encode(Uri.UnescapeDataString(s))));
        if (!uri.EndsWith('/'))
        {
            uri += "/";
        }

        IEnumerable<string> parameters = query
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Uri.UnescapeDataString(p[0]), Value: p.Length > 1 ? Uri.UnescapeDataString(p[1]) : ""))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Encode(p.Name) + "=" + Encode(p.Value));

        string headers = string.Concat(signedHeaders.Select(name => $"{name}:{request.Header(name)!.Trim()}\n"));
        string bodyHash = request.Header("X-Sdk-Content-Sha256") ?? Hex(SHA256.HashData(request.Body));
        return $"{request.Method}\n{uri}\n{string.Join('&', parameters)}\n{headers}\n{string.Join(';', signedHeaders)}\n{bodyHash}";
    }

    private static string Encode(string text)
    {
        var encoded = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
