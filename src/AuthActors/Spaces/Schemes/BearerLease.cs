namespace AuthActors.Spaces.Schemes;

/// <summary>
/// One token of a Bearer space, handed to every request that uses it (like Basic's lease, nothing
/// is computed per request). The header value is the only copy of the token outside the space's
/// state; it is private, and <see cref="AuthLease.ToString"/> names only the scheme and the space.
/// </summary>
internal sealed class BearerLease : AuthLease
{
    private readonly string _headerValue;

    /// <param name="owner">The state that issued it.</param>
    /// <param name="headerValue"><c>Bearer</c> SP b64token (RFC 6750 §2.1).</param>
    /// <param name="generation">Which of the state's tokens it carries.</param>
    /// <param name="wantsCompletion">Whether the state still waits to learn that the token works.</param>
    public BearerLease(BearerSchemeState owner, string headerValue, long generation, bool wantsCompletion)
        : base(BearerScheme.SchemeName)
    {
        State = owner;
        _headerValue = headerValue;
        Generation = generation;
        WantsCompletion = wantsCompletion;
    }

    /// <summary>The state that issued it; read on the actor only.</summary>
    public BearerSchemeState State { get; }

    /// <summary>Which token it carries: the state's tokens are numbered in the order obtained.</summary>
    public long Generation { get; }

    /// <inheritdoc />
    public override ValueTask<string?> CreateHeaderValueAsync(AuthRequest request, CancellationToken cancellationToken) =>
        new(_headerValue);

    /// <summary>The same token, for requests after the server accepted it: they need not report back.</summary>
    public BearerLease AsProven() => WantsCompletion ? new BearerLease(State, _headerValue, Generation, wantsCompletion: false) : this;
}
