using AuthActors.Interop.Infrastructure;
using Xunit.Abstractions;

namespace AuthActors.Interop.Apache;

/// <summary>Apache stopped and started again on the same port while a crawl runs (its own server:
/// the other Apache tests never see the outage).</summary>
public sealed class ApacheRestartTests(ApacheFixture fixture, ITestOutputHelper output) : IClassFixture<ApacheFixture>
{
    [SkippableFact]
    public async Task StopAndStart_MidCrawl_EveryRequestSucceedsOrFailsWithReasonAndNoneHangs()
    {
        ApacheServer server = fixture.Require();
        await using var client = InteropClient.Create(new InteropClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        var stopHere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int issued = 0;

        Task<LoadResult> crawl = client.RunAsync(2000, 16, i =>
        {
            if (Interlocked.Increment(ref issued) == 300)
            {
                stopHere.TrySetResult();
            }

            return server.Url(ApacheFixture.Long, $"?crawl={i}");
        });
        await stopHere.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await server.StopAsync();
        await server.StartAgainAsync();
        LoadResult load = await crawl.WaitAsync(TimeSpan.FromSeconds(120));
        LoadResult afterwards = await client.RunAsync(200, 16, i => server.Url(ApacheFixture.Long, $"?afterwards={i}"));

        InteropReport.Note(output, $"Apache stop+start mid-crawl: {load}; afterwards {afterwards}; stale refreshes {client.Runtime.Diagnostics.StaleRefreshes.Total}");
        Assert.Equal(0, load.Unaccounted);
        Assert.All(load.Failures, f => Assert.StartsWith("error: ", f, StringComparison.Ordinal));
        Assert.True(afterwards.Failures.Count == 0, afterwards.ToString());
    }
}
