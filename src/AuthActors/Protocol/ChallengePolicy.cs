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

    /// <summary>Everything allowed.</summary>
    public static ChallengePolicy Default { get; } = new();
}
