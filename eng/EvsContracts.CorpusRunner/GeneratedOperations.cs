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
    public static IReadOnlySet<SpecOperation> Read(IEnumerable<string> sources)
    {
        var operations = new HashSet<SpecOperation>();
        foreach (string source in sources)
        {
            foreach (Match match in RemarksPattern().Matches(source))
            {
                string path = WebUtility.HtmlDecode(match.Groups["path"].Value);
                operations.Add(new SpecOperation(match.Groups["method"].Value.ToLowerInvariant(), path));
            }
        }

        return operations;
    }

    [GeneratedRegex(@"<remarks><c>(?<method>GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) (?<path>[^<]*)</c>", RegexOptions.CultureInvariant)]
    private static partial Regex RemarksPattern();
}
