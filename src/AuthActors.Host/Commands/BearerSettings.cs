using AuthActors.Credentials;
using AuthActors.Spaces.Schemes;

namespace AuthActors.Host.Commands;

/// <summary>
/// What <c>fetch</c> and <c>crawl</c> were told about Bearer tokens: a static token
/// (<c>--bearer</c>, <see cref="TokenEndpoint"/> null) or a client of a token endpoint
/// (<c>--client-id</c>, <c>--client-secret</c>, <c>--token-url</c>, <c>--scope</c>).
/// </summary>
internal sealed record BearerSettings
{
    /// <summary>The user name of a static token's credential (the library reads "" or "token" as one).</summary>
    public const string StaticTokenUser = "token";

    /// <summary>Client id and secret, or <see cref="StaticTokenUser"/> and the token. <see cref="Credential.ToString"/> masks the secret.</summary>
    public required Credential Credential { get; init; }

    /// <summary>--token-url, or null for a static token.</summary>
    public Uri? TokenEndpoint { get; init; }

    /// <summary>--scope, or null to send none.</summary>
    public string? Scope { get; init; }

    /// <summary>
    /// The scheme options. Plain http is allowed for the scheme as a whole (the embedded server is
    /// http on 127.0.0.1); <see cref="BearerCredentialSource"/> refuses it for any other host, and
    /// an http <c>--token-url</c> must be loopback (checked when the options are read).
    /// </summary>
    public BearerSchemeOptions ToSchemeOptions(Func<HttpMessageInvoker>? tokenClientFactory) => new()
    {
        TokenEndpoint = TokenEndpoint,
        Scope = Scope,
        AllowHttp = true,
        TokenClientFactory = tokenClientFactory,
    };
}
