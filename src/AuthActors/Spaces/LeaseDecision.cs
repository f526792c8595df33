namespace AuthActors.Spaces;

/// <summary>What a scheme state answers to a lease request.</summary>
public readonly struct LeaseDecision
{
    private LeaseDecision(LeaseDecisionKind kind, AuthLease? lease, string? reason)
    {
        Kind = kind;
        Lease = lease;
        Reason = reason;
    }

    /// <summary>What to do.</summary>
    public LeaseDecisionKind Kind { get; }

    /// <summary>The lease, for <see cref="LeaseDecisionKind.Issue"/>.</summary>
    public AuthLease? Lease { get; }

    /// <summary>Why, for <see cref="LeaseDecisionKind.Fail"/>.</summary>
    public string? Reason { get; }

    /// <summary>Send the request with this lease's header.</summary>
    public static LeaseDecision Issue(AuthLease lease) => new(LeaseDecisionKind.Issue, lease ?? throw new ArgumentNullException(nameof(lease)), null);

    /// <summary>Send the request without credentials.</summary>
    public static LeaseDecision Anonymous { get; } = new(LeaseDecisionKind.Anonymous, null, null);

    /// <summary>Park the request until the state changes (a slot frees, a token arrives).</summary>
    public static LeaseDecision Wait { get; } = new(LeaseDecisionKind.Wait, null, null);

    /// <summary>Fail the request with <paramref name="reason"/>.</summary>
    public static LeaseDecision Fail(string reason) => new(LeaseDecisionKind.Fail, null, reason);
}

/// <summary>The kinds of <see cref="LeaseDecision"/>.</summary>
public enum LeaseDecisionKind
{
    /// <summary>Send with the lease's header.</summary>
    Issue,
    /// <summary>Send without credentials.</summary>
    Anonymous,
    /// <summary>Park until the state changes.</summary>
    Wait,
    /// <summary>Do not send; fail with the reason.</summary>
    Fail,
}
