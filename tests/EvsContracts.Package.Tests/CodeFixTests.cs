using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EvsContracts.Package.Tests.Infrastructure;

namespace EvsContracts.Package.Tests;

/// <summary>
/// The package's code fixes outside an IDE: <c>dotnet format analyzers</c> rewrites the misuses in a consumer
/// (two files, severities from <c>.editorconfig</c>), and the next build has nothing left to report.
/// </summary>
[Collection(PackedPackage.Name)]
public sealed partial class CodeFixTests(PackageFixture fixture)
{
    private const int MaxDescriptionBytes = 255;
    private static readonly TimeSpan s_formatTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Dotnet_format_applies_the_EVS001_EVS002_and_EVS003_fixes_and_the_build_is_clean_after()
    {
        fixture.EnsurePacked();
        ConsumerProject consumer = ConsumerProject.Create(fixture, "format", "Format", "net10.0");
        string program = consumer.PathOf("Program.cs");
        string defaults = consumer.PathOf("Defaults.cs");
        Assert.True(File.Exists(consumer.PathOf(".editorconfig")), "The consumer's .editorconfig was not copied.");
        string programBefore = File.ReadAllText(program);
        string defaultsBefore = File.ReadAllText(defaults);

        string description = LiteralValue(defaultsBefore, "Description");
        Assert.True(Encoding.UTF8.GetByteCount(description) > MaxDescriptionBytes, "The test's description must start over the limit.");

        ProcessResult restore = await consumer.RestoreAsync();
        Assert.True(restore.Succeeded, restore.Describe());

        ProcessResult format = await ProcessRunner.DotnetAsync(
            consumer.Directory,
            s_formatTimeout,
            "format",
            "analyzers",
            consumer.ProjectPath,
            "--diagnostics",
            "EVS001",
            "EVS002",
            "EVS003",
            "--severity",
            "info",
            "--no-restore",
            "--verbosity",
            "diagnostic");
        string programAfter = File.ReadAllText(program);
        string defaultsAfter = File.ReadAllText(defaults);
        string story = $"{format.Describe()}\n--- Program.cs after ---\n{programAfter}\n--- Defaults.cs after ---\n{defaultsAfter}";
        Assert.True(format.Succeeded, story);

        // EVS001: the reserved prefix is gone, the rest of the name stays.
        // EVS003: the GUID in its canonical form, lower case and hyphenated.
        // EVS002: the longest prefix within 255 UTF-8 bytes, never half a character.
        string cut = LongestPrefixWithin(description, MaxDescriptionBytes);
        Assert.True(cut.Length < description.Length && cut.Length > 0, "The expected cut must be a real cut.");
        var problems = new List<string>();
        CheckOnlyLiteralsChanged(
            "Program.cs",
            programBefore,
            programAfter,
            new Dictionary<string, string>
            {
                ["Name"] = "nightly",
                ["VolumeId"] = "5aa119a8-d25b-45a7-8d1b-88e127885635",
            },
            problems);
        CheckOnlyLiteralsChanged("Defaults.cs", defaultsBefore, defaultsAfter, new Dictionary<string, string> { ["Description"] = cut }, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + story);
        Assert.True(Encoding.UTF8.GetByteCount(LiteralValue(defaultsAfter, "Description")) <= MaxDescriptionBytes, story);

        // Nothing left to report: the build shows none of the three ids.
        string log = consumer.PathOf("build.log");
        ProcessResult build = await consumer.BuildAsync(log);
        string buildLog = File.Exists(log) ? File.ReadAllText(log) : "(no log written)";
        string buildStory = build.Describe() + "\n--- diagnostics log ---\n" + buildLog;
        Assert.True(build.Succeeded, "The fixed consumer did not build:\n" + buildStory);
        foreach (string id in new[] { "EVS001", "EVS002", "EVS003" })
        {
            Assert.False(buildLog.Contains(": warning " + id, StringComparison.Ordinal) || buildLog.Contains(": error " + id, StringComparison.Ordinal), $"{id} is still reported after the fix:\n{buildStory}");
        }
    }

    /// <summary>
    /// Every line is unchanged except the <c>Property = "...",</c> lines named, whose literal now holds the value
    /// given (compared as values, so an escaped and a raw spelling of the same text both pass). Every difference is
    /// collected, so one run tells about all three fixes.
    /// </summary>
    private static void CheckOnlyLiteralsChanged(string file, string before, string after, Dictionary<string, string> expected, List<string> problems)
    {
        string[] beforeLines = before.Split('\n');
        string[] afterLines = after.Split('\n');
        if (beforeLines.Length != afterLines.Length)
        {
            problems.Add($"{file}: the fix added or removed lines.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < beforeLines.Length; i++)
        {
            Match original = Assignment().Match(beforeLines[i]);
            if (original.Success && expected.TryGetValue(original.Groups["property"].Value, out string? value))
            {
                string property = original.Groups["property"].Value;
                seen.Add(property);
                Match rewritten = Assignment().Match(afterLines[i]);
                if (!rewritten.Success || rewritten.Groups["head"].Value != original.Groups["head"].Value)
                {
                    problems.Add($"{file}({i + 1}): should still assign {property} a string literal: {afterLines[i]}");
                    continue;
                }

                string actual = Unescape(rewritten.Groups["literal"].Value);
                if (actual != value)
                {
                    string how = actual == Unescape(original.Groups["literal"].Value) ? "left unchanged" : "rewritten";
                    problems.Add($"{file}({i + 1}): {property} was {how} as \"{actual}\", expected \"{value}\".");
                }
            }
            else if (beforeLines[i] != afterLines[i])
            {
                problems.Add($"{file}({i + 1}) changed: {beforeLines[i]} -> {afterLines[i]}");
            }
        }

        foreach (string missing in expected.Keys.Where(k => !seen.Contains(k)))
        {
            problems.Add($"{file}: no {missing} = \"...\" line to check.");
        }
    }

    private static string LiteralValue(string source, string property)
    {
        Match match = source.Split('\n').Select(line => Assignment().Match(line)).Single(m => m.Success && m.Groups["property"].Value == property);
        return Unescape(match.Groups["literal"].Value);
    }

    private static string LongestPrefixWithin(string text, int maxBytes)
    {
        var prefix = new StringBuilder();
        int bytes = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            prefix.Append(rune.ToString());
        }

        return prefix.ToString();
    }

    // The value of a regular C# string literal's contents (between the quotes).
    private static string Unescape(string contents)
    {
        var value = new StringBuilder();
        for (int i = 0; i < contents.Length; i++)
        {
            char c = contents[i];
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            char kind = contents[++i];
            switch (kind)
            {
                case 'u':
                    value.Append((char)int.Parse(contents.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'U':
                    value.Append(char.ConvertFromUtf32(int.Parse(contents.AsSpan(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    i += 8;
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case '0':
                    value.Append('\0');
                    break;
                default:
                    value.Append(kind);
                    break;
            }
        }

        return value.ToString();
    }

    // `    Property = "literal",` as the consumer sources write it.
    [GeneratedRegex("""^(?<head>\s*(?<property>[A-Za-z]+) = )"(?<literal>(?:[^"\\]|\\.)*)",\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();
}
