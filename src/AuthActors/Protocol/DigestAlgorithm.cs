namespace AuthActors.Protocol;

/// <summary>The Digest algorithms of RFC 7616 §3.3 (and RFC 2617's MD5 and MD5-sess).</summary>
#pragma warning disable CA1707 // The member names mirror the IANA tokens "SHA-512-256"; the API is fixed by the design.
public enum DigestAlgorithm
{
    /// <summary>"MD5": the default when the challenge has no algorithm (RFC 7616 §3.3).</summary>
    Md5,

    /// <summary>"MD5-sess".</summary>
    Md5Sess,

    /// <summary>"SHA-256".</summary>
    Sha256,

    /// <summary>"SHA-256-sess".</summary>
    Sha256Sess,

    /// <summary>"SHA-512-256": SHA-512/256 of FIPS 180-4 §5.3.6.2 (not SHA-512 truncated).</summary>
    Sha512_256,

    /// <summary>"SHA-512-256-sess".</summary>
    Sha512_256Sess,
}
#pragma warning restore CA1707
