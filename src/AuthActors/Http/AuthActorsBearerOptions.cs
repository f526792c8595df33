namespace AuthActors.Http;

/// <summary><c>authactors.bearer</c>: the Bearer scheme from configuration (OAuth 2.0 client
/// credentials when a token endpoint is set, static tokens otherwise).</summary>
public sealed class AuthActorsBearerOptions
{
    /// <summary>The token endpoint, or null for static tokens. The default value is null.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The scope asked for, or null. The default value is null.</summary>
    public string? Scope { get; set; }

    /// <summary>How long before expiry a token is refreshed. The default value is 30 seconds.</summary>
    public TimeSpan RefreshSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Plain http to the token endpoint and for tokens (in clear). The default value is false.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>The scheme's options, validated.</summary>
    internal AuthActors.Spaces.Schemes.BearerSchemeOptions ToSchemeOptions() => new AuthActors.Spaces.Schemes.BearerSchemeOptions
    {
        TokenEndpoint = TokenEndpoint,
        Scope = Scope,
        RefreshSkew = RefreshSkew,
        AllowHttp = AllowHttp,
    }.Validate();
}
