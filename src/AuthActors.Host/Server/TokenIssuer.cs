using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace AuthActors.Host.Server;

/// <summary>
/// Issues and checks the server's access tokens without remembering them. A token is 32 bytes
/// written in base64url without padding (43 characters, a b64token per RFC 6750 §2.1): the issue
/// sequence number and the expiry on the server's clock, then the first 16 bytes of HMAC-SHA256
/// over those under a key drawn when the server starts. Only this server can make a token that
/// verifies (RFC 6750 §5.2: tokens must not be guessable or forgeable), and memory does not grow
/// with the tokens issued, so a flood of token requests costs nothing to keep.
/// </summary>
/// <remarks>Thread-safe: the key is read-only and the counters are read and written with Interlocked/Volatile.</remarks>
internal sealed class TokenIssuer
{
    /// <summary>The length of every token this server issues.</summary>
    public const int TokenLength = 43;

    private const int PayloadBytes = 16;
    private const int MacBytes = 16;
    private const int TokenBytes = PayloadBytes + MacBytes;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _timeProvider;
    private readonly long _lifetimeTimestamps;

    // Sequence number of the last token issued (Interlocked).
    private long _sequence;

    // Tokens with a sequence at or below this are revoked (RevokeAll). Read with Volatile.
    private long _revokedThrough;

    public TokenIssuer(TimeSpan lifetime, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _lifetimeTimestamps = (long)(lifetime.TotalSeconds * timeProvider.TimestampFrequency);
    }

    /// <summary>Makes a new token, good for the lifetime from now.</summary>
    public string Issue()
    {
        Span<byte> token = stackalloc byte[TokenBytes];
        BinaryPrimitives.WriteInt64BigEndian(token, Interlocked.Increment(ref _sequence));
        BinaryPrimitives.WriteInt64BigEndian(token[8..], _timeProvider.GetTimestamp() + _lifetimeTimestamps);
        Sign(token[..PayloadBytes], token[PayloadBytes..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Checks a presented token (already known to be b64token syntax). Constant time in the MAC.</summary>
    public TokenCheck Check(ReadOnlySpan<char> presented)
    {
        Span<byte> token = stackalloc byte[TokenBytes];
        if (presented.Length != TokenLength
            || !Base64Url.TryDecodeFromChars(presented, token, out int written)
            || written != TokenBytes)
        {
            return TokenCheck.Unknown;
        }

        Span<byte> mac = stackalloc byte[MacBytes];
        Sign(token[..PayloadBytes], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, token[PayloadBytes..]))
        {
            return TokenCheck.Unknown;
        }

        // The last character carries two unused bits: a decoder may accept a variant of a real
        // token with them set. Only the exact text this server wrote is that token.
        Span<char> canonical = stackalloc char[TokenLength];
        if (!Base64Url.TryEncodeToChars(token, canonical, out _) || !canonical.SequenceEqual(presented))
        {
            return TokenCheck.Unknown;
        }

        long sequence = BinaryPrimitives.ReadInt64BigEndian(token);
        long expiresAt = BinaryPrimitives.ReadInt64BigEndian(token[8..]);
        if (sequence <= Volatile.Read(ref _revokedThrough))
        {
            return TokenCheck.Revoked;
        }

        return _timeProvider.GetTimestamp() < expiresAt ? TokenCheck.Valid : TokenCheck.Expired;
    }

    /// <summary>Revokes every token issued so far; later ones are good.</summary>
    public void RevokeAll() => Volatile.Write(ref _revokedThrough, Interlocked.Read(ref _sequence));

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, payload, full);
        full[..MacBytes].CopyTo(mac);
    }
}
