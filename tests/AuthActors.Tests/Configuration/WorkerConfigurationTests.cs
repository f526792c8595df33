using AuthActors.Credentials;
using AuthActors.Http;
using AuthActors.Spaces;
using AuthActors.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthActors.Tests.Configuration;

/// <summary>
/// AuthActors' configuration in a worker as .NET users build one: layers in the host's order,
/// keys in every spelling .NET sources produce, bad values failing the start with the key named,
/// reloads reaching the options, and credential entries that never fuse across layers.
/// </summary>
public sealed class WorkerConfigurationTests
{
    [Fact]
    public void HoconFile_SitsOverAppSettings_UnderEnvironmentAndCommandLine()
    {
        using var temp = new TempFile("authactors { ask-timeout = 9s, spaces.passivate-after = 7m, spaces.max-nonce-pool = 9 }");
        string prefix = $"AATEST{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "AUTHACTORS__SPACES__MAX_NONCE_POOL", "11");
        try
        {
            var configuration = new ConfigurationManager();
            configuration.AddInMemoryCollection([new("authactors:spaces:passivate-after", "1m"), new("authactors:ask-timeout", "1s")]); // appsettings.json
            configuration.AddEnvironmentVariables(prefix);
            configuration.AddCommandLine(["--authactors:ask-timeout=3s"]);

            configuration.AddAuthActorsHoconFile(temp.Path);

            AuthActorsOptions options = Bind(configuration);
            Assert.Equal(TimeSpan.FromSeconds(3), options.AskTimeout);               // command line over the file
            Assert.Equal(11, options.Spaces.MaxNoncePool);                           // environment over the file
            Assert.Equal(TimeSpan.FromMinutes(7), options.Spaces.PassivateAfter);    // the file over appsettings
            Assert.Equal(TimeSpan.FromMinutes(1), options.Spaces.RejectionRetryAfter); // reference.conf under all
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "AUTHACTORS__SPACES__MAX_NONCE_POOL", null);
        }
    }

    [Fact]
    public void Reference_AddedAfterOtherSources_IsStillTheLowestLayer_AndAddedOnce()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("authactors:ask-timeout", "4s")]);

        configuration.AddAuthActorsReference().AddAuthActorsReference();

        Assert.Equal("4s", configuration["authactors:ask-timeout"]);
        Assert.Single(((IConfigurationBuilder)configuration).Sources, s => s.GetType().Name == "HoconTextConfigurationSource");
    }

    [Theory]
    [InlineData("AuthActors:AskTimeout", "AuthActors:Spaces:LeaseMode")]            // appsettings.json
    [InlineData("AUTHACTORS:ASK_TIMEOUT", "AUTHACTORS:SPACES:LEASE_MODE")]          // AUTHACTORS__ASK_TIMEOUT
    [InlineData("authactors:ask-timeout", "authactors:spaces:lease-mode")]          // HOCON
    public void EverySpellingOfAKey_Binds_AndIsNotUnknown(string askTimeout, string leaseMode)
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddAuthActorsReference()
            .AddInMemoryCollection([new(askTimeout, "3s"), new(leaseMode, "exclusive")])
            .Build();

        AuthActorsOptions options = Bind(configuration);

        Assert.Equal(TimeSpan.FromSeconds(3), options.AskTimeout);
        Assert.Equal(LeaseMode.Exclusive, options.Spaces.LeaseMode);
        Assert.Empty(AuthActorsConfigurationBinder.UnknownKeys(configuration.GetSection("authactors")));
    }

    [Fact]
    public void TwoSpellingsOfOneKey_TheLaterSourceWins()
    {
        IConfigurationRoot pascalLast = new ConfigurationBuilder()
            .AddInMemoryCollection([new("authactors:ask-timeout", "2s")])
            .AddInMemoryCollection([new("AuthActors:AskTimeout", "6s")])
            .Build();
        IConfigurationRoot kebabLast = new ConfigurationBuilder()
            .AddInMemoryCollection([new("AuthActors:AskTimeout", "6s")])
            .AddInMemoryCollection([new("authactors:ask-timeout", "2s")])
            .Build();

        Assert.Equal(TimeSpan.FromSeconds(6), Bind(pascalLast).AskTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), Bind(kebabLast).AskTimeout);
    }

    [Theory]
    [InlineData("authactors:handler:max-redirects", "1000", "between 0 and 100")]
    [InlineData("authactors:ask-timeout", "soon", "a duration")]
    [InlineData("AuthActors:Spaces:MaxNoncePool", "0", "at least 1")]
    public async Task BadValue_FailsTheHostStart_NamingTheKeyAndTheRule(string key, string value, string rule)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddAuthActorsReference().AddInMemoryCollection([new(key, value)]);
        builder.Services.AddAuthActors();
        using IHost host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        string failure = Assert.Single(error.Failures);
        Assert.Contains(AuthActorsConfigurationBinder.Normalize(key), AuthActorsConfigurationBinder.Normalize(failure), StringComparison.Ordinal);
        Assert.Contains(rule, failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void UnknownKey_InAnApp_IsWarnedAboutByName()
    {
        var logs = new CollectingLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddAuthActorsReference()
            .AddInMemoryCollection([new("AuthActors:Spaces:PasivateAfter", "5m")])
            .Build());
        services.AddAuthActors();
        using ServiceProvider provider = services.BuildServiceProvider();

        _ = provider.GetRequiredService<IOptions<AuthActorsOptions>>().Value;

        Assert.Contains(logs.Messages, m => m.StartsWith("Warning", StringComparison.Ordinal) && m.Contains("authactors:Spaces:PasivateAfter", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Reload_ReachesIOptionsMonitor()
    {
        var changing = new ChangingSource();
        IConfigurationRoot configuration = new ConfigurationBuilder().AddAuthActorsReference().Add(changing).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAuthActors();
        using ServiceProvider provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<AuthActorsOptions>>();
        Assert.Equal(10, monitor.CurrentValue.Handler.MaxRedirects);
        using var changed = new ManualResetEventSlim();
        using IDisposable? subscription = monitor.OnChange(_ => changed.Set());

        changing.Provider.Change("authactors:handler:max-redirects", "3");

        Assert.True(changed.Wait(TestTimeouts.Default), "no change notification");
        Assert.Equal(3, monitor.CurrentValue.Handler.MaxRedirects);
    }

    [Fact]
    public async Task ListEntries_FromTwoLayers_AreAnError_NeverAlicesPasswordForBob()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
            [
                new("authactors:credentials:entries:0:origin", "https://alice.example"),
                new("authactors:credentials:entries:0:username", "alice"),
                new("authactors:credentials:entries:0:password", "alice-secret"),
            ])
            .AddInMemoryCollection(
            [
                new("authactors:credentials:entries:0:origin", "https://bob.example"),
                new("authactors:credentials:entries:0:username", "bob"), // password from a variable that is not set
            ])
            .Build();
        var source = new ConfigurationCredentialSource(configuration, "authactors:credentials:entries");

        var error = await Assert.ThrowsAsync<CredentialSourceException>(() => source.GetAsync(Request("https://bob.example"), default).AsTask());

        Assert.Contains("only in part", error.Message, StringComparison.Ordinal);
        Assert.Contains("give each entry a name", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alice-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamedEntries_FromTwoLayers_StayApart_AndALaterLayerMayOverrideOneField()
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddHoconString("""authactors.credentials.entries { alice { origin = "https://alice.example", username = alice, password = "old" } }""")
            .AddInMemoryCollection(
            [
                new("AuthActors:Credentials:Entries:Bob:Origin", "https://bob.example"),
                new("AuthActors:Credentials:Entries:Bob:UserName", "bob"),
                new("AuthActors:Credentials:Entries:Bob:Password", "bob-secret"),
            ])
            .AddInMemoryCollection([new("AUTHACTORS:CREDENTIALS:ENTRIES:ALICE:PASSWORD", "alice-secret")])
            .Build();
        var source = new ConfigurationCredentialSource(configuration, "authactors:credentials:entries");

        CredentialAnswer bob = await source.GetAsync(Request("https://bob.example"), default);
        CredentialAnswer alice = await source.GetAsync(Request("https://alice.example"), default);

        Assert.Equal(("bob", "bob-secret"), (bob.Credential!.UserName, bob.Credential.Password));
        Assert.Equal(("alice", "alice-secret"), (alice.Credential!.UserName, alice.Credential.Password));
    }

    [Fact]
    public void AddAuthActors_ReadsEntriesThroughTheRoot_SoAFusedListEntryFails()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection([new("authactors:credentials:sources", "configuration"), new("authactors:credentials:entries:0:origin", "https://a.example"), new("authactors:credentials:entries:0:username", "a"), new("authactors:credentials:entries:0:password", "p")])
            .AddInMemoryCollection([new("authactors:credentials:entries:0:origin", "https://b.example")])
            .Build());
        services.AddAuthActors();
        using ServiceProvider provider = services.BuildServiceProvider();

        CredentialChain chain = provider.GetRequiredService<CredentialChain>();

        ConfigurationCredentialSource source = Assert.IsType<ConfigurationCredentialSource>(Assert.Single(chain.Sources));
        Assert.Throws<CredentialSourceException>(source.Validate);
    }

    private static CredentialRequest Request(string origin) => new(new Uri(origin), "realm", "Digest", IsProxy: false);

    private static AuthActorsOptions Bind(IConfigurationRoot configuration)
    {
        var options = new AuthActorsOptions();
        AuthActorsConfigurationBinder.Bind(configuration, AuthActorsOptions.SectionName, options);
        return options;
    }

    private sealed class ChangingSource : IConfigurationSource
    {
        public ChangingProvider Provider { get; } = new();

        public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
    }

    private sealed class ChangingProvider : ConfigurationProvider
    {
        public void Change(string key, string value)
        {
            Set(key, value);
            OnReload();
        }
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"authactors-{Guid.NewGuid():N}.conf");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
