using System;
using System.Globalization;
using System.Text;
using EvsContracts.Generator.Reader.Json;

namespace EvsContracts.Generator.Reader.Yaml;

/// <summary>Scalars (plain, single- and double-quoted, literal and folded), and the anchors and tags before a node.</summary>
internal sealed partial class YamlParser
{
    private static readonly string[] s_coreTags = { "str", "int", "float", "bool", "null", "map", "seq", "binary", "timestamp" };

    /// <summary>
    /// A plain or quoted scalar. <paramref name="parentIndent"/> is the column a continuation line must pass (a plain
    /// scalar may go on over several lines); <see cref="int.MaxValue"/> keeps it to one line, as a key.
    /// </summary>
    private Scalar ParseScalar(bool inFlow, int parentIndent)
    {
        if (_pos >= _text.Length)
        {
            throw Fail("Unexpected end of the document; a value was expected");
        }

        char c = _text[_pos];
        if (c == '\'')
        {
            return ParseSingleQuoted();
        }

        if (c == '"')
        {
            return ParseDoubleQuoted();
        }

        if (!IsPlainStart(_pos, inFlow))
        {
            throw c is '@' or '`' or '%' or '|' or '>' or '!' or '&'
                ? Fail($"'{c}' cannot start a plain scalar; quote the value")
                : Fail($"Unexpected {Describe()}; a value was expected");
        }

        return ParsePlain(inFlow, parentIndent);
    }

    private Scalar ParsePlain(bool inFlow, int parentIndent)
    {
        int start = _pos;
        int end = ScanPlainLine(inFlow);
        StringBuilder? builder = null;
        while (parentIndent != int.MaxValue && _pos < _text.Length && _text[_pos] is '\n' or '\r')
        {
            // A continuation line: more indented than the parent, and not a comment or a document marker.
            int p = _pos;
            int breaks = 0;
            int lineStart;
            while (true)
            {
                p += _text[p] == '\r' && p + 1 < _text.Length && _text[p + 1] == '\n' ? 2 : 1;
                breaks++;
                lineStart = p;
                while (p < _text.Length && _text[p] == ' ')
                {
                    p++;
                }

                int indent = p - lineStart;
                while (p < _text.Length && _text[p] is ' ' or '\t')
                {
                    p++;
                }

                if (p < _text.Length && _text[p] is '\n' or '\r')
                {
                    continue;
                }

                if (p >= _text.Length || _text[p] == '#' || (!inFlow && indent <= parentIndent)
                    || (inFlow && _text[p] is ',' or '[' or ']' or '{' or '}')
                    || (_text[p] == ':' && IsSeparator(p + 1))
                    || (indent == 0 && IsDocumentMarkerAt(p)))
                {
                    _pos = end;
                    return new Scalar(start, end, builder?.ToString() ?? _text.Substring(start, end - start), plain: true);
                }

                break;
            }

            builder ??= new StringBuilder().Append(_text, start, end - start);
            if (breaks == 1)
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append('\n', breaks - 1);
            }

            _pos = p;
            int lineContent = _pos;
            end = ScanPlainLine(inFlow);
            builder.Append(_text, lineContent, end - lineContent);
        }

        _pos = end;
        return new Scalar(start, end, builder?.ToString() ?? _text.Substring(start, end - start), plain: true);
    }

    /// <summary>Moves to where a plain scalar's line stops; returns the end of its text, trailing blanks left out.</summary>
    private int ScanPlainLine(bool inFlow)
    {
        int end = _pos;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c is '\n' or '\r'
                || (c == ':' && (IsSeparator(_pos + 1) || (inFlow && IsFlowIndicator(_pos + 1))))
                || (inFlow && c is ',' or '[' or ']' or '{' or '}')
                || (c == '#' && _pos > 0 && _text[_pos - 1] is ' ' or '\t'))
            {
                break;
            }

            _pos++;
            if (c is not (' ' or '\t'))
            {
                end = _pos;
            }
        }

        return end;
    }

    private bool IsPlainStart(int pos, bool inFlow)
    {
        char c = _text[pos];
        switch (c)
        {
            case '-':
            case '?':
            case ':':
                return !IsSeparator(pos + 1) && !(inFlow && IsFlowIndicator(pos + 1));
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '#':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
            case ' ':
            case '\t':
            case '\n':
            case '\r':
                return false;
            default:
                return true;
        }
    }

    private bool IsFlowIndicator(int pos) => pos < _text.Length && _text[pos] is ',' or '[' or ']' or '{' or '}';

    private bool IsDocumentMarkerAt(int pos) =>
        pos + 2 < _text.Length && _text[pos] is '-' or '.' && _text[pos + 1] == _text[pos] && _text[pos + 2] == _text[pos] && IsSeparator(pos + 3);

    private Scalar ParseSingleQuoted()
    {
        int start = _pos;
        _pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new SyntaxException("The single-quoted scalar opened here is not closed", start, 1);
            }

            char c = _text[_pos];
            if (c == '\'')
            {
                if (_pos + 1 < _text.Length && _text[_pos + 1] == '\'')
                {
                    builder.Append('\'');
                    _pos += 2;
                    continue;
                }

                _pos++;
                return new Scalar(start, _pos, builder.ToString(), plain: false);
            }

            if (c is '\n' or '\r')
            {
                Fold(builder, 0);
                continue;
            }

            builder.Append(c);
            _pos++;
        }
    }

    private Scalar ParseDoubleQuoted()
    {
        int start = _pos;
        _pos++;
        var builder = new StringBuilder();

        // White space written as an escape is kept where a line break folds.
        int kept = 0;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new SyntaxException("The double-quoted scalar opened here is not closed", start, 1);
            }

            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return new Scalar(start, _pos, builder.ToString(), plain: false);
            }

            if (c is '\n' or '\r')
            {
                Fold(builder, kept);
                continue;
            }

            if (c != '\\')
            {
                builder.Append(c);
                _pos++;
                continue;
            }

            if (_pos + 1 >= _text.Length)
            {
                throw new SyntaxException("The double-quoted scalar opened here is not closed", start, 1);
            }

            char escape = _text[_pos + 1];
            if (escape is '\n' or '\r')
            {
                // An escaped line break joins the lines without a space; empty lines after it still count.
                _pos++;
                SkipLineBreak();
                int breaks = 0;
                while (true)
                {
                    SkipBlanks();
                    if (_pos < _text.Length && _text[_pos] is '\n' or '\r')
                    {
                        SkipLineBreak();
                        breaks++;
                        continue;
                    }

                    break;
                }

                builder.Append('\n', breaks);
                kept = builder.Length;
                continue;
            }

            int escapeStart = _pos;
            _pos += 2;
            switch (escape)
            {
                case '0': builder.Append('\0'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 't':
                case '\t': builder.Append('\t'); break;
                case 'n': builder.Append('\n'); break;
                case 'v': builder.Append('\v'); break;
                case 'f': builder.Append('\f'); break;
                case 'r': builder.Append('\r'); break;
                case 'e': builder.Append('\u001B'); break;
                case ' ': builder.Append(' '); break;
                case '"': builder.Append('"'); break;
                case '/': builder.Append('/'); break;
                case '\\': builder.Append('\\'); break;
                case 'N': builder.Append('\u0085'); break;
                case '_': builder.Append('\u00A0'); break;
                case 'L': builder.Append('\u2028'); break;
                case 'P': builder.Append('\u2029'); break;
                case 'x': AppendCodePoint(builder, escapeStart, ReadHex(escapeStart, 2)); break;
                case 'u': AppendUtf16Escape(builder, escapeStart); break;
                case 'U': AppendCodePoint(builder, escapeStart, ReadHex(escapeStart, 8)); break;
                default:
                    throw new SyntaxException($"Invalid escape sequence '\\{escape}'", escapeStart, 2);
            }

            kept = builder.Length;
        }
    }

    /// <summary>\uXXXX, where half of a surrogate pair must be followed at once by the escape of its other half.</summary>
    private void AppendUtf16Escape(StringBuilder builder, int escapeStart)
    {
        int code = ReadHex(escapeStart, 4);
        if (!char.IsSurrogate((char)code))
        {
            builder.Append((char)code);
            return;
        }

        if (char.IsHighSurrogate((char)code) && _pos + 1 < _text.Length && _text[_pos] == '\\' && _text[_pos + 1] == 'u')
        {
            int lowStart = _pos;
            _pos += 2;
            int low = ReadHex(lowStart, 4);
            if (char.IsLowSurrogate((char)low))
            {
                builder.Append((char)code).Append((char)low);
                return;
            }
        }

        throw new SyntaxException($"\\u{code:X4} is half of a UTF-16 surrogate pair; the escape of the other half must follow it", escapeStart, 6);
    }

    private void AppendCodePoint(StringBuilder builder, int escapeStart, int code)
    {
        if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        {
            throw new SyntaxException("The escape is not a Unicode scalar value", escapeStart, _pos - escapeStart);
        }

        builder.Append(char.ConvertFromUtf32(code));
    }

    private int ReadHex(int escapeStart, int digits)
    {
        if (_pos + digits > _text.Length
            || !int.TryParse(_text.Substring(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)
            || _text.IndexOf(' ', _pos, digits) >= 0)
        {
            throw new SyntaxException($"\\{_text[escapeStart + 1]} must be followed by {digits} hexadecimal digits", escapeStart, 2);
        }

        _pos += digits;
        return code;
    }

    /// <summary>
    /// A line break inside a quoted scalar: the blanks around it go, one break becomes a space, and each further
    /// (empty) line a line feed.
    /// </summary>
    private void Fold(StringBuilder builder, int kept)
    {
        int trimmed = builder.Length;
        while (trimmed > kept && builder[trimmed - 1] is ' ' or '\t')
        {
            trimmed--;
        }

        builder.Length = trimmed;
        int breaks = 0;
        while (_pos < _text.Length && _text[_pos] is '\n' or '\r')
        {
            SkipLineBreak();
            breaks++;
            SkipBlanks();
        }

        if (breaks == 1)
        {
            builder.Append(' ');
        }
        else
        {
            builder.Append('\n', breaks - 1);
        }
    }

    private void SkipLineBreak() =>
        _pos += _text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n' ? 2 : 1;

    /// <summary>
    /// A literal (<c>|</c>) or folded (<c>&gt;</c>) scalar: its lines are those indented at least as much as the first
    /// (or as the indentation indicator says); chomping (<c>-</c>, <c>+</c>) decides the line breaks at its end.
    /// </summary>
    private JsonNode ParseBlockScalar(int parentIndent, string? tag)
    {
        int start = _pos;
        bool literal = _text[_pos] == '|';
        _pos++;
        int indicator = 0;
        char chomping = ' ';
        for (int i = 0; i < 2; i++)
        {
            char h = Peek();
            if (h is >= '1' and <= '9' && indicator == 0)
            {
                indicator = h - '0';
            }
            else if (h is '+' or '-' && chomping == ' ')
            {
                chomping = h;
            }
            else
            {
                break;
            }

            _pos++;
        }

        int headerEnd = _pos;
        SkipBlanks();
        if (!AtLineEndOrComment())
        {
            throw Peek() == '0'
                ? Fail("A block scalar's indentation indicator is 1 to 9")
                : Fail($"Unexpected {Describe()} after the block scalar's header; its text starts on the next line");
        }

        SkipToLineEnd();
        int headerLineEnd = _pos;
        int p = _pos < _text.Length ? _pos + (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n' ? 2 : 1) : _pos;
        int indent = indicator > 0 ? Math.Max(parentIndent, 0) + indicator : DetectIndent(p, parentIndent);

        var builder = new StringBuilder();
        int end = headerEnd;
        int lines = 0;
        int empty = 0;
        bool previousMoreIndented = false;
        bool finalBreak = false;
        _pos = headerLineEnd;
        while (indent > parentIndent && p < _text.Length)
        {
            int spaces = 0;
            while (p + spaces < _text.Length && _text[p + spaces] == ' ')
            {
                spaces++;
            }

            int q = p + spaces;
            int lineEnd = q;
            while (lineEnd < _text.Length && _text[lineEnd] is not ('\n' or '\r'))
            {
                lineEnd++;
            }

            bool blank = lineEnd == q;
            if (blank && spaces <= indent)
            {
                if (lineEnd >= _text.Length)
                {
                    break;
                }

                empty++;
                p = lineEnd + (_text[lineEnd] == '\r' && lineEnd + 1 < _text.Length && _text[lineEnd + 1] == '\n' ? 2 : 1);
                continue;
            }

            if (spaces < indent || (spaces == 0 && IsDocumentMarkerAt(p)))
            {
                break;
            }

            int textStart = p + indent;
            bool moreIndented = _text[textStart] is ' ' or '\t';
            if (lines == 0)
            {
                builder.Append('\n', empty);
            }
            else if (!literal && !previousMoreIndented && !moreIndented)
            {
                if (empty == 0)
                {
                    builder.Append(' ');
                }
                else
                {
                    builder.Append('\n', empty);
                }
            }
            else
            {
                builder.Append('\n', empty + 1);
            }

            builder.Append(_text, textStart, lineEnd - textStart);
            previousMoreIndented = moreIndented;
            lines++;
            empty = 0;
            end = lineEnd;
            _pos = lineEnd;
            finalBreak = lineEnd < _text.Length;
            if (!finalBreak)
            {
                break;
            }

            p = lineEnd + (_text[lineEnd] == '\r' && lineEnd + 1 < _text.Length && _text[lineEnd + 1] == '\n' ? 2 : 1);
        }

        if (chomping == '+')
        {
            builder.Append('\n', (lines > 0 && finalBreak ? 1 : 0) + empty);
        }
        else if (chomping == ' ' && lines > 0 && finalBreak)
        {
            builder.Append('\n');
        }

        return ScalarNode(new Scalar(start, end, builder.ToString(), plain: false), tag);
    }

    /// <summary>The indentation of a block scalar's first non-empty line; an empty line before it may not be deeper.</summary>
    private int DetectIndent(int p, int parentIndent)
    {
        int deepestEmpty = 0;
        int deepestEmptyAt = p;
        while (p < _text.Length)
        {
            int spaces = 0;
            while (p + spaces < _text.Length && _text[p + spaces] == ' ')
            {
                spaces++;
            }

            int q = p + spaces;
            if (q < _text.Length && _text[q] is '\n' or '\r')
            {
                if (spaces > deepestEmpty)
                {
                    deepestEmpty = spaces;
                    deepestEmptyAt = p;
                }

                p = q + (_text[q] == '\r' && q + 1 < _text.Length && _text[q + 1] == '\n' ? 2 : 1);
                continue;
            }

            if (q >= _text.Length || spaces <= parentIndent)
            {
                return Math.Max(parentIndent + 1, deepestEmpty);
            }

            if (deepestEmpty > spaces)
            {
                throw new SyntaxException("An empty line at the start of the block scalar holds more spaces than its first line of text", deepestEmptyAt, deepestEmpty);
            }

            return spaces;
        }

        return Math.Max(parentIndent + 1, deepestEmpty);
    }

    /// <summary>The node a scalar stands for: a quoted one is a string, a plain one resolves by the core schema, a tag decides.</summary>
    private JsonNode ScalarNode(Scalar scalar, string? tag)
    {
        _nodes++;
        if (tag is null)
        {
            return scalar.Plain ? YamlCoreSchema.Resolve(scalar.Value, scalar.Start, scalar.End) : new JsonStringNode(scalar.Start, scalar.End, scalar.Value);
        }

        if (tag is "!" or "str" or "binary" or "timestamp")
        {
            return new JsonStringNode(scalar.Start, scalar.End, scalar.Value);
        }

        if (tag is "map" or "seq")
        {
            throw new SyntaxException($"The tag !!{tag} does not fit a scalar", scalar.Start, scalar.End - scalar.Start);
        }

        JsonNode resolved = YamlCoreSchema.Resolve(scalar.Value.Trim(), scalar.Start, scalar.End);
        bool fits = tag switch
        {
            "int" => resolved is JsonNumberNode number && YamlCoreSchema.IsInteger(number.Text),
            "float" => resolved is JsonNumberNode,
            "bool" => resolved is JsonBooleanNode,
            _ => resolved is JsonNullNode,
        };
        if (!fits)
        {
            throw new SyntaxException($"The value does not fit its tag !!{tag}", scalar.Start, scalar.End - scalar.Start);
        }

        return resolved;
    }

    /// <summary>The anchor (<c>&amp;name</c>) and tag (<c>!!str</c>) before a node, in either order.</summary>
    private Properties ParseProperties(bool inFlow)
    {
        int start = _pos;
        string? anchor = null;
        string? tag = null;
        string? tagText = null;
        while (_pos < _text.Length && ((_text[_pos] == '&' && anchor is null) || (_text[_pos] == '!' && tagText is null)))
        {
            int at = _pos;
            if (_text[_pos] == '&')
            {
                _pos++;
                anchor = ReadName();
                if (anchor.Length == 0)
                {
                    throw new SyntaxException("'&' must be followed by the anchor's name", at, 1);
                }
            }
            else
            {
                if (_pos + 1 < _text.Length && _text[_pos + 1] == '<')
                {
                    int close = _text.IndexOf('>', _pos);
                    _pos = close < 0 ? _text.Length : close + 1;
                }
                else
                {
                    ReadName();
                }

                tagText = _text.Substring(at, _pos - at);
                tag = CoreTag(tagText, at);
            }

            if (!IsSeparator(_pos) && !(inFlow && IsFlowIndicator(_pos)))
            {
                throw Fail("An anchor or a tag must be followed by white space");
            }

            SkipBlanks();
        }

        return new Properties(start, _pos == start ? start : TrimEnd(_pos), anchor, tag, tagText, _nodes);
    }

    private int TrimEnd(int pos)
    {
        while (pos > 0 && _text[pos - 1] is ' ' or '\t')
        {
            pos--;
        }

        return pos;
    }

    private static string CoreTag(string text, int at)
    {
        if (text == "!")
        {
            return "!";
        }

        string? name = text.StartsWith("!!", StringComparison.Ordinal) ? text.Substring(2)
            : text.StartsWith("!<tag:yaml.org,2002:", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal) ? text.Substring(20, text.Length - 21)
            : null;
        if (name is not null && Array.IndexOf(s_coreTags, name) >= 0)
        {
            return name;
        }

        throw new SyntaxException($"The tag {text} is not supported; the YAML core tags are (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq)", at, text.Length);
    }

    /// <summary>The name of an anchor, an alias or a tag: up to white space or a flow indicator.</summary>
    private string ReadName()
    {
        int start = _pos;
        while (_pos < _text.Length && !IsSeparator(_pos) && !IsFlowIndicator(_pos))
        {
            _pos++;
        }

        return _text.Substring(start, _pos - start);
    }

    private readonly struct Scalar
    {
        public Scalar(int start, int end, string value, bool plain)
        {
            Start = start;
            End = end;
            Value = value;
            Plain = plain;
        }

        public int Start { get; }

        public int End { get; }

        public string Value { get; }

        /// <summary>A plain scalar resolves to null, a boolean or a number when its text says so; a quoted one is a string.</summary>
        public bool Plain { get; }
    }

    private readonly struct Properties
    {
        private readonly long _nodesBefore;

        public Properties(int start, int end, string? anchor, string? tag, string? tagText, long nodesBefore)
        {
            Start = start;
            End = end;
            Anchor = anchor;
            Tag = tag;
            TagText = tagText;
            _nodesBefore = nodesBefore;
        }

        public int Start { get; }

        public int End { get; }

        public string? Anchor { get; }

        /// <summary>The core tag's name (<c>str</c>, <c>map</c>, ...), or <c>!</c> for the non-specific tag.</summary>
        public string? Tag { get; }

        public string? TagText { get; }

        public bool HasAny => Anchor is not null || Tag is not null;

        /// <summary>Checks the tag of a collection or an empty node, and records the anchor.</summary>
        public JsonNode Apply(YamlParser parser, JsonNode node)
        {
            if (Tag is not null && node is JsonNullNode && node.Start == node.End)
            {
                node = Tag switch
                {
                    "!" or "str" or "binary" or "timestamp" => new JsonStringNode(node.Start, node.End, string.Empty),
                    "map" => new JsonObjectNode(node.Start, node.End, Array.Empty<JsonMember>()),
                    "seq" => new JsonArrayNode(node.Start, node.End, Array.Empty<JsonNode>()),
                    "null" => node,
                    _ => throw new SyntaxException($"An empty value does not fit its tag {TagText}", Start, End - Start),
                };
            }
            else if ((node is JsonObjectNode && Tag is not (null or "!" or "map")) || (node is JsonArrayNode && Tag is not (null or "!" or "seq")))
            {
                throw new SyntaxException($"The tag {TagText} does not fit a {(node is JsonObjectNode ? "mapping" : "sequence")}", Start, End - Start);
            }

            if (Anchor is not null)
            {
                parser._anchors[Anchor] = new Anchor(node, Math.Max(1, parser._nodes - _nodesBefore));
            }

            return node;
        }
    }
}
