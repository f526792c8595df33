using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthActors.Host.Commands;

/// <summary>
/// Runs a job on the generic host: the AuthActors runtime as a hosted service (added by the
/// caller with <c>AddAuthActors</c>), the job as a <see cref="BackgroundService"/> registered after
/// it. The job sets <see cref="JobOutcome.ExitCode"/> and calls
/// <see cref="IHostApplicationLifetime.StopApplication"/>; on Ctrl+C the command line's token stops
/// the app, the job's stopping token fires, it drains and reports, and the runtime stops after it
/// (hosted services stop in reverse order).
/// </summary>
internal static class JobHost
{
    /// <summary>How long the host waits for the job and the runtime to stop: the drain plus a margin, under the command line's 10 s.</summary>
    private static readonly TimeSpan s_shutdownTimeout = LoadRunner.DefaultDrainTimeout + TimeSpan.FromSeconds(3);

    /// <summary>Builds the host with <paramref name="configuration"/> and the console's logging, runs it until the job stops it, and returns the job's exit code.</summary>
    public static async Task<int> RunAsync(
        HostConsole console,
        IConfiguration configuration,
        LogLevel logLevel,
        Action<IServiceCollection> configureServices,
        CancellationToken cancellationToken)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // No appsettings.json, no DOTNET_ variables, no console logger of its own: the host
            // reads exactly the layers HostConfiguration built and logs where the console says.
            DisableDefaults = true,
            ApplicationName = "authactors",
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        // The host's own "Hosting failed to start" (with its stack trace) is said in one line below.
        using ILoggerFactory loggerFactory = console.CreateLoggerFactory(logLevel);
        using ILoggerFactory filtered = new QuietHostingLoggerFactory(loggerFactory);

        // Registered after the builder's own factory, so it is the one resolved.
        builder.Services.AddSingleton(filtered);
        builder.Services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = s_shutdownTimeout);
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton<JobOutcome>();
        configureServices(builder.Services);

        IHost host = builder.Build();
        JobOutcome outcome = host.Services.GetRequiredService<JobOutcome>();
        try
        {
            // Starts every hosted service, stops the app when the token fires, then stops and
            // disposes the host.
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C before the host had started: nothing ran.
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or OptionsValidationException)
        {
            // A service could not be built or started (a bad setting, the runtime failing to start):
            // one line, not a stack trace. The runtime's hosted service has logged it as Critical.
            await console.Error.WriteLineAsync("authactors: could not start: " + e.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        return outcome.ExitCode;
    }

    /// <summary>Drops the generic host's start-failure log (a stack trace): the job host reports
    /// the failure itself, in one line.</summary>
    private sealed class QuietHostingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal) || categoryName.EndsWith("AuthActorsHostedService", StringComparison.Ordinal)
                ? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance
                : inner.CreateLogger(categoryName);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose()
        {
        }
    }
}
