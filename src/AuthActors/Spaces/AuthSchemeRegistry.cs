using System.Globalization;
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
        var skipped = new SkipNotes();
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
                    skipped.Add($"{challenge.Scheme}: {rejection}");
                }
            }

            if (!known)
            {
                skipped.Add($"{challenge.Scheme}: no scheme registered for it");
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
    }

    /// <summary>Why challenges were skipped, summarized: a server may send thousands of them, and
    /// the reason is one line in a log and an exception.</summary>
    private sealed class SkipNotes
    {
        private const int Shown = 5;
        private const int MaxNoteLength = 120;
        private readonly List<string> _notes = [];
        private int _more;

        public void Add(string note)
        {
            if (_notes.Count < Shown)
            {
                _notes.Add(note.Length <= MaxNoteLength ? note : string.Concat(note.AsSpan(0, MaxNoteLength), "…"));
            }
            else
            {
                _more++;
            }
        }

        public override string ToString() =>
            string.Join("; ", _notes) + (_more == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; and {_more:N0} more"));
    }
}
