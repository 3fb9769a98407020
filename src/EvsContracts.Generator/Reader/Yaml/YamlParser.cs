using System;
using System.Collections.Generic;
using EvsContracts.Generator.Reader.Json;

namespace EvsContracts.Generator.Reader.Yaml;

/// <summary>
/// Reads the YAML that OpenAPI documents are written in (YAML 1.2: block and flow collections, plain, quoted and
/// block scalars, comments, anchors and aliases, core tags) into the same positioned tree the JSON parser builds, so
/// the OpenAPI reader and every diagnostic after it work unchanged. One document per file; keys are strings (a plain
/// key keeps its text: <c>200:</c> is "200"); plain values resolve by the core schema.
/// </summary>
internal sealed partial class YamlParser
{
    /// <summary>As for JSON: deeper documents are refused rather than risking the host's stack.</summary>
    public const int MaxDepth = JsonParser.MaxDepth;

    /// <summary>
    /// How many nodes aliases may add beyond the text's own: a few lines of nested aliases can stand for billions of
    /// nodes ("billion laughs"), and every reader after this one walks the expanded tree.
    /// </summary>
    public const int MaxAliasNodes = 1_000_000;

    private static readonly char[] s_lineBreaks = { '\n', '\r' };

    private readonly string _text;
    private readonly Dictionary<string, Anchor> _anchors = new(StringComparer.Ordinal);
    private int _pos;
    private int _depth;
    private long _nodes;

    private YamlParser(string text) => _text = text;

    public static JsonNode? Parse(string text, out JsonSyntaxError? error)
    {
        var parser = new YamlParser(text);
        try
        {
            JsonNode root = parser.ParseStream();
            error = null;
            return root;
        }
        catch (SyntaxException e)
        {
            error = new JsonSyntaxError(e.Message, e.Offset, e.Length);
            return null;
        }
    }

    private JsonNode ParseStream()
    {
        CheckCharacters();

        // A byte order mark may open the stream.
        _pos = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
        int rootStart = _pos;
        NextContent();
        bool directives = false;
        while (_pos < _text.Length && _text[_pos] == '%' && Column(_pos) == 0)
        {
            if (string.CompareOrdinal(_text, _pos, "%TAG", 0, 4) == 0)
            {
                throw new SyntaxException("%TAG directives are not supported; use the core tags (!!str, !!int, ...)", _pos, 4);
            }

            directives = true;
            SkipToLineEnd();
            NextContent();
        }

        if (AtDocumentMarker('-'))
        {
            _pos += 3;
            rootStart = _pos;
        }
        else if (directives)
        {
            throw Fail("'---' must follow the directives");
        }
        else
        {
            _pos = rootStart;
        }

        JsonNode root = ParseBlockNode(-1, rootStart, inlineCollections: true, sequenceAtParent: false);
        NextContent();
        if (AtDocumentMarker('.'))
        {
            _pos += 3;
            NextContent();
        }

        if (_pos < _text.Length)
        {
            if (AtDocumentMarker('-') || AtDocumentMarker('.'))
            {
                throw new SyntaxException("The file holds more than one YAML document; a spec is one document", _pos, 3);
            }

            throw IsFirstOnLine(_pos)
                ? Fail($"Unexpected {Describe()}: it is outside the document's top-level {(root is JsonArrayNode ? "sequence" : root is JsonObjectNode ? "mapping" : "value")}; check the indentation")
                : UnexpectedAfterValue();
        }

        return root;
    }

    /// <summary>
    /// A node in block context. <paramref name="parentIndent"/> is the column of the collection it belongs to (-1 at the
    /// top): content on a later line must be indented more. <c>_pos</c> is just after the indicator before the node
    /// (<c>:</c>, <c>-</c>, <c>---</c>), or at the start of the stream.
    /// </summary>
    private JsonNode ParseBlockNode(int parentIndent, int emptyAt, bool inlineCollections, bool sequenceAtParent)
    {
        SkipBlanks();
        Properties properties = default;
        if (!AtLineEndOrComment())
        {
            // Content on the line of the indicator.
            int column = Column(_pos);
            if (IsSequenceEntry(_pos) || IsImplicitKey(_pos))
            {
                if (!inlineCollections)
                {
                    if (IsSequenceEntry(_pos))
                    {
                        throw Fail("A block sequence cannot start on the line of its key; start it on the next line");
                    }

                    int colon = _text.IndexOf(": ", _pos, StringComparison.Ordinal);
                    throw new SyntaxException(
                        "Mapping values are not allowed here ('a: b: c'); quote a value that holds ': '",
                        colon < 0 ? _pos : colon,
                        1);
                }

                return IsSequenceEntry(_pos) ? ParseBlockSequence(column) : ParseBlockMapping(column);
            }

            properties = ParseProperties(inFlow: false);
            if (!AtLineEndOrComment())
            {
                return properties.Apply(this, ParseInlineNode(parentIndent, properties));
            }

            emptyAt = properties.End;
        }

        // The node, if any, starts on a later line.
        int lineEnd = _pos;
        NextContent();
        if (_pos >= _text.Length || AtDocumentMarker('-') || AtDocumentMarker('.'))
        {
            _pos = lineEnd;
            return properties.Apply(this, Empty(emptyAt));
        }

        int col = Column(_pos);
        if (col <= parentIndent)
        {
            if (sequenceAtParent && col == parentIndent && IsSequenceEntry(_pos))
            {
                return properties.Apply(this, ParseBlockSequence(col));
            }

            _pos = lineEnd;
            return properties.Apply(this, Empty(emptyAt));
        }

        if (IsSequenceEntry(_pos))
        {
            return properties.Apply(this, ParseBlockSequence(col));
        }

        if (IsImplicitKey(_pos))
        {
            return properties.Apply(this, ParseBlockMapping(col));
        }

        if (properties.HasAny && (_text[_pos] is '&' or '!'))
        {
            throw Fail("A node has two sets of properties (anchor or tag)");
        }

        Properties own = properties.HasAny ? properties : ParseProperties(inFlow: false);
        if (AtLineEndOrComment())
        {
            throw Fail("The anchor or tag must be followed by the node it belongs to");
        }

        return own.Apply(this, ParseInlineNode(parentIndent, own));
    }

    /// <summary>A node that is not a block collection: a scalar, a block scalar, a flow collection or an alias.</summary>
    private JsonNode ParseInlineNode(int parentIndent, Properties properties)
    {
        char c = _text[_pos];
        switch (c)
        {
            case '*':
                if (properties.HasAny)
                {
                    throw Fail("An alias cannot have an anchor or a tag");
                }

                return ParseAlias();
            case '[':
            case '{':
                JsonNode flow = c == '[' ? ParseFlowSequence() : ParseFlowMapping();
                SkipBlanks();
                if (Peek() == ':')
                {
                    throw new SyntaxException("A flow collection cannot be a mapping key; keys are scalars", flow.Start, 1);
                }

                return flow;
            case '|':
            case '>':
                return ParseBlockScalar(parentIndent, properties.Tag);
            default:
                return ScalarNode(ParseScalar(inFlow: false, parentIndent), properties.Tag);
        }
    }

    private JsonObjectNode ParseBlockMapping(int column)
    {
        Enter();
        int start = _pos;
        int end = _pos;
        var entries = new List<MappingEntry>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            Key key;
            if (_text[_pos] == '?' && IsSeparator(_pos + 1))
            {
                // An explicit key: only a scalar on the same line, which is all a JSON-shaped document needs.
                _pos++;
                SkipBlanks();
                if (AtLineEndOrComment())
                {
                    throw Fail("An explicit key ('? ') must be followed by a scalar on the same line");
                }

                key = ParseKey(inFlow: false);
                NextContent();
                if (!(_pos < _text.Length && Column(_pos) == column && _text[_pos] == ':' && IsSeparator(_pos + 1)))
                {
                    // A key with no ':' line has a null value.
                    _pos = key.End;
                    AddEntry(entries, names, key, Empty(key.End));
                    end = key.End;
                    if (!NextEntry(column))
                    {
                        break;
                    }

                    continue;
                }

                _pos++;
            }
            else
            {
                key = ParseKey(inFlow: false);
                SkipBlanks();
                if (Peek() != ':' || !IsSeparator(_pos + 1))
                {
                    throw Peek() == ':'
                        ? Fail("':' after a mapping key must be followed by a space")
                        : new SyntaxException("':' was expected after the mapping key; a key must fit on one line", key.Start, key.End - key.Start);
                }

                _pos++;
            }

            int colon = _pos;
            JsonNode value = ParseBlockNode(column, colon, inlineCollections: false, sequenceAtParent: true);
            AddEntry(entries, names, key, value);
            end = Math.Max(colon, value.End);
            if (!NextEntry(column))
            {
                break;
            }
        }

        _depth--;
        return new JsonObjectNode(start, end, Merge(entries, names));
    }

    /// <summary>Moves to the next entry of the block mapping at <paramref name="column"/>; false where the mapping ends.</summary>
    private bool NextEntry(int column)
    {
        NextContent();
        CheckFirstOnLine();
        if (_pos >= _text.Length || AtDocumentMarker('-') || AtDocumentMarker('.'))
        {
            return false;
        }

        int col = Column(_pos);
        if (col < column)
        {
            return false;
        }

        if (col > column)
        {
            throw Fail($"Bad indentation: this line is indented more than the mapping's keys (column {column + 1})");
        }

        if (IsSequenceEntry(_pos))
        {
            throw Fail("A sequence entry ('- ') where a mapping key was expected");
        }

        if (!IsImplicitKey(_pos) && !(_text[_pos] == '?' && IsSeparator(_pos + 1)))
        {
            throw Fail("A mapping entry ('key: value') was expected; ':' must be followed by a space");
        }

        return true;
    }

    private JsonArrayNode ParseBlockSequence(int column)
    {
        Enter();
        int start = _pos;
        var items = new List<JsonNode>();
        while (true)
        {
            int dash = _pos;
            _pos++;
            JsonNode item = ParseBlockNode(column, dash + 1, inlineCollections: true, sequenceAtParent: false);
            items.Add(item);
            int end = Math.Max(dash + 1, item.End);
            NextContent();
            CheckFirstOnLine();
            if (_pos >= _text.Length || AtDocumentMarker('-') || AtDocumentMarker('.') || Column(_pos) < column)
            {
                _depth--;
                return new JsonArrayNode(start, end, items);
            }

            if (Column(_pos) > column)
            {
                throw Fail($"Bad indentation: this line is indented more than the sequence's entries (column {column + 1})");
            }

            if (!IsSequenceEntry(_pos))
            {
                _depth--;
                return new JsonArrayNode(start, end, items);
            }
        }
    }

    private JsonArrayNode ParseFlowSequence()
    {
        Enter();
        int start = _pos;
        _pos++;
        var items = new List<JsonNode>();
        while (true)
        {
            SkipFlowSpace(start, ']');
            if (_text[_pos] == ']')
            {
                break;
            }

            if (_text[_pos] == ',')
            {
                throw Fail("A value was expected before ','");
            }

            items.Add(ParseFlowNode());
            SkipFlowSpace(start, ']');
            char next = _text[_pos];
            if (next == ',')
            {
                _pos++;
            }
            else if (next == ']')
            {
                break;
            }
            else
            {
                throw Unclosed(start, ']') ?? (next == ':'
                    ? Fail("A mapping inside a flow sequence must be written in braces ('[{a: 1}]')")
                    : Fail($"Unexpected {Describe()}; ',' or ']' was expected"));
            }
        }

        _pos++;
        _depth--;
        return new JsonArrayNode(start, _pos, items);
    }

    private JsonObjectNode ParseFlowMapping()
    {
        Enter();
        int start = _pos;
        _pos++;
        var entries = new List<MappingEntry>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            SkipFlowSpace(start, '}');
            if (_text[_pos] == '}')
            {
                break;
            }

            if (_text[_pos] is ',' or '[' or '{' or ']')
            {
                throw Unclosed(start, '}') ?? Fail($"Unexpected {Describe()}; a mapping key was expected");
            }

            Key key = ParseKey(inFlow: true);
            SkipFlowSpace(start, '}');
            JsonNode value;
            if (_text[_pos] == ':')
            {
                int colon = ++_pos;
                SkipFlowSpace(start, '}');
                value = _text[_pos] is ',' or '}' ? Empty(colon) : ParseFlowNode();
                SkipFlowSpace(start, '}');
            }
            else
            {
                value = Empty(key.End);
            }

            AddEntry(entries, names, key, value);
            char next = _text[_pos];
            if (next == ',')
            {
                _pos++;
            }
            else if (next == '}')
            {
                break;
            }
            else
            {
                throw Unclosed(start, '}') ?? Fail($"Unexpected {Describe()}; ',' or '}}' was expected");
            }
        }

        _pos++;
        _depth--;
        return new JsonObjectNode(start, _pos, Merge(entries, names));
    }

    /// <summary>
    /// A flow collection that meets something it cannot hold on a later line was, most likely, never closed: block
    /// content follows it. Saying so at the opening bracket helps more than an error about the content.
    /// </summary>
    private SyntaxException? Unclosed(int open, char close)
    {
        int lineBreak = _text.IndexOfAny(s_lineBreaks, open, _pos - open);
        return lineBreak < 0
            ? null
            : new SyntaxException($"The flow {(close == ']' ? "sequence" : "mapping")} opened here is not closed with '{close}'", open, 1);
    }

    private JsonNode ParseFlowNode()
    {
        Properties properties = ParseProperties(inFlow: true);
        if (properties.HasAny)
        {
            while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
            {
                _pos++;
            }

            if (_pos >= _text.Length)
            {
                throw Fail("Unexpected end of the document; a value was expected");
            }

            if (_text[_pos] is ',' or ']' or '}' or ':')
            {
                return properties.Apply(this, Empty(properties.End));
            }
        }

        JsonNode node = _text[_pos] switch
        {
            '*' when !properties.HasAny => ParseAlias(),
            '*' => throw Fail("An alias cannot have an anchor or a tag"),
            '[' => ParseFlowSequence(),
            '{' => ParseFlowMapping(),
            _ => ScalarNode(ParseScalar(inFlow: true, -1), properties.Tag),
        };
        return properties.Apply(this, node);
    }

    /// <summary>Skips white space, line breaks and comments inside a flow collection, which may span lines freely.</summary>
    private void SkipFlowSpace(int open, char close)
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                string what = _text[open] == '[' ? "flow sequence" : "flow mapping";
                throw new SyntaxException($"The {what} opened here is not closed with '{close}'", open, 1);
            }

            char c = _text[_pos];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _pos++;
            }
            else if (c == '#')
            {
                if (!IsBlankBefore(_pos))
                {
                    throw Fail("A comment must be separated from the value by white space");
                }

                SkipToLineEnd();
            }
            else
            {
                return;
            }
        }
    }

    private JsonNode ParseAlias()
    {
        int start = _pos;
        _pos++;
        string name = ReadName();
        if (name.Length == 0)
        {
            throw new SyntaxException("'*' must be followed by the name of an anchor", start, 1);
        }

        if (!_anchors.TryGetValue(name, out Anchor anchor))
        {
            throw new SyntaxException($"The alias '*{name}' refers to no anchor defined before it", start, _pos - start);
        }

        _nodes += anchor.Size;
        if (_nodes > MaxAliasNodes + (long)_text.Length)
        {
            throw new SyntaxException($"Aliases expand the document beyond {MaxAliasNodes:N0} nodes; is an alias nested in itself many times over?", start, _pos - start);
        }

        return anchor.Node;
    }

    private Key ParseKey(bool inFlow)
    {
        Properties properties = ParseProperties(inFlow);
        if (Peek() == '*')
        {
            throw Fail("An alias cannot be a mapping key");
        }

        if (Peek() is '[' or '{')
        {
            throw Fail("A flow collection cannot be a mapping key; keys are scalars");
        }

        if (Peek() is '|' or '>')
        {
            throw Fail("A block scalar cannot be a mapping key");
        }

        Scalar scalar = ParseScalar(inFlow, int.MaxValue);
        if (properties.Tag is not (null or "!" or "str"))
        {
            throw new SyntaxException($"A mapping key is a string; the tag {properties.TagText} does not apply", properties.Start, properties.End - properties.Start);
        }

        if (properties.Anchor is { } anchor)
        {
            _anchors[anchor] = new Anchor(new JsonStringNode(scalar.Start, scalar.End, scalar.Value), 1);
        }

        return new Key(scalar.Value, scalar.Start, scalar.End);
    }

    private void AddEntry(List<MappingEntry> entries, HashSet<string> names, Key key, JsonNode value)
    {
        _nodes++;
        if (key.Name == "<<" && key.End - key.Start == 2)
        {
            // The merge key of YAML 1.1, which OpenAPI files use with anchors to share members.
            if (value is not (JsonObjectNode or JsonArrayNode))
            {
                throw new SyntaxException("A merge key ('<<') must hold a mapping or a sequence of mappings", key.Start, 2);
            }

            if (value is JsonArrayNode list)
            {
                foreach (JsonNode item in list.Items)
                {
                    if (item is not JsonObjectNode)
                    {
                        throw new SyntaxException("A merge key ('<<') must hold a mapping or a sequence of mappings", key.Start, 2);
                    }
                }
            }

            entries.Add(new MappingEntry(null, value));
            return;
        }

        if (!names.Add(key.Name))
        {
            // As in JSON: a spec whose meaning depends on which of two values wins is refused.
            throw new SyntaxException($"Duplicate mapping key \"{key.Name}\"", key.Start, key.End - key.Start);
        }

        entries.Add(new MappingEntry(new JsonMember(key.Name, key.Start, key.End, value), null));
    }

    /// <summary>The members in order, with merged ones where their <c>&lt;&lt;</c> stands, unless the mapping has them itself.</summary>
    private static List<JsonMember> Merge(List<MappingEntry> entries, HashSet<string> names)
    {
        var members = new List<JsonMember>(entries.Count);
        HashSet<string>? merged = null;
        foreach (MappingEntry entry in entries)
        {
            if (entry.Member is { } member)
            {
                members.Add(member);
                continue;
            }

            merged ??= new HashSet<string>(names, StringComparer.Ordinal);
            IEnumerable<JsonNode> sources = entry.Merge is JsonArrayNode list ? list.Items : new[] { entry.Merge! };
            foreach (JsonNode source in sources)
            {
                foreach (JsonMember inherited in ((JsonObjectNode)source).Members)
                {
                    if (merged.Add(inherited.Name))
                    {
                        members.Add(inherited);
                    }
                }
            }
        }

        return members;
    }

    private JsonNullNode Empty(int at)
    {
        _nodes++;
        return new JsonNullNode(at, at);
    }

    // ---- Lines, columns and look-ahead -----------------------------------------------------------------------------

    /// <summary>
    /// Moves past white space, comments and line breaks to the next content character (or the end). A tab where a
    /// line's indentation is expected is an error: YAML indents with spaces only.
    /// </summary>
    private void NextContent()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c is ' ' or '\t')
            {
                _pos++;
            }
            else if (c == '#' && IsBlankBefore(_pos))
            {
                SkipToLineEnd();
            }
            else if (c is '\n' or '\r')
            {
                _pos += c == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n' ? 2 : 1;
                while (_pos < _text.Length && _text[_pos] == ' ')
                {
                    _pos++;
                }

                if (_pos < _text.Length && _text[_pos] == '\t')
                {
                    int tab = _pos;
                    SkipBlanks();
                    if (!AtLineEndOrComment())
                    {
                        throw new SyntaxException("A tab in the indentation; YAML indents with spaces only", tab, 1);
                    }
                }
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>After a node, the next content must begin a line: anything else on the node's line is left over.</summary>
    private void CheckFirstOnLine()
    {
        if (_pos < _text.Length && !IsFirstOnLine(_pos))
        {
            throw UnexpectedAfterValue();
        }
    }

    private SyntaxException UnexpectedAfterValue() => _text[_pos] switch
    {
        ':' => Fail("Mapping values are not allowed here; quote a value that holds ': ', or check the indentation"),
        '#' => Fail("A comment must be separated from the value by white space"),
        _ => Fail($"Unexpected {Describe()} after the value"),
    };

    private bool IsFirstOnLine(int pos)
    {
        int p = pos;
        while (p > 0 && _text[p - 1] == ' ')
        {
            p--;
        }

        return p == 0 || _text[p - 1] is '\n' or '\r' || (p == 1 && _text[0] == '\uFEFF');
    }

    private int Column(int pos)
    {
        int p = pos;
        while (p > 0 && _text[p - 1] is not ('\n' or '\r'))
        {
            p--;
        }

        // A byte order mark is not part of the first line's indentation.
        return p == 0 && _text.Length > 0 && _text[0] == '\uFEFF' ? pos - 1 : pos - p;
    }

    private bool AtDocumentMarker(char c) =>
        _pos + 2 < _text.Length && _text[_pos] == c && _text[_pos + 1] == c && _text[_pos + 2] == c
        && IsSeparator(_pos + 3) && Column(_pos) == 0;

    private bool IsSequenceEntry(int pos) => pos < _text.Length && _text[pos] == '-' && IsSeparator(pos + 1);

    /// <summary>Whether a block mapping starts at <paramref name="pos"/>: a one-line key followed by <c>': '</c>, or <c>'? '</c>.</summary>
    private bool IsImplicitKey(int pos)
    {
        int p = pos;
        if (p >= _text.Length)
        {
            return false;
        }

        if (_text[p] == '?' && IsSeparator(p + 1))
        {
            return true;
        }

        // Properties before a key on its line belong to the key.
        while (p < _text.Length && _text[p] is '&' or '!')
        {
            while (p < _text.Length && !IsSeparator(p))
            {
                p++;
            }

            while (p < _text.Length && _text[p] is ' ' or '\t')
            {
                p++;
            }
        }

        if (p >= _text.Length)
        {
            return false;
        }

        char c = _text[p];
        if (c is '"' or '\'')
        {
            p++;
            while (true)
            {
                if (p >= _text.Length || _text[p] is '\n' or '\r')
                {
                    return false;
                }

                if (_text[p] == c)
                {
                    if (c == '\'' && p + 1 < _text.Length && _text[p + 1] == '\'')
                    {
                        p += 2;
                        continue;
                    }

                    p++;
                    break;
                }

                p += c == '"' && _text[p] == '\\' ? 2 : 1;
            }

            while (p < _text.Length && _text[p] is ' ' or '\t')
            {
                p++;
            }

            return p < _text.Length && _text[p] == ':' && IsSeparator(p + 1);
        }

        if (c == '*')
        {
            // An alias as a key: say so when it is parsed, rather than as a puzzling error later.
            while (p < _text.Length && !IsSeparator(p))
            {
                p++;
            }

            while (p < _text.Length && _text[p] is ' ' or '\t')
            {
                p++;
            }

            return p < _text.Length && _text[p] == ':' && IsSeparator(p + 1);
        }

        if (!IsPlainStart(p, inFlow: false))
        {
            return false;
        }

        for (; p < _text.Length && _text[p] is not ('\n' or '\r'); p++)
        {
            if (_text[p] == ':' && IsSeparator(p + 1))
            {
                return true;
            }

            if (_text[p] == '#' && _text[p - 1] is ' ' or '\t')
            {
                return false;
            }
        }

        return false;
    }

    private bool AtLineEndOrComment() =>
        _pos >= _text.Length || _text[_pos] is '\n' or '\r' || (_text[_pos] == '#' && IsBlankBefore(_pos));

    private bool IsBlankBefore(int pos) => pos == 0 || _text[pos - 1] is ' ' or '\t' or '\n' or '\r' or '\uFEFF';

    /// <summary>The end of the text, white space or a line break: what must follow an indicator such as <c>-</c> or <c>:</c>.</summary>
    private bool IsSeparator(int pos) => pos >= _text.Length || _text[pos] is ' ' or '\t' or '\n' or '\r';

    private void SkipBlanks()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t')
        {
            _pos++;
        }
    }

    private void SkipToLineEnd()
    {
        while (_pos < _text.Length && _text[_pos] is not ('\n' or '\r'))
        {
            _pos++;
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void Enter()
    {
        _nodes++;
        if (++_depth > MaxDepth)
        {
            throw Fail($"The document nests deeper than {MaxDepth} levels");
        }
    }

    /// <summary>
    /// Control characters are not YAML (only tab and line breaks are), and half a surrogate pair is not text: both are
    /// refused where they are, before they could reach a name or a string.
    /// </summary>
    private void CheckCharacters()
    {
        for (int i = 0; i < _text.Length; i++)
        {
            char c = _text[i];
            if (c < 0x20 && c is not ('\t' or '\n' or '\r'))
            {
                throw new SyntaxException($"The control character U+{(int)c:X4} is not allowed in YAML; write it as an escape in a double-quoted string", i, 1);
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]))
                {
                    i++;
                    continue;
                }

                throw new SyntaxException("Half of a UTF-16 surrogate pair", i, 1);
            }
        }
    }

    private string Describe()
    {
        if (_pos >= _text.Length)
        {
            return "end of the document";
        }

        char c = _text[_pos];
        return c < 0x20 || c > 0x7E
            ? $"character U+{(int)c:X4}"
            : $"character '{c}'";
    }

    private SyntaxException Fail(string message) => new(message, Math.Min(_pos, _text.Length), _pos < _text.Length ? 1 : 0);

    private readonly struct Anchor
    {
        public Anchor(JsonNode node, long size)
        {
            Node = node;
            Size = size;
        }

        public JsonNode Node { get; }

        /// <summary>How many nodes the anchored node stands for, aliases inside it expanded.</summary>
        public long Size { get; }
    }

    private readonly struct Key
    {
        public Key(string name, int start, int end)
        {
            Name = name;
            Start = start;
            End = end;
        }

        public string Name { get; }

        public int Start { get; }

        public int End { get; }
    }

    /// <summary>A member, or a merge (<c>&lt;&lt;</c>) whose members are placed where it stands.</summary>
    private readonly struct MappingEntry
    {
        public MappingEntry(JsonMember? member, JsonNode? merge)
        {
            Member = member;
            Merge = merge;
        }

        public JsonMember? Member { get; }

        public JsonNode? Merge { get; }
    }

    private sealed class SyntaxException : Exception
    {
        public SyntaxException(string message, int offset, int length = 1)
            : base(message)
        {
            Offset = offset;
            Length = length;
        }

        public int Offset { get; }

        public int Length { get; }
    }
}
