namespace AuthActors.Spaces;

/// <summary>What a scheme state answers to a challenge.</summary>
public readonly struct ChallengeDecision
{
    private ChallengeDecision(ChallengeDecisionKind kind, AuthLease? lease, RetryReason retryReason, string? reason, Http.AuthFailureKind failure = Http.AuthFailureKind.Unanswerable)
    {
        Kind = kind;
        Lease = lease;
        RetryReason = retryReason;
        Reason = reason;
        FailureKind = kind == ChallengeDecisionKind.Reject ? Http.AuthFailureKind.CredentialRefused : failure;
    }

    /// <summary>What to do.</summary>
    public ChallengeDecisionKind Kind { get; }

    /// <summary>The lease to retry with, for <see cref="ChallengeDecisionKind.Retry"/>.</summary>
    public AuthLease? Lease { get; }

    /// <summary>Why a retry is due; the handler allows one of each kind per request.</summary>
    public RetryReason RetryReason { get; }

    /// <summary>Why the challenge is not answered, for <see cref="ChallengeDecisionKind.Reject"/> and <see cref="ChallengeDecisionKind.GiveUp"/>.</summary>
    public string? Reason { get; }

    /// <summary>What kind of failure an unanswered challenge is, for code and metrics.</summary>
    public Http.AuthFailureKind FailureKind { get; }

    /// <summary>Send the request again with <paramref name="lease"/>.</summary>
    public static ChallengeDecision Retry(AuthLease lease, RetryReason reason) =>
        new(ChallengeDecisionKind.Retry, lease ?? throw new ArgumentNullException(nameof(lease)), reason, null);

    /// <summary>The server refused this credential: the space records a failure and never loops.</summary>
    public static ChallengeDecision Reject(string reason) => new(ChallengeDecisionKind.Reject, null, RetryReason.None, reason);

    /// <summary>The challenge cannot be answered, through no fault of the credential.</summary>
    public static ChallengeDecision GiveUp(string reason) => new(ChallengeDecisionKind.GiveUp, null, RetryReason.None, reason);

    /// <summary>The challenge cannot be answered, for a reason of <paramref name="kind"/>.</summary>
    internal static ChallengeDecision GiveUp(string reason, Http.AuthFailureKind kind) => new(ChallengeDecisionKind.GiveUp, null, RetryReason.None, reason, kind);

    /// <summary>Park the report until the state changes (a token refresh, a free nonce slot).</summary>
    public static ChallengeDecision Wait { get; } = new(ChallengeDecisionKind.Wait, null, RetryReason.None, null);
}

/// <summary>The kinds of <see cref="ChallengeDecision"/>.</summary>
public enum ChallengeDecisionKind
{
    /// <summary>Send again with a new lease.</summary>
    Retry,
    /// <summary>The server refused the credential.</summary>
    Reject,
    /// <summary>Return the challenge to the caller.</summary>
    GiveUp,
    /// <summary>Park until the state changes.</summary>
    Wait,
}

/// <summary>Why a request is re-sent.</summary>
public enum RetryReason
{
    /// <summary>No retry.</summary>
    None,

    /// <summary>First challenge for this request (or a new nonce for a strict server).</summary>
    Challenge,

    /// <summary>The nonce went stale (RFC 7616 §3.3, stale=true) or a token expired.</summary>
    Stale,

    /// <summary>The server refused, without stale, a nonce it had accepted (strict nc order,
    /// one-time nonces): a fresh nonce, once, never counted as a wrong credential.</summary>
    NonceRefused,
}
