using AuthActors.Host.Server;
using AuthActors.Interop.Infrastructure;
using Xunit.Abstractions;

namespace AuthActors.Interop.Resilience;

/// <summary>The embedded Digest server stopped and started again on the same port mid-crawl: its
/// nonces are gone with it and its connections dropped.</summary>
public sealed class EmbeddedServerRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Restart_MidCrawl_EveryRequestSucceedsOrFailsWithReasonAndNoneHangs()
    {
        int port = FreePort.Next();
        DigestServer server = await DigestServer.StartAsync(InteropServers.DigestOptions(port));
        await using var client = InteropClient.Create(new InteropClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        var stopHere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int issued = 0;
        var url = new Uri($"http://127.0.0.1:{port}/");
        try
        {
            Task<LoadResult> crawl = client.RunAsync(2000, 16, i =>
            {
                if (Interlocked.Increment(ref issued) == 300)
                {
                    stopHere.TrySetResult();
                }

                return new Uri(url, $"/crawl/{i}");
            });
            await stopHere.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await server.StopAsync();
            server = await DigestServer.StartAsync(InteropServers.DigestOptions(port));
            LoadResult load = await crawl.WaitAsync(TimeSpan.FromSeconds(120));
            LoadResult afterwards = await client.RunAsync(200, 16, i => new Uri(url, $"/afterwards/{i}"));

            InteropReport.Note(output, $"embedded server stop+start mid-crawl: {load}; afterwards {afterwards}; "
                + $"stale refreshes {client.Runtime.Diagnostics.StaleRefreshes.Total}, mode switches {client.Runtime.Diagnostics.ModeSwitches.Total}, "
                + $"new server: {server.Stats.StaleChallenges} stale, {server.Stats.BadCredentials} refused");
            Assert.Equal(0, load.Unaccounted);
            Assert.All(load.Failures, f => Assert.StartsWith("error: ", f, StringComparison.Ordinal));
            Assert.True(afterwards.Failures.Count == 0, afterwards.ToString());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Restart_RightCredentialsOnAnOldNonce_AreAnsweredStale()
    {
        int port = FreePort.Next();
        DigestServer first = await DigestServer.StartAsync(InteropServers.DigestOptions(port));
        await using var client = InteropClient.Create();
        var url = new Uri($"http://127.0.0.1:{port}/x");
        Assert.Equal("200", await client.GetAsync(url));
        await first.DisposeAsync();
        await using DigestServer second = await DigestServer.StartAsync(InteropServers.DigestOptions(port));

        string outcome = await client.GetAsync(url);

        // RFC 7616 §3.3: the response was right, only the nonce is unknown, so stale=true. Apache
        // answers a forgotten client (opaque) the same way.
        Assert.Equal("200", outcome);
        Assert.Equal(1, second.Stats.StaleChallenges);
        Assert.Equal(0, second.Stats.BadCredentials);
    }
}
