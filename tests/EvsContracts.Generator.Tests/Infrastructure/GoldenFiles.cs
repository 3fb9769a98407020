using System.Text;

namespace EvsContracts.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated sources with the checked-in files under <c>Golden/&lt;spec&gt;/</c>. A difference leaves a
/// <c>*.received.cs</c> beside the golden file to diff against; <c>EVS_ACCEPT_GOLDEN=1</c> rewrites the golden files.
/// </summary>
internal static class GoldenFiles
{
    public const string AcceptVariable = "EVS_ACCEPT_GOLDEN";

    private const string ReceivedInfix = ".received";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    public static string Directory(string spec) => Path.Combine(TestPaths.ProjectDirectory, "Golden", spec);

    public static void Verify(string spec, IReadOnlyList<KeyValuePair<string, string>> sources)
    {
        string directory = Directory(spec);
        System.IO.Directory.CreateDirectory(directory);
        foreach (string old in System.IO.Directory.EnumerateFiles(directory, "*" + ReceivedInfix + ".*"))
        {
            File.Delete(old);
        }

        var problems = new List<string>();
        var generated = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string hintName, string text) in sources)
        {
            generated.Add(hintName);
            string goldenPath = Path.Combine(directory, hintName);
            string? golden = File.Exists(goldenPath) ? File.ReadAllText(goldenPath, s_utf8) : null;
            if (golden == text)
            {
                continue;
            }

            if (Accepting)
            {
                File.WriteAllText(goldenPath, text, s_utf8);
                continue;
            }

            string receivedPath = ReceivedPath(goldenPath);
            File.WriteAllText(receivedPath, text, s_utf8);
            problems.Add(golden is null
                ? $"{hintName}: no golden file; the output is in {receivedPath}"
                : $"{hintName}: {FirstDifference(golden, text)}; compare {goldenPath} with {receivedPath}");
        }

        foreach (string goldenPath in System.IO.Directory.EnumerateFiles(directory, "*.cs").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(goldenPath);
            if (generated.Contains(name) || name.Contains(ReceivedInfix + ".", StringComparison.Ordinal))
            {
                continue;
            }

            if (Accepting)
            {
                File.Delete(goldenPath);
            }
            else
            {
                problems.Add($"{name}: a golden file for a source that is no longer generated");
            }
        }

        Assert.True(
            problems.Count == 0,
            $"The sources generated for {spec} differ from Golden/{spec}:\n  " + string.Join("\n  ", problems)
            + $"\nIf the change is intended, accept it with {AcceptVariable}=1 dotnet test tests/EvsContracts.Generator.Tests and review the diff.");
    }

    /// <summary><c>X.g.cs</c> → <c>X.g.received.cs</c>, which <c>.gitignore</c> keeps out of commits.</summary>
    private static string ReceivedPath(string goldenPath) =>
        Path.Combine(Path.GetDirectoryName(goldenPath)!, Path.GetFileNameWithoutExtension(goldenPath) + ReceivedInfix + Path.GetExtension(goldenPath));

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string? left = i < e.Length ? e[i] : null, right = i < a.Length ? a[i] : null;
            if (left != right)
            {
                if (left is not null && right is not null && left.TrimEnd('\r') == right.TrimEnd('\r'))
                {
                    return $"line {i + 1} differs in its line ending (\\r)";
                }

                return $"line {i + 1} was {Quote(left)}, now {Quote(right)}";
            }
        }

        return "the texts differ in a way lines do not show";
    }

    private static string Quote(string? line) => line is null ? "(end of file)" : "\"" + line.Trim() + "\"";
}
