using System.Collections.Concurrent;
using System.Net;
using AuthActors.Credentials;
using AuthActors.Host.Server;
using AuthActors.Http;
using AuthActors.Spaces;
using Microsoft.AspNetCore.Http;

namespace AuthActors.Tests.Http;

/// <summary>Credentials for one origin never reach another (DESIGN.md security rules).</summary>
public sealed class RedirectTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CrossOriginRedirect_OtherOriginNeverSeesTheCredential(bool followInHandler)
    {
        await using DigestServer origin = await DigestServer.StartAsync(new DigestServerOptions());
        var seenByOther = new ConcurrentQueue<string?>();
        await using TestWebServer other = await TestWebServer.StartAsync(ctx =>
        {
            seenByOther.Enqueue(ctx.Request.Headers.Authorization.ToString());
            ctx.Response.StatusCode = 200;
            return Task.CompletedTask;
        });
        await using TestWebServer redirector = await TestWebServer.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = 302;
            ctx.Response.Headers.Location = new Uri(other.BaseAddress, "/landing").ToString();
            return Task.CompletedTask;
        });
        await using var runtime = new AuthActorsRuntime(new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]));
        var handler = new AuthActorsHandler(runtime, new AuthActorsHandlerOptions { FollowRedirects = followInHandler, UseDefaultProxy = false })
        {
            InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = !followInHandler, UseProxy = false },
        };
        using var client = new HttpClient(handler);

        // Authenticate to the origin first so its space holds a live credential.
        using (HttpResponseMessage ok = await client.GetAsync(new Uri(origin.BaseAddress, "/x")))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // A request carrying a hand-made Authorization, redirected to another origin.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(redirector.BaseAddress, "/go"));
        request.Headers.TryAddWithoutValidation("Authorization", "Basic c2VjcmV0OnNlY3JldA==");
        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(seenByOther);
        Assert.True(string.IsNullOrEmpty(seenByOther.Single()), $"leaked: {seenByOther.Single()}");
    }

    [Fact]
    public async Task RedirectToAnotherProtectedOrigin_AuthenticatesThereWithItsOwnCredential()
    {
        await using DigestServer target = await DigestServer.StartAsync(new DigestServerOptions { Users = new Dictionary<string, string> { ["bob"] = "bobs-secret" } });
        await using TestWebServer redirector = await TestWebServer.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = 307;
            ctx.Response.Headers.Location = new Uri(target.BaseAddress, "/landing").ToString();
            return Task.CompletedTask;
        });
        var memory = new InMemoryCredentialSource()
            .Add(redirector.BaseAddress, "alice", "alices-secret")
            .Add(target.BaseAddress, "bob", "bobs-secret");
        await using var runtime = new AuthActorsRuntime(new CredentialChain([memory]));
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));

        using HttpResponseMessage response = await client.GetAsync(new Uri(redirector.BaseAddress, "/go"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, target.Stats.Succeeded);
    }

    [Fact]
    public async Task SharedHandler_TwoOrigins_EachGetsOnlyItsOwnCredential()
    {
        await using DigestServer a = await DigestServer.StartAsync(new DigestServerOptions { Users = new Dictionary<string, string> { ["alice"] = "alices-secret" } });
        await using DigestServer b = await DigestServer.StartAsync(new DigestServerOptions { Users = new Dictionary<string, string> { ["bob"] = "bobs-secret" } });
        var memory = new InMemoryCredentialSource().Add(a.BaseAddress, "alice", "alices-secret").Add(b.BaseAddress, "bob", "bobs-secret");
        await using var runtime = new AuthActorsRuntime(new CredentialChain([memory]));
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));

        await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            using HttpResponseMessage r = await client.GetAsync(new Uri(i % 2 == 0 ? a.BaseAddress : b.BaseAddress, $"/x/{i}"), ct);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        });

        Assert.Equal(0, a.Stats.BadCredentials);
        Assert.Equal(0, b.Stats.BadCredentials);
        Assert.Equal((1, 1), (a.Stats.Challenges, b.Stats.Challenges));
    }

    [Fact]
    public async Task ProxyCredentialsAdapter_ForConnect_ComesFromTheChain()
    {
        var proxy = new Uri("http://proxy.invalid:3128/");
        var chain = new CredentialChain([new InMemoryCredentialSource().Add(proxy, "proxy-user", "proxy-secret")]);

        var credentials = await AuthActorsProxyCredentials.ResolveAsync(chain, proxy);

        NetworkCredential? credential = credentials?.GetCredential(proxy, "Digest");
        Assert.Equal("proxy-user", credential?.UserName);
        Assert.Equal("proxy-secret", credential?.Password);
    }
}
