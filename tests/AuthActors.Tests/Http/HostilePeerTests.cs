using System.Collections.Concurrent;
using System.Net;
using AuthActors.Credentials;
using AuthActors.Http;
using AuthActors.Protocol;
using AuthActors.Spaces;
using Microsoft.AspNetCore.Http;

namespace AuthActors.Tests.Http;

/// <summary>
/// Peers that try to get a credential where it should not go: a Digest <c>domain</c> naming
/// another origin, and a downgrade from Digest to Basic (RFC 7616 §3.3, §5.8).
/// </summary>
public sealed class HostilePeerTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task DigestDomain_NamingAnotherOrigin_DoesNotSendTheCredentialThere_UnlessPolicyAllows(bool allow, bool expectSent)
    {
        var seenByB = new ConcurrentQueue<string>();
        await using TestWebServer b = await TestWebServer.StartAsync(context =>
        {
            seenByB.Enqueue(context.Request.Headers.Authorization.ToString());
            return Task.CompletedTask; // 200, never a challenge
        });
        await using TestWebServer a = await TestWebServer.StartAsync(DigestAcceptingAnyAnswer($"/ {b.BaseAddress}"));
        await using var runtime = Runtime(new ChallengePolicy { AllowDomainAcrossOrigins = allow });
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));

        using (HttpResponseMessage ok = await client.GetAsync(new Uri(a.BaseAddress, "/x")))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (HttpResponseMessage other = await client.GetAsync(new Uri(b.BaseAddress, "/y")))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        Assert.Equal(expectSent, seenByB.Any(h => h.StartsWith("Digest ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ProvenDigestOrigin_LaterBasicOnlyChallenge_IsRefusedWithTheReason_UnlessPolicyAllows(bool allow)
    {
        var basicSeen = new ConcurrentQueue<string>();
        RequestDelegate digest = DigestAcceptingAnyAnswer(domain: null);
        await using TestWebServer server = await TestWebServer.StartAsync(async context =>
        {
            if (!context.Request.Path.StartsWithSegments("/basic", StringComparison.Ordinal))
            {
                await digest(context);
                return;
            }

            string authorization = context.Request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
            {
                basicSeen.Enqueue(authorization);
                return;
            }

            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"r\"";
        });
        await using var runtime = Runtime(new ChallengePolicy { AllowDowngrade = allow });
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));

        using (HttpResponseMessage ok = await client.GetAsync(new Uri(server.BaseAddress, "/x")))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using HttpResponseMessage downgraded = await client.GetAsync(new Uri(server.BaseAddress, "/basic/y"));

        if (allow)
        {
            Assert.Equal(HttpStatusCode.OK, downgraded.StatusCode);
            Assert.Single(basicSeen);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Unauthorized, downgraded.StatusCode);
            Assert.Empty(basicSeen);
            Assert.True(downgraded.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason));
            Assert.Contains("refused a downgrade", reason, StringComparison.Ordinal);
            Assert.Contains("allow-downgrade", reason, StringComparison.Ordinal);
            Assert.True(downgraded.RequestMessage.Options.TryGetValue(AuthActorsHandler.FailureKindKey, out AuthFailureKind kind));
            Assert.Equal(AuthFailureKind.DowngradeRefused, kind);
        }
    }

    [Fact]
    public async Task UnprovenOrigin_BasicOnly_IsAnsweredAsBefore()
    {
        await using TestWebServer server = await TestWebServer.StartAsync(context =>
        {
            if (!context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"r\"";
            }

            return Task.CompletedTask;
        });
        await using var runtime = Runtime(ChallengePolicy.Default);
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));

        using HttpResponseMessage ok = await client.GetAsync(new Uri(server.BaseAddress, "/x"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    private static AuthActorsRuntime Runtime(ChallengePolicy policy) =>
        new(new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]), new SpaceSettings { Policy = policy });

    /// <summary>A Digest server that takes any Digest answer (what it checks is not the point here).</summary>
    private static RequestDelegate DigestAcceptingAnyAnswer(string? domain) => context =>
    {
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Digest ", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 401;
            string domainParameter = domain is null ? "" : $", domain=\"{domain}\"";
            context.Response.Headers.WWWAuthenticate = $"Digest realm=\"r\", nonce=\"n0nce\", qop=\"auth\", algorithm=SHA-256{domainParameter}";
        }

        return Task.CompletedTask;
    };
}
