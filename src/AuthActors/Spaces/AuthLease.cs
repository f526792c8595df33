using Akka.Actor;

namespace AuthActors.Spaces;

/// <summary>
/// What a space hands to one request: everything needed to compute its header on the caller's
/// thread (the actor never hashes: README, How it works). A lease is used once. Its members never expose secrets;
/// <see cref="ToString"/> names only the scheme and the space.
/// </summary>
public abstract class AuthLease
{
    /// <summary>Creates a lease of <paramref name="scheme"/>.</summary>
    protected AuthLease(string scheme) => Scheme = scheme;

    /// <summary>The scheme that issued it, e.g. <c>Digest</c>.</summary>
    public string Scheme { get; }

    /// <summary>The space that issued it (set by the space actor).</summary>
    public SpaceKey Space { get; internal set; }

    /// <summary>Whether the space wants to hear how the request ended even when the response
    /// carried no Authentication-Info (a nonce slot to return, a nonce not yet proven).</summary>
    public bool WantsCompletion { get; protected set; }

    /// <summary>The actor that issued it. Completions go straight there.</summary>
    internal IActorRef? Owner { get; set; }

    /// <summary>The credential generation it was issued under; reports from older ones are not rejections.</summary>
    internal long Epoch { get; set; }

    /// <summary>
    /// The Authorization (or Proxy-Authorization) value for <paramref name="request"/>, or null
    /// to send the request without one. Runs on the caller's thread; completes synchronously
    /// unless the scheme must read the body (Digest auth-int).
    /// </summary>
    public abstract ValueTask<string?> CreateHeaderValueAsync(AuthRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Checks the server's proof in Authentication-Info (Digest rspauth, RFC 7616 §3.5).
    /// Returns null when it holds or there is nothing to check, else why it failed.
    /// </summary>
    public virtual string? VerifyResponse(AuthRequest request, string? authenticationInfo) => null;

    /// <inheritdoc />
    public override string ToString() => $"{Scheme} lease for {Space}";
}
