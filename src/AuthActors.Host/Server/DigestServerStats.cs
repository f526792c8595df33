namespace AuthActors.Host.Server;

/// <summary>
/// Counters of a <see cref="DigestServer"/>, updated with <see cref="Interlocked"/> by concurrent
/// requests. Each property reads one counter; <see cref="Snapshot"/> reads them all (not as one
/// atomic cut: requests in flight may be counted in some and not yet in others).
/// </summary>
public sealed class DigestServerStats
{
    private long _requests;
    private long _succeeded;
    private long _challenges;
    private long _staleChallenges;
    private long _ncReplays;
    private long _ncOutOfOrder;
    private long _badCredentials;
    private long _basicOk;
    private long _openRequests;
    private long _noncesIssued;
    private long _tokenRequests;
    private long _tokensIssued;
    private long _bearerOk;
    private long _invalidTokens;

    /// <summary>Every request received.</summary>
    public long Requests => Volatile.Read(ref _requests);

    /// <summary>Digest-authenticated requests answered 200 (Basic and open requests are counted apart).</summary>
    public long Succeeded => Volatile.Read(ref _succeeded);

    /// <summary>Every 401 or 407 sent, whatever the reason (Digest, Basic, Bearer, or a client the token endpoint did not authenticate).</summary>
    public long Challenges => Volatile.Read(ref _challenges);

    /// <summary>Challenges with <c>stale=true</c>: the response was right but its nonce was expired, used or unknown.</summary>
    public long StaleChallenges => Volatile.Read(ref _staleChallenges);

    /// <summary>Requests rejected because their (nonce, nc) pair was seen before.</summary>
    public long NcReplays => Volatile.Read(ref _ncReplays);

    /// <summary>Requests rejected by <see cref="NcCheck.Increasing"/> because nc was not above the highest seen.</summary>
    public long NcOutOfOrder => Volatile.Read(ref _ncOutOfOrder);

    /// <summary>Credentials rejected: unknown user, wrong response, wrong realm, opaque, uri, algorithm or qop, malformed header, a bad Basic password, a malformed Bearer header, or a client the token endpoint did not authenticate.</summary>
    public long BadCredentials => Volatile.Read(ref _badCredentials);

    /// <summary>Basic-authenticated requests answered 200.</summary>
    public long BasicOk => Volatile.Read(ref _basicOk);

    /// <summary>Requests to the open path (no auth).</summary>
    public long OpenRequests => Volatile.Read(ref _openRequests);

    /// <summary>Nonces created (in challenges, nextnonce values and successors).</summary>
    public long NoncesIssued => Volatile.Read(ref _noncesIssued);

    /// <summary>Requests to the token endpoint, whatever their outcome.</summary>
    public long TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Access tokens the token endpoint issued.</summary>
    public long TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Requests to the Bearer paths answered 200.</summary>
    public long BearerOk => Volatile.Read(ref _bearerOk);

    /// <summary>Bearer requests refused with <c>error="invalid_token"</c>: a token the server did not issue, or one expired or revoked.</summary>
    public long InvalidTokens => Volatile.Read(ref _invalidTokens);

    /// <summary>Reads every counter into an immutable record.</summary>
    public DigestServerStatsSnapshot Snapshot() => new(
        Requests, Succeeded, Challenges, StaleChallenges, NcReplays, NcOutOfOrder, BadCredentials, BasicOk, OpenRequests, NoncesIssued,
        TokenRequests, TokensIssued, BearerOk, InvalidTokens);

    internal void AddRequest() => Interlocked.Increment(ref _requests);

    internal void AddSucceeded() => Interlocked.Increment(ref _succeeded);

    internal void AddChallenge() => Interlocked.Increment(ref _challenges);

    internal void AddStaleChallenge() => Interlocked.Increment(ref _staleChallenges);

    internal void AddNcReplay() => Interlocked.Increment(ref _ncReplays);

    internal void AddNcOutOfOrder() => Interlocked.Increment(ref _ncOutOfOrder);

    internal void AddBadCredentials() => Interlocked.Increment(ref _badCredentials);

    internal void AddBasicOk() => Interlocked.Increment(ref _basicOk);

    internal void AddOpenRequest() => Interlocked.Increment(ref _openRequests);

    internal void AddNonceIssued() => Interlocked.Increment(ref _noncesIssued);

    internal void AddTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    internal void AddTokenIssued() => Interlocked.Increment(ref _tokensIssued);

    internal void AddBearerOk() => Interlocked.Increment(ref _bearerOk);

    internal void AddInvalidToken() => Interlocked.Increment(ref _invalidTokens);
}
