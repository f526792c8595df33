using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace AuthActors.Protocol;

/// <summary>
/// Server side of Digest: checks a client's response and makes the rspauth for
/// Authentication-Info, with the same code the client uses to compute them.
/// </summary>
/// <remarks>
/// Only the digest is checked here. Whether the nonce is one the server issued and still valid,
/// whether nc increased, whether the realm is right and whether <see cref="DigestCredentials.Uri"/>
/// matches the request-target are the server's decisions (RFC 7616 §3.4.6, §5.9).
/// </remarks>
internal static class DigestVerifier
{
    /// <summary>
    /// Whether the credentials' response is right for <paramref name="method"/> and the user's base
    /// HA1 (the verifier applies "-sess" itself). Constant-time comparison. Returns false when
    /// qop=auth-int was used and no <paramref name="bodyHashHex"/> is given.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="ha1"/> is not hex of the algorithm's length.</exception>
    public static bool Verify(DigestCredentials credentials, string method, string ha1, string? bodyHashHex = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(method);
        Span<char> expected = stackalloc char[DigestHash.MaxHexLength];
        int length = Compute(credentials, method, ha1, bodyHashHex, expected);
        bool match = length > 0 && DigestCalculator.FixedTimeHexEquals(expected[..length], credentials.Response);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(expected));
        return match;
    }

    /// <summary>The rspauth for these credentials (RFC 7616 §3.5: A2 = ":" digest-uri [":" H(body)]).</summary>
    /// <exception cref="ArgumentException"><paramref name="ha1"/> is not hex of the algorithm's length, or auth-int was used without a body hash.</exception>
    public static string CreateRspAuth(DigestCredentials credentials, string ha1, string? bodyHashHex = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Span<char> hex = stackalloc char[DigestHash.MaxHexLength];
        int length = Compute(credentials, ReadOnlySpan<char>.Empty, ha1, bodyHashHex, hex);
        if (length == 0)
        {
            throw new ArgumentException("qop=auth-int needs the body hash.", nameof(bodyHashHex));
        }

        return new string(hex[..length]);
    }

    /// <summary>KD for the credentials; 0 when auth-int lacks a body hash.</summary>
    private static int Compute(DigestCredentials credentials, ReadOnlySpan<char> method, string ha1, string? bodyHashHex, Span<char> destination)
    {
        ArgumentNullException.ThrowIfNull(ha1);
        DigestAlgorithm algorithm = credentials.Algorithm;
        int hexLength = DigestAlgorithms.HexLength(algorithm);
        if (!DigestHash.IsHex(ha1, hexLength))
        {
            throw new ArgumentException($"HA1 must be {hexLength} hex digits for {DigestAlgorithms.ToToken(algorithm)}.", nameof(ha1));
        }

        if (credentials.Qop == DigestQop.AuthInt && !DigestHash.IsHex(bodyHashHex, hexLength))
        {
            return 0;
        }

        Span<char> sessionHa1 = stackalloc char[DigestHash.MaxHexLength];
        scoped ReadOnlySpan<char> effectiveHa1 = ha1;
        if (DigestAlgorithms.IsSession(algorithm))
        {
            effectiveHa1 = sessionHa1[..DigestCalculator.SessionHa1(algorithm, ha1, credentials.Nonce, credentials.Cnonce, sessionHa1)];
        }

        try
        {
            return DigestCalculator.ComputeKd(
                algorithm,
                effectiveHa1,
                credentials.Nonce,
                credentials.NcText,
                credentials.Cnonce,
                credentials.QopText,
                method,
                credentials.Uri,
                credentials.Qop == DigestQop.AuthInt ? bodyHashHex : null,
                destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(sessionHa1));
        }
    }
}
