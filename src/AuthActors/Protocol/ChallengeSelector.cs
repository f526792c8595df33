using System.Text;

namespace AuthActors.Protocol;

/// <summary>
/// Picks the strongest acceptable challenge of a response (RFC 7235 §2.1: the client picks;
/// RFC 7616 §3.7: prefer the strongest algorithm). Order: SHA-512-256 &gt; SHA-256 &gt; MD5 (each
/// with its "-sess" form just below) &gt; Basic. Unknown schemes and algorithms are skipped.
/// </summary>
internal static class ChallengeSelector
{
    private const int BasicRank = 1;
    private const int DigestRankBase = 10;

    /// <summary>
    /// Ranks one challenge: &lt;0 when unusable (<paramref name="rejection"/> says why), else higher
    /// is stronger. Basic ranks 1; Digest 10 + <see cref="DigestAlgorithms.Strength"/>.
    /// </summary>
    public static int Rank(AuthChallenge challenge, ChallengePolicy policy, bool secureTransport, out DigestChallenge? digest, out string? rejection)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(policy);
        digest = null;
        if (challenge.IsScheme(DigestChallenge.SchemeName))
        {
            if (!DigestChallenge.TryCreate(challenge, out DigestChallenge? candidate, out string? error))
            {
                rejection = error;
                return -1;
            }

            DigestAlgorithm hash = DigestAlgorithms.BaseOf(candidate.Algorithm);
            if (!policy.AllowMd5 && hash == DigestAlgorithm.Md5)
            {
                rejection = $"Digest {DigestAlgorithms.ToToken(candidate.Algorithm)} is refused by policy (AllowMd5 is false)";
                return -1;
            }

            if (policy.MinimumAlgorithm is DigestAlgorithm minimum
                && DigestAlgorithms.Strength(hash) < DigestAlgorithms.Strength(DigestAlgorithms.BaseOf(minimum)))
            {
                rejection = $"Digest {DigestAlgorithms.ToToken(candidate.Algorithm)} is weaker than the policy's minimum {DigestAlgorithms.ToToken(minimum)}";
                return -1;
            }

            digest = candidate;
            rejection = null;
            return DigestRankBase + DigestAlgorithms.Strength(candidate.Algorithm);
        }

        if (challenge.IsScheme("Basic"))
        {
            if (!policy.AllowBasic)
            {
                rejection = "Basic is refused by policy (AllowBasic is false)";
                return -1;
            }

            if (!secureTransport && !policy.AllowBasicOverHttp)
            {
                rejection = "Basic over an insecure transport is refused by policy (AllowBasicOverHttp is false)";
                return -1;
            }

            if (challenge.Token68 is not null)
            {
                rejection = "Basic challenge carries a token68 instead of parameters (RFC 7617 §2)";
                return -1;
            }

            rejection = null;
            return BasicRank;
        }

        rejection = $"scheme '{challenge.Scheme}' is not supported";
        return -1;
    }

    /// <summary>
    /// Considers every challenge and returns the strongest usable one (the first among equals).
    /// Never throws on what the server sent; when nothing is usable the reason lists each skip.
    /// </summary>
    public static ChallengeSelection Select(IReadOnlyList<AuthChallenge> challenges, ChallengePolicy policy, bool secureTransport)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        ArgumentNullException.ThrowIfNull(policy);
        if (challenges.Count == 0)
        {
            return new ChallengeSelection(null, null, "the server offered no challenge");
        }

        AuthChallenge? best = null;
        DigestChallenge? bestDigest = null;
        int bestRank = -1;
        StringBuilder? skipped = null;
        for (int i = 0; i < challenges.Count; i++)
        {
            int rank = Rank(challenges[i], policy, secureTransport, out DigestChallenge? digest, out string? rejection);
            if (rank < 0)
            {
                skipped ??= new StringBuilder("no usable challenge: ");
                if (skipped.Length > "no usable challenge: ".Length)
                {
                    skipped.Append("; ");
                }

                skipped.Append("challenge #").Append(i + 1).Append(" (").Append(challenges[i].Scheme).Append("): ").Append(rejection);
            }
            else if (rank > bestRank)
            {
                best = challenges[i];
                bestDigest = digest;
                bestRank = rank;
            }
        }

        return best is null
            ? new ChallengeSelection(null, null, skipped!.ToString())
            : new ChallengeSelection(best, bestDigest, null);
    }
}
