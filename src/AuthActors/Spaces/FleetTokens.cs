using AuthActors.Spaces.Schemes;

namespace AuthActors.Spaces;

/// <summary>
/// Cluster mode with <c>authactors.cluster.share-bearer-tokens</c>: one Bearer token for the
/// fleet. A node that needs a token asks the space's owner first; the owner answers with the
/// fleet's token while it is good for at least <c>minRemaining</c>, or gives this node the duty to
/// fetch one (with its own credentials, which never leave it) and hands the result to every node
/// that asks meanwhile. Null in one process, or when tokens are not shared.
/// </summary>
internal interface IFleetTokens
{
    /// <summary>A token for <paramref name="space"/>: the fleet's, or one <paramref name="fetch"/> got
    /// for the fleet. <paramref name="refused"/> is a token the server refused (never handed again).</summary>
    Task<TokenEndpointResult> GetAsync(
        SpaceKey space,
        string? refused,
        TimeSpan minRemaining,
        Func<CancellationToken, Task<TokenEndpointResult>> fetch,
        CancellationToken cancellationToken);
}
