namespace AuthActors.Protocol;

/// <summary>Quality of protection (RFC 7616 §3.3). A challenge offers a set; a request uses one.</summary>
[Flags]
public enum DigestQop
{
    /// <summary>No qop: the RFC 2069 legacy form, response = H(HA1:nonce:HA2).</summary>
    None = 0,

    /// <summary>"auth": authentication only.</summary>
    Auth = 1,

    /// <summary>"auth-int": authentication with the entity body's hash in A2.</summary>
    AuthInt = 2,
}
