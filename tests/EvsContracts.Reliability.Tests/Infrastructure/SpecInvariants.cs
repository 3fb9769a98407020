using System.Collections.Concurrent;
using System.Text;
using EvsContracts.Generator;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Emitter;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Reliability.Tests.Infrastructure;

/// <summary>
/// What must hold for any spec, however broken: the generator does not fail, what it generates compiles cleanly,
/// and every EVS1xx diagnostic is located in the spec file (EVS102 a warning, the others errors). A problem leaves
/// out the part of the spec it is in, so code and diagnostics may come together; a spec that gives neither is a
/// defect, since every spec that is read generates at least its client.
/// </summary>
internal static class SpecInvariants
{
    /// <summary>
    /// The parser turns a defect of its own into a diagnostic whose message asks for a report, so a build never sees
    /// an exception; to a fuzzer that is a crash all the same.
    /// </summary>
    public const string DefectMarker = "please report it";

    private const int MaxSyntaxCheckedChars = 1 << 20;

    private static readonly GeneratorFeatures s_allFeatures = new(HttpClientFactory: true);

    private static readonly ConcurrentDictionary<string, byte> s_checkedSources = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, byte> s_compiledSources = new(StringComparer.Ordinal);

    private static string Fingerprint(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan())));

    /// <summary>Parses (and, when there is a model, emits and syntax-checks) one spec without a compilation: the fast path.</summary>
    public static SpecResult ParseAndCheck(string path, SourceText text, FuzzStats? stats = null)
    {
        string content = text.ToString();
        SpecResult result = SpecParser.Parse(new SpecInput(path, content, null, null, "Fuzz.Default"));
        foreach (SpecDiagnostic diagnostic in result.Diagnostics)
        {
            CheckLocated(diagnostic, path, text);
        }

        if (result.Model is { } model)
        {
            // Emission runs outside the parser's safety net in the real pipeline: an exception here would be CS8785.
            foreach (GeneratedFile file in SourceEmitter.Emit(model, s_allFeatures))
            {
                if (file.Text.Length > MaxSyntaxCheckedChars || !s_checkedSources.TryAdd(Fingerprint(file.Text.ToString()), 0))
                {
                    // A 10 MB string repeated in every file: emitting it is the test, parsing it again only slow. And
                    // most damage leaves most files as they were: a text parsed cleanly once need not be again.
                    continue;
                }

                SyntaxTree tree = CSharpSyntaxTree.ParseText(file.Text, GeneratorHost.ParseOptions);
                var problems = tree.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
                Assert.True(problems.Count == 0, $"{file.HintName} does not parse cleanly:\n{string.Join("\n", problems.Take(10))}");
            }
        }
        else
        {
            Assert.NotEmpty(result.Diagnostics);
        }

        stats?.Record(result);
        return result;
    }

    public static void CheckLocated(SpecDiagnostic diagnostic, string path, SourceText text)
    {
        Assert.StartsWith("EVS1", diagnostic.Id, StringComparison.Ordinal);
        Assert.Equal(ExpectedSeverity(diagnostic.Id), diagnostic.Descriptor.DefaultSeverity);
        Assert.DoesNotContain(DefectMarker, diagnostic.Message, StringComparison.Ordinal);
        SpecLocation location = diagnostic.Location;
        Assert.Equal(path, location.FilePath);
        Assert.InRange(location.Start, 0, text.Length);
        Assert.InRange(location.Length, 0, text.Length - location.Start);

        // Line and column as the IDE computes them from the same text.
        LinePositionSpan expected = text.Lines.GetLinePositionSpan(new TextSpan(location.Start, location.Length));
        Assert.Equal(expected, new LinePositionSpan(new LinePosition(location.StartLine, location.StartColumn), new LinePosition(location.EndLine, location.EndColumn)));
    }

    /// <summary>The full check, on what a build sees: generator diagnostics and the compiled output.</summary>
    public static void CheckOutcome(GeneratorOutcome outcome, FuzzStats? stats = null)
    {
        GeneratorHost.AssertDidNotFail(outcome);
        SourceText text = outcome.SpecText!;
        foreach (Diagnostic diagnostic in outcome.Diagnostics)
        {
            Assert.StartsWith("EVS1", diagnostic.Id, StringComparison.Ordinal);
            Assert.Equal(ExpectedSeverity(diagnostic.Id), diagnostic.Severity);
            Assert.DoesNotContain(DefectMarker, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            Assert.Equal(outcome.SpecPath, span.Path);
            TextSpan source = diagnostic.Location.SourceSpan;
            Assert.InRange(source.End, 0, text.Length);
            Assert.Equal(text.Lines.GetLinePositionSpan(source), span.Span);
        }

        if (outcome.Sources.Count > 0)
        {
            // A problem leaves out only the part of the spec it is in; the rest must still compile.
            Assert.DoesNotContain(outcome.Diagnostics, d => d.Id is "EVS100");

            // The same sources (damage in an example, say, changes nothing generated) compile the same: once is enough.
            string fingerprint = Fingerprint(string.Concat(outcome.SourceTexts().Select(s => s.Key + "\0" + s.Value + "\0")));
            bool compile = !s_compiledSources.ContainsKey(fingerprint);
            if (compile)
            {
                IReadOnlyList<Diagnostic> problems = outcome.CompilationProblems();
                Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
                s_compiledSources.TryAdd(fingerprint, 0);
            }

            stats?.RecordCompiled(compile, outcome.Diagnostics.Select(d => d.Id));
            return;
        }

        Assert.True(outcome.Diagnostics.Count > 0, "Nothing was generated and nothing reported: a spec that is read generates at least its client");

        stats?.RecordDiagnosed(outcome.Diagnostics.Select(d => d.Id));
    }

    /// <summary>EVS102 leaves out what it touches and the rest is generated: a warning. Every other spec problem is an error.</summary>
    private static DiagnosticSeverity ExpectedSeverity(string id) => id == "EVS102" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
}

/// <summary>Counts of what the fuzzer produced, for the report.</summary>
internal sealed class FuzzStats
{
    private readonly ConcurrentDictionary<string, int> _diagnosticIds = new(StringComparer.Ordinal);
    private int _cases;
    private int _models;
    private int _compiled;
    private int _distinct;

    public int Cases => _cases;

    public int Models => _models;

    public int Compiled => _compiled;

    public void Record(SpecResult result)
    {
        Interlocked.Increment(ref _cases);
        if (result.Model is not null)
        {
            Interlocked.Increment(ref _models);
        }

        CountIds(result.Diagnostics.Select(d => d.Id));
    }

    /// <param name="distinct">Whether these sources had not been compiled before.</param>
    /// <param name="ids">The diagnostics beside the code: what they left out is not in it.</param>
    public void RecordCompiled(bool distinct, IEnumerable<string> ids)
    {
        Interlocked.Increment(ref _cases);
        Interlocked.Increment(ref _models);
        Interlocked.Increment(ref _compiled);
        if (distinct)
        {
            Interlocked.Increment(ref _distinct);
        }

        CountIds(ids);
    }

    public void RecordDiagnosed(IEnumerable<string> ids)
    {
        Interlocked.Increment(ref _cases);
        CountIds(ids);
    }

    private void CountIds(IEnumerable<string> ids)
    {
        foreach (string id in ids.Distinct())
        {
            _diagnosticIds.AddOrUpdate(id, 1, (_, n) => n + 1);
        }
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"{_cases} cases: {_models} generated code");
        if (_compiled > 0)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $" that compiled cleanly ({_distinct} distinct outputs compiled)");
        }

        builder.Append("; diagnostics: ");
        builder.AppendJoin(", ", _diagnosticIds.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} ×{p.Value}"));
        return builder.ToString();
    }
}
