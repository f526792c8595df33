using System.Diagnostics.Metrics;
using Akka.Hosting;
using AuthActors.Cluster;
using AuthActors.Configuration;
using AuthActors.Credentials;
using AuthActors.Diagnostics;
using AuthActors.Http;
using AuthActors.Spaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AuthActors: the runtime that handlers talk to, the credential chain it asks,
/// and the Akka.NET actor system its spaces live in (through Akka.Hosting).</summary>
public static class AuthActorsServiceCollectionExtensions
{
    /// <summary>The name of the actor system AuthActors starts when the app has none: <c>authactors</c>.</summary>
    public const string ActorSystemName = "authactors";

    /// <summary>
    /// Adds the AuthActors runtime, its credential chain and its hosted service. Options bind from
    /// the <c>authactors</c> configuration section when an <see cref="IConfiguration"/> is
    /// registered. Safe to call more than once: later calls configure the same builder.
    /// <para>An app without Akka.NET of its own gets an actor system through Akka.Hosting's
    /// <c>AddAkka</c>, started and stopped with the host (CoordinatedShutdown), configured by the
    /// <c>akka</c> section of the same configuration. An app that already calls <c>AddAkka</c>
    /// calls it first and adds <see cref="AuthActorsAkkaHostingExtensions.WithAuthActors"/> to its
    /// own builder; AuthActors then starts no system of its own.</para>
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adds sources, schemes and options.</param>
    /// <returns>The builder.</returns>
    public static AuthActorsBuilder AddAuthActors(this IServiceCollection services, Action<AuthActorsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AuthActorsBuilder? builder = services
            .FirstOrDefault(d => d.ServiceType == typeof(AuthActorsBuilder))?.ImplementationInstance as AuthActorsBuilder;
        if (builder is null)
        {
            builder = new AuthActorsBuilder(services);
            bool appHasAkka = services.Any(d => d.ServiceType == typeof(AkkaConfigurationBuilder));
            if (!appHasAkka)
            {
                services.AddAkka(ActorSystemName, (akka, sp) => akka
                    .AddHocon(AuthActorsRuntime.SystemDefaults, HoconAddMode.Prepend)
                    .AddHocon(UserAkkaConfig(sp), HoconAddMode.Prepend)
                    .WithAuthActors());
            }

            services.AddSingleton(builder);
            services.AddOptions<AuthActorsOptions>()
                .Configure<IServiceProvider>((options, sp) =>
                {
                    if (sp.GetService<IConfiguration>() is { } configuration)
                    {
                        BindFromConfiguration(configuration, AuthActorsOptions.SectionName, options, sp.GetService<ILoggerFactory>());
                    }
                })
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthActorsOptions>, AuthActorsOptionsValidator>());
            // IOptionsMonitor sees a reloaded configuration (handlers built after it use it).
            services.AddSingleton<IOptionsChangeTokenSource<AuthActorsOptions>>(sp =>
                new ConfigurationChangeTokenSource<AuthActorsOptions>(sp.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build()));
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<UrlUserInfoCredentialSource>();
            services.TryAddSingleton(sp => CreateChain(sp, builder));
            services.TryAddSingleton(sp => CreateRuntime(sp, builder));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuthActorsHostedService>());
            StartFirstStopLast(services, ownsAkka: !appHasAkka);
        }

        configure?.Invoke(builder);
        return builder;
    }

    /// <summary>
    /// The host stops hosted services in reverse order of registration, so a worker registered
    /// before <c>AddAuthActors</c> would still be sending when AuthActors and its actor system
    /// stop. Our hosted services move up to start before the app's and stop after them: Akka's
    /// first (when AuthActors started it), then ours right after the app's or our Akka service.
    /// </summary>
    private static void StartFirstStopLast(IServiceCollection services, bool ownsAkka)
    {
        int akka = IndexOf(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(AkkaHostedService));
        if (ownsAkka && akka > 0)
        {
            ServiceDescriptor descriptor = services[akka];
            services.RemoveAt(akka);
            services.Insert(0, descriptor);
            akka = 0;
        }

        int ours = IndexOf(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(AuthActorsHostedService));
        if (ours > akka + 1)
        {
            ServiceDescriptor descriptor = services[ours];
            services.RemoveAt(ours);
            services.Insert(akka + 1, descriptor);
        }

        static int IndexOf(IServiceCollection services, Func<ServiceDescriptor, bool> match)
        {
            for (int i = 0; i < services.Count; i++)
            {
                if (match(services[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>Binds the section, keeping a bad value as a validation failure (reported with every
    /// other when the host starts) and warning once about keys nothing reads.</summary>
    internal static void BindFromConfiguration(IConfiguration configuration, string sectionPath, AuthActorsOptions options, ILoggerFactory? loggerFactory)
    {
        try
        {
            AuthActorsConfigurationBinder.BindSection(configuration, sectionPath, options);
        }
        catch (InvalidOperationException e)
        {
            options.BindErrors.Add(e.Message);
        }

        IReadOnlyList<string> unknown = AuthActorsConfigurationBinder.UnknownKeys(configuration.GetSection(sectionPath));
        if (unknown.Count > 0 && loggerFactory is not null)
        {
            SpaceLog.UnknownKeys(loggerFactory.CreateLogger("AuthActors.Configuration"), string.Join(", ", unknown.Select(k => $"{sectionPath}:{k}")));
        }
    }

    private static AuthActorsRuntime CreateRuntime(IServiceProvider sp, AuthActorsBuilder builder)
    {
        AuthActorsOptions options = sp.GetRequiredService<IOptions<AuthActorsOptions>>().Value;
        ILoggerFactory loggerFactory = sp.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        var diagnostics = new AuthActorsDiagnostics(sp.GetService<IMeterFactory>());
        TimeProvider timeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System;
        // Cluster mode: each nonce's counts (and, shared, the Bearer token) come from the space's owner in the fleet.
        IFleetNonceCounts? fleet = null;
        IFleetTokens? fleetTokens = null;
        IFleetChallenges? fleetChallenges = null;
        if (options.Cluster.Enabled)
        {
            ClusterSettings cluster = options.Cluster.ToClusterSettings();
            Func<CancellationToken, Task<Akka.Actor.IActorRef>> owners = ct => sp.GetRequiredService<IRequiredActor<SpaceOwnerActor>>().GetAsync(ct);
            fleet = new ClusterNonceCounts(owners, cluster, diagnostics, loggerFactory.CreateLogger("AuthActors.Cluster"));
            fleetTokens = options.Cluster.ShareBearerTokens ? new ClusterFleetTokens(owners, cluster, timeProvider) : null;
            fleetChallenges = new ClusterFleetChallenges(owners, cluster, options.ToSpaceSettings().DiscoveryTimeout);
        }

        return new AuthActorsRuntime(
            new SpaceServices(
                sp.GetRequiredService<CredentialChain>(),
                options.ToSpaceSettings(),
                new AuthSchemeRegistry([.. AuthSchemeRegistry.Default.Schemes, .. builder.Schemes, .. ConfiguredBearer(options, builder)]),
                diagnostics,
                loggerFactory,
                timeProvider,
                fleet,
                fleetTokens,
                fleetChallenges),
            ct => FindRegistryAsync(sp, builder, ct));
    }

    /// <summary>The Bearer scheme <c>authactors.bearer</c> describes, unless code registered one.</summary>
    private static IEnumerable<IAuthScheme> ConfiguredBearer(AuthActorsOptions options, AuthActorsBuilder builder)
    {
        if (options.Bearer.TokenEndpoint is not null && !builder.Schemes.Any(s => s.Name == AuthActors.Spaces.Schemes.BearerScheme.SchemeName))
        {
            yield return new AuthActors.Spaces.Schemes.BearerScheme(options.Bearer.ToSchemeOptions());
        }
    }

    /// <summary>The registry actor, once Akka.Hosting has started it (<c>WithAuthActors</c>).</summary>
    private static Task<Akka.Actor.IActorRef> FindRegistryAsync(IServiceProvider sp, AuthActorsBuilder builder, CancellationToken cancellationToken)
    {
        int systems = builder.Services.Count(d => d.ServiceType == typeof(AkkaConfigurationBuilder));
        if (systems > 1)
        {
            throw new InvalidOperationException(
                "AddAkka(...) was called after AddAuthActors(), so two actor systems are registered. " +
                "Call AddAkka(...) with .WithAuthActors() first, then AddAuthActors(), or let AddAuthActors() start its own.");
        }

        return sp.GetRequiredService<IRequiredActor<SpaceRegistryActor>>().GetAsync(cancellationToken);
    }

    /// <summary>The <c>akka</c> section of the app's configuration, resolved by our HOCON front end
    /// (Akka's own parser is not fit for user files, README, Building), over AuthActors' defaults.</summary>
    private static string UserAkkaConfig(IServiceProvider sp) =>
        sp.GetService<IConfiguration>() is { } configuration ? AkkaConfigText.FromConfiguration(configuration) : "";

    private static CredentialChain CreateChain(IServiceProvider sp, AuthActorsBuilder builder)
    {
        AuthActorsOptions options = sp.GetRequiredService<IOptions<AuthActorsOptions>>().Value;
        var sources = new List<ICredentialSource>(builder.Sources.Select(f => f(sp)));
        foreach (string name in options.Credentials.Sources)
        {
            switch (name.Trim().ToLowerInvariant())
            {
                case "memory":
                    sources.Add(builder.Memory);
                    break;
                case "url-userinfo":
                    sources.Add(sp.GetRequiredService<UrlUserInfoCredentialSource>());
                    break;
                case "configuration":
                    if (sp.GetService<IConfiguration>() is { } configuration)
                    {
                        const string entries = "authactors:credentials:entries";
                        sources.Add(configuration is IConfigurationRoot root
                            ? new ConfigurationCredentialSource(root, entries)
                            : new ConfigurationCredentialSource(configuration.GetSection(entries)));
                    }

                    break;
                case "environment":
                    sources.Add(new EnvironmentCredentialSource(options.Credentials.EnvironmentPrefix));
                    break;
                case "netrc":
                    sources.Add(new NetrcCredentialSource(options.Credentials.NetrcFile, sp.GetService<ILoggerFactory>()?.CreateLogger("AuthActors.Credentials.Netrc")));
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Configuration 'authactors:credentials:sources' names an unknown source '{name}'; known: memory, url-userinfo, configuration, environment, netrc.");
            }
        }

        return new CredentialChain(sources, sp.GetService<ILogger<CredentialChain>>());
    }
}
