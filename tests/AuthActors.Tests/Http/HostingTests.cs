using System.Diagnostics;
using System.Net;
using Akka.Actor;
using Akka.Hosting;
using AuthActors.Host.Server;
using AuthActors.Http;
using AuthActors.Spaces;
using AuthActors.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthActors.Tests.Http;

/// <summary>AddAuthActors on the generic host: the runtime starts and stops with the host,
/// options bind from HOCON, and nothing secret reaches logs.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task GenericHost_StartsAndStopsTheRuntime_AndTheNamedClientAuthenticates()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthActors(b => b.AddCredential(server.BaseAddress, "user", "passwd"));
        builder.Services.AddHttpClient("api").AddAuthActorsHandler(o => o.UseDefaultProxy = false);
        using IHost host = builder.Build();
        var runtime = host.Services.GetRequiredService<AuthActorsRuntime>();

        await host.StartAsync();
        Assert.True(runtime.IsRunning);
        HttpClient client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("api");
        using (HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, "/x")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await host.StopAsync();

        Assert.False(runtime.IsRunning);
        HttpRequestException late = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(server.BaseAddress, "/y")));
        Assert.Contains("AuthActors has stopped", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAuthActors_Twice_RegistersOneRuntimeAndOneActorSystem()
    {
        var services = new ServiceCollection();

        AuthActorsBuilder first = services.AddAuthActors();
        AuthActorsBuilder second = services.AddAuthActors();

        Assert.Same(first, second);
        Assert.Single(services, d => d.ServiceType == typeof(AuthActorsRuntime));
        Assert.Single(services, d => d.ServiceType == typeof(ActorSystem));
        Assert.Single(services, d => d.ImplementationType == typeof(AkkaHostedService));
        Assert.Single(services, d => d.ImplementationType == typeof(AuthActorsHostedService));
    }

    [Fact]
    public void Options_BindFromHoconThroughIConfiguration()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddAuthActorsReference()
            .AddHoconString("authactors { ask-timeout = 2s, spaces.max-nonce-pool = 8 }")
            .Build());
        services.AddAuthActors();
        using ServiceProvider provider = services.BuildServiceProvider();

        SpaceSettings settings = provider.GetRequiredService<AuthActorsRuntime>().Settings;

        Assert.Equal(TimeSpan.FromSeconds(2), settings.AskTimeout);
        Assert.Equal(8, settings.MaxNoncePool);
    }

    [Fact]
    public void UnknownCredentialSource_InConfiguration_IsAClearError()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddHoconString("authactors.credentials.sources = \"memory, vault\"")
            .Build());
        services.AddAuthActors();
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<AuthActorsRuntime>());

        Assert.Contains("'vault'", error.Message, StringComparison.Ordinal);
        Assert.Contains("authactors:credentials:sources", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullAuthenticationRound_LogsAndSpansCarryNoSecret()
    {
        const string Password = "pa55-very-secret";
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions
        {
            Users = new Dictionary<string, string> { ["user"] = Password },
            SendNextNonce = true,
        });
        var logs = new CollectingLoggerFactory();
        var tags = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "AuthActors",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => tags.AddRange(a.Tags.Select(t => $"{t.Key}={t.Value}")),
        };
        ActivitySource.AddActivityListener(listener);
        var memory = new AuthActors.Credentials.InMemoryCredentialSource().SetDefault("user", Password);
        await using var runtime = new AuthActorsRuntime(new AuthActors.Credentials.CredentialChain([memory]), loggerFactory: logs);
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));

        using (HttpResponseMessage ok = await client.GetAsync(new Uri(server.BaseAddress, "/x")))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        memory.SetDefault("user", Password + "-wrong");
        await runtime.InvalidateCredentialsAsync();
        using (HttpResponseMessage refused = await client.GetAsync(new Uri(server.BaseAddress, "/y")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        string ha1 = AuthActors.Protocol.DigestCalculator.ComputeHa1(AuthActors.Protocol.DigestAlgorithm.Sha256, "user", "authactors", Password);
        string everything = string.Join("\n", logs.Messages.Concat(tags));
        Assert.NotEmpty(logs.Messages);
        Assert.Contains(tags, t => t.StartsWith("authactors.origin=", StringComparison.Ordinal));
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ha1, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("response=", everything, StringComparison.Ordinal);
        Assert.Equal(1, runtime.Diagnostics.Rejections.Total);
    }
}
