namespace AuthActors.Host.Server;

/// <summary>What <see cref="TokenIssuer.Check"/> found a presented access token to be.</summary>
internal enum TokenCheck
{
    /// <summary>Issued by this server, not expired, not revoked.</summary>
    Valid,

    /// <summary>Not a token this server issued (wrong length, bad encoding, or a MAC that does not verify).</summary>
    Unknown,

    /// <summary>Issued here, but its lifetime has passed.</summary>
    Expired,

    /// <summary>Issued here, but revoked by <see cref="TokenIssuer.RevokeAll"/>.</summary>
    Revoked,
}
