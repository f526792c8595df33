namespace AuthActors.Http;

/// <summary>
/// <c>authactors.cluster</c>: cluster mode, where a fleet of processes shares its protection spaces
/// through Akka.Cluster.Sharding (one owner of each space's nonce counts across the fleet). The
/// cluster itself (provider, seed nodes, port) is configured in the <c>akka</c> section.
/// </summary>
public sealed class AuthActorsClusterOptions
{
    /// <summary>Whether spaces are shared across the fleet. The default value is false (one process, no remoting).</summary>
    public bool Enabled { get; set; }

    /// <summary>How many nonce counts the owner grants a node at once. The default value is 256.</summary>
    public int NcBlockSize { get; set; } = 256;

    /// <summary>How long one question to a space's owner waits before it is asked again (a shard moving
    /// between nodes can drop a message). The default value is 2 seconds.</summary>
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a request waits, across retries, for the counts it needs. The default value is 30 seconds.</summary>
    public TimeSpan GrantTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many shards the spaces are spread over. The default value is 64.</summary>
    public int Shards { get; set; } = 64;

    /// <summary>One Bearer token for the fleet: it crosses the cluster wire between nodes (use
    /// Akka.Remote's TLS transport between machines). The default value is false (each node
    /// fetches its own).</summary>
    public bool ShareBearerTokens { get; set; }

    internal Cluster.ClusterSettings ToClusterSettings() => new Cluster.ClusterSettings
    {
        NcBlockSize = NcBlockSize,
        AskTimeout = AskTimeout,
        GrantTimeout = GrantTimeout,
        Shards = Shards,
    }.Validate();
}
