using System.CommandLine;
using System.CommandLine.Parsing;
using AuthActors.Credentials;

namespace AuthActors.Host.Commands;

/// <summary>
/// The credential, proxy and configuration options <c>fetch</c> and <c>crawl</c> share. Values
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
        Configuration.AddTo(command);
    }

    /// <summary>Reads the options; false with a one-line reason when they do not fit together.</summary>
    public bool TryRead(ParseResult result, out ClientSettings settings, out string? error)
    {
        settings = new ClientSettings();
        if (!TryCredential(result.GetValue(User), result.GetValue(Password), "--user", "--password", out Credential? user, out error)
            || !TryCredential(result.GetValue(ProxyUser), result.GetValue(ProxyPassword), "--proxy-user", "--proxy-password", out Credential? proxyUser, out error))
        {
            return false;
        }

        Uri? proxy = result.GetValue(Proxy);
        if (proxyUser is not null && proxy is null)
        {
            error = "--proxy-user needs --proxy";
            return false;
        }

        settings = new ClientSettings
        {
            User = user,
            Netrc = result.GetResult(Netrc) is not null,
            NetrcFile = result.GetValue(Netrc),
            Proxy = proxy,
            ProxyUser = proxyUser,
            Timeout = result.GetValue(Timeout) ?? new ClientSettings().Timeout,
        };
        return true;
    }

    /// <summary>NAME with PASSWORD, or NAME:PASSWORD (as curl's -u; the name has no colon, RFC 7617 §2).</summary>
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
            error = $"{userOption} {user} needs {passwordOption} (or {userOption} NAME:PASSWORD)";
            return false;
        }

        credential = new Credential(user, password);
        return true;
    }
}
