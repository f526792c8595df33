using System.Net;
using AuthActors.Host.Server;
using AuthActors.Interop.Infrastructure;
using AuthActors.Spaces;
using Xunit.Abstractions;

namespace AuthActors.Interop.Squid;

/// <summary>Squid Digest with the default nc check (nc must grow); nonces stale after 20 uses or 2 s.</summary>
public sealed class SquidDigestTests(SquidDigestFixture fixture, ITestOutputHelper output)
    : SquidProxyTests<SquidDigestFixture>(fixture, output), IClassFixture<SquidDigestFixture>
{
    [SkippableFact]
    public Task Crawl_AutoLeasesSequential_EveryRequestReachesTheOriginOnce() => CrawlAsync(1);

    [SkippableTheory]
    [InlineData(16)]
    [InlineData(128)]
    public Task Crawl_ExclusiveLeases_EveryRequestReachesTheOriginOnce(int concurrency) => CrawlAsync(concurrency, LeaseMode.Exclusive);

    [SkippableTheory]
    [InlineData(16)]
    [InlineData(128)]
    public Task Crawl_AutoLeasesConcurrent_EveryRequestReachesTheOriginOnce(int concurrency) => CrawlAsync(concurrency);

    [SkippableFact]
    public async Task NonceMaxCount_SequentialCrawl_NextnonceOnLastUseAvoidsStale()
    {
        (SquidServer squid, DigestServer origin) = Fixture.Require();
        await using var client = CreateClient(squid);

        LoadResult load = await client.RunAsync(100, 1, i => Target(origin, $"next-{i}"));

        // Squid hands out nextnonce in Proxy-Authentication-Info on a nonce's last allowed use
        // (nonce_max_count 20): the space follows it (exclusive mode) and never meets stale=true.
        Assert.True(load.Failures.Count == 0, load.ToString());
        Assert.InRange(client.Wire.NextNonces, 4, 6);
        Assert.Equal(0, client.Wire.StaleChallenges);
        Assert.Equal(1, client.Wire.Count(HttpStatusCode.ProxyAuthenticationRequired));
        Assert.Equal(1, client.Runtime.Diagnostics.ModeSwitches.Total);
    }

    [SkippableFact]
    public async Task LowerNc_IsServedButKillsTheNonceForTheNextRequest()
    {
        (SquidServer squid, DigestServer origin) = Fixture.Require();
        var raw = new RawDigestClient(Target(origin, "order"), InteropUsers.UserName, InteropUsers.Password, squid.ProxyAddress);
        await raw.ChallengeAsync();

        (HttpStatusCode second, _) = await raw.SendAsync(nc: 2);
        (HttpStatusCode first, _) = await raw.SendAsync(nc: 1);
        (HttpStatusCode third, string? challenge) = await raw.SendAsync(nc: 3);

        // check_nonce_count on: Squid serves the request with the lower nc, but marks the nonce
        // invalid; the next request on it, in order or not, gets 407 stale=true.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ProxyAuthenticationRequired), (second, first, third));
        Assert.Contains("stale=true", challenge, StringComparison.OrdinalIgnoreCase);
    }
}
