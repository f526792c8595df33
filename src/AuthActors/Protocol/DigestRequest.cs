namespace AuthActors.Protocol;

/// <summary>
/// Everything needed to build one Digest Authorization header (RFC 7616 §3.4); built from a
/// space actor's lease. Holds HA1, which <see cref="ToString"/> leaves out.
/// </summary>
internal readonly record struct DigestRequest
{
    /// <summary>The algorithm whose hash function is used.</summary>
    public required DigestAlgorithm Algorithm { get; init; }

    /// <summary>The algorithm token as the server spelled it; echoed verbatim. When <see langword="null"/>
    /// the directive is omitted for MD5 (RFC 2617 servers) and written as the IANA token otherwise.</summary>
    public string? AlgorithmToken { get; init; }

    /// <summary>The real user name (hashed into <c>username</c> when <see cref="UserHash"/> is set).</summary>
    public required string UserName { get; init; }

    /// <summary>The realm from the challenge.</summary>
    public required string Realm { get; init; }

    /// <summary>The nonce from the challenge (or the last nextnonce).</summary>
    public required string Nonce { get; init; }

    /// <summary>Lower-case hex HA1; for "-sess" algorithms the SESSION HA1, H(HA1:nonce:cnonce).</summary>
    public required string Ha1 { get; init; }

    /// <summary>The request method, e.g. "GET".</summary>
    public required string Method { get; init; }

    /// <summary>The request-target as sent: path and query, or the absolute URI when that is what goes on the wire (proxies).</summary>
    public required string DigestUri { get; init; }

    /// <summary>The chosen qop: <see cref="DigestQop.None"/> (RFC 2069 form), Auth or AuthInt. The default is None.</summary>
    public DigestQop Qop { get; init; }

    /// <summary>The nonce count, written as 8 lower-case hex digits. Used only with a qop.</summary>
    public uint Nc { get; init; }

    /// <summary>The client nonce; required when <see cref="Qop"/> is not None or the algorithm is "-sess".</summary>
    public string? Cnonce { get; init; }

    /// <summary>The opaque value of the challenge, echoed when present.</summary>
    public string? Opaque { get; init; }

    /// <summary>Send <c>username=H(user:realm)</c> and <c>userhash=true</c> (RFC 7616 §3.4.4). The default is false.</summary>
    public bool UserHash { get; init; }

    /// <summary>The server said <c>charset=UTF-8</c> (RFC 7616 §4). Hash inputs are UTF-8 either way, and a
    /// user name that cannot go into a plain ASCII quoted-string is sent as <c>username*</c> either way;
    /// the flag is carried so callers and the server side can see what was negotiated.</summary>
    public bool Utf8 { get; init; }

    /// <summary>Lower-case hex H(entity-body); required for <see cref="DigestQop.AuthInt"/>.</summary>
    public string? BodyHashHex { get; init; }

    /// <summary>Describes the request without HA1 or the body hash (README, Security: secrets never in ToString).</summary>
    public override string ToString() =>
        $"DigestRequest {{ Algorithm = {Algorithm}, UserName = {UserName}, Realm = {Realm}, Method = {Method}, DigestUri = {DigestUri}, Qop = {Qop}, Nc = {Nc}, UserHash = {UserHash} }}";
}
