using Xunit.Abstractions;

namespace AuthActors.Interop.Squid;

/// <summary>Squid with Basic proxy authentication (basic_ncsa_auth).</summary>
public sealed class SquidBasicTests(SquidBasicFixture fixture, ITestOutputHelper output)
    : SquidProxyTests<SquidBasicFixture>(fixture, output), IClassFixture<SquidBasicFixture>
{
    [SkippableTheory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(128)]
    public Task Crawl_EveryRequestReachesTheOriginOnce(int concurrency) => CrawlAsync(concurrency);
}
