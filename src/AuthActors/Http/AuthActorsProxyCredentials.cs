using System.Net;
using AuthActors.Credentials;

namespace AuthActors.Http;

/// <summary>
/// For https:// through a proxy: the proxy sees only CONNECT, which the primary handler sends, so
/// AuthActorsHandler cannot add Proxy-Authorization to it. Give the primary handler the proxy's
/// credential from the chain instead:
/// <code>
/// var credentials = await AuthActorsProxyCredentials.ResolveAsync(chain, proxyUri);
/// new SocketsHttpHandler { Proxy = new WebProxy(proxyUri) { Credentials = credentials } };
/// </code>
/// .NET then answers the proxy's 407 once per tunnelled connection (not per request).
/// </summary>
public static class AuthActorsProxyCredentials
{
    /// <summary>Asks the chain for the proxy's credential; null when none answers or one denies.</summary>
    public static async Task<ICredentials?> ResolveAsync(CredentialChain chain, Uri proxy, string? realm = null, string scheme = "Digest", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(proxy);
        var origin = new UriBuilder(proxy.Scheme, proxy.Host, proxy.Port).Uri;
        CredentialResolution resolution = await chain
            .ResolveAsync(new CredentialRequest(origin, realm, scheme, IsProxy: true), cancellationToken)
            .ConfigureAwait(false);
        return resolution.Credential is { } c ? new NetworkCredential(c.UserName, c.Password) : null;
    }
}
