namespace AuthActors.Spaces.Schemes;

/// <summary>
/// Exclusive mode, pool not full and no slot free: the request goes out without a header to
/// fetch one more nonce in its 401 (each extra nonce costs one round trip, once).
/// </summary>
internal sealed class NonceFetchLease : AuthLease
{
    public NonceFetchLease(DigestSchemeState owner)
        : base("Digest")
    {
        State = owner;
        WantsCompletion = true;
    }

    public DigestSchemeState State { get; }

    public override ValueTask<string?> CreateHeaderValueAsync(AuthRequest request, CancellationToken cancellationToken) =>
        new((string?)null);
}
