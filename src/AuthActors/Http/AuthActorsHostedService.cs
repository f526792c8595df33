using AuthActors.Spaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthActors.Http;

/// <summary>
/// Ties the runtime to the host. Start begins looking for the registry that Akka.Hosting starts
/// (it does not wait: Akka's own hosted service may start after this one). Stop ends new
/// requests with a reason and stops the spaces gracefully, draining what they hold, before
/// Akka's CoordinatedShutdown takes the system down. A failed start is logged as Critical and
/// rethrown, so the host does not run without its credentials manager.
/// </summary>
internal sealed partial class AuthActorsHostedService(AuthActorsRuntime runtime, IOptionsMonitor<AuthActorsOptions> options, ILogger<AuthActorsHostedService> logger)
    : IHostedService, IDisposable
{
    private IDisposable? _changes;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            runtime.Start();
            // Credentials and handler settings follow a reload; the spaces' settings are read once.
            SpaceSettings started = options.CurrentValue.ToSpaceSettings();
            _changes = options.OnChange(changed =>
            {
                if (AuthActorsConfigurationBinder.Problems(changed).Count == 0 && changed.BindErrors.Count == 0 && changed.ToSpaceSettings() != started)
                {
                    SettingsNeedRestart(logger);
                }
            });
            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            StartFailed(logger, e);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);

    public void Dispose() => _changes?.Dispose();

    [LoggerMessage(1206, LogLevel.Warning, "authactors settings changed in configuration: credentials and handler settings apply now, the spaces' settings (ask-timeout, spaces, policy, supervision) at the next restart")]
    private static partial void SettingsNeedRestart(ILogger logger);

    [LoggerMessage(1201, LogLevel.Critical, "AuthActors failed to start")]
    private static partial void StartFailed(ILogger logger, Exception exception);
}
