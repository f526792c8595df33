using System.Collections.Concurrent;
using System.Net;
using AuthActors.Host.Server;
using AuthActors.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthActors.Tests.Http;

/// <summary>
/// A worker that sends through AuthActors stops before AuthActors does, whatever the order the
/// app registered them in: the host stops hosted services in reverse order of registration, and
/// a worker registered before <c>AddAuthActors</c> used to find the actor system gone.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class ShutdownOrderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WorkerRegisteredBeforeOrAfter_StopsFirst_EveryRequestSucceedsOrFailsWithAReason(bool workerFirst)
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        var logs = new CollectingLoggerFactory();
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<ILoggerFactory>(logs);
        var worker = new LoopingWorker(server.BaseAddress);
        if (workerFirst)
        {
            builder.Services.AddHostedService(sp => worker.With(sp));
        }

        builder.Services.AddAuthActors(b => b.AddCredential(server.BaseAddress, "user", "passwd"));
        builder.Services.AddHttpClient("api").AddAuthActorsHandler(o => o.UseDefaultProxy = false);
        if (!workerFirst)
        {
            builder.Services.AddHostedService(sp => worker.With(sp));
        }

        using IHost host = builder.Build();
        await host.StartAsync();
        await worker.Running.Task.WaitAsync(TestTimeouts.Default * 10);

        await host.StopAsync();

        Assert.True(worker.Ok > 0);
        Assert.Empty(worker.Failures);
        Assert.DoesNotContain(logs.Messages, m => m.StartsWith("Critical", StringComparison.Ordinal) || m.StartsWith("Error", StringComparison.Ordinal));
    }

    private sealed class LoopingWorker(Uri server) : BackgroundService
    {
        private IHttpClientFactory? _clients;

        public TaskCompletionSource Running { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentBag<string> Failures { get; } = [];

        public int Ok;

        public LoopingWorker With(IServiceProvider services)
        {
            _clients = services.GetRequiredService<IHttpClientFactory>();
            return this;
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            HttpClient client = _clients!.CreateClient("api");
            // Bounded: at most 100,000 requests, stopped by the host long before.
            for (int i = 0; i < 100_000 && !stoppingToken.IsCancellationRequested; i++)
            {
                try
                {
                    // Not the stopping token: a request in flight at shutdown must finish on its own.
                    using HttpResponseMessage response = await client.GetAsync(new Uri(server, $"/w/{i}"), CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref Ok);
                        if (Ok == 50)
                        {
                            Running.TrySetResult();
                        }
                    }
                    else
                    {
                        Failures.Add($"{(int)response.StatusCode}");
                    }
                }
                catch (Exception e)
                {
                    Failures.Add($"{e.GetType().Name}: {e.Message}");
                }
            }
        }
    }
}
