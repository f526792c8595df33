using Microsoft.Extensions.Hosting;

namespace AuthActors.Host.Commands;

/// <summary>
/// The host lifetime of the command-line jobs: it installs no signal handlers, because the
/// command line already owns Ctrl+C and SIGTERM (System.CommandLine cancels the action's token,
/// and <see cref="JobHost"/> turns that into <see cref="IHostApplicationLifetime.StopApplication"/>).
/// With the default ConsoleLifetime both would handle the same signal, and tests running a job
/// in-process would install process-wide handlers.
/// </summary>
internal sealed class CommandLineLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
