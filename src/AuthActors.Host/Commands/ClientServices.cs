using System.Net;
using AuthActors.Spaces.Schemes;
using Microsoft.Extensions.DependencyInjection;

namespace AuthActors.Host.Commands;

/// <summary>
/// Composes the fetch and crawl client on the generic host: <c>AddAuthActors</c> with the
/// command's credentials, and named HttpClients whose pipeline is AuthActorsHandler, then
/// <see cref="WireHandler"/>, then SocketsHttpHandler (redirects off: AuthActors follows them).
/// </summary>
internal static class ClientServices
{
    /// <summary>The client for everything, except https through an authenticating proxy.</summary>
    public const string ClientName = "authactors";

    /// <summary>
    /// https through a proxy that wants credentials: the proxy sees only CONNECT, which the primary
    /// handler sends, so the proxy credential is given to it (see AuthActorsProxyCredentials).
    /// </summary>
    public const string TunnelClientName = "authactors-tunnel";

    /// <summary>
    /// Registers AuthActors and the clients. <paramref name="origins"/> get the --user credential,
    /// and the Bearer credential (for the Bearer scheme only, see <see cref="BearerCredentialSource"/>).
    /// </summary>
    public static void Add(IServiceCollection services, ClientSettings settings, IEnumerable<Uri> origins, TextWriter? verbose)
    {
        services.AddAuthActors(builder =>
        {
            if (settings.Bearer is { } bearer)
            {
                // Token requests go through the same proxy and, with --verbose, show on stderr like
                // every other request (the client's Basic credentials masked; bodies never shown).
                builder.AddCredentialSource(new BearerCredentialSource(origins.Select(OriginOf), bearer.Credential));
                builder.AddScheme(new BearerScheme(bearer.ToSchemeOptions(
                    () => new HttpMessageInvoker(new WireHandler(verbose) { InnerHandler = CreatePrimaryHandler(settings, proxyCredentials: true) }, disposeHandler: true))));
            }

            if (settings.User is { } user)
            {
                foreach (Uri origin in origins.Select(OriginOf).Distinct())
                {
                    builder.AddCredential(origin, user.UserName, user.Password);
                }
            }

            if (settings.Proxy is { } proxyUri && settings.ProxyUser is { } proxyUser)
            {
                builder.AddCredential(OriginOf(proxyUri), proxyUser.UserName, proxyUser.Password);
            }

            if (!settings.Netrc)
            {
                // As curl: the CLI reads a netrc file only when asked (--netrc), or when the
                // user's configuration names a netrc file or lists the sources itself.
                builder.Configure(options =>
                {
                    if (options.Credentials.NetrcFile is null && options.Credentials.Sources.SequenceEqual(s_referenceSources, StringComparer.OrdinalIgnoreCase))
                    {
                        options.Credentials.Sources = [.. options.Credentials.Sources.Where(s => !s.Equals("netrc", StringComparison.OrdinalIgnoreCase))];
                    }
                });
            }
            else
            {
                builder.Configure(options =>
                {
                    if (!options.Credentials.Sources.Contains("netrc", StringComparer.OrdinalIgnoreCase))
                    {
                        options.Credentials.Sources = [.. options.Credentials.Sources, "netrc"];
                    }

                    if (settings.NetrcFile is { } file)
                    {
                        options.Credentials.NetrcFile = Path.GetFullPath(file);
                    }
                });
            }
        });

        AddClient(services, ClientName, settings, verbose, tunnelCredentials: false);
        AddClient(services, TunnelClientName, settings, verbose, tunnelCredentials: true);
    }

    // reference.conf's credentials.sources: a configuration that did not choose its own sources.
    private static readonly string[] s_referenceSources = ["memory", "url-userinfo", "configuration", "environment", "netrc"];

    /// <summary>Which client sends to <paramref name="url"/>.</summary>
    public static string ClientFor(ClientSettings settings, Uri url) =>
        settings.Proxy is not null && settings.ProxyUser is not null && url.Scheme == Uri.UriSchemeHttps ? TunnelClientName : ClientName;

    /// <summary>scheme://host:port/ of a URL, without user-info or path.</summary>
    public static Uri OriginOf(Uri url) => new UriBuilder(url.Scheme, url.Host, url.Port).Uri;

    private static void AddClient(IServiceCollection services, string name, ClientSettings settings, TextWriter? verbose, bool tunnelCredentials)
    {
        services.AddHttpClient(name)
            .ConfigureHttpClient(client => client.Timeout = settings.Timeout)
            .AddAuthActorsHandler(options =>
            {
                if (settings.Proxy is { } proxy)
                {
                    options.Proxy = new WebProxy(proxy);
                    options.UseDefaultProxy = false;
                }
            })
            // The wire handler wraps the primary one: it sees every request as sent, with the
            // header AuthActors (always innermost among the delegating handlers) put on it.
            .ConfigurePrimaryHttpMessageHandler(() => new WireHandler(verbose) { InnerHandler = CreatePrimaryHandler(settings, tunnelCredentials) });
    }

    /// <summary>The handler that talks to the network: no redirects (AuthActors follows them), --proxy if given, and with <paramref name="proxyCredentials"/> the proxy credential for SocketsHttpHandler to answer the proxy itself.</summary>
    private static SocketsHttpHandler CreatePrimaryHandler(ClientSettings settings, bool proxyCredentials)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        if (settings.Proxy is { } proxy)
        {
            var webProxy = new WebProxy(proxy);
            if (proxyCredentials && settings.ProxyUser is { } proxyUser)
            {
                webProxy.Credentials = new NetworkCredential(proxyUser.UserName, proxyUser.Password);
            }

            handler.Proxy = webProxy;
            handler.UseProxy = true;
        }

        return handler;
    }
}
