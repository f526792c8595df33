using System.Net;
using AuthActors.Host.Server;
using AuthActors.Spaces;
using AuthActors.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AuthActors.Tests.Http;

/// <summary>IHttpClientFactory recreates handlers every HandlerLifetime; the auth state lives in
/// the actors, so a new handler does not mean a new challenge.</summary>
public sealed class HandlerRotationTests
{
    [Fact]
    public async Task ShortHandlerLifetime_ManyHandlers_OneChallengePerSpace()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Realms = 2 });
        int handlersBuilt = 0;
        await using TestHost host = await TestHost.StartAsync(services =>
        {
            services.AddAuthActors(b => b.AddCredential(server.BaseAddress, "user", "passwd"));
            services.AddHttpClient("crawler")
                .AddHttpMessageHandler(() =>
                {
                    Interlocked.Increment(ref handlersBuilt);
                    return new PassThroughHandler();
                })
                .AddAuthActorsHandler(o => o.UseDefaultProxy = false)
                .SetHandlerLifetime(TimeSpan.FromSeconds(1));
        });
        IServiceProvider provider = host.Services;
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        // Keep sending until the factory has built at least three handler chains (bounded).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        int sent = 0;
        while (Volatile.Read(ref handlersBuilt) < 3 && DateTime.UtcNow < deadline)
        {
            HttpClient client = factory.CreateClient("crawler");
            using HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, $"/space/{sent % 2}/{sent}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            sent++;
        }

        Assert.True(handlersBuilt >= 3, $"only {handlersBuilt} handlers were built in {sent} requests");
        Assert.Equal(2, server.Stats.Challenges);
        Assert.Equal(2, await provider.GetRequiredService<AuthActorsRuntime>().CountLiveSpacesAsync());
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
