using AuthActors.Protocol;

namespace AuthActors.Spaces;

/// <summary>
/// Cluster mode: the challenges the fleet has seen from each origin, so a node that meets an origin
/// for the first time can answer it at once instead of paying a 401 of its own (one 401 per space
/// per fleet, not per process). Best effort: when the fleet does not answer, the node discovers the
/// origin itself, as in one process.
/// </summary>
internal interface IFleetChallenges
{
    /// <summary>The challenges the fleet has seen from <paramref name="origin"/>; empty when none.</summary>
    Task<IReadOnlyList<AuthChallenge>> KnownAsync(OriginKey origin);

    /// <summary>Tells the fleet about a challenge <paramref name="origin"/> sent.</summary>
    void Publish(OriginKey origin, AuthChallenge challenge);

    /// <summary>Tells the fleet this node's discovery of <paramref name="origin"/> ended without a challenge.</summary>
    void DiscoveryEnded(OriginKey origin);
}
