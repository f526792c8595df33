namespace AuthActors.Cluster;

/// <summary>How a node works with the fleet in cluster mode (bound from <c>authactors.cluster</c>,
/// hocon/reference.conf). Immutable; <see cref="Validate"/> names what is out of range.</summary>
internal sealed record ClusterSettings
{
    /// <summary>Counts per grant. The default value is 256.</summary>
    public int NcBlockSize { get; init; } = 256;

    /// <summary>One question to an owner. The default value is 2 seconds.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>All questions for one block. The default value is 30 seconds.</summary>
    public TimeSpan GrantTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Shards of the space owners. The default value is 64.</summary>
    public int Shards { get; init; } = 64;

    /// <summary>Throws when a value is out of range, naming its key.</summary>
    public ClusterSettings Validate()
    {
        if (NcBlockSize < 1)
        {
            throw new ArgumentOutOfRangeException("authactors.cluster.nc-block-size", NcBlockSize, "authactors.cluster.nc-block-size must be at least 1.");
        }

        if (Shards < 1)
        {
            throw new ArgumentOutOfRangeException("authactors.cluster.shards", Shards, "authactors.cluster.shards must be at least 1.");
        }

        if (AskTimeout <= TimeSpan.Zero || GrantTimeout < AskTimeout)
        {
            throw new ArgumentOutOfRangeException(
                "authactors.cluster.grant-timeout", GrantTimeout, "authactors.cluster.ask-timeout must be positive and grant-timeout at least as long.");
        }

        return this;
    }
}
