using System.Net;
using Akka.Actor;
using Akka.Hosting;
using AuthActors.Credentials;
using AuthActors.Host.Server;
using AuthActors.Spaces;
using AuthActors.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuthActors.Tests.Http;

/// <summary>Where the actors live: an app's own Akka.Hosting system, AuthActors' own, or a
/// system the caller owns; and Akka's log events on Microsoft.Extensions.Logging.</summary>
public sealed class AkkaHostingTests
{
    [Fact]
    public async Task AppWithItsOwnAkka_WithAuthActors_SpacesLiveInTheAppsSystem()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        List<ServiceDescriptor> services = [];
        await using TestHost host = await TestHost.StartAsync(s =>
        {
            s.AddAkka("app", (akka, _) => akka.WithAuthActors());
            s.AddAuthActors(b => b.AddCredential(server.BaseAddress, "user", "passwd"));
            s.AddHttpClient("api").AddAuthActorsHandler(o => o.UseDefaultProxy = false);
            services.AddRange(s);
        });

        HttpClient client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("api");
        using HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, "/x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(services, d => d.ServiceType == typeof(ActorSystem));
        ActorSystem system = host.Services.GetRequiredService<ActorSystem>();
        Assert.Equal("app", system.Name);
        IActorRef registry = await host.Services.GetRequiredService<IRequiredActor<SpaceRegistryActor>>().GetAsync();
        Assert.Equal("/user/" + AuthActorsRuntime.RegistryName, registry.Path.ToStringWithoutAddress());
        Assert.Equal(1, await host.Services.GetRequiredService<AuthActorsRuntime>().CountLiveSpacesAsync());
    }

    [Fact]
    public async Task AkkaSection_OfTheAppsHoconConfiguration_ConfiguresTheSystemAuthActorsStarts()
    {
        Environment.SetEnvironmentVariable("AUTHACTORS_TEST_ASK", "7s");
        try
        {
            await using TestHost host = await TestHost.StartAsync(
                s => s.AddAuthActors(),
                c => c.AddAuthActorsReference().AddHoconString("""
                    akka { loglevel = DEBUG, actor.ask-timeout = 3s, actor.ask-timeout = ${?AUTHACTORS_TEST_ASK} }
                    authactors.ask-timeout = 2s
                    """));

            ActorSystem system = host.Services.GetRequiredService<ActorSystem>();

            Assert.Equal(AuthActorsServiceCollectionExtensions.ActorSystemName, system.Name);
            Assert.Equal("DEBUG", system.Settings.LogLevel, ignoreCase: true);
            Assert.Equal(TimeSpan.FromSeconds(7), system.Settings.AskTimeout);
            Assert.Equal(TimeSpan.FromSeconds(2), host.Services.GetRequiredService<AuthActorsRuntime>().Settings.AskTimeout);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AUTHACTORS_TEST_ASK", null);
        }
    }

    [Fact]
    public async Task AddAkkaAfterAddAuthActors_RequestFailsWithAClearReason()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        await using TestHost host = await TestHost.StartAsync(s =>
        {
            s.AddAuthActors(b => b.AddCredential(server.BaseAddress, "user", "passwd"));
            s.AddAkka("app", (_, _) => { });
            s.AddHttpClient("api").AddAuthActorsHandler(o => o.UseDefaultProxy = false);
        });
        HttpClient client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        HttpRequestException error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(server.BaseAddress, "/x")));

        Assert.Contains("AddAkka(...) was called after AddAuthActors()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnSystem_AkkaLogEvents_ReachTheLoggerFactory_WithoutSecrets()
    {
        const string Password = "akka-log-secret";
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions
        {
            Users = new Dictionary<string, string> { ["user"] = Password },
        });
        var logs = new CollectingLoggerFactory();
        // Akka at its most talkative: lifecycle, unhandled messages, dead letters.
        Akka.Configuration.Config verbose = Akka.Configuration.ConfigurationFactory.ParseString("""
            akka.loglevel = DEBUG
            akka.actor.debug { lifecycle = on, unhandled = on, autoreceive = on, event-stream = on }
            akka.log-dead-letters = on
            """);
        var runtime = new AuthActorsRuntime(
            new CredentialChain([new InMemoryCredentialSource().SetDefault("user", Password)]),
            new SpaceSettings { PassivateAfter = TimeSpan.FromMilliseconds(200) },
            loggerFactory: logs,
            akkaConfig: verbose);
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));
        using (HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, "/x")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await runtime.DisposeAsync();

        Assert.Contains(logs.Messages, m => m.Contains("Akka.Actor.ActorSystem", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallersSystem_RuntimeStops_SystemKeepsRunning()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var system = ActorSystem.Create("callers");
        var runtime = new AuthActorsRuntime(system, new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]));
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));
        using (HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, "/x")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await runtime.StopAsync();

        Assert.False(runtime.IsRunning);
        Assert.False(system.WhenTerminated.IsCompleted);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => system.ActorSelection("/user/" + AuthActorsRuntime.RegistryName).ResolveOne(TimeSpan.FromSeconds(3)));
        await system.Terminate();
    }
}
