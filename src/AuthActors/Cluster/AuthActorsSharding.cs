using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.DistributedData;
using Akka.Hosting;

namespace AuthActors.Cluster;

/// <summary>Starts the shard region of the space owners (cluster mode) in a system that runs Akka.Cluster.</summary>
internal static class AuthActorsSharding
{
    /// <summary>The sharding type name of the space owners.</summary>
    public const string TypeName = AuthActorsClusterNames.SpaceOwners;

    public static async Task<IActorRef> StartAsync(ActorSystem system, ClusterSettings options)
    {
        options.Validate();
        ClusterSharding sharding;
        try
        {
            sharding = ClusterSharding.Get(system);
        }
        catch (ConfigurationException e)
        {
            throw new InvalidOperationException(
                "authactors.cluster.enabled = on needs Akka.Cluster: set akka.actor.provider = cluster, the remote " +
                "port (akka.remote.dot-netty.tcp) and akka.cluster.seed-nodes in the akka section. " + e.Message, e);
        }

        // Every node runs the replicator that records grants; a majority needs them all listening.
        _ = DistributedData.Get(system).Replicator;
        // A read or write of the grant record must end (or fail) before the node's question times out.
        TimeSpan consistency = options.AskTimeout / 2;
        return await sharding.StartAsync(
            TypeName,
            id => SpaceOwnerActor.Props(id, consistency),
            ClusterShardingSettings.Create(system),
            new SpaceOwnerMessageExtractor(options.Shards)).ConfigureAwait(false);
    }

    /// <summary>Registers the region where handlers' nonce streams find it.</summary>
    public static void Register(IActorRegistry registry, IActorRef region) => registry.Register<SpaceOwnerActor>(region);
}
