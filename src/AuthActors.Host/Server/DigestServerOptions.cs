using AuthActors.Protocol;

namespace AuthActors.Host.Server;

/// <summary>
/// Settings of the embedded <see cref="DigestServer"/>. Every property has a default that gives
/// a working server: SHA-256, qop=auth, one user <c>user</c>/<c>passwd</c>, nonces good for five
/// minutes with replay detection.
/// </summary>
/// <remarks>
/// Besides Digest and Basic, the server is an OAuth 2.0 authorization server and resource server
/// for Bearer tokens: <see cref="TokenPath"/> runs the client credentials grant (RFC 6749 §4.4) for
/// the <see cref="Clients"/>, and <see cref="BearerPath"/> needs a token it issued (RFC 6750) in
/// realm <see cref="BearerRealm"/>; tokens are good for <see cref="TokenLifetime"/>.
/// Realms are laid out on paths: <c>/space/N/...</c> (N below <see cref="Realms"/>) is protected by
/// realm <c>space-N@{RealmName}</c>; every other path except <see cref="BasicPath"/> and
/// <see cref="OpenPath"/> by realm <see cref="RealmName"/>. <see cref="BasicPath"/> uses Basic
/// realm <c>basic@{RealmName}</c>. In <see cref="Proxy"/> mode, absolute-form requests are
/// authenticated as a proxy in realm <c>proxy@{RealmName}</c>.
/// </remarks>
public sealed record DigestServerOptions
{
    /// <summary>The TCP port on 127.0.0.1. The default value is 0: a free port picked by the OS.</summary>
    public int Port { get; init; }

    /// <summary>
    /// The algorithms offered, one <c>WWW-Authenticate</c> field each. The server orders them
    /// strongest first (SHA-512-256, SHA-256, MD5; the order given is kept within one hash) as
    /// RFC 7616 §3.7 asks. The default value is <c>[SHA-256]</c>.
    /// </summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; init; } = [DigestAlgorithm.Sha256];

    /// <summary>
    /// The qop values offered. <see cref="DigestQop.None"/> sends the RFC 2069 challenge without
    /// qop (and then credentials must not carry qop, nc or cnonce). The default value is
    /// <see cref="DigestQop.Auth"/>.
    /// </summary>
    public DigestQop Qop { get; init; } = DigestQop.Auth;

    /// <summary>
    /// How long a nonce is good for after it was issued. After it, an otherwise correct response
    /// gets 401 with <c>stale=true</c> (RFC 7616 §3.3). The default value is five minutes.
    /// </summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Users by name, with their passwords. The default value is one user <c>user</c> with password <c>passwd</c>.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal) { ["user"] = "passwd" };

    /// <summary>The base realm name. The default value is <c>authactors</c>.</summary>
    public string RealmName { get; init; } = "authactors";

    /// <summary>
    /// How many path realms <c>/space/0/</c> … <c>/space/{Realms-1}/</c> exist, each
    /// <c>space-N@{RealmName}</c>, besides the default realm. The default value is 1.
    /// </summary>
    public int Realms { get; init; } = 1;

    /// <summary>
    /// The most nonces remembered at once. Every 401 issues one, so a flood of requests without
    /// credentials could otherwise grow memory for a whole <see cref="NonceLifetime"/>; past the
    /// cap the older half is forgotten (their holders get stale=true and a fresh nonce). The
    /// default value is 1,000,000 (roughly 200 MB at most).
    /// </summary>
    public int MaxNonces { get; init; } = 1_000_000;

    /// <summary>
    /// When set, every client gets the same nonce (per realm), a new one every this long, as some
    /// CDNs do: clients that count nc on their own collide (with <see cref="NcCheck"/> on, a reused
    /// nc is refused). Null: a nonce per challenge. The default value is null.
    /// </summary>
    public TimeSpan? SharedNonce { get; init; }

    /// <summary>How the nonce count is checked. The default value is <see cref="Server.NcCheck.Replay"/>.</summary>
    public NcCheck NcCheck { get; init; } = NcCheck.Replay;

    /// <summary>
    /// When true, a nonce is good for one successful request; the response carries
    /// <c>Authentication-Info: nextnonce</c> and a reused nonce gets 401 <c>stale=true</c>.
    /// The default value is false.
    /// </summary>
    public bool OneTimeNonces { get; init; }

    /// <summary>
    /// When true, every Digest success carries <c>Authentication-Info</c> with <c>rspauth</c> and a
    /// <c>nextnonce</c>: the same nonce while it is young, a successor once it is past half its
    /// lifetime (so a client that follows nextnonce never sees stale). The default value is false.
    /// </summary>
    public bool SendNextNonce { get; init; }

    /// <summary>When true, challenges carry <c>userhash=true</c> (RFC 7616 §3.4.4) and hashed user names are accepted. The default value is false.</summary>
    public bool UserHash { get; init; }

    /// <summary>When true, challenges carry <c>charset=UTF-8</c> (RFC 7616 §4). The default value is true.</summary>
    public bool Utf8 { get; init; } = true;

    /// <summary>The path prefix protected by Basic auth. The default value is <c>/basic/</c>.</summary>
    public string BasicPath { get; init; } = "/basic/";

    /// <summary>The path prefix served without auth. The default value is <c>/open/</c>.</summary>
    public string OpenPath { get; init; } = "/open/";

    /// <summary>The path prefix protected by Bearer tokens (RFC 6750). The default value is <c>/bearer/</c>.</summary>
    public string BearerPath { get; init; } = "/bearer/";

    /// <summary>The realm of the Bearer challenge (RFC 6750 §3). The default value is <c>api</c>.</summary>
    public string BearerRealm { get; init; } = "api";

    /// <summary>
    /// The path of the token endpoint (RFC 6749 §3.2): a POST of <c>grant_type=client_credentials</c>
    /// with the client authenticated by HTTP Basic (§2.3.1). The default value is <c>/oauth/token</c>.
    /// </summary>
    public string TokenPath { get; init; } = "/oauth/token";

    /// <summary>
    /// OAuth clients by client id, with their secrets, for the token endpoint. The default value is
    /// one client <c>client</c> with secret <c>secret</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Clients { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal) { ["client"] = "secret" };

    /// <summary>
    /// How long an access token is good for after it was issued; the token response's
    /// <c>expires_in</c> is this in whole seconds (RFC 6749 §5.1), so it must be at least one
    /// second. After it the Bearer paths answer 401 <c>error="invalid_token"</c> (RFC 6750 §3.1).
    /// The default value is 30 seconds.
    /// </summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The size in bytes of each 200 body. The default value is 16.</summary>
    public int ResponseBytes { get; init; } = 16;

    /// <summary>The clock nonce and token ages are read from. The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// When true, absolute-form requests (<c>GET http://other/x</c>) are treated as requests to a
    /// forward proxy: 407 with <c>Proxy-Authenticate</c>, credentials read from
    /// <c>Proxy-Authorization</c>, and a 200 answered by this server itself (nothing is forwarded).
    /// Origin-form requests are still served as an origin. The default value is false.
    /// </summary>
    public bool Proxy { get; init; }
}
