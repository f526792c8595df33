namespace AuthActors.Spaces.Schemes;

/// <summary>
/// How a <see cref="BearerScheme"/> obtains its tokens (RFC 6750). Without a
/// <see cref="TokenEndpoint"/> the token is static: the credential chain's password for the space.
/// With one, each space runs the OAuth 2.0 client credentials grant (RFC 6749 §4.4) with the client
/// id and secret the chain gives as user name and password. Immutable once built; validated by
/// <see cref="Validate"/>, which <see cref="BearerScheme"/>'s constructor calls.
/// </summary>
public sealed record BearerSchemeOptions
{
    /// <summary>The smallest <see cref="TokenRequestTimeout"/> and <see cref="MinBackoff"/> accepted: 1 millisecond.</summary>
    public static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// The token endpoint (RFC 6749 §3.2), an absolute http(s) URI without user-info or fragment,
    /// or null for a static token taken from the credential chain (its password; its user name may
    /// be empty or <c>token</c>).
    /// </summary>
    /// <value>The default value is <see langword="null"/> (static token).</value>
    public Uri? TokenEndpoint { get; init; }

    /// <summary>The scope to ask for (RFC 6749 §3.3: space-delimited, case-sensitive strings), or
    /// null to send no scope parameter and let the server apply its default.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Scope { get; init; }

    /// <summary>
    /// How long before its expiry a token is replaced. A request that arrives inside this window
    /// still gets the current token and starts one refresh in the background, so callers never wait
    /// for a token that is merely about to expire. For a token whose whole lifetime is shorter than
    /// twice the skew, half its lifetime is used instead (a 10 s token refreshes after 5 s, not at once).
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan RefreshSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>After a failed token request, how long a space waits before trying again; the wait
    /// doubles with each consecutive failure up to <see cref="MaxBackoff"/>, and resets on success.
    /// Requests that need a token meanwhile fail at once with the last error.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between failed token requests.</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one token request may take, measured on the runtime's clock; after it the request is
    /// abandoned and counts as a failure. Keep it below <see cref="SpaceSettings.AskTimeout"/> plus
    /// <see cref="SpaceSettings.DiscoveryTimeout"/>, the longest a request waits for its header.
    /// </summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan TokenRequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Allow plain http for the token endpoint and for sending tokens. RFC 6749 §2.3.1 and §3.2 and
    /// RFC 6750 §5.3 require TLS: over http the client secret and the token travel in clear, and a
    /// Bearer token is all an eavesdropper needs. When false, an http token endpoint is refused by
    /// <see cref="Validate"/> and a Bearer challenge from an http origin is not answered.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowHttp { get; init; }

    /// <summary>
    /// Creates the client for one token request; the scheme disposes it when that request ends (an
    /// <see cref="HttpClient"/> from IHttpClientFactory, or one built over a shared handler with
    /// <c>disposeHandler: false</c>). It must not follow redirects with the client's credentials.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: each token request uses a new
    /// <see cref="SocketsHttpHandler"/> that follows no redirects, disposed after it. Token requests
    /// are rare (one per token lifetime per space), so pooling buys little.</value>
    public Func<HttpMessageInvoker>? TokenClientFactory { get; init; }

    /// <summary>Throws when a value is out of range, naming it; returns this instance.</summary>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException">A value is out of range or malformed.</exception>
    public BearerSchemeOptions Validate()
    {
        if (TokenEndpoint is { } endpoint)
        {
            if (!endpoint.IsAbsoluteUri
                || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException("TokenEndpoint must be an absolute http or https URI.", nameof(TokenEndpoint));
            }

            if (!string.IsNullOrEmpty(endpoint.UserInfo) || !string.IsNullOrEmpty(endpoint.Fragment))
            {
                // RFC 6749 §3.2: the endpoint URI MUST NOT include a fragment; client credentials go
                // in the Authorization header (§2.3.1), never in the URI.
                throw new ArgumentException("TokenEndpoint must not carry user-info or a fragment (RFC 6749 §3.2).", nameof(TokenEndpoint));
            }

            if (endpoint.Scheme == Uri.UriSchemeHttp && !AllowHttp)
            {
                throw new ArgumentException(
                    "TokenEndpoint uses plain http, which would send the client secret in clear (RFC 6749 §2.3.1 requires TLS); use https or set AllowHttp.",
                    nameof(TokenEndpoint));
            }
        }

        if (Scope is not null && !BearerScheme.IsValidScope(Scope))
        {
            throw new ArgumentException("Scope must be space-delimited scope tokens of printable ASCII without '\"' or '\\' (RFC 6749 §3.3).", nameof(Scope));
        }

        if (RefreshSkew < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshSkew), RefreshSkew, "RefreshSkew must not be negative.");
        }

        if (MinBackoff < MinimumDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MinBackoff), MinBackoff, $"MinBackoff must be at least {MinimumDelay}.");
        }

        if (MaxBackoff < MinBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "MaxBackoff must not be less than MinBackoff.");
        }

        if (TokenRequestTimeout < MinimumDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(TokenRequestTimeout), TokenRequestTimeout, $"TokenRequestTimeout must be at least {MinimumDelay}.");
        }

        return this;
    }
}
