using System.Net;
using AuthActors.Spaces.Schemes;
using AuthActors.Tests.Http;
using AuthActors.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AuthActors.Tests.Schemes;

/// <summary>Bearer end to end: the handler, the space actors and <see cref="BearerScheme"/> against a
/// real token endpoint and a real Bearer-protected API on 127.0.0.1, time moved by a fake clock.</summary>
public sealed class BearerEndToEndTests
{
    [Fact]
    public async Task ColdBurst_500ConcurrentRequests_OneTokenRequest()
    {
        await using BearerHarness h = await BearerHarness.StartAsync();

        LoadResult result = await h.BurstAsync(500);

        Assert.True(result.Failures.Count == 0, result.ToString());
        Assert.Equal(500, result.Succeeded);
        Assert.Equal(1, h.Servers.TokenRequests);
    }

    [Fact]
    public async Task ExpiredToken_500ConcurrentRequests_OneTokenRequest()
    {
        await using BearerHarness h = await BearerHarness.StartAsync();
        using (HttpResponseMessage warm = await h.GetAsync("/warm"))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        h.Clock.Advance(h.Servers.Lifetime);
        LoadResult result = await h.BurstAsync(500);

        Assert.True(result.Failures.Count == 0, result.ToString());
        Assert.Equal(2, h.Servers.TokenRequests);
        Assert.Equal(0, h.Servers.InvalidTokenAnswers); // the space knew it expired: no request carried it
    }

    [Fact]
    public async Task RefreshAheadOfExpiry_UnderLoad_ZeroFailuresAndNoTokenEverExpires()
    {
        // Tokens live 60 s with a 30 s skew. While 32 requests are in flight the clock moves 5 s every
        // 100 requests (150 s in all): each token must be replaced before it expires, by one request.
        await using BearerHarness h = await BearerHarness.StartAsync();

        LoadResult result = await h.RunLoadAsync(3_000, 32, i =>
        {
            if (i % 100 == 99)
            {
                h.Clock.Advance(TimeSpan.FromSeconds(5));
            }
        });

        Assert.True(result.Failures.Count == 0, result.ToString());
        Assert.Equal(0, h.Servers.IssuedAfterExpiry);
        Assert.Equal(0, h.Servers.InvalidTokenAnswers);
        Assert.InRange(h.Servers.TokenRequests, 5, 7); // one per 30 s of clock, not a stampede
    }

    [Fact]
    public async Task InvalidToken_ForTheCurrentToken_OneRefreshAndOneRetry()
    {
        await using BearerHarness h = await BearerHarness.StartAsync();
        (await h.GetAsync("/warm")).Dispose();
        h.Servers.RevokeAll();
        int apiBefore = h.Servers.ApiRequests;
        long retriesBefore = h.Runtime.Diagnostics.Retries.Total;

        using HttpResponseMessage response = await h.GetAsync("/after-revocation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, h.Servers.TokenRequests);
        Assert.Equal(1, h.Servers.InvalidTokenAnswers);
        Assert.Equal(2, h.Servers.ApiRequests - apiBefore);
        Assert.Equal(1, h.Runtime.Diagnostics.Retries.Total - retriesBefore);
    }

    [Fact]
    public async Task InvalidToken_ManyHoldersOfTheRevokedToken_OneRefresh()
    {
        await using BearerHarness h = await BearerHarness.StartAsync();
        (await h.GetAsync("/warm")).Dispose();
        h.Servers.RevokeAll();

        LoadResult result = await h.BurstAsync(200);

        Assert.True(result.Failures.Count == 0, result.ToString());
        Assert.Equal(2, h.Servers.TokenRequests);
    }

    [Fact]
    public async Task TokenEndpointDownThenUp_FailsClearlyThenRecoversAfterBackoff()
    {
        await using BearerHarness h = await BearerHarness.StartAsync();
        h.Servers.Mode = TokenEndpointMode.Failing;

        using HttpResponseMessage first = await h.GetAsync("/one");
        HttpRequestException second = await Assert.ThrowsAsync<HttpRequestException>(() => h.GetAsync("/two"));
        int requestsWhileDown = h.Servers.TokenRequests;
        h.Servers.Mode = TokenEndpointMode.Ok;
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage third = await h.GetAsync("/three");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Contains("503", BearerHarness.FailureReason(first), StringComparison.Ordinal);
        Assert.Contains("temporarily_unavailable", second.Message, StringComparison.Ordinal);
        Assert.Contains("next token request is allowed in 1 s", second.Message, StringComparison.Ordinal);
        Assert.Equal(1, requestsWhileDown); // the second request waited out the backoff, it did not retry
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(2, h.Servers.TokenRequests);
    }

    [Theory]
    [InlineData(TokenEndpointMode.Garbage, "the body is not JSON (Content-Type text/html)")]
    [InlineData(TokenEndpointMode.Failing, "503 ServiceUnavailable: temporarily_unavailable (maintenance)")]
    public async Task TokenEndpointBroken_WaitingCallersGetItsError(TokenEndpointMode mode, string expected)
    {
        await using BearerHarness h = await BearerHarness.StartAsync();
        h.Servers.Mode = mode;

        LoadResult result = await h.BurstAsync(50);

        Assert.Equal(0, result.Succeeded);
        Assert.All(result.Failures, f => Assert.Contains(expected, f, StringComparison.Ordinal));
        Assert.Equal(1, h.Servers.TokenRequests);
    }

    [Fact]
    public async Task WrongClientSecret_CallerLearnsInvalidClient()
    {
        await using BearerHarness h = await BearerHarness.StartAsync();
        h.Credentials.SetDefault(OAuthTestServers.ClientId, "wrong");

        using HttpResponseMessage response = await h.GetAsync("/x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_client", BearerHarness.FailureReason(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsufficientScope_ReturnedUntouched()
    {
        await using BearerHarness h = await BearerHarness.StartAsync();
        (await h.GetAsync("/warm")).Dispose();
        int apiBefore = h.Servers.ApiRequests;

        using HttpResponseMessage response = await h.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("insufficient_scope", BearerHarness.FailureReason(response), StringComparison.Ordinal);
        Assert.Equal(1, h.Servers.ApiRequests - apiBefore); // not retried
        Assert.Equal(1, h.Servers.TokenRequests); // not refreshed
    }

    [Fact]
    public async Task StaticToken_FromTheChain_IsSentAfterTheFirstChallenge()
    {
        await using BearerHarness h = await BearerHarness.StartAsync(staticToken: "static.Token-1");
        h.Servers.AddToken("static.Token-1");

        using HttpResponseMessage first = await h.GetAsync("/a");
        int apiAfterFirst = h.Servers.ApiRequests;
        using HttpResponseMessage second = await h.GetAsync("/b");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, apiAfterFirst); // discovery, then the retry with the token
        Assert.Equal(3, h.Servers.ApiRequests); // then preemptive
        Assert.Equal(0, h.Servers.TokenRequests);
    }

    [Fact]
    public async Task StaticToken_Refused_ReturnedWithReasonAndNotRetriedAgain()
    {
        await using BearerHarness h = await BearerHarness.StartAsync(staticToken: "unknown-token");

        using HttpResponseMessage first = await h.GetAsync("/a");
        using HttpResponseMessage second = await h.GetAsync("/b");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Contains("refused the static Bearer token", BearerHarness.FailureReason(first), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(1, h.Servers.InvalidTokenAnswers); // the refused token was not sent again
    }

    [Fact]
    public async Task RegisteredThroughDI_CredentialForTheApiOrigin_Works()
    {
        await using OAuthTestServers servers = await OAuthTestServers.StartAsync();
        await using TestHost host = await TestHost.StartAsync(services =>
        {
            services.AddAuthActors(b => b
                .AddScheme(new BearerScheme(new BearerSchemeOptions { TokenEndpoint = servers.TokenEndpoint, Scope = "read", AllowHttp = true }))
                .AddCredential(servers.ApiBase, OAuthTestServers.ClientId, OAuthTestServers.ClientSecret));
            services.AddHttpClient("api").AddAuthActorsHandler(o => o.UseDefaultProxy = false);
        });
        HttpClient client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        using HttpResponseMessage first = await client.GetAsync(servers.Api("/one"));
        using HttpResponseMessage second = await client.GetAsync(servers.Api("/two"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, servers.TokenRequests);
        Assert.Equal("read", servers.LastScope);
        Assert.Equal(3, servers.ApiRequests); // discovery, retry with the token, then preemptive
    }

    [Fact]
    public async Task Secrets_NeverInLogsOrErrors()
    {
        // Every path that logs or fails: first token, a revoked token, refresh ahead, endpoint down, garbage.
        await using BearerHarness h = await BearerHarness.StartAsync();
        var texts = new List<string>();
        (await h.GetAsync("/warm")).Dispose();
        h.Servers.RevokeAll();
        (await h.GetAsync("/revoked")).Dispose();
        h.Clock.Advance(TimeSpan.FromSeconds(45));
        (await h.GetAsync("/ahead")).Dispose();
        h.Servers.Mode = TokenEndpointMode.Failing;
        h.Clock.Advance(TimeSpan.FromSeconds(120));
        texts.Add((await Assert.ThrowsAsync<HttpRequestException>(() => h.GetAsync("/down"))).ToString());
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        h.Servers.Mode = TokenEndpointMode.Garbage;
        texts.Add((await Assert.ThrowsAsync<HttpRequestException>(() => h.GetAsync("/garbage"))).ToString());

        texts.AddRange(h.Logs.Messages);
        Assert.True(h.Servers.TokenRequests >= 4, $"only {h.Servers.TokenRequests} token requests");
        Assert.Contains(texts, m => m.Contains("obtained token", StringComparison.Ordinal));
        Assert.Contains(texts, m => m.Contains("refused token", StringComparison.Ordinal));
        Assert.Contains(texts, m => m.Contains("temporarily_unavailable", StringComparison.Ordinal));
        Assert.Contains(texts, m => m.Contains("not JSON", StringComparison.Ordinal));
        foreach (string token in h.Servers.KnownTokens)
        {
            Assert.DoesNotContain(texts, m => m.Contains(token, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(texts, m => m.Contains(OAuthTestServers.ClientSecret, StringComparison.Ordinal));
    }
}
