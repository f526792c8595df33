using AuthActors.Spaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthActors.Http;

/// <summary>
/// Ties the runtime to the host. Start begins looking for the registry that Akka.Hosting starts
/// (it does not wait: Akka's own hosted service may start after this one). Stop ends new
/// requests with a reason and stops the spaces gracefully, draining what they hold, before
/// Akka's CoordinatedShutdown takes the system down. A failed start is logged as Critical and
/// rethrown, so the host does not run without its credentials manager.
/// </summary>
internal sealed partial class AuthActorsHostedService(AuthActorsRuntime runtime, ILogger<AuthActorsHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            runtime.Start();
            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            StartFailed(logger, e);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);

    [LoggerMessage(1201, LogLevel.Critical, "AuthActors failed to start")]
    private static partial void StartFailed(ILogger logger, Exception exception);
}
