using Akka.Cluster.Sharding;

namespace AuthActors.Cluster;

/// <summary>Routes an <see cref="ISpaceOwnerMessage"/> to the owner of its space, spread over a fixed number of shards.</summary>
internal sealed class SpaceOwnerMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as ISpaceOwnerMessage)?.SpaceId;
}
