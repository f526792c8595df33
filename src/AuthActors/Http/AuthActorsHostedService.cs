using AuthActors.Spaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthActors.Http;

/// <summary>
/// Starts the AuthActors actor system with the host and stops it, gracefully, when the host
/// stops: spaces drain what they hold, children before parents. A failed start is logged as
/// Critical and rethrown, so the host does not run without its credentials manager.
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
