using Akka.Cluster.Sharding;

namespace AuthActors.Cluster;

/// <summary>Routes <see cref="GrantNonceCounts"/> to the owner of its space, spread over a fixed number of shards.</summary>
internal sealed class SpaceOwnerMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as GrantNonceCounts)?.SpaceId;
}
