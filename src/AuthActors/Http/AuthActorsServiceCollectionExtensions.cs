using System.Diagnostics.Metrics;
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

/// <summary>Registers AuthActors: the runtime (actor system) as a singleton that a hosted service
/// starts and stops, and the credential chain it asks.</summary>
public static class AuthActorsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the AuthActors runtime, its credential chain and its hosted service. Options bind from
    /// the <c>authactors</c> configuration section when an <see cref="IConfiguration"/> is
    /// registered. Safe to call more than once: later calls configure the same builder.
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
            services.AddSingleton(builder);
            services.AddOptions<AuthActorsOptions>()
                .Configure<IServiceProvider>((options, sp) =>
                {
                    if (sp.GetService<IConfiguration>() is { } configuration)
                    {
                        AuthActorsConfigurationBinder.Bind(configuration.GetSection(AuthActorsOptions.SectionName), options);
                    }
                });
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<UrlUserInfoCredentialSource>();
            services.TryAddSingleton(sp => CreateChain(sp, builder));
            services.TryAddSingleton(sp => new AuthActorsRuntime(
                sp.GetRequiredService<CredentialChain>(),
                sp.GetRequiredService<IOptions<AuthActorsOptions>>().Value.ToSpaceSettings(),
                new AuthSchemeRegistry([.. AuthSchemeRegistry.Default.Schemes, .. builder.Schemes]),
                sp.GetService<ILoggerFactory>(),
                new AuthActorsDiagnostics(sp.GetService<IMeterFactory>()),
                sp.GetService<TimeProvider>()));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuthActorsHostedService>());
        }

        configure?.Invoke(builder);
        return builder;
    }

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
                        sources.Add(new ConfigurationCredentialSource(configuration.GetSection("authactors:credentials:entries")));
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
