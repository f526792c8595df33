namespace AuthActors.Http;

/// <summary><c>authactors.credentials</c>: the credential chain built by <c>AddAuthActors</c>.</summary>
public sealed class AuthActorsCredentialsOptions
{
    /// <summary>Source names in chain order: memory, url-userinfo, configuration, environment, netrc.
    /// Sources added in code with <c>AddCredentialSource</c> come first. The default value is all five in that order.</summary>
    public IList<string> Sources { get; set; } = ["memory", "url-userinfo", "configuration", "environment", "netrc"];

    /// <summary>The netrc file; null means $NETRC, else ~/.netrc. The default value is null.</summary>
    public string? NetrcFile { get; set; }

    /// <summary>Prefix of the environment variables read by the environment source. The default value is <c>AUTHACTORS_</c>.</summary>
    public string EnvironmentPrefix { get; set; } = "AUTHACTORS_";
}
