using System.Text;

namespace EvsContracts.Client.Tests.Infrastructure;

/// <summary>
/// One recorded exchange with a real Cinder (<c>Captures/*.txt</c>): the curl request that was sent, then the raw
/// HTTP answer (status line, headers, blank line, body).
/// </summary>
internal sealed class Capture
{
    private Capture(string name, string requestUrl, IReadOnlyDictionary<string, string> requestHeaders, string requestBody, int status, IReadOnlyList<KeyValuePair<string, string>> headers, string body)
    {
        Name = name;
        RequestUrl = requestUrl;
        RequestHeaders = requestHeaders;
        RequestBody = requestBody;
        Status = status;
        Headers = headers;
        Body = body;
    }

    public string Name { get; }

    public string RequestUrl { get; }

    public IReadOnlyDictionary<string, string> RequestHeaders { get; }

    public string RequestBody { get; }

    public int Status { get; }

    /// <summary>The answer's headers in their recorded order and spelling.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The answer's body, exactly Content-Length bytes of it.</summary>
    public string Body { get; }

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Captures");

    public static IReadOnlyList<string> Names =>
        System.IO.Directory.GetFiles(Directory, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;

    public static Capture Load(string name) => Parse(name, File.ReadAllText(Path.Combine(Directory, name + ".txt"), Encoding.UTF8));

    /// <summary>The answer's header, or null (names are case-insensitive).</summary>
    public string? Header(string name)
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    public override string ToString() => Name;

    internal static Capture Parse(string name, string text)
    {
        // curl wrote the request as ">>> " lines, then the answer with CRLF line ends; git or an editor may have
        // turned those into LF, so both are accepted.
        int answer = text.IndexOf("\nHTTP/", StringComparison.Ordinal);
        if (answer < 0)
        {
            throw new FormatException($"{name}: no HTTP status line.");
        }

        string requestUrl = string.Empty;
        string requestBody = string.Empty;
        var requestHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string[] requestLines = text[..answer].Split('\n');
        for (int i = 0; i < requestLines.Length; i++)
        {
            string line = requestLines[i].TrimEnd('\r');
            if (!line.StartsWith(">>> ", StringComparison.Ordinal))
            {
                continue;
            }

            string item = line[4..];
            if (item.StartsWith("POST ", StringComparison.Ordinal))
            {
                requestUrl = item[5..];
            }
            else if (item.StartsWith("body: ", StringComparison.Ordinal))
            {
                requestBody = item[6..];
            }
            else if (item == "-H" && i + 1 < requestLines.Length)
            {
                string header = requestLines[++i].TrimEnd('\r')[4..];
                int colon = header.IndexOf(':', StringComparison.Ordinal);
                requestHeaders[header[..colon].Trim()] = header[(colon + 1)..].Trim();
            }
        }

        string response = text[(answer + 1)..];
        int crlfEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        int lfEnd = response.IndexOf("\n\n", StringComparison.Ordinal);
        (int headEnd, int separator) = crlfEnd >= 0 && (lfEnd < 0 || crlfEnd < lfEnd) ? (crlfEnd, 4) : (lfEnd, 2);
        if (headEnd < 0)
        {
            throw new FormatException($"{name}: the headers do not end.");
        }

        string[] headLines = response[..headEnd].Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string[] statusLine = headLines[0].Split(' ', 3);
        int status = int.Parse(statusLine[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in headLines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        byte[] rest = Encoding.UTF8.GetBytes(response[(headEnd + separator)..]);
        string? declared = headers.FirstOrDefault(h => string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        int length = declared is null ? rest.Length : int.Parse(declared, System.Globalization.CultureInfo.InvariantCulture);
        if (length > rest.Length)
        {
            throw new FormatException($"{name}: Content-Length {length} but only {rest.Length} bytes follow.");
        }

        // What follows the declared body is the newline the recording added, nothing else.
        if (rest.AsSpan(length).Trim("\r\n"u8).Length != 0)
        {
            throw new FormatException($"{name}: unexpected bytes after the body.");
        }

        return new Capture(name, requestUrl, requestHeaders, requestBody, status, headers, Encoding.UTF8.GetString(rest, 0, length));
    }
}
