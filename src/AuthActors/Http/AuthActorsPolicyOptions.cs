using AuthActors.Protocol;

namespace AuthActors.Http;

/// <summary><c>authactors.policy</c>: which challenges may be answered (README, Security).</summary>
public sealed class AuthActorsPolicyOptions
{
    /// <summary>Answer Digest MD5 (and MD5-sess). The default value is true.</summary>
    public bool AllowMd5 { get; set; } = true;

    /// <summary>Answer Basic at all. The default value is true.</summary>
    public bool AllowBasic { get; set; } = true;

    /// <summary>Answer Basic over plain http, where the password crosses the network readable.
    /// The default value is true (as curl and requests do); set false for a strict client.</summary>
    public bool AllowBasicOverHttp { get; set; } = true;

    /// <summary>The weakest Digest algorithm accepted, or null for none. The default value is null.</summary>
    public DigestAlgorithm? MinimumAlgorithm { get; set; }

    /// <summary>Let Digest <c>domain</c> widen a space to another origin (never https to http). The default value is false.</summary>
    public bool DigestDomainAcrossOrigins { get; set; }

    /// <summary>Let a space proven with Digest answer a later Basic-only challenge. The default value is false.</summary>
    public bool AllowDowngrade { get; set; }
}
