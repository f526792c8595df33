using Akka.Actor;
using Akka.Cluster.Sharding;
using AuthActors.Cluster;
using AuthActors.Spaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuthActors.Host.Commands;

/// <summary>
/// Cluster mode in the host: starts after Akka.Hosting and before the job, and holds the job back
/// until this process is Up in the fleet (bounded by <see cref="FleetSettings.JoinTimeout"/>;
/// then the host fails to start with one line). Also reports the node's role for the summary.
/// </summary>
internal sealed class FleetJoin(IServiceProvider services, FleetSettings settings, HostConsole console, string command) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var cluster = Akka.Cluster.Cluster.Get(services.GetRequiredService<ActorSystem>());
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        try
        {
            await up.Task.WaitAsync(FleetSettings.JoinTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            int seen = cluster.State.Members.Count;
            string why = cluster.IsTerminated ? "this node was removed from the fleet while it joined (downed)"
                : seen == 0 ? "no seed answered"
                : $"{seen} members seen, this one not yet Up";
            throw new InvalidOperationException(
                $"not Up in the fleet within {FleetSettings.JoinTimeout.TotalSeconds:0} s: {why} ({string.Join(", ", settings.SeedNodes)})");
        }

        await console.Error.WriteLineAsync(
            $"{command}: fleet member {cluster.SelfAddress}, {cluster.State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up)} up").ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The user's configuration with the fleet's settings over it (none without a seed).
    /// Under it, Akka logs warnings and errors only: remoting's INFO lines are not a CLI's output.</summary>
    public static IConfiguration Configure(IConfiguration user, FleetSettings? settings) =>
        settings is null
            ? user
            : new ConfigurationBuilder()
                .AddInMemoryCollection(
                [
                    new("akka:loglevel", "WARNING"),
                    // A crawl loads its machine: a heartbeat that is late under load must not get a
                    // joining node marked unreachable and downed (Akka's default pause is 3 s).
                    new("akka:cluster:failure-detector:acceptable-heartbeat-pause", "10s"),
                ])
                .AddConfiguration(user)
                .AddInMemoryCollection(settings.ToConfiguration())
                .Build();

    /// <summary>Registers the join wait (after AddAuthActors, before the job) when there is a fleet to join.</summary>
    public static void Add(IServiceCollection services, FleetSettings? settings, string command)
    {
        if (settings is not null)
        {
            services.AddSingleton(settings);
            services.AddHostedService(sp => new FleetJoin(sp, settings, sp.GetRequiredService<HostConsole>(), command));
        }
    }

    /// <summary>Summary rows: members up, space owners held here, blocks of nonce counts granted to this node.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> DescribeAsync(IServiceProvider services)
    {
        ActorSystem system = services.GetRequiredService<ActorSystem>();
        var cluster = Akka.Cluster.Cluster.Get(system);
        int owners;
        try
        {
            IActorRef region = ClusterSharding.Get(system).ShardRegion(AuthActorsClusterNames.SpaceOwners);
            CurrentShardRegionState state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            owners = state.Shards.Sum(s => s.EntityIds.Count);
        }
        catch (Exception e) when (e is AskTimeoutException or ArgumentException or InvalidOperationException)
        {
            owners = -1;
        }

        long blocks = services.GetRequiredService<AuthActorsRuntime>().Diagnostics.NcBlocksGranted.Total;
        return
        [
            ["fleet members up", cluster.State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ["space owners held here", owners < 0 ? "unknown" : owners.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ["nc blocks granted", blocks.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ];
    }
}
