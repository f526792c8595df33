using System.Diagnostics;
using System.Net;
using AuthActors.Host.Server;
using AuthActors.Interop.Infrastructure;
using AuthActors.Spaces;
using Xunit.Abstractions;

namespace AuthActors.Interop.Resilience;

/// <summary>
/// A crawl over many distinct origins (host names <c>oN.crawl.invalid</c>), each its own Digest
/// space, with short passivation: live spaces stay bounded and memory is reported. Every host is
/// answered by one embedded DigestServer on 127.0.0.1, reached as an HTTP proxy by the primary
/// handler (so connections are shared, nothing is resolved, and no port or loopback address is
/// needed per origin); it answers as an origin (401, not 407), so AuthActors sees plain origins.
/// </summary>
public sealed class ManyOriginsTests(ITestOutputHelper output)
{
    /// <summary>How many origins (AUTHACTORS_INTEROP_ORIGINS overrides; the 100,000 takes about a minute).</summary>
    private static readonly int s_origins = InteropEnvironment.Scale("AUTHACTORS_INTEROP_ORIGINS", 20_000);

    [Fact]
    public async Task Crawl_ManyDistinctOrigins_SpacesPassivateAndStayBounded()
    {
        await using DigestServer server = await DigestServer.StartAsync(InteropServers.DigestOptions());
        var settings = new SpaceSettings { PassivateAfter = TimeSpan.FromMilliseconds(250) };
        await using var client = InteropClient.Create(new InteropClientOptions
        {
            Settings = settings,
            RequestTimeout = TimeSpan.FromSeconds(30),
            RecordExchanges = false,
            ConfigurePrimary = primary =>
            {
                primary.UseProxy = true;
                primary.Proxy = new WebProxy(server.BaseAddress);
                primary.MaxConnectionsPerServer = 64;
            },
        });
        long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        long peakLive = 0;
        var clock = Stopwatch.StartNew();

        LoadResult load = await client.RunAsync(s_origins, 32, i =>
        {
            long live = client.Runtime.Diagnostics.LiveSpaces;
            long seen;
            while (live > (seen = Interlocked.Read(ref peakLive)) && Interlocked.CompareExchange(ref peakLive, live, seen) != seen)
            {
                // another request raised the peak meanwhile; compare again
            }

            return new Uri($"http://o{i}.crawl.invalid/page");
        });
        TimeSpan elapsed = clock.Elapsed;
        long liveAfter = client.Runtime.Diagnostics.LiveSpaces;
        long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        int serverNonces = (int)server.Stats.NoncesIssued;

        InteropReport.Note(output, $"many origins: {s_origins} origins in {elapsed.TotalSeconds:F1} s ({s_origins / elapsed.TotalSeconds:F0}/s), "
            + $"{client.Wire.Answered} exchanges, peak live spaces {peakLive}, live at the end {liveAfter}, passivations {client.Runtime.Diagnostics.Passivations.Total}, "
            + $"managed heap {memoryBefore / 1024 / 1024} MB before, {memoryAfter / 1024 / 1024} MB after (the in-process server's {serverNonces} nonces included)");
        Assert.True(load.Failures.Count == 0, load.ToString());
        Assert.Equal(2 * s_origins, client.Wire.Answered); // one challenge and one answer per origin
        // Passivation keeps up: never more than a fraction of the origins alive at once.
        Assert.InRange(peakLive, 1, s_origins / 4);
        Assert.True(client.Runtime.Diagnostics.Passivations.Total >= s_origins / 2, $"only {client.Runtime.Diagnostics.Passivations.Total} passivations");
        // What stays behind (the server's nonces included) is well under a kilobyte per origin.
        Assert.InRange(memoryAfter - memoryBefore, long.MinValue, (32L * 1024 * 1024) + (1024L * s_origins));
    }
}
