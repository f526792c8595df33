using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace AuthActors.Credentials;

/// <summary>
/// Constant-time comparison of secret strings, so that comparing a guessed password with the
/// real one does not reveal, through timing, how many leading characters were right.
/// </summary>
internal static class SecretText
{
    // Passwords are short; beyond this the UTF-8 bytes go to a pooled array instead of the stack.
    private const int StackLimit = 256;

    /// <summary>
    /// Compares the UTF-8 bytes of two secrets with <see cref="CryptographicOperations.FixedTimeEquals"/>.
    /// Only the lengths can leak (different lengths return early), as with every fixed-time compare.
    /// Both <see langword="null"/> compare equal; one <see langword="null"/> does not.
    /// </summary>
    public static bool FixedTimeEquals(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        int leftLength = Encoding.UTF8.GetByteCount(left);
        int rightLength = Encoding.UTF8.GetByteCount(right);
        int total = leftLength + rightLength;
        byte[]? rented = null;
        Span<byte> buffer = total <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(total));
        try
        {
            Span<byte> leftBytes = buffer[..leftLength];
            Span<byte> rightBytes = buffer.Slice(leftLength, rightLength);
            Encoding.UTF8.GetBytes(left, leftBytes);
            Encoding.UTF8.GetBytes(right, rightBytes);
            return CryptographicOperations.FixedTimeEquals(leftBytes, rightBytes);
        }
        finally
        {
            // The bytes are the password itself: do not leave them in a pooled array or on the stack.
            CryptographicOperations.ZeroMemory(buffer[..total]);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
