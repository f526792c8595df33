namespace AuthActors.Cluster;

// The messages between a node and a space's owner. They cross the cluster wire: a space id, a
// nonce and counts; with authactors.cluster.share-bearer-tokens, a Bearer token. Never a password
// or a client secret.

/// <summary>A message for the owner of a space (the sharding entity id).</summary>
internal interface ISpaceOwnerMessage
{
    string SpaceId { get; }
}

/// <summary>A node asks the owner of <paramref name="SpaceId"/> for <paramref name="Count"/> nonce counts on <paramref name="Nonce"/>.</summary>
internal sealed record GrantNonceCounts(string SpaceId, string Nonce, int Count) : ISpaceOwnerMessage;

/// <summary>The owner granted counts <paramref name="Start"/> to <paramref name="Start"/> + <paramref name="Count"/> - 1, to this node alone.</summary>
internal sealed record NonceCountsGranted(string Nonce, long Start, int Count);

/// <summary>A node needs a Bearer token good for at least <paramref name="MinRemaining"/>, and not <paramref name="Refused"/>.</summary>
internal sealed record GetFleetToken(string SpaceId, string? Refused, TimeSpan MinRemaining) : ISpaceOwnerMessage;

/// <summary>The fleet's token, good for <paramref name="Remaining"/> more (null: the server gave no lifetime).</summary>
internal sealed record FleetTokenGranted(string Token, TimeSpan? Remaining);

/// <summary>No good token yet: this node fetches one for the fleet, then reports it.</summary>
internal sealed record FetchFleetToken;

/// <summary>The node that had the duty got a token (good for <paramref name="Lifetime"/> from when it asked).</summary>
internal sealed record FleetTokenFetched(string SpaceId, string Token, TimeSpan? Lifetime) : ISpaceOwnerMessage;

/// <summary>The node that had the duty could not get a token; those waiting learn why.</summary>
internal sealed record FleetTokenFailed(string SpaceId, string Error) : ISpaceOwnerMessage;

/// <summary>A challenge as it crosses the wire: scheme, parameters as name/value pairs, token68.</summary>
internal sealed record SharedChallenge(string Scheme, string[] Parameters, string? Token68);

/// <summary>A node discovering an origin asks which challenges the fleet has seen from it; when
/// another node is discovering it, the asker waits for what that one learns, at most <paramref name="Wait"/>.</summary>
internal sealed record GetOriginChallenges(string SpaceId, TimeSpan Wait) : ISpaceOwnerMessage;

/// <summary>The node discovering an origin learned no challenge (it answered openly or not at all):
/// the nodes waiting on it go and look for themselves.</summary>
internal sealed record OriginDiscoveryEnded(string SpaceId) : ISpaceOwnerMessage;

/// <summary>The challenges the fleet has seen from the origin (none when it has seen none).</summary>
internal sealed record OriginChallenges(SharedChallenge[] Challenges);

/// <summary>A node got a challenge from the origin; the fleet remembers it for the next discoverer.</summary>
internal sealed record OriginChallenged(string SpaceId, SharedChallenge Challenge) : ISpaceOwnerMessage;
