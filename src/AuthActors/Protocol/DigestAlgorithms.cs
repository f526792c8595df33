namespace AuthActors.Protocol;

/// <summary>Tokens, sizes and ranking of <see cref="DigestAlgorithm"/> values.</summary>
internal static class DigestAlgorithms
{
    private const string Md5Token = "MD5";
    private const string Md5SessToken = "MD5-sess";
    private const string Sha256Token = "SHA-256";
    private const string Sha256SessToken = "SHA-256-sess";
    private const string Sha512_256Token = "SHA-512-256";
    private const string Sha512_256SessToken = "SHA-512-256-sess";

    /// <summary>
    /// Maps an algorithm token to a value, ignoring case. Returns false for <see langword="null"/>
    /// and unknown tokens; when the directive is absent the caller uses MD5 (RFC 7616 §3.3).
    /// </summary>
    public static bool TryParse(string? token, out DigestAlgorithm algorithm)
    {
        algorithm = DigestAlgorithm.Md5;
        if (token is null)
        {
            return false;
        }

        if (token.Equals(Md5Token, StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Md5;
        }
        else if (token.Equals(Md5SessToken, StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Md5Sess;
        }
        else if (token.Equals(Sha256Token, StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256;
        }
        else if (token.Equals(Sha256SessToken, StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256Sess;
        }
        else if (token.Equals(Sha512_256Token, StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha512_256;
        }
        else if (token.Equals(Sha512_256SessToken, StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha512_256Sess;
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>The IANA token: "MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess".</summary>
    public static string ToToken(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => Md5Token,
        DigestAlgorithm.Md5Sess => Md5SessToken,
        DigestAlgorithm.Sha256 => Sha256Token,
        DigestAlgorithm.Sha256Sess => Sha256SessToken,
        DigestAlgorithm.Sha512_256 => Sha512_256Token,
        DigestAlgorithm.Sha512_256Sess => Sha512_256SessToken,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown Digest algorithm."),
    };

    /// <summary>Whether the algorithm is a "-sess" variant (HA1 = H(H(user:realm:pass):nonce:cnonce), RFC 7616 §3.4.2).</summary>
    public static bool IsSession(DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess or DigestAlgorithm.Sha512_256Sess;

    /// <summary>The digest size: 16 bytes for MD5, 32 for SHA-256 and SHA-512/256.</summary>
    public static int HashSizeInBytes(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 or DigestAlgorithm.Md5Sess => 16,
        DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Sess or DigestAlgorithm.Sha512_256 or DigestAlgorithm.Sha512_256Sess => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown Digest algorithm."),
    };

    /// <summary>
    /// A rank for choosing between challenges; higher is stronger. SHA-512-256 (6) &gt; SHA-256 (4)
    /// &gt; MD5 (2). Each "-sess" form ranks just below its base (5, 3, 1): it hashes the same way but
    /// fewer servers implement it correctly, so a server offering both gets the plain form.
    /// </summary>
    public static int Strength(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5Sess => 1,
        DigestAlgorithm.Md5 => 2,
        DigestAlgorithm.Sha256Sess => 3,
        DigestAlgorithm.Sha256 => 4,
        DigestAlgorithm.Sha512_256Sess => 5,
        DigestAlgorithm.Sha512_256 => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown Digest algorithm."),
    };

    /// <summary>The non-session form of <paramref name="algorithm"/> (its hash function).</summary>
    internal static DigestAlgorithm BaseOf(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5Sess => DigestAlgorithm.Md5,
        DigestAlgorithm.Sha256Sess => DigestAlgorithm.Sha256,
        DigestAlgorithm.Sha512_256Sess => DigestAlgorithm.Sha512_256,
        _ => algorithm,
    };

    /// <summary>Lower-case hex length of a digest.</summary>
    internal static int HexLength(DigestAlgorithm algorithm) => HashSizeInBytes(algorithm) * 2;
}
