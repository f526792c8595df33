namespace AuthActors.Credentials;

/// <summary>
/// What a protection space asks the <see cref="CredentialChain"/> for: credentials for one
/// origin (or proxy) and realm, for one authentication scheme.
/// </summary>
/// <param name="Origin">
/// The origin, <c>scheme://host:port</c> (RFC 6454); for a proxy, the proxy's origin. Any
/// user-info, path, query or fragment is dropped on construction, so a request never carries a
/// secret.
/// </param>
/// <param name="Realm">The realm from the challenge (RFC 7235 section 2.2), or <see langword="null"/> when there is none. Compared ordinally (realms are case-sensitive).</param>
/// <param name="Scheme">The authentication scheme the credential is for, e.g. <c>"Digest"</c>, <c>"Basic"</c>, <c>"Bearer"</c>.</param>
/// <param name="IsProxy"><see langword="true"/> for proxy authentication (407, RFC 7235 section 3.2).</param>
/// <param name="RequestUri">
/// The request that met the challenge, when known; sources that match by path prefix (such as
/// <see cref="CredentialCacheSource"/>) use it. User-info is stripped on construction.
/// </param>
public sealed record CredentialRequest(Uri Origin, string? Realm, string Scheme, bool IsProxy, Uri? RequestUri = null)
{
    private readonly Uri _origin = OriginText.Normalize(Origin, nameof(Origin));
    private readonly string _scheme = RequireScheme(Scheme);
    private readonly Uri? _requestUri = RequestUri is null ? null : UrlUserInfoCredentialSource.StripUserInfo(RequestUri);

    /// <summary>The origin, reduced to <c>scheme://host:port</c> with no user-info.</summary>
    public Uri Origin
    {
        get => _origin;
        init => _origin = OriginText.Normalize(value, nameof(Origin));
    }

    /// <summary>The authentication scheme, e.g. <c>"Digest"</c>.</summary>
    public string Scheme
    {
        get => _scheme;
        init => _scheme = RequireScheme(value);
    }

    /// <summary>The request URI without user-info, or <see langword="null"/>.</summary>
    public Uri? RequestUri
    {
        get => _requestUri;
        init => _requestUri = value is null ? null : UrlUserInfoCredentialSource.StripUserInfo(value);
    }

    /// <summary>The canonical <c>scheme://host:port</c> key of <see cref="Origin"/>, lower case, port always written.</summary>
    internal string OriginKeyText => OriginText.Of(_origin);

    /// <summary>Describes the protection space for reasons and logs: never a secret.</summary>
    internal string Describe() =>
        (IsProxy ? "proxy " : "") + OriginText.Display(_origin) + (Realm is null ? "" : $" realm '{Realm}'");

    private static string RequireScheme(string scheme)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme, nameof(Scheme));
        return scheme;
    }
}
