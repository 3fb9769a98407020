using System.Text;

namespace EvsContracts.Generator.Emitter;

/// <summary>Writes indented C# with <c>\n</c> newlines, whatever the host's platform: output must be deterministic.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;
    private bool _opened;

    public SourceWriter Line(string text = "")
    {
        if (text.Length == 0 && _opened)
        {
            // Members are separated by a blank line before each; the first one must not open its block with it.
            return this;
        }

        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        _opened = false;
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        _opened = true;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    public override string ToString() => _builder.ToString();
}
