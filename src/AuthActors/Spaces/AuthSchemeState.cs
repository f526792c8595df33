using AuthActors.Credentials;

namespace AuthActors.Spaces;

/// <summary>
/// What one scheme keeps for one protection space (a nonce and its nc, a token, a precomputed
/// header). Owned by the space's actor: every member is called on that actor, one at a time, so
/// implementations need no locks. Members must not block or await I/O; slow work goes through
/// <see cref="SpaceContext.Run{T}"/>, and the actor calls back when it ends.
/// </summary>
public abstract class AuthSchemeState
{
    /// <summary>Whether leases need a credential from the chain first. The default is true.</summary>
    public virtual bool RequiresCredential => true;

    /// <summary>
    /// A credential arrived or was rotated. Drop everything derived from the previous one (HA1,
    /// tokens, the proof that it was accepted): the next request authenticates afresh.
    /// </summary>
    public abstract void OnCredential(Credential credential);

    /// <summary>A request wants a header for this space.</summary>
    public abstract LeaseDecision Lease(LeaseContext request);

    /// <summary>
    /// A 401/407 answered a request of this space. <see cref="ChallengeContext.Lease"/> is the
    /// lease that request carried, or null when it carried none of this credential's.
    /// </summary>
    public abstract ChallengeDecision OnChallenge(ChallengeContext context);

    /// <summary>
    /// A leased request ended without a challenge (<see cref="LeaseOutcome.StatusCode"/> is the
    /// status), or was never sent (status 0). Called only for leases that asked for it
    /// (<see cref="AuthLease.WantsCompletion"/>) or whose response carried Authentication-Info.
    /// </summary>
    public virtual void OnCompleted(AuthLease lease, LeaseOutcome outcome)
    {
    }
}
