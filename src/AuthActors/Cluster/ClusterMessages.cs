namespace AuthActors.Cluster;

// The messages between a node and a space's owner. They cross the cluster wire: a space id, a
// nonce and counts, never a credential.

/// <summary>A node asks the owner of <paramref name="SpaceId"/> for <paramref name="Count"/> nonce counts on <paramref name="Nonce"/>.</summary>
internal sealed record GrantNonceCounts(string SpaceId, string Nonce, int Count);

/// <summary>The owner granted counts <paramref name="Start"/> to <paramref name="Start"/> + <paramref name="Count"/> - 1, to this node alone.</summary>
internal sealed record NonceCountsGranted(string Nonce, long Start, int Count);
