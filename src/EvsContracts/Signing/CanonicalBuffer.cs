using System;
using System.Buffers;
using System.Text;

namespace EvsContracts;

/// <summary>
/// The bytes of a canonical request as they are written, in an array rented from the pool: the request is hashed as
/// UTF-8, so it is built as UTF-8 and never as a string.
/// </summary>
internal struct CanonicalBuffer : IDisposable
{
    private byte[] _buffer;
    private int _length;

    public CanonicalBuffer(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        _length = 0;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public readonly ReadOnlySpan<byte> Slice(int start, int length) => _buffer.AsSpan(start, length);

    public void Append(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void Append(scoped ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _length < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Appends text as UTF-8.</summary>
    public void AppendUtf8(scoped ReadOnlySpan<char> text)
    {
        int most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_buffer.Length - _length < most)
        {
            Grow(most);
        }

        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    /// <summary>Appends a header name in lower case (names are ASCII tokens).</summary>
    public void AppendLowerAscii(string name)
    {
        if (_buffer.Length - _length < name.Length)
        {
            Grow(name.Length);
        }

        Span<byte> target = _buffer.AsSpan(_length, name.Length);
        if (Ascii.ToLower(name, target, out _) != OperationStatus.Done)
        {
            for (int i = 0; i < name.Length; i++)
            {
                target[i] = (byte)char.ToLowerInvariant(name[i]);
            }
        }

        _length += name.Length;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(int needed)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
