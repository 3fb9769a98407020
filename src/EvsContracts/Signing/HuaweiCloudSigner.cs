using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EvsContracts;

/// <summary>
/// Huawei Cloud's <c>SDK-HMAC-SHA256</c> request signature ("API Request Signing Guide", support.huaweicloud.com,
/// devg-apisign), computed as Huawei's own signer computes it (<c>auth/AKSKSigner.js</c> of the npm package
/// <c>@huaweicloud/huaweicloud-sdk-core</c> 3.1.211, and <c>core/auth/signer</c> of huaweicloud-sdk-go-v3).
/// </summary>
/// <remarks>
/// <para>
/// Canonical request: method, canonical URI, canonical query, canonical headers, signed header names and the hex
/// SHA-256 of the body, joined by line feeds. The URI's path segments and the query's names and values are decoded
/// from the request as sent and encoded again: bytes outside <c>A-Za-z0-9-_.~</c> become <c>%XX</c> (upper-case hex),
/// the path ends with <c>/</c> (the request itself is sent without it), query parameters are sorted by name then value
/// (ordinal, on the decoded bytes), and <c>+</c> is a plus sign, not a space. The string to sign is the algorithm, the
/// <c>X-Sdk-Date</c> and the hex SHA-256 of the canonical request; the signature is the hex HMAC-SHA256 of it keyed
/// with the secret key, with no key derivation.
/// </para>
/// <para>
/// Signed headers: <c>host</c>, <c>x-sdk-date</c>, and every other header the request carries when it is signed,
/// <c>Content-Type</c> included (as Huawei's Node.js signer does), except <c>Authorization</c>, those the HTTP stack
/// itself owns or rewrites (<c>Content-Length</c>, <c>Transfer-Encoding</c>, <c>Connection</c>, <c>Expect</c>,
/// <c>Cookie</c>, ...) and names with an underscore, which proxies such as nginx drop by default. Values are trimmed;
/// several values of one header are joined as HttpClient sends them.
/// </para>
/// </remarks>
internal static class HuaweiCloudSigner
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateHeader = "X-Sdk-Date";
    public const string ProjectIdHeader = "X-Project-Id";
    public const string SecurityTokenHeader = "X-Security-Token";
    public const string ContentSha256Header = "X-Sdk-Content-Sha256";
    private const string AuthorizationHeader = "Authorization";

    /// <summary>Length of <c>yyyyMMddTHHmmssZ</c>.</summary>
    private const int DateLength = 16;

    private static readonly SearchValues<byte> s_unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"u8);

    private static readonly SearchValues<char> s_unreservedChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");

    // A SHA-256 kept by each thread: the one-shot SHA256.HashData sets up and tears down a hash context every time,
    // which costs more than hashing a request. Signing never yields, so a thread uses its own one at a time.
    [ThreadStatic]
    private static IncrementalHash? s_sha256;

    /// <summary>The SHA-256 of no bytes, the body hash of every request without a body.</summary>
    private static readonly byte[] s_emptySha256 = SHA256.HashData([]);

    /// <summary>
    /// Adds <c>X-Sdk-Date</c> (from <paramref name="now"/>), <c>X-Project-Id</c> and <c>X-Security-Token</c> (when the
    /// credentials have them) and <c>Authorization</c> to <paramref name="request"/>, signed over
    /// <paramref name="body"/>, the exact bytes sent.
    /// </summary>
    public static void Sign(HttpRequestMessage request, HuaweiCloudCredentials credentials, DateTimeOffset now, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            SignHashed(request, credentials, now, s_emptySha256);
            return;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Sha256(body, hash);
        SignHashed(request, credentials, now, hash);
    }

    /// <summary>
    /// Signs <paramref name="request"/> over the exact bytes it sends, at the time <paramref name="timeProvider"/> gives
    /// when the signature is made: a body whose bytes are at hand (none, or the generated client's own) is hashed as it
    /// is; any other is buffered once, so that what is hashed is what goes out, and hashed from that buffer.
    /// </summary>
    public static async ValueTask SignAsync(HttpRequestMessage request, HuaweiCloudCredentials credentials, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (TrySignUnbuffered(request, credentials, timeProvider))
        {
            return;
        }

        HttpContent content = request.Content!;
        await content.LoadIntoBufferAsync().ConfigureAwait(false);
        byte[] hash;
        using (Stream body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            hash = await SHA256.HashDataAsync(body, cancellationToken).ConfigureAwait(false);
        }

        SignHashed(request, credentials, timeProvider.GetUtcNow(), hash);
    }

    /// <summary>Signs a request without a body, or with the generated client's own body; false for any other body.</summary>
    public static bool TrySignUnbuffered(HttpRequestMessage request, HuaweiCloudCredentials credentials, TimeProvider timeProvider)
    {
        switch (request.Content)
        {
            case null:
                Sign(request, credentials, timeProvider.GetUtcNow(), []);
                return true;
            case PooledJsonContent pooled:
                Sign(request, credentials, timeProvider.GetUtcNow(), pooled.Bytes);
                return true;
            default:
                return false;
        }
    }

    /// <summary>As <see cref="Sign"/>, with the SHA-256 of the body computed by the caller.</summary>
    public static void SignHashed(HttpRequestMessage request, HuaweiCloudCredentials credentials, DateTimeOffset now, ReadOnlySpan<byte> bodySha256)
    {
        HttpRequestHeaders headers = request.Headers;
        SigningDate date = SigningDate.For(now);

        // A request signed before (sent again by a retry) is dated and signed anew.
        headers.Remove(DateHeader);
        headers.Remove(AuthorizationHeader);
        headers.TryAddWithoutValidation(DateHeader, date.Text);
        if (credentials.ProjectId is { } projectId && !headers.Contains(ProjectIdHeader))
        {
            headers.TryAddWithoutValidation(ProjectIdHeader, projectId);
        }

        if (credentials.SecurityToken is { } securityToken && !headers.Contains(SecurityTokenHeader))
        {
            headers.TryAddWithoutValidation(SecurityTokenHeader, securityToken);
        }

        var canonical = new CanonicalBuffer(1024);
        try
        {
            Range signedHeaders = WriteCanonicalRequest(ref canonical, request, bodySha256);

            // "SDK-HMAC-SHA256\n" + date + "\n" + hex(SHA-256(canonical request))
            Span<byte> stringToSign = stackalloc byte[Algorithm.Length + 1 + DateLength + 1 + (2 * SHA256.HashSizeInBytes)];
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            Sha256(canonical.Written, digest);
            "SDK-HMAC-SHA256\n"u8.CopyTo(stringToSign);
            date.Utf8.CopyTo(stringToSign[(Algorithm.Length + 1)..]);
            stringToSign[Algorithm.Length + 1 + DateLength] = (byte)'\n';
            WriteHex(digest, stringToSign[(Algorithm.Length + 2 + DateLength)..]);

            Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
            credentials.ComputeHmac(stringToSign, signature);

            (int start, int length) = signedHeaders.GetOffsetAndLength(canonical.Length);
            headers.TryAddWithoutValidation(AuthorizationHeader, Authorization(credentials.AccessKey, canonical.Slice(start, length), signature));
        }
        finally
        {
            canonical.Dispose();
        }
    }

    private static void Sha256(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        // Taken out while in use, so a hash that fails half-way leaves no half-fed instance behind.
        IncrementalHash sha256 = s_sha256 ?? IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        s_sha256 = null;
        sha256.AppendData(data);
        sha256.GetHashAndReset(hash);
        s_sha256 = sha256;
    }

    /// <summary>The canonical request for <paramref name="request"/> as it stands, for tests and diagnosis.</summary>
    internal static string CanonicalRequest(HttpRequestMessage request, ReadOnlySpan<byte> bodySha256)
    {
        var canonical = new CanonicalBuffer(1024);
        try
        {
            WriteCanonicalRequest(ref canonical, request, bodySha256);
            return Encoding.UTF8.GetString(canonical.Written);
        }
        finally
        {
            canonical.Dispose();
        }
    }

    /// <summary>Writes the canonical request and returns where the signed header names are in it.</summary>
    private static Range WriteCanonicalRequest(ref CanonicalBuffer canonical, HttpRequestMessage request, ReadOnlySpan<byte> bodySha256)
    {
        Uri uri = request.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : throw new InvalidOperationException("Only a request with an absolute URI can be signed.");

        canonical.AppendUtf8(request.Method.Method);
        canonical.Append((byte)'\n');
        WriteCanonicalPath(ref canonical, uri.AbsolutePath);
        canonical.Append((byte)'\n');
        WriteCanonicalQuery(ref canonical, uri.Query);
        canonical.Append((byte)'\n');

        // A request carries a handful of headers: they are collected on the stack, and only more spill to the pool.
        var headers = default(HeaderEntries);
        try
        {
            CollectHeaders(request, uri, ref headers);
            Span<HeaderEntry> sorted = headers.Written;
            SortHeaders(sorted);

            string? payloadHash = null;
            foreach (HeaderEntry entry in sorted)
            {
                canonical.AppendLowerAscii(entry.Name);
                canonical.Append((byte)':');
                canonical.AppendUtf8(entry.Value.AsSpan().Trim());
                canonical.Append((byte)'\n');
                if (entry.Name.Equals(ContentSha256Header, StringComparison.OrdinalIgnoreCase))
                {
                    payloadHash = entry.Value.Trim();
                }
            }

            canonical.Append((byte)'\n');
            int signedStart = canonical.Length;
            for (int i = 0; i < sorted.Length; i++)
            {
                if (i > 0)
                {
                    canonical.Append((byte)';');
                }

                canonical.AppendLowerAscii(sorted[i].Name);
            }

            int signedEnd = canonical.Length;
            canonical.Append((byte)'\n');

            // X-Sdk-Content-Sha256 (UNSIGNED-PAYLOAD, or a hash the caller computed) stands for the body's hash.
            if (payloadHash is not null)
            {
                canonical.AppendUtf8(payloadHash);
            }
            else
            {
                Span<byte> hex = stackalloc byte[2 * SHA256.HashSizeInBytes];
                WriteHex(bodySha256, hex);
                canonical.Append(hex);
            }

            return signedStart..signedEnd;
        }
        finally
        {
            headers.Dispose();
        }
    }

    private static void CollectHeaders(HttpRequestMessage request, Uri uri, ref HeaderEntries entries)
    {
        bool hasHost = false;
        foreach (KeyValuePair<string, HeaderStringValues> header in request.Headers.NonValidated)
        {
            hasHost |= header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase);
            if (IsSigned(header.Key))
            {
                entries.Add(new HeaderEntry(header.Key, header.Value.ToString()));
            }
        }

        if (request.Content is { } content)
        {
            foreach (KeyValuePair<string, HeaderStringValues> header in content.Headers.NonValidated)
            {
                if (IsSigned(header.Key))
                {
                    entries.Add(new HeaderEntry(header.Key, header.Value.ToString()));
                }
            }
        }

        if (!hasHost)
        {
            // What HttpClient sends when no Host header is set: the host, and the port unless it is the scheme's own.
            string host = uri.HostNameType == UriHostNameType.Dns ? uri.IdnHost : uri.Host;
            entries.Add(new HeaderEntry("host", uri.IsDefaultPort ? host : string.Concat(host, ":", uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    /// <summary>
    /// Sorts by name as the lower-case forms compare, ordinally. An insertion sort: a request has a few headers, and
    /// the library's sort would box the comparer and make a delegate of it for every request.
    /// </summary>
    private static void SortHeaders(Span<HeaderEntry> headers)
    {
        for (int i = 1; i < headers.Length; i++)
        {
            HeaderEntry current = headers[i];
            int j = i - 1;
            while (j >= 0 && CompareNames(headers[j].Name, current.Name) > 0)
            {
                headers[j + 1] = headers[j];
                j--;
            }

            headers[j + 1] = current;
        }

        static int CompareNames(string a, string b)
        {
            int common = Math.Min(a.Length, b.Length);
            for (int i = 0; i < common; i++)
            {
                int difference = char.ToLowerInvariant(a[i]) - char.ToLowerInvariant(b[i]);
                if (difference != 0)
                {
                    return difference;
                }
            }

            return a.Length - b.Length;
        }
    }

    /// <summary>Whether a header is signed; the names left out are told apart by their length first.</summary>
    private static bool IsSigned(string name) =>
        !name.Contains('_')
        && name.Length switch
        {
            2 => !name.Equals("TE", StringComparison.OrdinalIgnoreCase),
            6 => !name.Equals("Expect", StringComparison.OrdinalIgnoreCase) && !name.Equals("Cookie", StringComparison.OrdinalIgnoreCase),
            7 => !name.Equals("Trailer", StringComparison.OrdinalIgnoreCase) && !name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase),
            10 => !name.Equals("Connection", StringComparison.OrdinalIgnoreCase) && !name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase),
            13 => !name.Equals(AuthorizationHeader, StringComparison.OrdinalIgnoreCase),
            14 => !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase),
            16 => !name.Equals("Proxy-Connection", StringComparison.OrdinalIgnoreCase),
            17 => !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase),
            19 => !name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };

    /// <summary>Each segment of the escaped path decoded and encoded again; a trailing <c>/</c> is added when missing.</summary>
    private static void WriteCanonicalPath(ref CanonicalBuffer canonical, string escapedPath)
    {
        ReadOnlySpan<char> rest = escapedPath;
        while (true)
        {
            int slash = rest.IndexOf('/');
            WriteEncoded(ref canonical, slash < 0 ? rest : rest[..slash]);
            if (slash < 0)
            {
                break;
            }

            canonical.Append((byte)'/');
            rest = rest[(slash + 1)..];
        }

        if (canonical.Written[^1] != (byte)'/')
        {
            canonical.Append((byte)'/');
        }
    }

    /// <summary>The query's parameters decoded, sorted by name then value, encoded again and joined with <c>&amp;</c>.</summary>
    private static void WriteCanonicalQuery(ref CanonicalBuffer canonical, string escapedQuery)
    {
        ReadOnlySpan<char> query = escapedQuery.AsSpan().TrimStart('?');
        if (query.IsEmpty)
        {
            return;
        }

        // The decoded names and values go into a scratch buffer; the parameters point into it.
        var decoded = new CanonicalBuffer(query.Length);
        QueryParameter[] parameters = ArrayPool<QueryParameter>.Shared.Rent(8);
        int count = 0;
        try
        {
            ReadOnlySpan<char> rest = query;
            while (!rest.IsEmpty)
            {
                int ampersand = rest.IndexOf('&');
                ReadOnlySpan<char> pair = ampersand < 0 ? rest : rest[..ampersand];
                rest = ampersand < 0 ? [] : rest[(ampersand + 1)..];
                if (pair.IsEmpty)
                {
                    continue;
                }

                int equals = pair.IndexOf('=');
                ReadOnlySpan<char> name = equals < 0 ? pair : pair[..equals];
                ReadOnlySpan<char> value = equals < 0 ? [] : pair[(equals + 1)..];
                int nameStart = decoded.Length;
                Decode(ref decoded, name);
                int valueStart = decoded.Length;
                Decode(ref decoded, value);
                if (count == parameters.Length)
                {
                    QueryParameter[] larger = ArrayPool<QueryParameter>.Shared.Rent(count * 2);
                    parameters.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<QueryParameter>.Shared.Return(parameters);
                    parameters = larger;
                }

                parameters[count++] = new QueryParameter(nameStart, valueStart - nameStart, valueStart, decoded.Length - valueStart);
            }

            Span<QueryParameter> sorted = parameters.AsSpan(0, count);
            SortParameters(sorted, decoded.Written);
            for (int i = 0; i < sorted.Length; i++)
            {
                if (i > 0)
                {
                    canonical.Append((byte)'&');
                }

                QueryParameter parameter = sorted[i];
                Encode(ref canonical, decoded.Slice(parameter.NameStart, parameter.NameLength));
                canonical.Append((byte)'=');
                Encode(ref canonical, decoded.Slice(parameter.ValueStart, parameter.ValueLength));
            }
        }
        finally
        {
            ArrayPool<QueryParameter>.Shared.Return(parameters);
            decoded.Dispose();
        }
    }

    /// <summary>
    /// Sorts by decoded name, then decoded value, byte by byte. An insertion sort: a query has a few parameters, and
    /// the comparison needs the decoded bytes, which a span-capturing comparer cannot carry into the library's sort.
    /// </summary>
    private static void SortParameters(Span<QueryParameter> parameters, ReadOnlySpan<byte> decoded)
    {
        for (int i = 1; i < parameters.Length; i++)
        {
            QueryParameter current = parameters[i];
            int j = i - 1;
            while (j >= 0 && Compare(parameters[j], current, decoded) > 0)
            {
                parameters[j + 1] = parameters[j];
                j--;
            }

            parameters[j + 1] = current;
        }

        static int Compare(QueryParameter x, QueryParameter y, ReadOnlySpan<byte> decoded)
        {
            int byName = decoded.Slice(x.NameStart, x.NameLength).SequenceCompareTo(decoded.Slice(y.NameStart, y.NameLength));
            return byName != 0 ? byName : decoded.Slice(x.ValueStart, x.ValueLength).SequenceCompareTo(decoded.Slice(y.ValueStart, y.ValueLength));
        }
    }

    private static void WriteEncoded(ref CanonicalBuffer canonical, ReadOnlySpan<char> escaped)
    {
        if (escaped.IsEmpty)
        {
            return;
        }

        // Most segments (a version, an id, a resource name) are already in canonical form.
        if (!escaped.ContainsAnyExcept(s_unreservedChars))
        {
            canonical.AppendUtf8(escaped);
            return;
        }

        var decoded = new CanonicalBuffer(escaped.Length);
        try
        {
            Decode(ref decoded, escaped);
            Encode(ref canonical, decoded.Written);
        }
        finally
        {
            decoded.Dispose();
        }
    }

    /// <summary>Percent-decodes to bytes; a <c>%</c> not followed by two hex digits stays as it is.</summary>
    private static void Decode(ref CanonicalBuffer target, ReadOnlySpan<char> escaped)
    {
        for (int i = 0; i < escaped.Length; i++)
        {
            char c = escaped[i];
            if (c == '%' && i + 2 < escaped.Length && char.IsAsciiHexDigit(escaped[i + 1]) && char.IsAsciiHexDigit(escaped[i + 2]))
            {
                target.Append((byte)((HexValue(escaped[i + 1]) << 4) | HexValue(escaped[i + 2])));
                i += 2;
            }
            else if (char.IsAscii(c))
            {
                target.Append((byte)c);
            }
            else
            {
                // A Uri keeps some characters unescaped; they count as their UTF-8 bytes.
                int end = i + 1;
                while (end < escaped.Length && !char.IsAscii(escaped[end]))
                {
                    end++;
                }

                target.AppendUtf8(escaped[i..end]);
                i = end - 1;
            }
        }
    }

    /// <summary>Percent-encodes every byte outside <c>A-Za-z0-9-_.~</c>, with upper-case hex.</summary>
    private static void Encode(ref CanonicalBuffer target, ReadOnlySpan<byte> raw)
    {
        while (!raw.IsEmpty)
        {
            int reserved = raw.IndexOfAnyExcept(s_unreserved);
            if (reserved < 0)
            {
                target.Append(raw);
                return;
            }

            target.Append(raw[..reserved]);
            target.Append((byte)'%');
            target.Append("0123456789ABCDEF"u8[raw[reserved] >> 4]);
            target.Append("0123456789ABCDEF"u8[raw[reserved] & 0xF]);
            raw = raw[(reserved + 1)..];
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void WriteHex(ReadOnlySpan<byte> bytes, Span<byte> target)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            target[2 * i] = "0123456789abcdef"u8[bytes[i] >> 4];
            target[(2 * i) + 1] = "0123456789abcdef"u8[bytes[i] & 0xF];
        }
    }

    private static string Authorization(string accessKey, ReadOnlySpan<byte> signedHeaders, ReadOnlySpan<byte> signature)
    {
        const string Access = "SDK-HMAC-SHA256 Access=";
        const string Signed = ", SignedHeaders=";
        const string Signature = ", Signature=";
        int length = Access.Length + accessKey.Length + Signed.Length + signedHeaders.Length + Signature.Length + (2 * signature.Length);
        Span<byte> hex = stackalloc byte[2 * HMACSHA256.HashSizeInBytes];
        WriteHex(signature, hex);

        // The names are ASCII, so each byte is one char.
        Span<char> text = length <= 512 ? stackalloc char[length] : new char[length];
        int at = 0;
        Access.CopyTo(text);
        at += Access.Length;
        accessKey.CopyTo(text[at..]);
        at += accessKey.Length;
        Signed.CopyTo(text[at..]);
        at += Signed.Length;
        at += Encoding.ASCII.GetChars(signedHeaders, text[at..]);
        Signature.CopyTo(text[at..]);
        at += Signature.Length;
        Encoding.ASCII.GetChars(hex, text[at..]);
        return new string(text);
    }

    private readonly record struct HeaderEntry(string Name, string Value);

    /// <summary>
    /// Room for the signed headers of a request: sixteen on the stack, and an array from the pool when a request has
    /// more.
    /// </summary>
    private struct HeaderEntries : IDisposable
    {
        private InlineHeaders _inline;
        private HeaderEntry[]? _spilled;
        private int _count;

        [UnscopedRef]
        public Span<HeaderEntry> Written => Room[.._count];

        [UnscopedRef]
        private Span<HeaderEntry> Room => _spilled is { } spilled ? spilled : _inline;

        public void Add(HeaderEntry entry)
        {
            Span<HeaderEntry> room = Room;
            if (_count == room.Length)
            {
                HeaderEntry[] larger = ArrayPool<HeaderEntry>.Shared.Rent(_count * 2);
                room.CopyTo(larger);
                if (_spilled is not null)
                {
                    ArrayPool<HeaderEntry>.Shared.Return(_spilled, clearArray: true);
                }

                _spilled = larger;
                room = larger;
            }

            room[_count++] = entry;
        }

        public void Dispose()
        {
            if (_spilled is { } spilled)
            {
                _spilled = null;
                ArrayPool<HeaderEntry>.Shared.Return(spilled, clearArray: true);
            }
        }
    }

    [System.Runtime.CompilerServices.InlineArray(16)]
    private struct InlineHeaders
    {
        private HeaderEntry _first;
    }

    /// <summary>
    /// <c>X-Sdk-Date</c> for one second, <c>yyyyMMddTHHmmssZ</c> in UTC, as text for the header and as the bytes the
    /// string to sign holds. The last one made is kept, so requests signed within the same second share it.
    /// </summary>
    private sealed class SigningDate
    {
        private static SigningDate? s_last;

        private SigningDate(long second, byte[] utf8)
        {
            Second = second;
            Utf8 = utf8;
            Text = Encoding.ASCII.GetString(utf8);
        }

        public long Second { get; }

        public byte[] Utf8 { get; }

        public string Text { get; }

        public static SigningDate For(DateTimeOffset now)
        {
            long second = now.UtcTicks / TimeSpan.TicksPerSecond;
            SigningDate? last = Volatile.Read(ref s_last);
            if (last is not null && last.Second == second)
            {
                return last;
            }

            DateTime utc = now.UtcDateTime;
            byte[] text = new byte[DateLength];
            Digits(text.AsSpan(0, 4), utc.Year);
            Digits(text.AsSpan(4, 2), utc.Month);
            Digits(text.AsSpan(6, 2), utc.Day);
            text[8] = (byte)'T';
            Digits(text.AsSpan(9, 2), utc.Hour);
            Digits(text.AsSpan(11, 2), utc.Minute);
            Digits(text.AsSpan(13, 2), utc.Second);
            text[15] = (byte)'Z';
            var date = new SigningDate(second, text);
            Volatile.Write(ref s_last, date);
            return date;

            static void Digits(Span<byte> target, int value)
            {
                for (int i = target.Length - 1; i >= 0; i--)
                {
                    target[i] = (byte)('0' + (value % 10));
                    value /= 10;
                }
            }
        }
    }

    private readonly record struct QueryParameter(int NameStart, int NameLength, int ValueStart, int ValueLength);

}
