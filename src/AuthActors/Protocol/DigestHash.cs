using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace AuthActors.Protocol;

/// <summary>The hash function H of RFC 7616 §3.4 for each algorithm, into caller-provided spans.</summary>
internal static class DigestHash
{
    /// <summary>The longest digest of any supported algorithm, in bytes.</summary>
    public const int MaxHashSize = 32;

    /// <summary>The longest digest of any supported algorithm, in lower-case hex characters.</summary>
    public const int MaxHexLength = MaxHashSize * 2;

    private static readonly SearchValues<char> s_hexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>H(data) into <paramref name="destination"/> (at least 32 bytes); returns the size written.</summary>
    public static int Hash(DigestAlgorithm algorithm, ReadOnlySpan<byte> data, Span<byte> destination) =>
        DigestAlgorithms.BaseOf(algorithm) switch
        {
#pragma warning disable CA5351 // MD5 is what RFC 7616 §3.3 / RFC 2617 servers ask for; policy can refuse it (ChallengePolicy.AllowMd5).
            DigestAlgorithm.Md5 => MD5.HashData(data, destination),
#pragma warning restore CA5351
            DigestAlgorithm.Sha256 => SHA256.HashData(data, destination),
            DigestAlgorithm.Sha512_256 => Sha512_256.HashData(data, destination),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown Digest algorithm."),
        };

    /// <summary>Lower-case hex of H(data) into <paramref name="destination"/> (at least 64 chars); returns the length.</summary>
    public static int HashToHex(DigestAlgorithm algorithm, ReadOnlySpan<byte> data, Span<char> destination)
    {
        Span<byte> hash = stackalloc byte[MaxHashSize];
        int size = Hash(algorithm, data, hash);
        Convert.TryToHexStringLower(hash[..size], destination, out int written);
        return written;
    }

    /// <summary>Whether <paramref name="value"/> is hex (either case) of exactly <paramref name="length"/> characters.</summary>
    public static bool IsHex(ReadOnlySpan<char> value, int length) =>
        value.Length == length && !value.ContainsAnyExcept(s_hexDigits);

    /// <summary>
    /// Copies <paramref name="hex"/> to <paramref name="destination"/> with ASCII letters in lower case
    /// (RFC 7616 §3.4: lower-case hex). False when it meets a non-ASCII character.
    /// </summary>
    public static bool ToLowerHex(ReadOnlySpan<char> hex, Span<char> destination) =>
        Ascii.ToLower(hex, destination, out _) == OperationStatus.Done;

}
