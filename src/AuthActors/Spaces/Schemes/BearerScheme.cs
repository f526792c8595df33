using AuthActors.Protocol;

namespace AuthActors.Spaces.Schemes;

/// <summary>
/// The OAuth 2.0 Bearer scheme (RFC 6750) as a space plug-in. Each protection space that answers
/// with <c>WWW-Authenticate: Bearer</c> gets its own token, owned by its actor: a static token from
/// the credential chain, or one obtained with the client credentials grant (RFC 6749 §4.4) and
/// refreshed ahead of expiry, once for all callers. Register it with
/// <c>AddAuthActors(b =&gt; b.AddScheme(new BearerScheme(options)))</c> or in an
/// <see cref="AuthSchemeRegistry"/>.
/// </summary>
/// <remarks>
/// The credential chain is asked with scheme <c>Bearer</c> for the API's origin and realm. For a
/// static token it answers with the token as the password (user name empty or <c>token</c>); with a
/// token endpoint, with the client id as the user name and the client secret as the password.
/// A server that refuses the current token with <c>error="invalid_token"</c> gets one refresh and
/// one retry; <c>insufficient_scope</c> and other errors go back to the caller untouched.
/// Tokens and secrets never appear in logs, events, exceptions or <c>ToString</c>.
/// </remarks>
public sealed class BearerScheme : IAuthScheme
{
    /// <summary>The auth-scheme token: <c>Bearer</c> (RFC 6750 §3).</summary>
    public const string SchemeName = "Bearer";

    // Above every Digest algorithm and Basic (ChallengeSelector: Basic 1, Digest 11 to 16).
    private const int BearerRank = 20;

    /// <summary>Creates the scheme.</summary>
    /// <param name="options">Where tokens come from; null for the defaults (a static token from the chain).</param>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="BearerSchemeOptions.Validate"/>).</exception>
    public BearerScheme(BearerSchemeOptions? options = null) => Options = (options ?? new BearerSchemeOptions()).Validate();

    /// <summary>The options every space of this scheme follows.</summary>
    public BearerSchemeOptions Options { get; }

    /// <inheritdoc />
    public string Name => SchemeName;

    /// <summary>
    /// Ranks a Bearer challenge above every Digest algorithm and Basic: registering the scheme says
    /// the application wants tokens where a server offers them (and with a token endpoint no
    /// password ever reaches the API). Refused over http unless <see cref="BearerSchemeOptions.AllowHttp"/>.
    /// </summary>
    /// <summary>
    /// Whether <paramref name="token"/> may be sent as a Bearer credential: RFC 6750 §2.1's
    /// <c>b64token</c>, which is RFC 7235's token68 grammar. Anything else (a CR or LF above all)
    /// cannot go in an Authorization field.
    /// </summary>
    public static bool IsValidToken(ReadOnlySpan<char> token) => HttpSyntax.IsToken68(token);

    /// <summary>RFC 6749 §3.3: <c>scope = scope-token *( SP scope-token )</c>,
    /// <c>scope-token = 1*( %x21 / %x23-5B / %x5D-7E )</c>.</summary>
    public static bool IsValidScope(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Length == 0 || scope[0] == ' ' || scope[^1] == ' ' || scope.Contains("  ", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in scope)
        {
            if (c != ' ' && (c < 0x21 || c > 0x7E || c == '"' || c == '\\'))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public int Rank(AuthChallenge challenge, ChallengePolicy policy, bool secureTransport, out string? rejection)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (!challenge.IsScheme(SchemeName))
        {
            rejection = $"not a {SchemeName} challenge";
            return -1;
        }

        if (challenge.Token68 is not null)
        {
            rejection = "Bearer challenge carries a token68 instead of auth-params (RFC 6750 §3)";
            return -1;
        }

        if (!secureTransport && !Options.AllowHttp)
        {
            rejection = "Bearer tokens are sent only over https (RFC 6750 §5.3); set BearerSchemeOptions.AllowHttp to allow http";
            return -1;
        }

        rejection = null;
        return BearerRank;
    }

    /// <inheritdoc />
    public AuthSchemeState CreateState(AuthChallenge challenge, SpaceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TokenEndpointClient? endpoint = Options.TokenEndpoint is { } uri
            ? new TokenEndpointClient(uri, Options, context.TimeProvider)
            : null;
        return new BearerSchemeState(Options, endpoint, context);
    }

    /// <summary>Names the scheme and where its tokens come from.</summary>
    public override string ToString() =>
        Options.TokenEndpoint is { } endpoint ? $"Bearer (client credentials at {endpoint.GetLeftPart(UriPartial.Path)})" : "Bearer (static token)";
}
