using AuthActors.Credentials;
using AuthActors.Http;
using AuthActors.Spaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures AuthActors in DI: credential sources, schemes and options. Returned by
/// <see cref="AuthActorsServiceCollectionExtensions.AddAuthActors"/>; calling that twice yields
/// the same builder.
/// </summary>
public sealed class AuthActorsBuilder
{
    internal AuthActorsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Sources added in code; they come before the configured ones, in the order added.</summary>
    internal List<Func<IServiceProvider, ICredentialSource>> Sources { get; } = [];

    /// <summary>Schemes besides Digest and Basic (a later one of the same name replaces a built-in).</summary>
    internal List<IAuthScheme> Schemes { get; } = [];

    /// <summary>The in-memory source that <c>AddCredential</c> fills.</summary>
    internal InMemoryCredentialSource Memory { get; } = new();

    /// <summary>Adds a credential for <paramref name="origin"/> (and <paramref name="realm"/>, when given)
    /// to the in-memory source.</summary>
    /// <returns>The builder.</returns>
    public AuthActorsBuilder AddCredential(Uri origin, string userName, string password, string? realm = null)
    {
        Memory.Add(origin, userName, password, realm);
        return this;
    }

    /// <summary>Adds a credential for <paramref name="origin"/> that answers only
    /// <paramref name="schemes"/>: an OAuth client secret for the Bearer scheme's token endpoint
    /// (<c>AddCredential(origin, clientId, secret, ["Bearer"])</c>) is then never sent to a Basic
    /// or Digest challenge from the same origin.</summary>
    /// <returns>The builder.</returns>
    public AuthActorsBuilder AddCredential(Uri origin, string userName, string password, IReadOnlyList<string> schemes, string? realm = null)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        Memory.Add(origin, new Credential(userName, password).ForSchemes([.. schemes]), realm);
        return this;
    }

    /// <summary>Adds a credential source to the chain, before the configured ones.</summary>
    /// <returns>The builder.</returns>
    public AuthActorsBuilder AddCredentialSource(ICredentialSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Sources.Add(_ => source);
        return this;
    }

    /// <summary>Adds a credential source built from the container.</summary>
    /// <returns>The builder.</returns>
    public AuthActorsBuilder AddCredentialSource(Func<IServiceProvider, ICredentialSource> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Sources.Add(factory);
        return this;
    }

    /// <summary>Registers an authentication scheme (see <see cref="IAuthScheme"/>).</summary>
    /// <returns>The builder.</returns>
    public AuthActorsBuilder AddScheme(IAuthScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        Schemes.Add(scheme);
        return this;
    }

    /// <summary>Configures options in code (after configuration is bound).</summary>
    /// <returns>The builder.</returns>
    public AuthActorsBuilder Configure(Action<AuthActorsOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Binds options from the configuration section <paramref name="sectionPath"/>
    /// (HOCON durations and sizes understood).</summary>
    /// <returns>The builder.</returns>
    public AuthActorsBuilder BindConfiguration(string sectionPath = AuthActorsOptions.SectionName)
    {
        Services.AddOptions<AuthActorsOptions>()
            .Configure<IServiceProvider>((options, sp) => AuthActorsServiceCollectionExtensions.BindFromConfiguration(
                sp.GetRequiredService<IConfiguration>(), sectionPath, options, sp.GetService<ILoggerFactory>()));
        return this;
    }
}
