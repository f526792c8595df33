namespace AuthActors.Host.Server;

/// <summary>How the <see cref="DigestServer"/> checks the nonce count (RFC 7616 §3.4, <c>nc</c>).</summary>
public enum NcCheck
{
    /// <summary>nc is not checked: a (nonce, nc) pair may be replayed while the nonce is fresh.</summary>
    None,

    /// <summary>
    /// A (nonce, nc) pair seen before is rejected with 401 (no <c>stale</c>, as Apache does). nc
    /// values may arrive out of order, up to 1024 below the highest seen; older ones count as replays.
    /// </summary>
    Replay,

    /// <summary>As <see cref="Replay"/>, and an nc not above the highest seen for its nonce is rejected too.</summary>
    Increasing,
}
