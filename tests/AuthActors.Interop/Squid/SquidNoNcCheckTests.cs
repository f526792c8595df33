using AuthActors.Spaces;
using Xunit.Abstractions;

namespace AuthActors.Interop.Squid;

/// <summary>Squid Digest with check_nonce_count off: only the use count and age of a nonce matter.</summary>
public sealed class SquidNoNcCheckTests(SquidNoNcCheckFixture fixture, ITestOutputHelper output)
    : SquidProxyTests<SquidNoNcCheckFixture>(fixture, output), IClassFixture<SquidNoNcCheckFixture>
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
}
