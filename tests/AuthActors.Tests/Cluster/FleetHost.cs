using Akka.Actor;
using AuthActors.Host.Server;
using AuthActors.Spaces;
using AuthActors.Spaces.Schemes;
using AuthActors.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuthActors.Tests.Cluster;

/// <summary>
/// One node of an in-process fleet: a generic host with AddAuthActors in cluster mode (Akka.Cluster
/// on 127.0.0.1, a free port), and a named client "api" with the server's credential.
/// </summary>
internal sealed class FleetHost : IAsyncDisposable
{
    private readonly TestHost _host;

    private FleetHost(TestHost host) => _host = host;

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    public Akka.Cluster.Cluster Cluster => Akka.Cluster.Cluster.Get(System);

    public AuthActorsRuntime Runtime => _host.Services.GetRequiredService<AuthActorsRuntime>();

    public HttpClient Client => _host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("api");

    /// <summary>Starts a node; with <paramref name="cluster"/> off it is a single process as before.</summary>
    public static async Task<FleetHost> StartAsync(DigestServer server, bool cluster = true, int blockSize = 64, string extraHocon = "", bool bearer = false)
    {
        string hocon = cluster
            ? $$"""
                akka.actor.provider = cluster
                akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
                akka.cluster.split-brain-resolver.stable-after = 2s
                authactors.cluster { enabled = on, nc-block-size = {{blockSize}} }
                {{extraHocon}}
                """
            : "authactors.cluster.enabled = off";
        TestHost host = await TestHost.StartAsync(
            s =>
            {
                s.AddAuthActors(b =>
                {
                    if (bearer)
                    {
                        // The server's OAuth client, for its Bearer paths.
                        b.AddScheme(new BearerScheme(new BearerSchemeOptions { TokenEndpoint = server.TokenEndpoint, AllowHttp = true }))
                            .AddCredential(server.BaseAddress, "client", "secret");
                    }
                    else
                    {
                        b.AddCredential(server.BaseAddress, "user", "passwd");
                    }
                });
                s.AddHttpClient("api").AddAuthActorsHandler(o => o.UseDefaultProxy = false);
            },
            c => c.AddHoconString(hocon));
        return new FleetHost(host);
    }

    /// <summary>Joins <paramref name="seed"/>'s cluster (itself for the first node) and waits until this node is Up.</summary>
    public async Task JoinAsync(FleetHost seed)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cluster.RegisterOnMemberUp(() => up.TrySetResult());
        Cluster.Join(seed.Cluster.SelfAddress);
        await up.Task.WaitAsync(TestTimeouts.Default * 5);
    }

    /// <summary>How many space owners (sharded entities) live on this node now.</summary>
    public async Task<int> EntitiesHeldAsync()
    {
        IActorRef region = Akka.Cluster.Sharding.ClusterSharding.Get(System).ShardRegion(AuthActors.Cluster.AuthActorsSharding.TypeName);
        var state = await region.Ask<Akka.Cluster.Sharding.CurrentShardRegionState>(Akka.Cluster.Sharding.GetShardRegionState.Instance, TestTimeouts.Default);
        return state.Shards.Sum(shard => shard.EntityIds.Count);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
