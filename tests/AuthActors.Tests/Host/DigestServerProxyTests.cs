using System.Net;
using AuthActors.Host.Server;
using AuthActors.Protocol;

namespace AuthActors.Tests.Host;

/// <summary>Proxy mode: absolute-form requests through the server as an HTTP proxy get 407 and Proxy-Authenticate.</summary>
public sealed class DigestServerProxyTests
{
    // Never resolved: the client only ever connects to the proxy on 127.0.0.1.
    private const string Target = "http://origin.test/page?id=7";

    [Fact]
    public async Task ProxyRequest_WithoutCredentials_Returns407WithProxyAuthenticate()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Proxy = true });
        using var client = new DigestTestClient(server, new WebProxy(server.BaseAddress));

        using HttpResponseMessage response = await client.GetAsync(Target);

        Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, response.StatusCode);
        Assert.False(response.Headers.Contains("WWW-Authenticate"));
        DigestChallenge challenge = Assert.Single(DigestTestClient.Challenges(response, proxy: true));
        Assert.Equal("proxy@authactors", challenge.Realm);
    }

    [Theory]
    [InlineData(Target)]
    [InlineData("/page?id=7")]
    public async Task ProxyRequest_RightProxyAuthorization_Returns200(string digestUri)
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Proxy = true, SendNextNonce = true });
        using var client = new DigestTestClient(server, new WebProxy(server.BaseAddress));
        DigestChallenge challenge = await client.GetChallengeAsync(Target, proxy: true);

        string authorization = DigestTestClient.Authorization(challenge, "GET", digestUri);
        using HttpResponseMessage response = await client.SendAsync(HttpMethod.Get, Target, authorization, proxy: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Proxy-Authentication-Info"));
        Assert.Equal(1, server.Stats.Succeeded);
    }

    [Fact]
    public async Task ProxyRequest_CredentialsInAuthorizationInsteadOfProxyAuthorization_Returns407()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Proxy = true });
        using var client = new DigestTestClient(server, new WebProxy(server.BaseAddress));
        DigestChallenge challenge = await client.GetChallengeAsync(Target, proxy: true);

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target));

        Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, response.StatusCode);
    }

    [Fact]
    public async Task ProxyModeOff_AbsoluteFormRequest_IsServedAsOrigin()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Proxy = false });
        using var client = new DigestTestClient(server, new WebProxy(server.BaseAddress));

        using HttpResponseMessage response = await client.GetAsync(Target);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("authactors", DigestTestClient.Challenges(response)[0].Realm);
    }

    [Fact]
    public async Task ProxyRequest_BasicPath_Returns407BasicThen200WithProxyAuthorization()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Proxy = true });
        using var client = new DigestTestClient(server, new WebProxy(server.BaseAddress));

        using HttpResponseMessage challenged = await client.GetAsync("http://origin.test/basic/x");
        using HttpResponseMessage accepted = await client.SendAsync(
            HttpMethod.Get, "http://origin.test/basic/x", BasicAuthentication.CreateHeaderValue("user", "passwd", utf8: true), proxy: true);

        Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, challenged.StatusCode);
        Assert.StartsWith("Basic ", Assert.Single(challenged.Headers.GetValues("Proxy-Authenticate")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
