using System.CommandLine;
using AuthActors.Host.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthActors.Host.Commands;

/// <summary>
/// <c>authactors demo</c>, also what runs with no arguments: the embedded server on 127.0.0.1 and
/// a crawl of it through AuthActors on the generic host (<see cref="DemoJob"/>), Digest by default
/// or Bearer with <c>--scheme bearer</c>.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(HostConsole console, WorkloadSettings defaults)
    {
        var workload = new WorkloadOptions(defaults);
        var fleet = new FleetOptions();
        var command = new Command("demo", "Start an embedded Digest (or, with --scheme bearer, Bearer) server on 127.0.0.1 and crawl it concurrently through AuthActors (the default command).");
        workload.AddTo(command);
        fleet.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            if (!fleet.TryRead(result, out FleetSettings? fleetSettings, out string? error))
            {
                await console.Error.WriteLineAsync("demo: " + error).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            return await RunAsync(workload.Read(result), console, ct, fleetSettings).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs the demo with <paramref name="settings"/> (in a fleet with <paramref name="fleet"/>);
    /// exits 0 only when every request succeeded, 130 on Ctrl+C.</summary>
    public static async Task<int> RunAsync(WorkloadSettings settings, HostConsole console, CancellationToken ct, FleetSettings? fleet = null)
    {
        // reference.conf and AUTHACTORS__... variables (the demo takes no file or --set).
        HostConfigurationLayers layers = HostConfiguration.Build(configFile: null, console.GetEnvironment(), []);
        try
        {
            _ = HostConfiguration.Validate(layers.Root);
        }
        catch (InvalidOperationException e)
        {
            await console.Error.WriteLineAsync("demo: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        string password = WorkloadSettings.NewPassword();
        DigestServer server;
        try
        {
            server = await settings.StartServerAsync(password, ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"demo: cannot start the embedded server: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        await using (server.ConfigureAwait(false))
        {
            await console.Out.WriteLineAsync("AuthActors demo: " + settings.Describe(server.BaseAddress)).ConfigureAwait(false);
            return await JobHost.RunAsync(
                console,
                FleetJoin.Configure(layers.Root, fleet),
                LogLevel.Warning,
                services =>
                {
                    services.AddAuthActors(b =>
                    {
                        // One credential for the origin: the Digest user, or with Bearer the OAuth
                        // client (the server gives both the same name and random secret).
                        b.AddCredential(server.BaseAddress, WorkloadSettings.UserName, password)
                            .Configure(o => o.Credentials.Sources = ["memory"]);
                        if (settings.Scheme == WorkloadScheme.Bearer)
                        {
                            b.AddScheme(WorkloadSettings.CreateBearerScheme(server));
                        }
                    });
                    services.AddHttpClient(DemoJob.ClientName)
                        .AddAuthActorsHandler(o => o.UseDefaultProxy = false)
                        .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
                    FleetJoin.Add(services, fleet, "demo");
                    services.AddSingleton(new DemoJob.Run(server, settings));
                    services.AddHostedService<DemoJob>();
                },
                ct).ConfigureAwait(false);
        }
    }
}
