using System.Diagnostics;
using System.Text;
using CsCheck;
using EvsContracts.Generator;
using EvsContracts.Reliability.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace EvsContracts.Reliability.Tests;

/// <summary>
/// Damaged specs: whatever a spec holds, the generator must not fail, and each spec either gives code that compiles
/// cleanly or EVS1xx diagnostics that point into the spec file. Cases are random per run (CsCheck prints the seed of
/// a failure; set <c>CsCheck_Seed</c> to replay it).
/// </summary>
public sealed class SpecFuzzTests(ITestOutputHelper output)
{
    /// <summary>Random damaged specs through the parser and emitter, output syntax-checked.</summary>
    public const int ParseCases = 20_000;

    /// <summary>Random damaged specs through <c>CSharpGeneratorDriver</c>, output compiled with every warning on.</summary>
    public const int DriverCases = 3_000;

    /// <summary>Specs written with other, equivalent escapes.</summary>
    public const int ReEscapeCases = 1_000;

    [Fact]
    public void Damaged_specs_never_crash_the_parser_and_every_failure_is_located()
    {
        var stats = new FuzzStats();
        var watch = Stopwatch.StartNew();
        SpecMutator.Cases(SpecMutator.Kinds, maxMutations: 3).Sample(
            fuzzCase =>
            {
                byte[] bytes = SpecMutator.Apply(fuzzCase);
                SpecInvariants.ParseAndCheck(SpecCorpus.PathOf(SpecCorpus.Names[fuzzCase.Spec]), GeneratorHost.Decode(bytes), stats);
            },
            iter: ParseCases,
            print: fuzzCase => fuzzCase.ToString());
        output.WriteLine($"parse: {stats} in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(ParseCases, stats.Cases);
    }

    [Fact]
    public void Damaged_specs_through_the_driver_compile_cleanly_or_report_located_diagnostics()
    {
        var stats = new FuzzStats();
        var watch = Stopwatch.StartNew();
        Gen<FuzzCase> cases = Gen.Frequency(
            (3, SpecMutator.Cases(SpecMutator.StructuralKinds, maxMutations: 2)),
            (1, SpecMutator.Cases(SpecMutator.Kinds, maxMutations: 2)));
        cases.Sample(
            fuzzCase =>
            {
                byte[] bytes = SpecMutator.Apply(fuzzCase);
                GeneratorOutcome outcome = GeneratorHost.Run(SpecCorpus.PathOf(SpecCorpus.Names[fuzzCase.Spec]), GeneratorHost.Decode(bytes));
                SpecInvariants.CheckOutcome(outcome, stats);
            },
            iter: DriverCases,
            print: fuzzCase => fuzzCase.ToString());
        output.WriteLine($"driver: {stats} in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(DriverCases, stats.Cases);

        // Most structural damage leaves a usable spec; if none compiled, the check above proved little.
        Assert.True(stats.Compiled > DriverCases / 10, $"Only {stats.Compiled} of {DriverCases} cases generated code");
    }

    [Fact]
    public void A_valid_spec_with_nothing_to_generate_gives_its_client_and_no_diagnostics()
    {
        // Damage that empties "paths" in a spec without components leaves a valid spec that asks for nothing but
        // its client, with no operation.
        const string Json = """{"openapi": "3.1.0", "info": {"title": "Empty", "version": "1"}, "paths": {}}""";
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/empty.openapi.json", Json);

        SpecInvariants.CheckOutcome(outcome);
        Assert.EndsWith(".EmptyClient.g.cs", Assert.Single(outcome.Sources).HintName, StringComparison.Ordinal);
        Assert.Empty(outcome.Diagnostics);
    }

    [Fact]
    public void Equivalent_escapes_give_the_same_model()
    {
        var watch = Stopwatch.StartNew();
        int runs = 0;
        Gen.Select(Gen.Int[0, SpecCorpus.Names.Length - 1], Gen.Int).Sample(
            (spec, seed) =>
            {
                string path = SpecCorpus.PathOf(SpecCorpus.Names[spec]);
                SpecResult original = SpecParser.Parse(new SpecInput(path, Encoding.UTF8.GetString(SpecCorpus.Bytes[spec]), null, null, "Fuzz"));
                byte[] escaped = SpecMutator.ReEscape(SpecCorpus.Bytes[spec], seed);
                SpecResult again = SpecParser.Parse(new SpecInput(path, GeneratorHost.Decode(escaped).ToString(), null, null, "Fuzz"));
                Assert.NotNull(original.Model);
                Assert.Equal(original.Model, again.Model);
                Interlocked.Increment(ref runs);
            },
            iter: ReEscapeCases);
        output.WriteLine($"re-escaped: {runs} cases in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(ReEscapeCases, runs);
    }

    public static TheoryData<string> Specs() => new(SpecCorpus.Names);

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_truncation_is_reported_where_the_text_stops(string spec)
    {
        byte[] bytes = SpecCorpus.Read(spec);
        string path = SpecCorpus.PathOf(spec);
        int cases = 0;

        // Every prefix of the smallest spec; a stride through the larger ones (still thousands of cuts each). A cut
        // after the closing brace leaves a whole document, so cuts stop before it.
        int closing = Array.LastIndexOf(bytes, (byte)'}');
        int stride = bytes.Length < 4096 ? 1 : 7;
        for (int length = 0; length <= closing; length += stride)
        {
            // A cut inside a multi-byte character leaves a replacement character, as the compiler would decode it.
            SourceText text = GeneratorHost.Decode(bytes[..length]);
            SpecResult result = SpecInvariants.ParseAndCheck(path, text);
            Assert.Null(result.Model);
            Assert.Contains(result.Diagnostics, d => d.Id == "EVS100");
            cases++;
        }

        output.WriteLine($"{spec}: {cases} truncations");
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"a\": ", "}")]
    public void Ten_thousand_levels_of_nesting_are_refused_at_the_level_that_is_too_deep(string open, string close)
    {
        const int Depth = 10_000;
        string spec = Encoding.UTF8.GetString(SpecCorpus.Read("nullable-30.openapi.json"));
        string nested = string.Concat(Enumerable.Repeat(open, Depth)) + "1" + string.Concat(Enumerable.Repeat(close, Depth));

        // Nested at the root, and inside a schema, where a recursive reader would go deepest.
        foreach (string json in new[] { nested, spec.Replace("\"nullable\": true", "\"nullable\": " + nested, StringComparison.Ordinal) })
        {
            GeneratorOutcome outcome = GeneratorHost.Run("/specs/deep.openapi.json", json);
            SpecInvariants.CheckOutcome(outcome);
            Microsoft.CodeAnalysis.Diagnostic diagnostic = Assert.Single(outcome.Diagnostics);
            Assert.Equal("EVS100", diagnostic.Id);

            // The reader accepts 256 levels; the diagnostic points at the first bracket beyond them.
            Assert.Equal(OpeningBeyond(json, Generator.Reader.Json.JsonParser.MaxDepth), diagnostic.Location.SourceSpan.Start);
        }
    }

    /// <summary>The offset of the bracket that opens level <paramref name="maxDepth"/> + 1.</summary>
    private static int OpeningBeyond(string json, int maxDepth)
    {
        int depth = 0;
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[' && ++depth > maxDepth)
            {
                return i;
            }
            else if (c is '}' or ']')
            {
                depth--;
            }
        }

        return -1;
    }

    [Theory]
    [InlineData("description", 0u)]
    [InlineData("enum", 0u)]
    [InlineData("enum", 2u)]
    [InlineData("name", 0u)]
    [InlineData("prefix", 0u)]
    [InlineData("pattern", 0u)]
    public void Ten_megabyte_strings_compile_or_are_refused(string where, uint variant)
    {
        string huge = SpecMutator.Huge(variant);
        string json = where switch
        {
            "enum" => Minimal(enumValue: huge),
            "prefix" => Minimal().Replace("\"type\": \"string\"}", "\"type\": \"string\", \"x-reserved-prefixes\": [" + Quote(huge) + "]}", StringComparison.Ordinal),
            "pattern" => Minimal().Replace("\"type\": \"string\"}", "\"type\": \"string\", \"pattern\": " + Quote(huge) + "}", StringComparison.Ordinal),
            "name" => Minimal(propertyName: huge),
            _ => Minimal(description: huge),
        };
        Assert.True(Encoding.UTF8.GetByteCount(json) >= SpecMutator.HugeBytes);

        GeneratorOutcome outcome = GeneratorHost.Run("/specs/huge.openapi.json", json);
        SpecInvariants.CheckOutcome(outcome);
        if (outcome.Sources.Count > 0)
        {
            // Compiling is not enough: the assembly must also be written (string constants have a metadata limit).
            GeneratorHost.Load(outcome.Output);
        }
    }

    [Fact]
    public void A_spec_saved_as_UTF16_or_with_a_BOM_generates_the_same_code()
    {
        byte[] utf8 = SpecCorpus.Read("evs-snapshots.openapi.json");
        string text = Encoding.UTF8.GetString(utf8);
        IReadOnlyList<KeyValuePair<string, string>> expected = GeneratorHost.Run("/specs/evs.openapi.json", GeneratorHost.Decode(utf8)).SourceTexts();
        Assert.NotEmpty(expected);

        // UTF-32 is left out: the compiler itself does not detect its BOM.
        Encoding[] encodings = [new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true)];
        foreach (Encoding encoding in encodings)
        {
            byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
            GeneratorOutcome outcome = GeneratorHost.Run("/specs/evs.openapi.json", GeneratorHost.Decode(bytes));
            GeneratorHost.AssertCompilesCleanly(outcome);
            Assert.Equal(expected, outcome.SourceTexts());
        }
    }

    [Fact]
    public void A_byte_order_mark_inside_the_text_is_reported_where_it_is()
    {
        byte[] utf8 = SpecCorpus.Read("nullable-30.openapi.json");
        int position = Array.IndexOf(utf8, (byte)'"');
        byte[] bytes = [.. utf8.AsSpan(0, position), 0xEF, 0xBB, 0xBF, .. utf8.AsSpan(position)];
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/bom.openapi.json", GeneratorHost.Decode(bytes));
        SpecInvariants.CheckOutcome(outcome);
        Microsoft.CodeAnalysis.Diagnostic diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("EVS100", diagnostic.Id);
        Assert.Equal(position, diagnostic.Location.SourceSpan.Start);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void Invalid_UTF8_that_a_host_decoded_as_replacement_characters_is_generated_as_that_text(byte[] invalid)
    {
        // A U+FFFD is an ordinary character of a spec (real specs carry it); the compiler itself reads a file that is
        // not valid UTF-8 with a fallback code page, so only a host that decodes with replacement gets here.
        foreach (string json in new[] { Minimal(description: "before\u0001after"), Minimal(propertyName: "name\u0001x") })
        {
            byte[] template = Encoding.UTF8.GetBytes(json.Replace("\\u0001", "\u0001", StringComparison.Ordinal));
            int position = Array.IndexOf(template, (byte)0x01);
            byte[] bytes = [.. template.AsSpan(0, position), .. invalid, .. template.AsSpan(position + 1)];

            GeneratorOutcome outcome = GeneratorHost.Run("/specs/utf8.openapi.json", GeneratorHost.Decode(bytes));
            SpecInvariants.CheckOutcome(outcome);
            GeneratorHost.AssertCompilesCleanly(outcome);
            string model = outcome.SourceTexts().Single(s => s.Key.EndsWith(".Models.g.cs", StringComparison.Ordinal)).Value;
            // Raw in a description; escaped in a name's UTF-8 literal.
            Assert.True(model.Contains('\uFFFD', StringComparison.Ordinal) || model.Contains("\\uFFFD", StringComparison.Ordinal), model);
        }
    }

    [Fact]
    public void A_replacement_character_written_as_an_escape_is_kept()
    {
        string json = Minimal(description: "before\uFFFDafter", propertyName: "name\uFFFD").Replace("\uFFFD", "\\uFFFD", StringComparison.Ordinal);
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/fffd.openapi.json", json);
        GeneratorHost.AssertCompilesCleanly(outcome);
        string model = outcome.SourceTexts().Single(s => s.Key.EndsWith(".Models.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("before\uFFFDafter", model, StringComparison.Ordinal);
        Assert.Contains("\"name\\uFFFD\"u8", model, StringComparison.Ordinal);
    }

    /// <summary>A small valid spec with one object schema and one operation, with the given parts replaced.</summary>
    internal static string Minimal(string? title = null, string? description = null, string? enumValue = null, string? propertyName = null)
    {
        var builder = new StringBuilder();
        builder.Append("{\"openapi\": \"3.1.0\", \"info\": {\"title\": ").Append(Quote(title ?? "Things")).Append(", \"version\": \"1\", \"x-namespace\": \"Fuzz.Things\", \"x-client-name\": \"ThingsClient\"},");
        builder.Append("\"paths\": {\"/things/{id}\": {\"get\": {\"operationId\": \"getThing\", \"parameters\": [{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"schema\": {\"type\": \"string\"}}],");
        builder.Append("\"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Thing\"}}}}}}}},");
        builder.Append("\"components\": {\"schemas\": {\"Thing\": {\"type\": \"object\", \"description\": ").Append(Quote(description ?? "A thing.")).Append(", \"properties\": {");
        builder.Append(Quote(propertyName ?? "name")).Append(": {\"type\": \"string\"}, \"kind\": {\"type\": \"string\", \"enum\": [\"plain\", ").Append(Quote(enumValue ?? "fancy")).Append("]}}}}}}");
        return builder.ToString();
    }

    internal static string Quote(string value)
    {
        var builder = new StringBuilder();
        new JsonTreeString(value).Write(builder, 0);
        return builder.ToString();
    }
}
