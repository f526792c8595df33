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
    /// <summary>The client for everything.</summary>
    public const string ClientName = "authactors";

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
                    () => new HttpMessageInvoker(new WireHandler(verbose) { InnerHandler = CreateSocketsHandler(settings, proxyCredentials: true) }, disposeHandler: true))));
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

        AddClient(services, ClientName, settings, verbose);
    }

    // reference.conf's credentials.sources: a configuration that did not choose its own sources.
    private static readonly string[] s_referenceSources = ["memory", "url-userinfo", "configuration", "environment", "netrc"];


    /// <summary>scheme://host:port/ of a URL, without user-info or path.</summary>
    public static Uri OriginOf(Uri url) => new UriBuilder(url.Scheme, url.Host, url.Port).Uri;

    private static void AddClient(IServiceCollection services, string name, ClientSettings settings, TextWriter? verbose)
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
            .ConfigurePrimaryHttpMessageHandler(() => new WireHandler(verbose) { InnerHandler = CreatePrimaryHandler(settings) });
    }

    /// <summary>
    /// The handler that talks to the network: no redirects (AuthActors follows them), --proxy if
    /// given. Through a proxy that wants credentials, https goes by CONNECT, which only the
    /// sockets handler sends, so https requests go to one that holds the proxy credential, and
    /// http requests (whose Proxy-Authorization AuthActors writes) to one without: by scheme, per
    /// request, so an http URL redirected to https tunnels with the credential too.
    /// </summary>
    internal static HttpMessageHandler CreatePrimaryHandler(ClientSettings settings) =>
        settings.Proxy is not null && settings.ProxyUser is not null
            ? new SchemeRouter(CreateSocketsHandler(settings, proxyCredentials: false), CreateSocketsHandler(settings, proxyCredentials: true))
            : CreateSocketsHandler(settings, proxyCredentials: false);

    private static SocketsHttpHandler CreateSocketsHandler(ClientSettings settings, bool proxyCredentials)
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

    /// <summary>Sends http requests to one handler and https requests to another.</summary>
    internal sealed class SchemeRouter(HttpMessageHandler http, HttpMessageHandler https) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _http = new(http);
        private readonly HttpMessageInvoker _https = new(https);

        public HttpMessageHandler Http => http;

        public HttpMessageHandler Https => https;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            (request.RequestUri?.Scheme == Uri.UriSchemeHttps ? _https : _http).SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _http.Dispose();
                _https.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
