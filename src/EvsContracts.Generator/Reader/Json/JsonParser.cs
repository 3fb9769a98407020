using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EvsContracts.Generator.Reader.Json;

/// <summary>Why a text is not JSON, and where: the first characters the parser could not accept.</summary>
internal sealed class JsonSyntaxError
{
    public JsonSyntaxError(string message, int offset, int length)
    {
        Message = message;
        Offset = offset;
        Length = length;
    }

    public string Message { get; }

    public int Offset { get; }

    /// <summary>How many characters the error covers: one, or a whole token such as a duplicate name.</summary>
    public int Length { get; }
}

/// <summary>
/// A strict RFC 8259 parser that keeps where every value and member name is written. The generator cannot use
/// System.Text.Json (analyzer hosts load their own), and it needs positions for diagnostics anyway.
/// </summary>
internal sealed class JsonParser
{
    /// <summary>Deeper documents are refused rather than risking the host's stack; real specs nest a few dozen levels.</summary>
    public const int MaxDepth = 256;

    private readonly string _text;
    private int _pos;
    private int _depth;

    private JsonParser(string text) => _text = text;

    public static JsonNode? Parse(string text, out JsonSyntaxError? error)
    {
        var parser = new JsonParser(text);
        try
        {
            // A byte order mark is not JSON, but editors write one; accept it once at the start.
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                parser._pos = 1;
            }

            parser.SkipWhitespace();
            JsonNode root = parser.ParseValue();
            parser.SkipWhitespace();
            if (parser._pos < text.Length)
            {
                throw parser.Fail($"Unexpected {parser.Describe()} after the end of the document");
            }

            error = null;
            return root;
        }
        catch (SyntaxException e)
        {
            error = new JsonSyntaxError(e.Message, e.Offset, e.Length);
            return null;
        }
    }

    private JsonNode ParseValue()
    {
        if (_pos >= _text.Length)
        {
            throw Fail("Unexpected end of the document; a value was expected");
        }

        char c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                int start = _pos;
                string value = ParseString();
                return new JsonStringNode(start, _pos, value);
            case 't':
                return ParseLiteral("true", (s, e) => new JsonBooleanNode(s, e, true));
            case 'f':
                return ParseLiteral("false", (s, e) => new JsonBooleanNode(s, e, false));
            case 'n':
                return ParseLiteral("null", (s, e) => new JsonNullNode(s, e));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw Fail($"Unexpected {Describe()}; a value was expected");
        }
    }

    /// <summary>
    /// Whether an object already has a member <paramref name="name"/>: most objects have a handful of members, which
    /// a scan checks for less than a set per object costs; a set is made once there are more.
    /// </summary>
    private static bool IsDuplicate(List<JsonMember> members, string name, ref HashSet<string>? names)
    {
        if (names is null)
        {
            if (members.Count < 8)
            {
                for (int i = 0; i < members.Count; i++)
                {
                    if (members[i].Name == name)
                    {
                        return true;
                    }
                }

                return false;
            }

            names = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonMember member in members)
            {
                names.Add(member.Name);
            }
        }

        return !names.Add(name);
    }

    private JsonObjectNode ParseObject()
    {
        int start = _pos;
        Enter();
        _pos++;
        var members = new List<JsonMember>();
        HashSet<string>? names = null;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            _depth--;
            return new JsonObjectNode(start, _pos, members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Fail($"Unexpected {Describe()}; a property name in double quotes was expected");
            }

            int nameStart = _pos;
            string name = ParseString();
            int nameEnd = _pos;
            if (IsDuplicate(members, name, ref names))
            {
                // RFC 8259 leaves duplicate names undefined; a spec whose meaning depends on which one wins is refused.
                throw new SyntaxException($"Duplicate property name \"{name}\"", nameStart, nameEnd - nameStart);
            }

            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Fail($"Unexpected {Describe()}; ':' was expected after the property name");
            }

            _pos++;
            SkipWhitespace();
            members.Add(new JsonMember(name, nameStart, nameEnd, ParseValue()));
            SkipWhitespace();
            char next = Peek();
            _pos++;
            if (next == '}')
            {
                _depth--;
                return new JsonObjectNode(start, _pos, members);
            }

            if (next != ',')
            {
                _pos--;
                throw Fail($"Unexpected {Describe()}; ',' or '}}' was expected");
            }
        }
    }

    private JsonArrayNode ParseArray()
    {
        int start = _pos;
        Enter();
        _pos++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            _depth--;
            return new JsonArrayNode(start, _pos, items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue());
            SkipWhitespace();
            char next = Peek();
            _pos++;
            if (next == ']')
            {
                _depth--;
                return new JsonArrayNode(start, _pos, items);
            }

            if (next != ',')
            {
                _pos--;
                throw Fail($"Unexpected {Describe()}; ',' or ']' was expected");
            }
        }
    }

    private string ParseString()
    {
        int start = _pos;
        _pos++;
        StringBuilder? builder = null;
        int runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new SyntaxException("Unterminated string", start);
            }

            char c = _text[_pos];
            if (c == '"')
            {
                string result = builder is null
                    ? _text.Substring(runStart, _pos - runStart)
                    : builder.Append(_text, runStart, _pos - runStart).ToString();
                _pos++;
                return result;
            }

            if (c < 0x20)
            {
                throw Fail("A control character must be escaped inside a string");
            }

            if (c != '\\')
            {
                if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1])))
                {
                    throw Fail("A string holds half of a UTF-16 surrogate pair");
                }

                _pos += char.IsHighSurrogate(c) ? 2 : 1;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _pos - runStart);
            _pos++;
            if (_pos >= _text.Length)
            {
                throw new SyntaxException("Unterminated string", start);
            }

            char escape = _text[_pos];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_pos + 4 >= _text.Length
                        || !int.TryParse(_text.Substring(_pos + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw new SyntaxException("\\u must be followed by four hexadecimal digits", _pos - 1, Math.Min(6, _text.Length - _pos + 1));
                    }

                    builder.Append((char)code);
                    _pos += 4;
                    if (char.IsSurrogate((char)code))
                    {
                        // Half a pair is not text: it cannot be written as UTF-8 on the wire, normalized into a name, or
                        // put into an XML doc comment. The low half must follow at once, as its own escape.
                        if (!char.IsHighSurrogate((char)code) || !TryReadLowSurrogateEscape(out char low))
                        {
                            throw new SyntaxException($"\\u{code:X4} is half of a UTF-16 surrogate pair; the escape of the other half must follow it", _pos - 5, 6);
                        }

                        builder.Append(low);
                    }

                    break;
                default:
                    throw new SyntaxException($"Invalid escape sequence '\\{escape}'", _pos - 1, 2);
            }

            _pos++;
            runStart = _pos;
        }
    }

    /// <summary>Reads <c>\uDC00</c>–<c>\uDFFF</c> right after a high surrogate's escape; <c>_pos</c> ends on its last digit.</summary>
    private bool TryReadLowSurrogateEscape(out char low)
    {
        low = default;
        if (_pos + 6 >= _text.Length || _text[_pos + 1] != '\\' || _text[_pos + 2] != 'u'
            || !int.TryParse(_text.Substring(_pos + 3, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)
            || !char.IsLowSurrogate((char)code))
        {
            return false;
        }

        low = (char)code;
        _pos += 6;
        return true;
    }

    private JsonNumberNode ParseNumber()
    {
        int start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (IsDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw Fail("A digit was expected in the number");
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                throw Fail("A digit was expected after the decimal point");
            }

            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (!IsDigit(Peek()))
            {
                throw Fail("A digit was expected in the exponent");
            }

            SkipDigits();
        }

        return new JsonNumberNode(start, _pos, _text.Substring(start, _pos - start));
    }

    private JsonNode ParseLiteral(string literal, Func<int, int, JsonNode> create)
    {
        int start = _pos;
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw Fail($"Unexpected {Describe()}; a value was expected");
        }

        _pos += literal.Length;
        return create(start, _pos);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Fail($"The document nests deeper than {MaxDepth} levels");
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            _pos++;
        }
    }

    private void SkipDigits()
    {
        while (IsDigit(Peek()))
        {
            _pos++;
        }
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

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

    private SyntaxException Fail(string message) => new(message, _pos);

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
