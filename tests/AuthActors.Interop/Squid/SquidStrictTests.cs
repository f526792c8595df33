using System.Net;
using AuthActors.Host.Server;
using AuthActors.Interop.Infrastructure;
using AuthActors.Spaces;
using Xunit.Abstractions;

namespace AuthActors.Interop.Squid;

/// <summary>Squid Digest with nonce_strictness on (nc must grow by exactly one).</summary>
public sealed class SquidStrictTests(SquidStrictFixture fixture, ITestOutputHelper output)
    : SquidProxyTests<SquidStrictFixture>(fixture, output), IClassFixture<SquidStrictFixture>
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
    public async Task NcGap_IsServedButKillsTheNonceForTheNextRequest()
    {
        (SquidServer squid, DigestServer origin) = Fixture.Require();
        var raw = new RawDigestClient(Target(origin, "gap"), InteropUsers.UserName, InteropUsers.Password, squid.ProxyAddress);
        await raw.ChallengeAsync();

        (HttpStatusCode first, _) = await raw.SendAsync(nc: 1);
        (HttpStatusCode gap, _) = await raw.SendAsync(nc: 3);
        (HttpStatusCode next, string? challenge) = await raw.SendAsync(nc: 4);

        // nonce_strictness on: nc must grow by exactly one. The request with the gap (which shared
        // leases make whenever a request is abandoned or overtaken) is served; the nonce is dead after it.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ProxyAuthenticationRequired), (first, gap, next));
        Assert.Contains("stale=true", challenge, StringComparison.OrdinalIgnoreCase);
    }
}
