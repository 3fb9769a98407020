using System;
using System.Collections.Generic;

namespace EvsContracts.Generator.Emitter;

/// <summary>Writes indented C# with <c>\n</c> newlines, whatever the host's platform: output must be deterministic.</summary>
/// <remarks>The text goes into the blocks of the <see cref="GeneratedText"/> the compiler is given, one block at a time.</remarks>
internal sealed class SourceWriter
{
    private readonly List<object> _blocks = new();
    private readonly char[] _block = new char[GeneratedText.BlockSize];
    private int _used;
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
            for (int i = _indent * 4; i > 0; i--)
            {
                Append(' ');
            }

            Append(text);
        }

        Append('\n');
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

    /// <summary>The text written; the writer is not to be used after.</summary>
    public GeneratedText ToText()
    {
        int length = (_blocks.Count * GeneratedText.BlockSize) + _used;
        NextBlock();
        return new GeneratedText(_blocks.ToArray(), length);
    }

    private void Append(char c)
    {
        if (_used == GeneratedText.BlockSize)
        {
            NextBlock();
        }

        _block[_used++] = c;
    }

    private void Append(string text)
    {
        for (int start = 0; start < text.Length;)
        {
            if (_used == GeneratedText.BlockSize)
            {
                NextBlock();
            }

            int n = Math.Min(text.Length - start, GeneratedText.BlockSize - _used);
            text.CopyTo(start, _block, _used, n);
            _used += n;
            start += n;
        }
    }

    private void NextBlock()
    {
        _blocks.Add(GeneratedText.Keep(_block, _used));
        _used = 0;
    }
}
