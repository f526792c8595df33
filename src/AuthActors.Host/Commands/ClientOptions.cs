using AuthActors.Spaces.Schemes;
using System.CommandLine;
using System.CommandLine.Parsing;
using AuthActors.Credentials;

namespace AuthActors.Host.Commands;

/// <summary>
/// The credential, Bearer token, proxy and configuration options <c>fetch</c> and <c>crawl</c> share. Values
/// that may hold a password are never echoed in an error.
/// </summary>
internal sealed class ClientOptions
{
    public Option<string?> User { get; } = new("--user", "-u")
    {
        Description = "User name, or NAME:PASSWORD, for the given URLs' origins (any realm). Prefer --netrc or AUTHACTORS_CRED_* variables: the command line is visible to other users.",
        HelpName = "NAME[:PASSWORD]",
    };

    public Option<string?> Password { get; } = new("--password") { Description = "Password for --user.", HelpName = "PASSWORD" };

    public Option<string?> Netrc { get; } = new("--netrc")
    {
        Description = "Also read credentials from a netrc file: FILE, or $NETRC, or ~/.netrc.",
        HelpName = "FILE",
        Arity = ArgumentArity.ZeroOrOne,
        // "--netrc http://host/x" (the default file, then a URL) is reordered before parsing
        // (see HostCommandLine.NormalizeArguments).
        CustomParser = result => result.Tokens.Count == 0 ? null : result.Tokens[0].Value,
    };

    public Option<Uri?> Proxy { get; } = new("--proxy")
    {
        Description = "Send requests through this HTTP proxy (http://host:port).",
        HelpName = "URL",
        CustomParser = result => OptionParsing.ParseOne<Uri?>(result, null, "--proxy", static (string text, out Uri? value, out string? error) =>
        {
            bool ok = Uri.TryCreate(text, UriKind.Absolute, out value)
                && (value.Scheme == Uri.UriSchemeHttp || value.Scheme == Uri.UriSchemeHttps)
                && value.Host.Length > 0;
            error = ok ? null : "expected an http:// or https:// proxy URL";
            return ok;
        }),
    };

    public Option<string?> ProxyUser { get; } = new("--proxy-user") { Description = "Proxy user name, or NAME:PASSWORD.", HelpName = "NAME[:PASSWORD]" };

    public Option<string?> ProxyPassword { get; } = new("--proxy-password") { Description = "Password for --proxy-user.", HelpName = "PASSWORD" };

    public Option<TimeSpan?> Timeout { get; } = new("--timeout")
    {
        Description = "Give up on one request after this long (e.g. 30s, 2m), retries and body included. Default: 100s.",
        HelpName = "DURATION",
        CustomParser = r => OptionParsing.ParseOne<TimeSpan?>(r, null, "--timeout", OptionParsing.TryParsePositiveDurationOrNull),
    };

    public Option<string?> ClientId { get; } = new("--client-id")
    {
        Description = "OAuth 2.0 client id: get Bearer tokens with the client credentials grant (RFC 6749 section 4.4) from --token-url for the given URLs' origins. Needs --client-secret and --token-url.",
        HelpName = "ID",
    };

    public Option<string?> ClientSecret { get; } = new("--client-secret")
    {
        Description = "Client secret for --client-id (sent to the token endpoint with HTTP Basic, never to the API). The command line is visible to other users.",
        HelpName = "SECRET",
    };

    public Option<Uri?> TokenUrl { get; } = new("--token-url")
    {
        Description = "The token endpoint for --client-id: https, or http to a loopback host only.",
        HelpName = "URL",
        CustomParser = result => OptionParsing.ParseOne<Uri?>(result, null, "--token-url", TryParseTokenUrl),
    };

    public Option<string?> Scope { get; } = new("--scope")
    {
        Description = "Scope to ask the token endpoint for: space-delimited scope tokens (RFC 6749 section 3.3). Default: none (the server's default).",
        HelpName = "SCOPE",
    };

    public Option<string?> Bearer { get; } = new("--bearer")
    {
        Description = "A static Bearer token (RFC 6750) for the given URLs' origins, sent when the server asks for Bearer. Over http only to a loopback host.",
        HelpName = "TOKEN",
    };

    public ConfigurationOptions Configuration { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(User);
        command.Options.Add(Password);
        command.Options.Add(Netrc);
        command.Options.Add(Proxy);
        command.Options.Add(ProxyUser);
        command.Options.Add(ProxyPassword);
        command.Options.Add(Timeout);
        command.Options.Add(ClientId);
        command.Options.Add(ClientSecret);
        command.Options.Add(TokenUrl);
        command.Options.Add(Scope);
        command.Options.Add(Bearer);
        Configuration.AddTo(command);
    }

    /// <summary>Reads the options; false with a one-line reason when they do not fit together.</summary>
    /// <param name="result">The parsed command line.</param>
    /// <param name="settings">What was read.</param>
    /// <param name="error">Why not, in one line.</param>
    /// <param name="askPassword">Asks the user for a password not given (as curl does for
    /// <c>-u alice</c>), or null when nobody can be asked (no terminal).</param>
    public bool TryRead(ParseResult result, out ClientSettings settings, out string? error, Func<string, string?>? askPassword = null)
    {
        settings = new ClientSettings();
        if (!TryCredential(result.GetValue(User), result.GetValue(Password) ?? Ask(result.GetValue(User), result.GetValue(Password), askPassword), "--user", "--password", out Credential? user, out error)
            || !TryCredential(result.GetValue(ProxyUser), result.GetValue(ProxyPassword) ?? Ask(result.GetValue(ProxyUser), result.GetValue(ProxyPassword), askPassword), "--proxy-user", "--proxy-password", out Credential? proxyUser, out error))
        {
            return false;
        }

        Uri? proxy = result.GetValue(Proxy);
        if (proxyUser is not null && proxy is null)
        {
            error = "--proxy-user needs --proxy";
            return false;
        }

        if (!TryReadBearer(result, out BearerSettings? bearer, out error))
        {
            return false;
        }

        settings = new ClientSettings
        {
            User = user,
            Netrc = result.GetResult(Netrc) is not null,
            NetrcFile = result.GetValue(Netrc),
            Proxy = proxy,
            ProxyUser = proxyUser,
            Bearer = bearer,
            Timeout = result.GetValue(Timeout) ?? new ClientSettings().Timeout,
        };
        return true;
    }

    /// <summary>
    /// --bearer TOKEN, or --client-id with --client-secret and --token-url (and --scope): two ways
    /// to get a token, so one or the other. Neither the token nor the secret is ever echoed.
    /// </summary>
    private bool TryReadBearer(ParseResult result, out BearerSettings? bearer, out string? error)
    {
        bearer = null;
        error = null;
        string? token = result.GetValue(Bearer);
        string? clientId = result.GetValue(ClientId);
        string? clientSecret = result.GetValue(ClientSecret);
        Uri? tokenUrl = result.GetValue(TokenUrl);
        string? scope = result.GetValue(Scope);
        bool anyClientOption = clientId is not null || clientSecret is not null || tokenUrl is not null || scope is not null;
        if (token is not null)
        {
            if (anyClientOption)
            {
                error = "--bearer gives a token, --client-id/--client-secret/--token-url/--scope get one: use one or the other";
                return false;
            }

            if (!IsB64Token(token))
            {
                error = "--bearer: the token is not a b64token (RFC 6750 section 2.1: letters, digits, -._~+/ then any '=')";
                return false;
            }

            bearer = new BearerSettings { Credential = new Credential(BearerSettings.StaticTokenUser, token) };
            return true;
        }

        if (!anyClientOption)
        {
            return true;
        }

        if (clientId is null)
        {
            error = "--client-secret, --token-url and --scope need --client-id";
            return false;
        }

        if (clientId.Length == 0 || clientSecret is null || clientSecret.Length == 0)
        {
            error = clientId.Length == 0 ? "--client-id: the client id is empty" : "--client-id needs a non-empty --client-secret";
            return false;
        }

        if (tokenUrl is null)
        {
            error = "--client-id needs --token-url";
            return false;
        }

        bearer = new BearerSettings { Credential = new Credential(clientId, clientSecret), TokenEndpoint = tokenUrl, Scope = scope };
        try
        {
            _ = bearer.ToSchemeOptions(tokenClientFactory: null).Validate();
        }
        catch (ArgumentException e)
        {
            // The library names the option and the rule, never a value.
            bearer = null;
            error = (e.ParamName == "Scope" ? "--scope: " : "--token-url: ") + e.Message.Split(" (Parameter", 2)[0];
            return false;
        }

        return true;
    }

    /// <summary>An absolute https URL, or http to a loopback host (where nothing crosses a network), with no user-info or fragment (RFC 6749 §3.2).</summary>
    private static bool TryParseTokenUrl(string text, out Uri? value, out string? error)
    {
        value = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            error = "expected an https:// URL";
            return false;
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            // Not echoed: user-info may hold a secret. The client authenticates with --client-secret.
            error = "the URL must have no user-info or fragment (RFC 6749 section 3.2)";
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            error = "plain http would send the client secret in clear (RFC 6749 section 2.3.1 requires TLS); use https, or http only to a loopback host";
            return false;
        }

        value = uri;
        error = null;
        return true;
    }

    /// <summary>RFC 6750 §2.1: <c>b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="</c>.</summary>
    private static bool IsB64Token(string token) => BearerScheme.IsValidToken(token);

    /// <summary>NAME with PASSWORD, or NAME:PASSWORD (as curl's -u; the name has no colon, RFC 7617 §2).</summary>
    /// <summary>The password for a NAME given without one, asked for when someone can be asked.</summary>
    private static string? Ask(string? user, string? password, Func<string, string?>? askPassword) =>
        user is { Length: > 0 } && !user.Contains(':', StringComparison.Ordinal) && password is null && askPassword is not null
            ? askPassword($"Enter password for user '{user}': ")
            : null;

    private static bool TryCredential(string? user, string? password, string userOption, string passwordOption, out Credential? credential, out string? error)
    {
        credential = null;
        error = null;
        if (user is null)
        {
            if (password is not null)
            {
                error = $"{passwordOption} needs {userOption}";
                return false;
            }

            return true;
        }

        int colon = user.IndexOf(':', StringComparison.Ordinal);
        if (colon == 0 || user.Length == 0)
        {
            error = $"{userOption}: the user name is empty";
            return false;
        }

        if (colon > 0)
        {
            if (password is not null)
            {
                error = $"{userOption} NAME:PASSWORD and {passwordOption} both give a password";
                return false;
            }

            credential = new Credential(user[..colon], user[(colon + 1)..]);
            return true;
        }

        if (password is null)
        {
            error = $"{userOption} {user} needs {passwordOption} (or {userOption} NAME:PASSWORD, or a terminal to be asked)";
            return false;
        }

        credential = new Credential(user, password);
        return true;
    }
}
