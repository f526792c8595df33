using Akka.Event;
using AuthActors.Credentials;
using AuthActors.Protocol;

namespace AuthActors.Spaces;

// The messages of the registry and space actors. Commands are imperative, events past tense.

/// <summary>A request wants a header: the registry routes it to its space, which replies with an
/// <see cref="AuthLease"/> or a <see cref="LeaseRefusal"/>.</summary>
internal sealed record LeaseHeader(OriginKey Origin, string Path, bool HasBody);

/// <summary>A 401/407 answered a request. Replies with a <see cref="ChallengeDecision"/>.</summary>
internal sealed record ReportChallenge(OriginKey Origin, string Path, AuthLease? Lease, IAuthScheme Scheme, AuthChallenge Challenge, string Realm, bool HasBody);

/// <summary>A Digest space had a request answered (told once per space incarnation, to its registry).</summary>
internal sealed record SpaceProven(OriginKey Origin);

/// <summary>The request that was discovering an origin got an answer without a usable challenge.</summary>
internal sealed record DiscoveryEnded(OriginKey Origin);

/// <summary>A leased request ended without a challenge; told straight to the space. When the space
/// has stopped meanwhile, nothing is owed to it: not logged as a dead letter.</summary>
internal sealed record LeaseCompleted(AuthLease Lease, LeaseOutcome Outcome) : IDeadLetterSuppression;

/// <summary>Ask the chain again (rotation). Replied to with <c>Status.Success</c> once done.</summary>
internal sealed record RefreshCredential;

/// <summary>A space has been idle long enough; it asks its registry to stop it.</summary>
internal sealed record Passivate(SpaceKey Key);

/// <summary>The registry's timer for an origin whose first challenge is late.</summary>
internal sealed record DiscoveryTimedOut(OriginKey Origin, long Attempt);

/// <summary>Cluster mode: what the fleet knew of an origin's challenges when its discovery began.</summary>
internal sealed record FleetChallengesKnown(OriginKey Origin, long Attempt, IReadOnlyList<AuthChallenge> Challenges);

/// <summary>Lists the live space actors. Replies with <c>IReadOnlyList&lt;IActorRef&gt;</c>.</summary>
internal sealed record GetSpaces;

/// <summary>The registry's periodic sweep of idle origin entries.</summary>
internal sealed record SweepOrigins;

/// <summary>Work a scheme ran off the actor has ended; run its continuation on the actor.</summary>
internal sealed record SchemeWorkDone(Action Continuation) : IDeadLetterSuppression;

/// <summary>The chain answered. Its text never shows the credential (see <see cref="ToString"/>).</summary>
internal sealed record CredentialResolved(CredentialResolution Resolution, long Attempt) : IDeadLetterSuppression
{
    /// <inheritdoc />
    public override string ToString() => $"CredentialResolved(attempt {Attempt}, {(Resolution.Credential is null ? "none" : "a credential")})";
}

/// <summary>Why a space sends no header: go anonymous, discover the origin, or fail.</summary>
internal sealed class LeaseRefusal
{
    private LeaseRefusal(LeaseRefusalKind kind, string? reason)
    {
        Kind = kind;
        Reason = reason;
    }

    public static LeaseRefusal Anonymous { get; } = new(LeaseRefusalKind.Anonymous, null);

    public static LeaseRefusal Discover { get; } = new(LeaseRefusalKind.Discover, null);

    public LeaseRefusalKind Kind { get; }

    public string? Reason { get; }

    public static LeaseRefusal Fail(string reason) => new(LeaseRefusalKind.Fail, reason);

    public static LeaseRefusal AnonymousBecause(string reason) => new(LeaseRefusalKind.Anonymous, reason);
}

/// <summary>The kinds of <see cref="LeaseRefusal"/>.</summary>
internal enum LeaseRefusalKind
{
    /// <summary>Send without credentials (open origin, or no usable credential).</summary>
    Anonymous,

    /// <summary>Send without credentials and report what came back: this request discovers the origin.</summary>
    Discover,

    /// <summary>Do not send: the reason says why.</summary>
    Fail,
}
