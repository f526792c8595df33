using System.Collections.Concurrent;
using System.Net;
using AuthActors.Host.Server;
using AuthActors.Http;
using AuthActors.Tests.Support;

namespace AuthActors.Tests.Cluster;

/// <summary>
/// Three processes' worth of AuthActors (three hosts, three ActorSystems on 127.0.0.1) against a
/// server that hands every client the same nonce and refuses a reused nc: alone, the nodes
/// collide; as a fleet, each nc is sent once.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class FleetTests
{
    private const int PerNode = 300;

    [Fact]
    public async Task WithoutCluster_ThreeNodesOnASharedNonce_ReuseEachOthersNc()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { SharedNonce = TimeSpan.FromMinutes(1), NcCheck = NcCheck.Replay });
        await using FleetHost a = await FleetHost.StartAsync(server, cluster: false);
        await using FleetHost b = await FleetHost.StartAsync(server, cluster: false);
        await using FleetHost c = await FleetHost.StartAsync(server, cluster: false);

        (int ok, IReadOnlyCollection<string> failures) = await LoadAsync(server, a, b, c);

        Assert.Equal(3 * PerNode, ok + failures.Count);
        Assert.True(server.Stats.NcReplays > 0, "three nodes counting nc alone on one nonce should collide");
    }

    [Fact]
    public async Task ClusterMode_ThreeNodesOnASharedNonce_NoNcSentTwice_NoFailure()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { SharedNonce = TimeSpan.FromMinutes(1), NcCheck = NcCheck.Replay });
        await using FleetHost a = await FleetHost.StartAsync(server);
        await using FleetHost b = await FleetHost.StartAsync(server);
        await using FleetHost c = await FleetHost.StartAsync(server);
        await a.JoinAsync(a);
        await b.JoinAsync(a);
        await c.JoinAsync(a);

        (int ok, IReadOnlyCollection<string> failures) = await LoadAsync(server, a, b, c);

        Assert.Empty(failures);
        Assert.Equal(3 * PerNode, ok);
        Assert.Equal(0, server.Stats.NcReplays);
        Assert.All(new[] { a, b, c }, node => Assert.True(node.Runtime.Diagnostics.NcBlocksGranted.Total > 0));
        Assert.Equal(1, server.Stats.Challenges); // one 401 for the space, for the whole fleet
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 1)]
    public async Task ClusterMode_Bearer_TokenRequestsForTheFleet(bool shareTokens, int tokenRequests)
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { TokenLifetime = TimeSpan.FromMinutes(5) });
        string share = $"authactors.cluster.share-bearer-tokens = {(shareTokens ? "on" : "off")}";
        await using FleetHost a = await FleetHost.StartAsync(server, extraHocon: share, bearer: true);
        await using FleetHost b = await FleetHost.StartAsync(server, extraHocon: share, bearer: true);
        await using FleetHost c = await FleetHost.StartAsync(server, extraHocon: share, bearer: true);
        await a.JoinAsync(a);
        await b.JoinAsync(a);
        await c.JoinAsync(a);

        (int ok, IReadOnlyCollection<string> failures) = await LoadAsync(server, PerNode, null, "/bearer/item/", a, b, c);

        Assert.Empty(failures);
        Assert.Equal(3 * PerNode, ok);
        Assert.Equal(tokenRequests, server.Stats.TokenRequests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ClusterMode_OwnerNodeGoesMidLoad_SurvivorsSucceed_NoNcReused(bool killed)
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { SharedNonce = TimeSpan.FromMinutes(1), NcCheck = NcCheck.Replay });
        // A killed node does not leave: its system stops without CoordinatedShutdown, and the
        // others' split-brain resolver downs it once it has been unreachable for stable-after.
        string stop = killed ? "akka.coordinated-shutdown.run-by-actor-system-terminate = off" : "";
        FleetHost[] nodes = [
            await FleetHost.StartAsync(server, blockSize: 16, extraHocon: stop),
            await FleetHost.StartAsync(server, blockSize: 16, extraHocon: stop),
            await FleetHost.StartAsync(server, blockSize: 16, extraHocon: stop)];
        try
        {
            foreach (FleetHost node in nodes)
            {
                await node.JoinAsync(nodes[0]);
            }

            using (HttpResponseMessage first = await nodes[0].Client.GetAsync(new Uri(server.BaseAddress, "/first")))
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode); // the space's owner starts somewhere
            }

            FleetHost? owner = null;
            foreach (FleetHost node in nodes)
            {
                owner = await node.EntitiesHeldAsync() == 1 ? node : owner;
            }

            Assert.NotNull(owner);
            FleetHost[] survivors = [.. nodes.Where(n => n != owner)];
            var midway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<(int Ok, IReadOnlyCollection<string> Failures)> load = LoadAsync(server, PerNode, midway, survivors);
            await midway.Task.WaitAsync(TestTimeouts.Default * 5);
            if (killed)
            {
                await owner.System.Terminate();
            }
            else
            {
                await owner.Cluster.LeaveAsync().WaitAsync(TestTimeouts.Default * 5);
            }

            (int ok, IReadOnlyCollection<string> failures) = await load.WaitAsync(TestTimeouts.Default * 20);
            // Once the owner is gone for sure, the space's new owner carries on where it stopped.
            (int okAfter, IReadOnlyCollection<string> failuresAfter) = await LoadAsync(server, PerNode, null, survivors).WaitAsync(TestTimeouts.Default * 20);

            Assert.Empty(failures.Concat(failuresAfter));
            Assert.Equal(4 * PerNode, ok + okAfter);
            Assert.Equal(0, server.Stats.NcReplays);
            // The owner moved to a survivor. (Sharding's view of who holds it is eventually
            // consistent while a shard moves, so this says "held", not "held exactly once".)
            Assert.True(await survivors[0].EntitiesHeldAsync() + await survivors[1].EntitiesHeldAsync() >= 1);
        }
        finally
        {
            foreach (FleetHost node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static Task<(int Ok, IReadOnlyCollection<string> Failures)> LoadAsync(DigestServer server, params FleetHost[] nodes) =>
        LoadAsync(server, PerNode, null, "/item/", nodes);

    private static Task<(int Ok, IReadOnlyCollection<string> Failures)> LoadAsync(DigestServer server, int perNode, TaskCompletionSource? midway, params FleetHost[] nodes) =>
        LoadAsync(server, perNode, midway, "/item/", nodes);

    /// <summary>Every node sends <paramref name="perNode"/> requests, 8 at a time, all nodes at once;
    /// <paramref name="midway"/> is set when a quarter of them have been sent.</summary>
    private static async Task<(int Ok, IReadOnlyCollection<string> Failures)> LoadAsync(DigestServer server, int perNode, TaskCompletionSource? midway, string path, params FleetHost[] nodes)
    {
        int ok = 0;
        int sent = 0;
        var failures = new ConcurrentBag<string>();
        await Task.WhenAll(nodes.Select(node => Parallel.ForEachAsync(
            Enumerable.Range(0, perNode),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) =>
            {
                if (Interlocked.Increment(ref sent) == perNode * nodes.Length / 4)
                {
                    midway?.TrySetResult();
                }

                HttpClient client = node.Client;
                try
                {
                    using HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, path + i), ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref ok);
                    }
                    else
                    {
                        response.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason);
                        failures.Add($"{(int)response.StatusCode} {reason}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failures.Add(e.Message);
                }
            })));
        return (ok, failures);
    }
}
