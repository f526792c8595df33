namespace AuthActors.Protocol;

/// <summary>Which challenges a client may answer (README, Security).</summary>
public sealed record ChallengePolicy
{
    /// <summary>Answer Digest MD5 and MD5-sess. The default value is <see langword="true"/>.</summary>
    public bool AllowMd5 { get; init; } = true;

    /// <summary>Answer Basic at all. The default value is <see langword="true"/>.</summary>
    public bool AllowBasic { get; init; } = true;

    /// <summary>Answer Basic over a transport that is not secure (plain http). The default value is <see langword="true"/>.</summary>
    public bool AllowBasicOverHttp { get; init; } = true;

    /// <summary>
    /// The weakest Digest hash function accepted, compared by hash function (a "-sess" form counts
    /// as its base: Sha256 admits SHA-256-sess). It does not concern Basic, which the two Basic
    /// switches govern. The default value is <see langword="null"/> (any).
    /// </summary>
    public DigestAlgorithm? MinimumAlgorithm { get; init; }

    /// <summary>
    /// Let a Digest challenge's <c>domain</c> (RFC 7616 §3.3) widen its space to another origin,
    /// so that the credential is sent there before that origin asks. Never from https to plain
    /// http. The default value is <see langword="false"/>: as .NET and curl, a space stays on its
    /// own origin (a server cannot volunteer another host for our credential).
    /// </summary>
    public bool AllowDomainAcrossOrigins { get; init; }

    /// <summary>
    /// Let a space that has authenticated with Digest answer a later challenge that offers only a
    /// weaker scheme (Basic: the password in clear) (RFC 7616 §5.8, downgrade attacks). The
    /// default value is <see langword="false"/>: the downgraded challenge is returned unanswered,
    /// with the reason.
    /// </summary>
    public bool AllowDowngrade { get; init; }

    /// <summary>Everything allowed.</summary>
    public static ChallengePolicy Default { get; } = new();
}
