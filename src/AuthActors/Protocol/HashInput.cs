using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace AuthActors.Protocol;

/// <summary>
/// Builds the UTF-8 bytes of a hash input such as <c>user:realm:password</c> in a stack buffer,
/// moving to a pooled array only for unusually long values. The bytes may hold a password, so
/// they are zeroed on dispose.
/// </summary>
internal ref struct HashInput
{
    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _length;

    public HashInput(Span<byte> initialBuffer)
    {
        _buffer = initialBuffer;
        _rented = null;
        _length = 0;
    }

    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    /// <summary>Appends UTF-8 (RFC 7616 §3.4: hash inputs are UTF-8; see DigestCalculator for the charset rule).</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        if (!Encoding.UTF8.TryGetBytes(text, _buffer[_length..], out int written))
        {
            Grow(Encoding.UTF8.GetByteCount(text));
            written = Encoding.UTF8.GetBytes(text, _buffer[_length..]);
        }

        _length += written;
    }

    public void AppendColon()
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = (byte)':';
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer[.._length]);
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }

        _length = 0;
    }

    private void Grow(int needed)
    {
        byte[] next = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer[.._length].CopyTo(next);
        CryptographicOperations.ZeroMemory(_buffer[.._length]);
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
        }

        _rented = next;
        _buffer = next;
    }
}
