using System.Security.Cryptography;
using System.Text;
using EvsContracts.Client.Tests.Infrastructure;

namespace EvsContracts.Client.Tests.Signing;

/// <summary>
/// The runtime's signer against Huawei's own (<see cref="HuaweiSigner"/>): for the same request, credentials and date,
/// the same canonical request and the same <c>Authorization</c> header.
/// </summary>
public sealed class HuaweiSignerOracleTests(HuaweiSigner huawei) : SecretKeyWatch.Test, IClassFixture<HuaweiSigner>
{
    private const string Host = "evs.cn-north-4.myhuaweicloud.com";
    private static readonly DateTimeOffset s_date = new(2026, 12, 6, 23, 59, 58, TimeSpan.Zero);

    /// <summary>
    /// Path segments and query values as the caller means them (decoded); the request sends them escaped. Paths avoid
    /// the characters Node's url.parse escapes before Huawei's signer escapes them again (space, quotes, braces, ...).
    /// </summary>
    private static readonly Case[] s_cases =
    [
        new("plain GET", "GET", ["v2", Answers.Project, "snapshots", Answers.SnapshotId], [], null),
        new("path that needs escaping", "GET", ["v2", Answers.Project, "snapshots", "a:b@c!$&()*+,;=", "快照", "100%", "x~y_z.-"], [], null),
        new("CJK query values", "GET", ["v2", Answers.Project, "snapshots"], [("name", "快照 备份"), ("status", "available"), ("limit", "10")], null),
        new("repeated query keys", "GET", ["v2", Answers.Project, "snapshots"], [("tag", "b"), ("tag", "a"), ("z", "1"), ("tag", "c"), ("a", "")], null),
        new("reserved characters in the query", "GET", ["v2", "p", "snapshots"], [("q", "a+b c/d~e*f'g(h)=i&j"), ("marker", "中/文")], null),
        new("empty body", "DELETE", ["v2", Answers.Project, "snapshots", Answers.SnapshotId], [], null),
        new("empty JSON body", "POST", ["v2", Answers.Project, "snapshots"], [], "{}"),
        new("JSON body", "POST", ["v2", Answers.Project, "snapshots"], [], """{"snapshot":{"volume_id":"cf7fc691-5f18-4c42-8525-5761990b4b03","name":"备份-1","description":"nightly \"full\"","force":false,"metadata":{"k":"v"}}}"""),
        new("project id and security token", "PUT", ["v2", Answers.Project, "snapshots", Answers.SnapshotId], [("x", "1")], """{"snapshot":{"name":"renamed"}}""", FakeCredentials.ProjectId, FakeCredentials.SecurityToken),
    ];

    [NodeFact]
    public async Task The_canonical_request_and_the_signature_equal_Huawei_signers()
    {
        var ours = new List<(string Canonical, string Authorization)>();
        var theirs = new List<HuaweiSigner.SigningCase>();
        foreach (Case c in s_cases)
        {
            HuaweiCloudCredentials credentials = FakeCredentials.Create(c.ProjectId, c.SecurityToken);
            using HttpRequestMessage request = c.Request();
            byte[] body = c.Body is null ? [] : Encoding.UTF8.GetBytes(c.Body);
            HuaweiCloudSigner.Sign(request, credentials, s_date, body);
            ours.Add((HuaweiCloudSigner.CanonicalRequest(request, SHA256.HashData(body)), request.Headers.GetValues("Authorization").Single()));

            // Huawei's signer gets the headers this signer signed (it adds host itself), with the same date.
            string signed = request.Headers.GetValues("Authorization").Single().Split("SignedHeaders=")[1].Split(',')[0];
            var headers = new Dictionary<string, string>();
            foreach (string name in signed.Split(';').Where(n => n != "host"))
            {
                string value = request.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.Single() : request.Content!.Headers.GetValues(name).Single();
                headers[name == "x-sdk-date" ? "X-Sdk-Date" : name] = value;
            }

            theirs.Add(new HuaweiSigner.SigningCase(
                c.Name,
                c.Method,
                Host,
                "/" + string.Join('/', c.Segments),
                c.Query.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Count() == 1 ? (object)g.Single().Value : g.Select(p => p.Value).ToArray()),
                headers,
                c.Body,
                FakeCredentials.AccessKey,
                FakeCredentials.SecretKey));
        }

        IReadOnlyList<HuaweiSigner.SignerAnswer> answers = await huawei.SignAsync(theirs);

        Assert.Equal(s_cases.Length, answers.Count);
        for (int i = 0; i < s_cases.Length; i++)
        {
            Assert.Equal(s_cases[i].Name, answers[i].Name);
            Assert.Equal(answers[i].Canonical, ours[i].Canonical);
            Assert.Equal(answers[i].Authorization, ours[i].Authorization);
        }

        // The cases reach what they are meant to: escaped path bytes, CJK, repeated keys sorted by value, the token.
        Assert.Contains("/a%3Ab%40c%21%24%26%28%29%2A%2B%2C%3B%3D/%E5%BF%AB%E7%85%A7/100%25/x~y_z.-/\n", ours[1].Canonical, StringComparison.Ordinal);
        Assert.Contains("\nlimit=10&name=%E5%BF%AB%E7%85%A7%20%E5%A4%87%E4%BB%BD&status=available\n", ours[2].Canonical, StringComparison.Ordinal);
        Assert.Contains("\na=&tag=a&tag=b&tag=c&z=1\n", ours[3].Canonical, StringComparison.Ordinal);
        Assert.Contains("x-security-token:" + FakeCredentials.SecurityToken, ours[8].Canonical, StringComparison.Ordinal);
    }

    private sealed record Case(
        string Name,
        string Method,
        string[] Segments,
        (string Name, string Value)[] Query,
        string? Body,
        string? ProjectId = null,
        string? SecurityToken = null)
    {
        public HttpRequestMessage Request()
        {
            string query = Query.Length == 0 ? "" : "?" + string.Join('&', Query.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
            var request = new HttpRequestMessage(new HttpMethod(Method), new Uri($"https://{Host}/{string.Join('/', Segments.Select(Uri.EscapeDataString))}{query}"));
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            if (Body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            }

            return request;
        }
    }
}
