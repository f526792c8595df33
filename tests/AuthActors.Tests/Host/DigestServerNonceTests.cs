using System.Net;
using AuthActors.Host.Server;
using AuthActors.Protocol;

namespace AuthActors.Tests.Host;

/// <summary>Nonce lifetime, stale, nc replay and ordering, one-time nonces.</summary>
public sealed class DigestServerNonceTests
{
    private const string Target = "/resource";

    [Fact]
    public async Task ReplayedNonceAndNc_Returns401WithoutStaleAndCountsReplay()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { NcCheck = NcCheck.Replay });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        string authorization = DigestTestClient.Authorization(challenge, "GET", Target, nc: 1);
        using HttpResponseMessage first = await client.GetAsync(Target, authorization);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using HttpResponseMessage replay = await client.GetAsync(Target, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.False(DigestTestClient.Challenges(replay)[0].Stale);
        Assert.Equal(1, server.Stats.NcReplays);
        Assert.Equal(0, server.Stats.BadCredentials);
    }

    [Fact]
    public async Task NcCheckNone_ReplayedNonceAndNc_Returns200()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { NcCheck = NcCheck.None });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        string authorization = DigestTestClient.Authorization(challenge, "GET", Target, nc: 1);
        using HttpResponseMessage first = await client.GetAsync(Target, authorization);

        using HttpResponseMessage again = await client.GetAsync(Target, authorization);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, server.Stats.NcReplays);
    }

    [Fact]
    public async Task ReplayMode_NcOutOfOrder_IsAccepted()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { NcCheck = NcCheck.Replay });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        using HttpResponseMessage second = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 2));

        using HttpResponseMessage first = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 1));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task IncreasingMode_NcBelowHighest_Returns401AndCountsOutOfOrder()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { NcCheck = NcCheck.Increasing });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        using HttpResponseMessage second = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 2));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using HttpResponseMessage first = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 1));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.False(DigestTestClient.Challenges(first)[0].Stale);
        Assert.Equal(1, server.Stats.NcOutOfOrder);
        Assert.Equal(0, server.Stats.NcReplays);
    }

    [Fact]
    public async Task ExpiredNonce_RightResponse_Returns401StaleTrue()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        server.ExpireAllNonces();

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        DigestChallenge fresh = DigestTestClient.Challenges(response)[0];
        Assert.True(fresh.Stale);
        Assert.NotEqual(challenge.Nonce, fresh.Nonce);
        Assert.Equal(1, server.Stats.StaleChallenges);
    }

    [Fact]
    public async Task ExpiredNonce_FreshNonceFromStaleChallenge_Returns200()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        server.ExpireAllNonces();
        using HttpResponseMessage stale = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target));
        DigestChallenge fresh = DigestTestClient.Challenges(stale)[0];

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(fresh, "GET", Target));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ExpiredNonce_ConcurrentStaleCallers_ShareOneFreshNonce()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        server.ExpireAllNonces();

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(nc =>
            client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: (uint)nc))));

        string[] nonces = [.. responses.Select(r => DigestTestClient.Challenges(r)[0].Nonce).Distinct()];
        Assert.Single(nonces);
        foreach (HttpResponseMessage response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ExpiredNonce_WrongPassword_Returns401WithoutStale()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        server.ExpireAllNonces();

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, password: "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(DigestTestClient.Challenges(response)[0].Stale);
        Assert.Equal(0, server.Stats.StaleChallenges);
    }

    [Fact]
    public async Task NonceLifetime_PassedOnTheServersClock_Returns401StaleTrue()
    {
        var time = new ManualTimeProvider();
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { NonceLifetime = TimeSpan.FromSeconds(30), TimeProvider = time });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        using HttpResponseMessage young = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 1));
        Assert.Equal(HttpStatusCode.OK, young.StatusCode);
        time.Advance(TimeSpan.FromSeconds(31));

        using HttpResponseMessage old = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 2));

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.True(DigestTestClient.Challenges(old)[0].Stale);
    }

    [Fact]
    public async Task UnknownNonce_RightResponse_Returns401StaleTrue()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);

        string authorization = DigestTestClient.Authorization(challenge, "GET", Target, nonce: "00000000000000000000000000000000");
        using HttpResponseMessage response = await client.GetAsync(Target, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(DigestTestClient.Challenges(response)[0].Stale);
    }

    [Fact]
    public async Task OneTimeNonces_SuccessCarriesNextNonceAndReuseIsStale()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { OneTimeNonces = true });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        using HttpResponseMessage first = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 1));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(AuthenticationInfo.TryParse(Assert.Single(first.Headers.GetValues("Authentication-Info")), out AuthenticationInfo? info, out _));
        Assert.NotNull(info.NextNonce);
        Assert.NotEqual(challenge.Nonce, info.NextNonce);

        using HttpResponseMessage reused = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 2));

        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.True(DigestTestClient.Challenges(reused)[0].Stale);
    }

    [Fact]
    public async Task OneTimeNonces_NextNonce_Returns200()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { OneTimeNonces = true });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        using HttpResponseMessage first = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 1));
        Assert.True(AuthenticationInfo.TryParse(Assert.Single(first.Headers.GetValues("Authentication-Info")), out AuthenticationInfo? info, out _));

        using HttpResponseMessage second = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 1, nonce: info.NextNonce));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task NextNonce_PastHalfLife_HandsOutOneSuccessor()
    {
        var time = new ManualTimeProvider();
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { SendNextNonce = true, NonceLifetime = TimeSpan.FromMinutes(1), TimeProvider = time });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        time.Advance(TimeSpan.FromSeconds(40));

        using HttpResponseMessage a = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 1));
        using HttpResponseMessage b = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: 2));

        Assert.True(AuthenticationInfo.TryParse(Assert.Single(a.Headers.GetValues("Authentication-Info")), out AuthenticationInfo? infoA, out _));
        Assert.True(AuthenticationInfo.TryParse(Assert.Single(b.Headers.GetValues("Authentication-Info")), out AuthenticationInfo? infoB, out _));
        Assert.NotEqual(challenge.Nonce, infoA.NextNonce);
        Assert.Equal(infoA.NextNonce, infoB.NextNonce);
    }

    [Fact]
    public async Task SweepTimer_AfterLifetimeAndGrace_ForgetsOldNonceKeepsYoungOne()
    {
        var time = new ManualTimeProvider();
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { NonceLifetime = TimeSpan.FromSeconds(10), TimeProvider = time });
        using var client = new DigestTestClient(server);
        TimeSpan keep = TimeSpan.FromSeconds(10) + NonceStore.Grace;
        await client.GetChallengeAsync(Target);
        time.Advance(keep / 2);
        await client.GetChallengeAsync(Target);
        Assert.Equal(2, server.RememberedNonces);

        time.Advance(keep / 2);

        Assert.Equal(1, server.RememberedNonces);
    }

    [Fact]
    public async Task NonceCap_Exceeded_ForgetsOlderHalfAndAnswersItsHoldersStale()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { MaxNonces = 10 });
        using var client = new DigestTestClient(server);
        DigestChallenge oldest = await client.GetChallengeAsync(Target);
        for (int i = 0; i < 10; i++)
        {
            await client.GetChallengeAsync(Target);
        }

        Assert.InRange(server.RememberedNonces, 1, 10);
        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(oldest, "GET", Target));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(DigestTestClient.Challenges(response)[0].Stale);
    }
}
