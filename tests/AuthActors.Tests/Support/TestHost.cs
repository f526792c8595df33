using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthActors.Tests.Support;

/// <summary>
/// A started generic host, as an app runs AuthActors: Akka.Hosting starts the actor system with
/// it. Disposing stops the host (CoordinatedShutdown) and then disposes it.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private TestHost(IHost host) => _host = host;

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Builds a host with <paramref name="configure"/>'s services, no log output, and starts it.</summary>
    public static async Task<TestHost> StartAsync(Action<IServiceCollection> configure, Action<IConfigurationBuilder>? configuration = null)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        configuration?.Invoke(builder.Configuration);
        configure(builder.Services);
        IHost host = builder.Build();
        await host.StartAsync();
        return new TestHost(host);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
