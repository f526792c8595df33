namespace AuthActors.Host.Server;

/// <summary>
/// A user as one realm knows it: the name and, per hash function offered, HA1 =
/// H(username:realm:password) (RFC 7616 §3.4.2) computed once at start, so a request costs no
/// password hashing.
/// </summary>
internal sealed class RealmUser
{
    public RealmUser(string name, string?[] ha1ByHash)
    {
        Name = name;
        Ha1ByHash = ha1ByHash;
    }

    /// <summary>The user name (never logged with anything secret).</summary>
    public string Name { get; }

    /// <summary>HA1 in lower-case hex, indexed by <see cref="DigestRealm.HashIndex"/>; null for hashes not offered.</summary>
    public string?[] Ha1ByHash { get; }

    public override string ToString() => Name;
}
