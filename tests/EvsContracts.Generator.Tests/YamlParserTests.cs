using System.Globalization;
using System.Text;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.Json;
using EvsContracts.Generator.Reader.Yaml;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// The YAML reader: each construct gives the tree its JSON would (numbers compared by their text), and each error
/// is EVS100 at its line and column (marked <c>[|...|]</c>) with a message that names the YAML problem.
/// </summary>
public class YamlParserTests
{
    private const string SpecPath = "/project/contracts/pets.openapi.yaml";

    // ---- Collections --------------------------------------------------------------------------------------------

    [Fact]
    public void A_block_mapping_keeps_its_members_in_order() =>
        AssertTree("b: 1\na: two\nc: true\n", """{"b": 1, "a": "two", "c": true}""");

    [Fact]
    public void Nested_block_mappings_end_where_the_indentation_falls_back() =>
        AssertTree("a:\n  b:\n    c: d\n  e: f\ng: h\n", """{"a": {"b": {"c": "d"}, "e": "f"}, "g": "h"}""");

    [Fact]
    public void A_block_sequence_may_be_indented_under_its_key_or_not() =>
        AssertTree("a:\n  - x\n  - y\nb:\n- z\nc: 1\n", """{"a": ["x", "y"], "b": ["z"], "c": 1}""");

    [Fact]
    public void Sequence_entries_may_be_compact_mappings_and_sequences() =>
        AssertTree(
            "- name: id\n  in: path\n  schema:\n    type: string\n- - a\n  - b\n",
            """[{"name": "id", "in": "path", "schema": {"type": "string"}}, ["a", "b"]]""");

    [Fact]
    public void Flow_collections_nest_and_may_span_lines() =>
        AssertTree(
            "required: [name, id]\nx: {a: 1, 'b': [c, {d: e}], f: }\ny: [\n  1,\n  2, # two\n]\n",
            """{"required": ["name", "id"], "x": {"a": 1, "b": ["c", {"d": "e"}], "f": null}, "y": [1, 2]}""");

    [Fact]
    public void A_JSON_document_is_YAML() =>
        AssertTree(
            """{"a": [1, -2.5e3, true, false, null], "b": {"c": "\u00e9\/\n"}, "d": {}}""",
            """{"a": [1, -2.5e3, true, false, null], "b": {"c": "\u00e9/\n"}, "d": {}}""");

    [Fact]
    public void Empty_values_are_null() =>
        AssertTree("a:\nb: ~\nc: null\nd:\n  # nothing\ne: [a, ]\n", """{"a": null, "b": null, "c": null, "d": null, "e": ["a"]}""");

    // ---- Scalars ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("null", "null", null)]
    [InlineData("Null", "null", null)]
    [InlineData("~", "null", null)]
    [InlineData("true", "boolean", "true")]
    [InlineData("True", "boolean", "true")]
    [InlineData("FALSE", "boolean", "false")]
    [InlineData("12", "number", "12")]
    [InlineData("-3", "number", "-3")]
    [InlineData("+4", "number", "4")]
    [InlineData("0x1F", "number", "31")]
    [InlineData("0o17", "number", "15")]
    [InlineData("0x123456789ABCDEF0123", "number", "5373003642731685151011")]
    [InlineData("1.5", "number", "1.5")]
    [InlineData("1e3", "number", "1e3")]
    [InlineData(".5", "number", ".5")]
    [InlineData(".inf", "number", ".inf")]
    [InlineData("-.Inf", "number", "-.inf")]
    [InlineData(".NaN", "number", ".nan")]
    [InlineData("yes", "string", "yes")]
    [InlineData("1_000", "string", "1_000")]
    [InlineData("0x", "string", "0x")]
    [InlineData("0o8", "string", "0o8")]
    [InlineData("1.0.0", "string", "1.0.0")]
    [InlineData("2024-01-01", "string", "2024-01-01")]
    [InlineData("'12'", "string", "12")]
    [InlineData("\"true\"", "string", "true")]
    public void Plain_scalars_resolve_by_the_core_schema(string scalar, string kind, string? value)
    {
        JsonNode node = ((JsonObjectNode)YamlParser.Parse("a: " + scalar + "\n", out JsonSyntaxError? error)!).Get("a")!;
        Assert.Null(error);
        Assert.Equal(kind, node.KindName);
        Assert.Equal(value, node switch
        {
            JsonNumberNode number => number.Text,
            JsonStringNode text => text.Value,
            JsonBooleanNode flag => flag.Value ? "true" : "false",
            _ => null,
        });
    }

    [Fact]
    public void Plain_keys_keep_their_text() =>
        AssertTree("200:\n  description: OK\n2XX: x\ntrue: y\n'404': z\n", """{"200": {"description": "OK"}, "2XX": "x", "true": "y", "404": "z"}""");

    [Fact]
    public void Plain_scalars_hold_URLs_hashes_and_dashes_and_fold_over_lines() =>
        AssertTree(
            "a: http://x.test/a#b\nb: a#b\nc: -x\nd: :x\ne: one\n  two\n\n  three\nf: text   # comment\n",
            """{"a": "http://x.test/a#b", "b": "a#b", "c": "-x", "d": ":x", "e": "one two\nthree", "f": "text"}""");

    [Fact]
    public void Single_quoted_scalars_double_their_quotes_and_fold() =>
        AssertTree("a: 'it''s: # here'\nb: 'one\n  two'\nc: ''\nd: '12'\n", """{"a": "it's: # here", "b": "one two", "c": "", "d": "12"}""");

    [Fact]
    public void Double_quoted_scalars_read_every_escape() =>
        AssertTree(
            """
            a: "q\" b\\ s\/ \t\n\r \x41 \u00e9 \U0001F600 \ud83d\ude00 \N\_\L\P \0 \e"
            b: "one
              two\
              three \
              four"
            """,
            """{"a": "q\" b\\ s/ \t\n\r A \u00e9 \ud83d\ude00 \ud83d\ude00 \u0085\u00a0\u2028\u2029 \u0000 \u001b", "b": "one twothree four"}""");

    [Fact]
    public void Literal_block_scalars_keep_line_breaks_with_each_chomping() =>
        AssertTree(
            "clip: |\n  one\n   two\n\nstrip: |-\n  one\n\nkeep: |+\n  one\n\n\nindicated: |2\n    four\n  two\nlast: x\n",
            """{"clip": "one\n two\n", "strip": "one", "keep": "one\n\n\n", "indicated": "  four\ntwo\n", "last": "x"}""");

    [Fact]
    public void Folded_block_scalars_join_lines_except_around_more_indented_ones() =>
        AssertTree(
            "a: >\n  one\n  two\n\n  three\n    code\n  four\nb: >-\n  x\n  y\n",
            """{"a": "one two\nthree\n  code\nfour\n", "b": "x y"}""");

    [Fact]
    public void Block_scalars_in_sequences_and_at_the_end_of_the_file() =>
        AssertTree("- |\n  one\n- >-\n  two\n- |\n  last", """["one\n", "two", "last"]""");

    [Fact]
    public void Comments_and_document_markers_are_skipped() =>
        AssertTree("%YAML 1.2\n# head\n---\na: 1 # one\n# between\n  # indented\nb: 2\n...\n# tail\n", """{"a": 1, "b": 2}""");

    [Fact]
    public void A_byte_order_mark_and_CRLF_line_breaks_are_read() =>
        AssertTree("\uFEFFa:\r\n  b: |\r\n    one\r\n    two\r\n  c: 1\r\n", """{"a": {"b": "one\ntwo\n", "c": 1}}""");

    // ---- Anchors, aliases, tags ---------------------------------------------------------------------------------

    [Fact]
    public void Aliases_repeat_the_anchored_node() =>
        AssertTree("a: &err {type: object}\nb: *err\nc:\n  - &s x\n  - *s\n", """{"a": {"type": "object"}, "b": {"type": "object"}, "c": ["x", "x"]}""");

    [Fact]
    public void Merge_keys_add_members_the_mapping_does_not_have() =>
        AssertTree(
            "base: &b\n  x: 1\n  y: 2\nmore: &m {z: 3}\nd:\n  y: 0\n  <<: [*b, *m]\n  w: 4\n",
            """{"base": {"x": 1, "y": 2}, "more": {"z": 3}, "d": {"y": 0, "x": 1, "z": 3, "w": 4}}""");

    [Fact]
    public void Core_tags_decide_a_scalar_s_kind() =>
        AssertTree(
            "a: !!str 123\nb: !!int '5'\nc: !!float 1\nd: !!bool 'true'\ne: !!null ''\nf: ! 12\ng: !!map {x: 1}\nh: !!seq\n- 1\ni: !!str\n",
            """{"a": "123", "b": 5, "c": 1, "d": true, "e": null, "f": "12", "g": {"x": 1}, "h": [1], "i": ""}""");

    [Fact]
    public void Explicit_keys_and_quoted_keys_are_read() =>
        AssertTree("? a\n: 1\n? b\n\"c d\": 2\n", """{"a": 1, "b": null, "c d": 2}""");

    // ---- Positions ----------------------------------------------------------------------------------------------

    [Fact]
    public void Members_and_values_keep_where_they_are_written()
    {
        const string Text = "info:\n  title: \"Pets\"\n  version: 1.0\nlist:\n- |\n  x\n";
        var root = (JsonObjectNode)YamlParser.Parse(Text, out JsonSyntaxError? error)!;
        Assert.Null(error);
        var info = (JsonObjectNode)root.Get("info")!;
        JsonMember title = info.Find("title")!;
        Assert.Equal("title", Text[title.NameStart..title.NameEnd]);
        Assert.Equal("\"Pets\"", Text[title.Value.Start..title.Value.End]);
        Assert.Equal("1.0", Assert.IsType<JsonNumberNode>(info.Get("version")).Text);
        Assert.Equal("title: \"Pets\"\n  version: 1.0", Text[info.Start..info.End]);
        JsonNode block = ((JsonArrayNode)root.Get("list")!).Items[0];
        Assert.Equal("|\n  x", Text[block.Start..block.End]);
    }

    [Fact]
    public void A_spec_with_an_unquoted_version_number_generates_code()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Pets
              version: 1.0
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    200:
                      description: The pets.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              names: {type: array, items: {type: string}}
            """;
        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, Spec));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Single.Diagnostics);
        Assert.Contains(run.Sources, s => s.Value.Contains("ListPetsAsync(", StringComparison.Ordinal));
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void The_example_in_the_spec_format_page_generates_code()
    {
        string page = File.ReadAllText(Path.Combine(TestPaths.ProjectDirectory, "..", "..", "spec", "README.md"));
        int section = page.IndexOf("## JSON or YAML", StringComparison.Ordinal);
        int start = page.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
        string example = page[start..page.IndexOf("```", start, StringComparison.Ordinal)];

        GeneratorRun run = GeneratorHarness.Run(TestSpec.FromText(SpecPath, example));

        GeneratorHarness.AssertGeneratorDidNotFail(run);
        Assert.Empty(run.Single.Diagnostics);
        Assert.Contains(run.Sources, s => s.Value.Contains("GetPetAsync(", StringComparison.Ordinal));
        GeneratorHarness.AssertCompilesCleanly(run);
    }

    [Fact]
    public void The_example_in_the_EVS100_page_is_reported_as_it_says() =>
        AssertError(
            "info:\n  title: Pets\n  description: Note[|:|] the version below is the API's.\n",
            "Mapping values are not allowed here ('a: b: c'); quote a value that holds ': '");

    [Theory]
    [InlineData("pets.yaml")]
    [InlineData("pets.YML")]
    [InlineData("pets.openapi.Yaml")]
    public void The_extension_picks_the_YAML_reader_in_any_case(string name)
    {
        SpecResult result = SpecParser.Parse(new SpecInput("/specs/" + name, "openapi: 3.1.0\ninfo: {title: Pets, version: '1'}\npaths: {}\n", null, null, "Pets"));
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Model);
    }

    [Fact]
    public void A_JSON_file_is_still_read_as_JSON()
    {
        SpecResult result = SpecParser.Parse(new SpecInput("/specs/pets.json", "openapi: 3.1.0\n", null, null, "Pets"));
        Assert.Equal("The spec is not valid JSON: Unexpected character 'o'; a value was expected", Assert.Single(result.Diagnostics).Message);
    }

    // ---- Errors -------------------------------------------------------------------------------------------------

    [Fact]
    public void A_tab_in_the_indentation() =>
        AssertError("a:\n[|\t|]b: 1\n", "A tab in the indentation; YAML indents with spaces only");

    [Fact]
    public void A_line_indented_more_than_its_mapping() =>
        AssertError("a:\n  b: 1\n  c:\n    d: 2\n   [|e|]: 3\n", "Bad indentation: this line is indented more than the mapping's keys (column 3)");

    [Fact]
    public void A_line_indented_more_than_its_sequence() =>
        AssertError("a:\n  - b: 1\n   [|c|]: 2\n", "Bad indentation: this line is indented more than the sequence's entries (column 3)");

    [Fact]
    public void A_colon_space_inside_a_plain_value() =>
        AssertError("description: Some[|:|] thing\n", "Mapping values are not allowed here ('a: b: c'); quote a value that holds ': '");

    [Fact]
    public void A_continuation_line_that_holds_a_key() =>
        AssertError("key: value\n  more[|:|] x\n", "Mapping values are not allowed here; quote a value that holds ': ', or check the indentation");

    [Fact]
    public void A_sequence_on_the_line_of_its_key() =>
        AssertError("a: [|-|] x\n", "A block sequence cannot start on the line of its key; start it on the next line");

    [Fact]
    public void A_line_that_is_not_an_entry() =>
        AssertError("a: 1\n[|b|]\nc: 2\n", "A mapping entry ('key: value') was expected; ':' must be followed by a space");

    [Fact]
    public void A_key_without_a_space_after_its_colon() =>
        AssertError("a: 1\n[|b|]:2\n", "A mapping entry ('key: value') was expected; ':' must be followed by a space");

    [Fact]
    public void Content_outside_the_top_level_node() =>
        AssertError("- a\n[|b|]: c\n", "Unexpected character 'b': it is outside the document's top-level sequence; check the indentation");

    [Fact]
    public void An_unclosed_single_quote() =>
        AssertError("a: [|'|]unclosed\nb: c\n", "The single-quoted scalar opened here is not closed");

    [Fact]
    public void An_unclosed_double_quote() =>
        AssertError("a: [|\"|]unclosed\n", "The double-quoted scalar opened here is not closed");

    [Fact]
    public void An_unclosed_flow_sequence() =>
        AssertError("a: [1, 2\nb: 3\n", "The flow sequence opened here is not closed with ']'", new LinePositionSpan(new(0, 3), new(0, 4)));

    [Fact]
    public void An_unclosed_flow_sequence_at_the_end() =>
        AssertError("a: [1, 2\n", "The flow sequence opened here is not closed with ']'", new LinePositionSpan(new(0, 3), new(0, 4)));

    [Fact]
    public void An_unclosed_flow_mapping() =>
        AssertError("a: [|{|]b: 1\n", "The flow mapping opened here is not closed with '}'");

    [Fact]
    public void A_missing_comma_in_a_flow_sequence() =>
        AssertError("a: [1 [|{|]b: 2}]\n", "Unexpected character '{'; ',' or ']' was expected");

    [Fact]
    public void Text_after_a_quoted_value() =>
        AssertError("a: \"x\" [|y|]\n", "Unexpected character 'y' after the value");

    [Fact]
    public void A_comment_glued_to_a_value() =>
        AssertError("a: \"x\"[|#|] c\n", "A comment must be separated from the value by white space");

    [Fact]
    public void An_invalid_escape() =>
        AssertError("a: \"x[|\\q|]\"\n", "Invalid escape sequence '\\q'");

    [Fact]
    public void A_short_unicode_escape() =>
        AssertError("a: \"[|\\u|]12\"\n", "\\u must be followed by 4 hexadecimal digits");

    [Fact]
    public void Half_a_surrogate_pair_escaped() =>
        AssertError("a: \"[|\\ud83d|]\"\n", "\\uD83D is half of a UTF-16 surrogate pair; the escape of the other half must follow it");

    [Fact]
    public void A_control_character() =>
        AssertError("a: x[|\u0001|]\n", "The control character U+0001 is not allowed in YAML; write it as an escape in a double-quoted string");

    [Fact]
    public void A_duplicate_key() =>
        AssertError("info:\n  title: A\n  [|title|]: B\n", "Duplicate mapping key \"title\"");

    [Fact]
    public void A_duplicate_key_in_a_flow_mapping() =>
        AssertError("a: {b: 1, [|'b'|]: 2}\n", "Duplicate mapping key \"b\"");

    [Fact]
    public void An_alias_to_no_anchor() =>
        AssertError("a: [|*nope|]\n", "The alias '*nope' refers to no anchor defined before it");

    [Fact]
    public void An_unsupported_tag() =>
        AssertError("a: [|!custom|] x\n", "The tag !custom is not supported; the YAML core tags are (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq)");

    [Fact]
    public void A_value_that_does_not_fit_its_tag() =>
        AssertError("a: !!int [|1.5|]\n", "The value does not fit its tag !!int");

    [Fact]
    public void A_second_document() =>
        AssertError("a: 1\n[|---|]\nb: 2\n", "The file holds more than one YAML document; a spec is one document");

    [Fact]
    public void A_flow_collection_as_a_key() =>
        AssertError("[|{|]a: 1}: b\n", "A flow collection cannot be a mapping key; keys are scalars");

    [Fact]
    public void A_block_scalar_header_with_text_after_it() =>
        AssertError("a: | [|x|]\n", "Unexpected character 'x' after the block scalar's header; its text starts on the next line");

    [Fact]
    public void A_merge_key_with_a_scalar() =>
        AssertError("a:\n  [|<<|]: 1\n", "A merge key ('<<') must hold a mapping or a sequence of mappings");

    [Fact]
    public void Nesting_beyond_the_limit()
    {
        string text = string.Concat(Enumerable.Repeat("- ", YamlParser.MaxDepth)) + "[|-|] x\n";
        AssertError(text, $"The document nests deeper than {YamlParser.MaxDepth} levels");
    }

    [Fact]
    public void An_alias_bomb_is_refused_at_the_alias_that_goes_over_the_budget()
    {
        // Nine anchors of nine aliases each: 9^9 (387 million) strings in a few hundred bytes.
        var builder = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 8; i++)
        {
            string alias = $"*a{i - 1}";
            builder.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat(alias, 9))}]\n");
        }

        string text = builder.ToString();
        YamlParser.Parse(text, out JsonSyntaxError? error);

        Assert.NotNull(error);
        Assert.StartsWith("Aliases expand the document beyond 1,000,000 nodes", error.Message, StringComparison.Ordinal);
        Assert.Equal("*a5", text.Substring(error.Offset, error.Length));
    }

    // ---- Helpers ------------------------------------------------------------------------------------------------

    private static void AssertTree(string yaml, string json)
    {
        JsonNode? actual = YamlParser.Parse(yaml, out JsonSyntaxError? error);
        Assert.True(error is null, error?.Message);
        JsonNode expected = JsonParser.Parse(json, out JsonSyntaxError? jsonError)!;
        Assert.Null(jsonError);
        Assert.Equal(Dump(expected), Dump(actual!));
    }

    /// <summary>One line per node: its kind, its value (a number by its text), and its members' names.</summary>
    private static string Dump(JsonNode node)
    {
        var builder = new StringBuilder();
        Write(node, 0);
        return builder.ToString();

        void Write(JsonNode n, int depth)
        {
            builder.Append(' ', depth * 2);
            switch (n)
            {
                case JsonObjectNode obj:
                    builder.Append("object\n");
                    foreach (JsonMember member in obj.Members)
                    {
                        builder.Append(' ', depth * 2 + 1).Append("key ").Append(Escape(member.Name)).Append('\n');
                        Write(member.Value, depth + 1);
                    }

                    break;
                case JsonArrayNode array:
                    builder.Append("array\n");
                    foreach (JsonNode item in array.Items)
                    {
                        Write(item, depth + 1);
                    }

                    break;
                case JsonStringNode s:
                    builder.Append("string ").Append(Escape(s.Value)).Append('\n');
                    break;
                case JsonNumberNode number:
                    builder.Append("number ").Append(number.Text).Append('\n');
                    break;
                default:
                    builder.Append(n.KindName).Append(n is JsonBooleanNode b ? (b.Value ? " true" : " false") : string.Empty).Append('\n');
                    break;
            }
        }
    }

    private static string Escape(string value) =>
        string.Concat(value.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>EVS100 from the whole pipeline, at the marked span, with the YAML message.</summary>
    private static void AssertError(string markup, string message)
    {
        SpecMarkup spec = SpecMarkup.Parse(markup);
        AssertError(spec.Text, message, spec.Span);
    }

    private static void AssertError(string text, string message, LinePositionSpan span)
    {
        SpecResult result = SpecParser.Parse(new SpecInput(SpecPath, text, null, null, "Pets"));

        Assert.Null(result.Model);
        SpecDiagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("EVS100", diagnostic.Id);
        Assert.Equal("The spec is not valid YAML: " + message, diagnostic.Message);
        SpecLocation location = diagnostic.Location;
        Assert.Equal(SpecPath, location.FilePath);
        Assert.Equal(
            (span.Start.Line, span.Start.Character, span.End.Line, span.End.Character),
            (location.StartLine, location.StartColumn, location.EndLine, location.EndColumn));
    }
}
