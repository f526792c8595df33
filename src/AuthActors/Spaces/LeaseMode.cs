namespace AuthActors.Spaces;

/// <summary>How a Digest space hands out its nonces.</summary>
public enum LeaseMode
{
    /// <summary>Start shared; switch a space to <see cref="Exclusive"/> when its server proves strict.</summary>
    Auto,

    /// <summary>One nonce for every caller, with a strictly increasing nc. One 401 per nonce.</summary>
    Shared,

    /// <summary>
    /// Each nonce is leased to one request at a time, so its nc reaches the server in order
    /// (Apache's AuthDigestNcCheck, one-time nonces). The space keeps a pool sized to the
    /// concurrency; each extra nonce costs one 401, once.
    /// </summary>
    Exclusive,
}
