using System.Net;
using AuthActors.Credentials;
using AuthActors.Http;
using AuthActors.Spaces;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AuthActors.Tests.Http;

/// <summary>A proxy and the origin behind it both authenticate: each hop gets its own retry, so a
/// cold request answers the proxy's 407 and then the origin's 401.</summary>
public sealed class ProxyAndOriginTests
{
    [Fact]
    public async Task Cold_ProxyThenOriginChallenge_BothAnswered()
    {
        int wire = 0;
        await using TestWebServer proxyAndOrigin = await TestWebServer.StartAsync(context =>
        {
            Interlocked.Increment(ref wire);
            string target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            if (!target.StartsWith("http://", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 400;
            }
            else if (!context.Request.Headers["Proxy-Authorization"].ToString().StartsWith("Basic ", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 407;
                context.Response.Headers.ProxyAuthenticate = "Basic realm=\"proxy\"";
            }
            else if (!context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"origin\"";
            }

            return Task.CompletedTask;
        });
        var proxy = new WebProxy(proxyAndOrigin.BaseAddress);
        await using var runtime = new AuthActorsRuntime(new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]));
        using var client = new HttpClient(AuthHarness.CreateHandler(
            runtime,
            new AuthActorsHandlerOptions { Proxy = proxy, UseDefaultProxy = false },
            new SocketsHttpHandler { Proxy = proxy, UseProxy = true, AllowAutoRedirect = false }));

        using HttpResponseMessage response = await client.GetAsync(new Uri("http://origin.test/page"));

        response.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {reason}");
        Assert.Equal(3, wire); // 407, 401, 200
    }
}
