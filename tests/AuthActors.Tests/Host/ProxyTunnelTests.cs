using System.Net;
using AuthActors.Credentials;
using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary>
/// Through a proxy that wants credentials, an https request tunnels with CONNECT, which only the
/// sockets handler sends: it must hold the proxy credential for every https request, also one an
/// http URL was redirected to (the host used to pick the client once, by the first URL's scheme).
/// </summary>
public sealed class ProxyTunnelTests
{
    [Fact]
    public void AuthenticatingProxy_HttpsRequestsGoToTheHandlerWithTheProxyCredential_HttpToTheOneWithout()
    {
        var settings = new ClientSettings { Proxy = new Uri("http://127.0.0.1:3128"), ProxyUser = new Credential("proxy-user", "proxy-pass") };

        using HttpMessageHandler primary = ClientServices.CreatePrimaryHandler(settings);

        var router = Assert.IsType<ClientServices.SchemeRouter>(primary);
        var https = Assert.IsType<SocketsHttpHandler>(router.Https);
        var http = Assert.IsType<SocketsHttpHandler>(router.Http);
        Assert.Equal("proxy-user", ((WebProxy)https.Proxy!).Credentials!.GetCredential(settings.Proxy, "Basic")!.UserName);
        Assert.Null(((WebProxy)http.Proxy!).Credentials);
        Assert.False(https.AllowAutoRedirect);
        Assert.False(http.AllowAutoRedirect);
    }

    [Fact]
    public void NoProxyCredential_OneSocketsHandler()
    {
        using HttpMessageHandler primary = ClientServices.CreatePrimaryHandler(new ClientSettings { Proxy = new Uri("http://127.0.0.1:3128") });

        Assert.IsType<SocketsHttpHandler>(primary);
    }
}
