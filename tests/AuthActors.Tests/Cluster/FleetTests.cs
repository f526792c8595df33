using System.Collections.Concurrent;
using System.Net;
using AuthActors.Host.Server;
using AuthActors.Http;

namespace AuthActors.Tests.Cluster;

/// <summary>
/// Three processes' worth of AuthActors (three hosts, three ActorSystems on 127.0.0.1) against a
/// server that hands every client the same nonce and refuses a reused nc: alone, the nodes
/// collide; as a fleet, each nc is sent once.
/// </summary>
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
    }

    /// <summary>Every node sends <see cref="PerNode"/> requests, 8 at a time, all nodes at once.</summary>
    private static async Task<(int Ok, IReadOnlyCollection<string> Failures)> LoadAsync(DigestServer server, params FleetHost[] nodes)
    {
        int ok = 0;
        var failures = new ConcurrentBag<string>();
        await Task.WhenAll(nodes.Select(node => Parallel.ForEachAsync(
            Enumerable.Range(0, PerNode),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) =>
            {
                HttpClient client = node.Client;
                try
                {
                    using HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, $"/item/{i}"), ct);
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
