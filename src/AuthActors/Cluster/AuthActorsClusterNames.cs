namespace AuthActors.Cluster;

/// <summary>Names AuthActors uses in an Akka cluster, for tools that look at it (e.g.
/// <c>ClusterSharding.Get(system).ShardRegion(AuthActorsClusterNames.SpaceOwners)</c>).</summary>
internal static class AuthActorsClusterNames
{
    /// <summary>The sharding type name of the protection spaces' owners: <c>authactors-space-owner</c>.</summary>
    public const string SpaceOwners = "authactors-space-owner";
}
