using System.Text;
using AuthActors.Protocol;
using AuthActors.Spaces.Schemes;

namespace AuthActors.Spaces;

/// <summary>
/// The schemes a runtime can answer, and the choice among the challenges of a 401/407: every
/// challenge of every WWW-Authenticate field is ranked by every scheme; the strongest usable one
/// wins, ties going to the one the server listed first. Unknown schemes are skipped, never fatal.
/// </summary>
public sealed class AuthSchemeRegistry
{
    /// <summary>Creates a registry of <paramref name="schemes"/>; a later scheme of the same name replaces an earlier one.</summary>
    public AuthSchemeRegistry(IEnumerable<IAuthScheme> schemes)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        var byName = new List<IAuthScheme>();
        foreach (IAuthScheme scheme in schemes)
        {
            byName.RemoveAll(s => string.Equals(s.Name, scheme.Name, StringComparison.OrdinalIgnoreCase));
            byName.Add(scheme);
        }

        Schemes = byName;
    }

    /// <summary>Digest and Basic.</summary>
    public static AuthSchemeRegistry Default { get; } = new([DigestScheme.Instance, BasicScheme.Instance]);

    /// <summary>The registered schemes.</summary>
    public IReadOnlyList<IAuthScheme> Schemes { get; }

    /// <summary>Picks the strongest challenge some scheme can answer under <paramref name="policy"/>.</summary>
    public SchemeSelection Select(IReadOnlyList<AuthChallenge> challenges, ChallengePolicy policy, bool secureTransport)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        IAuthScheme? bestScheme = null;
        AuthChallenge? best = null;
        int bestRank = -1;
        StringBuilder? skipped = null;
        foreach (AuthChallenge challenge in challenges)
        {
            bool known = false;
            foreach (IAuthScheme scheme in Schemes)
            {
                if (!challenge.IsScheme(scheme.Name))
                {
                    continue;
                }

                known = true;
                int rank = scheme.Rank(challenge, policy, secureTransport, out string? rejection);
                if (rank > bestRank)
                {
                    (bestScheme, best, bestRank) = (scheme, challenge, rank);
                }
                else if (rank < 0)
                {
                    Note(ref skipped, $"{challenge.Scheme}: {rejection}");
                }
            }

            if (!known)
            {
                Note(ref skipped, $"{challenge.Scheme}: no scheme registered for it");
            }
        }

        if (bestScheme is null || best is null)
        {
            string reason = challenges.Count == 0
                ? "the response carried no challenge"
                : $"no usable challenge ({skipped})";
            return new SchemeSelection(null, null, null, reason);
        }

        return new SchemeSelection(bestScheme, best, bestScheme.GetRealm(best), null);

        static void Note(ref StringBuilder? notes, string note) =>
            (notes ??= new StringBuilder()).Append(notes.Length == 0 ? "" : "; ").Append(note);
    }
}
