using System;
using System.Buffers;

namespace EvsContracts;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>. It can be used again
/// after <see cref="Detach"/> or <see cref="Dispose"/>: <see cref="Start"/> rents a new array, and must be called
/// before the first write.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumSize = 256;
    private byte[]? _buffer;
    private int _written;

    public int WrittenCount => _written;

    /// <summary>Rents an array to write into; the writer must hold none.</summary>
    public void Start(int initialCapacity)
    {
        if (_buffer is not null)
        {
            throw new InvalidOperationException("The writer already holds an array.");
        }

        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, MinimumSize));
        _written = 0;
    }

    public ReadOnlySpan<byte> WrittenSpan => (_buffer ?? throw new ObjectDisposedException(nameof(PooledBufferWriter))).AsSpan(0, _written);

    public void Advance(int count)
    {
        byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(PooledBufferWriter));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written > buffer.Length - count)
        {
            throw new InvalidOperationException("Cannot advance past the end of the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Hands the rented array over to the caller, who must return it to the pool.</summary>
    public byte[] Detach(out int length)
    {
        byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(PooledBufferWriter));
        length = _written;
        _buffer = null;
        _written = 0;
        return buffer;
    }

    public void Dispose()
    {
        byte[]? buffer = _buffer;
        _buffer = null;
        _written = 0;
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(PooledBufferWriter));
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        int needed = Math.Max(sizeHint, 1);
        if (buffer.Length - _written >= needed)
        {
            return;
        }

        long grown = Math.Max((long)buffer.Length * 2, (long)_written + needed);
        if (grown > Array.MaxLength)
        {
            grown = Math.Max(Array.MaxLength, (long)_written + needed);
            if (grown > Array.MaxLength)
            {
                throw new InvalidOperationException("The JSON body is too large for one buffer.");
            }
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent((int)grown);
        buffer.AsSpan(0, _written).CopyTo(larger);
        _buffer = larger;
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
