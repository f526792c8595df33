using System.Net;
using AuthActors.Host.Server;
using AuthActors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace AuthActors.Tests.Http;

/// <summary>
/// A worker's usual pipeline: AuthActors and Microsoft's standard resilience handler, in either
/// order, against a server behind which every 20th answer turns into a 503 after the server has
/// checked (and used up) the request's nc. A retry must carry a fresh header: re-sending the old
/// one is an nc replay, which a space must never take for a wrong password.
/// </summary>
public sealed class ResiliencePipelineTests
{
    private const int Requests = 1000;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TransientErrors_EitherOrder_EveryRequestSucceeds_NoRetryReplaysAnNc(bool resilienceAddedAfter)
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { NcCheck = NcCheck.Replay });
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthActors(b => b.AddCredential(server.BaseAddress, "user", "passwd"));
        IHttpClientBuilder client = builder.Services.AddHttpClient("api")
            .ConfigurePrimaryHttpMessageHandler(() => new UnavailableAfterTheServer(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }));
        if (resilienceAddedAfter)
        {
            client.AddAuthActorsHandler(o => o.UseDefaultProxy = false);
            client.AddStandardResilienceHandler(Immediate);
        }
        else
        {
            client.AddStandardResilienceHandler(Immediate);
            client.AddAuthActorsHandler(o => o.UseDefaultProxy = false);
        }

        using IHost host = builder.Build();
        await host.StartAsync();
        HttpClient http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("api");
        int ok = 0;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using HttpResponseMessage response = await http.GetAsync(new Uri(server.BaseAddress, $"/item/{i}"), ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref ok);
            }
            else
            {
                response.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason);
                failures.Add($"{(int)response.StatusCode} {reason}");
            }
        }).WaitAsync(TimeSpan.FromSeconds(60));
        await host.StopAsync();

        Assert.True(ok == Requests, $"{ok} ok; failed: {string.Join(" | ", failures.Distinct().Take(3))}");
        Assert.Equal(0, server.Stats.NcReplays);
    }

    [Fact]
    public void APrimaryHandlerSetAfterAuthActors_StillHasItsRedirectsOff_AndAuthActorsIsInnermost()
    {
        var services = new ServiceCollection();
        services.AddAuthActors();
        services.AddHttpClient("api")
            .AddAuthActorsHandler()
            .AddStandardResilienceHandler().Services.AddHttpClient("api")
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler()); // AllowAutoRedirect = true by default
        using ServiceProvider provider = services.BuildServiceProvider();

        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("api");

        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? h = handler; h is not null; h = (h as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(h);
        }

        SocketsHttpHandler primary = Assert.IsType<SocketsHttpHandler>(chain[^1]);
        Assert.False(primary.AllowAutoRedirect);
        // The factory's own logging handlers aside, AuthActors is the last before the primary.
        Assert.IsType<AuthActorsHandler>(chain.Last(h => h is DelegatingHandler && h.GetType().Namespace != "Microsoft.Extensions.Http.Logging"));
    }

    private static void Immediate(HttpStandardResilienceOptions options)
    {
        options.Retry.Delay = TimeSpan.Zero;
        options.Retry.UseJitter = false;
        options.CircuitBreaker.FailureRatio = 0.9;
    }

    /// <summary>Every 20th exchange is answered by the server, then replaced by a 503: the server
    /// saw the header and used its nc, the client sees a transient error.</summary>
    private sealed class UnavailableAfterTheServer(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _count;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (request.Headers.Authorization is not null && Interlocked.Increment(ref _count) % 20 == 0)
            {
                response.Dispose();
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
            }

            return response;
        }
    }
}
