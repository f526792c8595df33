using System.CommandLine;
using System.Globalization;
using AuthActors.Cluster;

namespace AuthActors.Host.Commands;

/// <summary>
/// <c>--cluster-seed HOST:PORT</c> (repeatable), <c>--cluster-port PORT</c> and
/// <c>--cluster-host HOST</c>, shared by <c>crawl</c> and <c>demo</c>: with a seed, the process
/// joins a fleet that shares its protection spaces (cluster mode, docs/cluster.md).
/// </summary>
internal sealed class FleetOptions
{
    public Option<string[]> Seeds { get; } = new("--cluster-seed")
    {
        Description = "Join a fleet that shares its protection spaces: HOST:PORT of a member (repeatable; the first process names its own address).",
        HelpName = "HOST:PORT",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<int?> Port { get; } = new("--cluster-port")
    {
        Description = "The port this process listens on for the fleet; 0 takes any free port. Default: 0.",
        HelpName = "PORT",
        CustomParser = r => OptionParsing.ParseOne<int?>(r, null, "--cluster-port", static (string text, out int? value, out string? error) =>
        {
            bool ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535;
            value = ok ? port : null;
            error = ok ? null : $"'{text}' is not a port (0-65535)";
            return ok;
        }),
    };

    public Option<string?> Host { get; } = new("--cluster-host")
    {
        Description = "The address this process listens on and is reached at by the fleet. Default: 127.0.0.1.",
        HelpName = "HOST",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Seeds);
        command.Options.Add(Port);
        command.Options.Add(Host);
    }

    /// <summary>The fleet settings, null when no seed was given; false with one line on a bad value.</summary>
    public bool TryRead(ParseResult result, out FleetSettings? settings, out string? error)
    {
        settings = null;
        error = null;
        string[] seeds = result.GetValue(Seeds) ?? [];
        int? port = result.GetValue(Port);
        string? host = result.GetValue(Host);
        if (seeds.Length == 0)
        {
            if (port is not null || host is not null)
            {
                error = "--cluster-port and --cluster-host need --cluster-seed (the fleet to join)";
                return false;
            }

            return true;
        }

        var addresses = new List<string>(seeds.Length);
        foreach (string seed in seeds)
        {
            int colon = seed.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(seed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int seedPort)
                || seedPort is < 1 or > 65535 || Uri.CheckHostName(seed[..colon].Trim('[', ']')) == UriHostNameType.Unknown)
            {
                error = $"--cluster-seed: '{seed}' is not HOST:PORT (e.g. 127.0.0.1:4053)";
                return false;
            }

            addresses.Add($"akka.tcp://{Microsoft.Extensions.DependencyInjection.AuthActorsServiceCollectionExtensions.ActorSystemName}@{seed}");
        }

        if (host is not null && Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            error = $"--cluster-host: '{host}' is not a host name or address";
            return false;
        }

        settings = new FleetSettings(addresses, host ?? "127.0.0.1", port ?? 0);
        return true;
    }
}

/// <summary>What <see cref="FleetOptions"/> read: the seed addresses, this process's host and port.</summary>
internal sealed record FleetSettings(IReadOnlyList<string> SeedNodes, string Host, int Port)
{
    /// <summary>How long the process waits to be Up in the fleet before it gives up.</summary>
    public static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The configuration that turns cluster mode on, layered over the user's (the command line wins).</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration()
    {
        yield return new("akka:actor:provider", "cluster");
        yield return new("akka:remote:dot-netty:tcp:hostname", Host);
        yield return new("akka:remote:dot-netty:tcp:port", Port.ToString(CultureInfo.InvariantCulture));
        for (int i = 0; i < SeedNodes.Count; i++)
        {
            yield return new($"akka:cluster:seed-nodes:{i}", SeedNodes[i]);
        }

        yield return new("authactors:cluster:enabled", "true");
    }
}
