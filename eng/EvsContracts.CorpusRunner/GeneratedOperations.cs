using System.Net;
using System.Text.RegularExpressions;

namespace EvsContracts.CorpusRunner;

/// <summary>
/// The operations a generated client offers, read from its sources: every client method documents the request it
/// sends as <c>&lt;remarks&gt;&lt;c&gt;GET /path&lt;/c&gt;</c>, which names the operation exactly (a method count would
/// also count helpers such as waiters and pagers).
/// </summary>
public static partial class GeneratedOperations
{
    /// <summary>Each documented operation with how many client methods document it (operations that differ only in a fragment share one).</summary>
    public static Dictionary<SpecOperation, int> Read(IEnumerable<string> sources)
    {
        var operations = new Dictionary<SpecOperation, int>();
        foreach (string source in sources)
        {
            foreach (Match match in RemarksPattern().Matches(source))
            {
                string path = WebUtility.HtmlDecode(match.Groups["path"].Value);
                var operation = new SpecOperation(match.Groups["method"].Value.ToLowerInvariant(), path);
                operations[operation] = operations.GetValueOrDefault(operation) + 1;
            }
        }

        return operations;
    }

    [GeneratedRegex(@"<remarks><c>(?<method>GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) (?<path>[^<]*)</c>", RegexOptions.CultureInvariant)]
    private static partial Regex RemarksPattern();
}
