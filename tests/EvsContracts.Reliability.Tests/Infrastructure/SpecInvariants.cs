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
/// What must hold for any spec, however broken: the generator does not fail, and either its code compiles cleanly
/// or it explains, with at least one EVS1xx diagnostic located in the spec file, why there is none. The one valid
/// spec that gives neither code nor diagnostics is one with nothing to generate: no operation, and no schema that
/// becomes a type (a file is generated for each of those, and only for them).
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
        if (result.Model is { } model)
        {
            Assert.Empty(result.Diagnostics);

            // Emission runs outside the parser's safety net in the real pipeline: an exception here would be CS8785.
            foreach (GeneratedFile file in SourceEmitter.Emit(model, s_allFeatures))
            {
                if (file.Text.Length > MaxSyntaxCheckedChars || !s_checkedSources.TryAdd(Fingerprint(file.Text), 0))
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
            foreach (SpecDiagnostic diagnostic in result.Diagnostics)
            {
                CheckLocated(diagnostic, path, text);
            }
        }

        stats?.Record(result);
        return result;
    }

    public static void CheckLocated(SpecDiagnostic diagnostic, string path, SourceText text)
    {
        Assert.StartsWith("EVS1", diagnostic.Id, StringComparison.Ordinal);
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
        if (outcome.Sources.Count > 0)
        {
            Assert.True(outcome.Diagnostics.Count == 0, "Code was generated, and yet: " + string.Join("\n", outcome.Diagnostics));

            // The same sources (damage in an example, say, changes nothing generated) compile the same: once is enough.
            string fingerprint = Fingerprint(string.Concat(outcome.SourceTexts().Select(s => s.Key + "\0" + s.Value + "\0")));
            bool compile = !s_compiledSources.ContainsKey(fingerprint);
            if (compile)
            {
                IReadOnlyList<Diagnostic> problems = outcome.CompilationProblems();
                Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
                s_compiledSources.TryAdd(fingerprint, 0);
            }

            stats?.RecordCompiled(compile);
            return;
        }

        SourceText text = outcome.SpecText!;
        if (outcome.Diagnostics.Count == 0)
        {
            SpecResult result = SpecParser.Parse(new SpecInput(outcome.SpecPath, text.ToString(), null, null, "Fuzz.Default"));
            Assert.True(
                result.Model is { Operations.IsEmpty: true, Types.IsEmpty: true },
                "Nothing was generated and nothing reported, and yet the spec has operations or types");
            stats?.RecordEmpty();
            return;
        }

        foreach (Diagnostic diagnostic in outcome.Diagnostics)
        {
            Assert.StartsWith("EVS1", diagnostic.Id, StringComparison.Ordinal);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.DoesNotContain(DefectMarker, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            Assert.Equal(outcome.SpecPath, span.Path);
            TextSpan source = diagnostic.Location.SourceSpan;
            Assert.InRange(source.End, 0, text.Length);
            Assert.Equal(text.Lines.GetLinePositionSpan(source), span.Span);
        }

        stats?.RecordDiagnosed(outcome.Diagnostics.Select(d => d.Id));
    }
}

/// <summary>Counts of what the fuzzer produced, for the report.</summary>
internal sealed class FuzzStats
{
    private readonly ConcurrentDictionary<string, int> _diagnosticIds = new(StringComparer.Ordinal);
    private int _cases;
    private int _models;
    private int _compiled;
    private int _distinct;
    private int _empty;

    public int Cases => _cases;

    public int Models => _models;

    public int Compiled => _compiled;

    public void Record(SpecResult result)
    {
        Interlocked.Increment(ref _cases);
        if (result.Model is not null)
        {
            Interlocked.Increment(ref _models);
            return;
        }

        foreach (string id in result.Diagnostics.Select(d => d.Id).Distinct())
        {
            _diagnosticIds.AddOrUpdate(id, 1, (_, n) => n + 1);
        }
    }

    /// <param name="distinct">Whether these sources had not been compiled before.</param>
    public void RecordCompiled(bool distinct)
    {
        Interlocked.Increment(ref _cases);
        Interlocked.Increment(ref _models);
        Interlocked.Increment(ref _compiled);
        if (distinct)
        {
            Interlocked.Increment(ref _distinct);
        }
    }

    /// <summary>A valid spec with nothing to generate.</summary>
    public void RecordEmpty()
    {
        Interlocked.Increment(ref _cases);
        Interlocked.Increment(ref _empty);
    }

    public void RecordDiagnosed(IEnumerable<string> ids)
    {
        Interlocked.Increment(ref _cases);
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

        if (_empty > 0)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"; {_empty} had nothing to generate");
        }

        builder.Append("; rejected with ");
        builder.AppendJoin(", ", _diagnosticIds.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} ×{p.Value}"));
        return builder.ToString();
    }
}
