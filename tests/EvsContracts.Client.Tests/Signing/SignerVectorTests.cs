using System.Security.Cryptography;
using System.Text;
using EvsContracts.Client.Tests.Infrastructure;

namespace EvsContracts.Client.Tests.Signing;

/// <summary>
/// The test vectors of Huawei Cloud's Go SDK (huaweicloud-sdk-go-v3, <c>core/auth/signer/signer_test.go</c>): AK
/// <c>AccessKey</c>, SK <c>SecretKey</c>, date 20060102T150405Z, and the signatures and canonical query it expects.
/// </summary>
/// <remarks>
/// The Go test signs only <c>X-Sdk-Date</c> (its request has no host header yet, and the Go signer leaves
/// <c>Content-Type</c> out); this signer always signs <c>host</c>. The vectors are checked on this signer's canonical
/// request less its host line: the canonicalization, hashing and HMAC are this signer's, only the header set is Go's.
/// </remarks>
public sealed class SignerVectorTests : SecretKeyWatch.Test
{
    private static readonly DateTimeOffset s_date = new(2006, 1, 2, 15, 4, 5, TimeSpan.Zero);
    private static readonly HuaweiCloudCredentials s_credentials = new("AccessKey", "SecretKey");

    [Fact]
    public void A_GET_with_a_query_signs_as_the_Go_SDK_expects()
    {
        // testParam1: GET https://example.huaweicloud.com/path?limit=1, no body.
        Assert.Equal("5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624", GoSignature(HttpMethod.Get, "limit=1", []));
    }

    [Fact]
    public void A_POST_with_a_body_signs_as_the_Go_SDK_expects()
    {
        // testParam2: POST /path?key=value with the body Go's JSON encoder writes for {Name: "test", Id: 1}.
        Assert.Equal("cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59", GoSignature(HttpMethod.Post, "key=value", "{\"Name\":\"test\",\"Id\":1}\n"u8.ToArray()));
    }

    [Fact]
    public void The_canonical_query_equals_the_Go_SDKs()
    {
        // TestSigner_canonicalQueryString: limit, enable, a CJK value with reserved characters, a path, a repeated key.
        var query = new (string, string)[] { ("limit", "1"), ("enable", "true"), ("test", "一 (&=?!#%.*)"), ("path", "/tmp/123"), ("multi", "1"), ("multi", "2"), ("multi", "3") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.huaweicloud.com/path?" + string.Join('&', query.Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2))));

        string canonical = HuaweiCloudSigner.CanonicalRequest(request, SHA256.HashData([]));

        Assert.Equal("enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29", canonical.Split('\n')[2]);
    }

    [Fact]
    public void Signing_again_replaces_the_date_and_the_signature_and_keeps_one_of_each()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.huaweicloud.com/path?limit=1");
        HuaweiCloudSigner.Sign(request, FakeCredentials.Create(FakeCredentials.ProjectId), s_date, []);
        string first = request.Headers.GetValues("Authorization").Single();

        HuaweiCloudSigner.Sign(request, FakeCredentials.Create(FakeCredentials.ProjectId), s_date.AddMinutes(1), []);

        Assert.Equal("20060102T150505Z", request.Headers.GetValues("X-Sdk-Date").Single());
        Assert.Single(request.Headers.GetValues("X-Project-Id"));
        Assert.NotEqual(first, request.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void Requests_signed_at_once_on_many_threads_with_two_keys_each_carry_their_own_keys_signature()
    {
        // The keyed HMACs are kept for reuse and a SHA-256 by each thread: more threads than the kept HMACs, each
        // signing different requests with either key, must give every request the signature of its own key and bytes.
        (HuaweiCloudCredentials Credentials, byte[] SecretKey)[] keys =
        [
            (new HuaweiCloudCredentials("AccessKeyOne", "SecretKeyOne"), "SecretKeyOne"u8.ToArray()),
            (new HuaweiCloudCredentials("AccessKeyTwo", "SecretKeyTwo"), "SecretKeyTwo"u8.ToArray()),
        ];
        const int Threads = 8;
        const int RequestsPerThread = 200;
        var wrong = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var start = new Barrier(Threads);
        Thread[] threads = [.. Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < RequestsPerThread; i++)
            {
                (HuaweiCloudCredentials credentials, byte[] secretKey) = keys[(t + i) % 2];
                byte[] body = Encoding.UTF8.GetBytes($"{{\"thread\":{t},\"request\":{i}}}");
                using var request = new HttpRequestMessage(HttpMethod.Post, $"https://example.huaweicloud.com/v2/{t}/volumes?n={i}");
                HuaweiCloudSigner.Sign(request, credentials, s_date.AddSeconds(i), body);

                string authorization = request.Headers.GetValues("Authorization").Single();
                string expected = $"SDK-HMAC-SHA256 Access={credentials.AccessKey}, SignedHeaders=host;x-sdk-date, Signature={Signature(request, body, secretKey)}";
                if (authorization != expected)
                {
                    wrong.Enqueue($"thread {t}, request {i}: {authorization}, expected {expected}");
                }
            }
        })
        { IsBackground = true })];

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.Empty(wrong);
    }

    /// <summary>The signature computed from the canonical request step by step, with one-shot hashes.</summary>
    private static string Signature(HttpRequestMessage request, byte[] body, byte[] secretKey)
    {
        string canonical = HuaweiCloudSigner.CanonicalRequest(request, SHA256.HashData(body));
        string date = request.Headers.GetValues("X-Sdk-Date").Single();
        string stringToSign = $"SDK-HMAC-SHA256\n{date}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(secretKey, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static string GoSignature(HttpMethod method, string query, byte[] body)
    {
        using var request = new HttpRequestMessage(method, "https://example.huaweicloud.com/path?" + query);
        HuaweiCloudSigner.Sign(request, s_credentials, s_date, body);
        Assert.Equal("20060102T150405Z", request.Headers.GetValues("X-Sdk-Date").Single());

        string canonical = HuaweiCloudSigner.CanonicalRequest(request, SHA256.HashData(body))
            .Replace("host:example.huaweicloud.com\n", "", StringComparison.Ordinal)
            .Replace("\nhost;x-sdk-date\n", "\nx-sdk-date\n", StringComparison.Ordinal);
        string stringToSign = "SDK-HMAC-SHA256\n20060102T150405Z\n" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();
        return Convert.ToHexString(HMACSHA256.HashData("SecretKey"u8, Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();
    }
}
