namespace AuthActors.Spaces.Schemes;

/// <summary>
/// One server nonce and its count. Owned by a <see cref="DigestSchemeState"/> and touched only
/// on its actor. In shared mode one slot serves every caller; in exclusive mode each slot is
/// leased to one request at a time so its nc reaches the server in order.
/// </summary>
internal sealed class NonceSlot
{
    public NonceSlot(string nonce, string? opaque, string cnonce)
    {
        Nonce = nonce;
        Opaque = opaque;
        Cnonce = cnonce;
    }

    /// <summary>The server's nonce.</summary>
    public string Nonce { get; private set; }

    /// <summary>The opaque that came with it (Apache keys its nc tracking on it).</summary>
    public string? Opaque { get; private set; }

    /// <summary>Our cnonce for this nonce; a new one with every new nonce.</summary>
    public string Cnonce { get; private set; }

    /// <summary>The last nc handed out; the next lease gets one more (RFC 7616 §3.4).</summary>
    public uint Nc { get; set; }

    /// <summary>HA1 as the hash needs it: the base HA1, or H(HA1:nonce:cnonce) for -sess.</summary>
    public string? Ha1 { get; set; }

    /// <summary>A response came back for a request on this nonce: the server accepts it.</summary>
    public bool Proven { get; set; }

    /// <summary>When it took its nonce (a <see cref="TimeProvider"/> timestamp).</summary>
    public long AdoptedAt { get; set; }

    /// <summary>Cluster mode: maps this adoption's nc onto counts unique across the fleet; null in one process.</summary>
    public FleetNonceStream? Fleet { get; set; }

    /// <summary>Exclusive mode: a request holds this slot now.</summary>
    public bool InUse { get; set; }

    /// <summary>Leases issued on this nonce before it was proven whose outcome is not known yet.
    /// A refusal is only a wrong credential when none of them can still prove otherwise.</summary>
    public int Unjudged { get; set; }

    /// <summary>Starts over on a new nonce: nc restarts, a fresh cnonce, not yet proven.</summary>
    public void Adopt(string nonce, string? opaque, string cnonce)
    {
        Nonce = nonce;
        Opaque = opaque;
        Cnonce = cnonce;
        Nc = 0;
        Ha1 = null;
        Proven = false;
        Unjudged = 0;
    }
}
