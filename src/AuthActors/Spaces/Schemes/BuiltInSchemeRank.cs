using AuthActors.Protocol;

namespace AuthActors.Spaces.Schemes;

/// <summary>The ranking Basic and Digest share: the protocol core's strength order, for
/// challenges of the scheme's own name only.</summary>
internal static class BuiltInSchemeRank
{
    public static int Rank(string scheme, AuthChallenge challenge, ChallengePolicy policy, bool secureTransport, out string? rejection)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (!challenge.IsScheme(scheme))
        {
            rejection = $"not a {scheme} challenge";
            return -1;
        }

        return ChallengeSelector.Rank(challenge, policy, secureTransport, out _, out rejection);
    }
}
