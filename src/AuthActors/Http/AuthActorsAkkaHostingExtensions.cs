using Akka.Actor;
using Akka.DependencyInjection;
using AuthActors.Cluster;
using AuthActors.Http;
using AuthActors.Spaces;
using Microsoft.Extensions.Options;

namespace Akka.Hosting;

/// <summary>Adds AuthActors to an app's own Akka.Hosting actor system.</summary>
public static class AuthActorsAkkaHostingExtensions
{
    /// <summary>
    /// Starts the AuthActors registry actor (the supervisor of every protection space) in this
    /// actor system and registers it in the <see cref="ActorRegistry"/>, where the handlers find
    /// it. Needs <c>services.AddAuthActors(...)</c>, called after <c>AddAkka</c>, for the credential
    /// chain and settings. AddAuthActors() alone, with no AddAkka in the app, calls this itself.
    /// With <c>authactors.cluster.enabled</c> it also starts the shard region of the space owners
    /// (the system must run Akka.Cluster).
    /// </summary>
    /// <param name="builder">The app's Akka.Hosting builder.</param>
    /// <returns>The builder.</returns>
    public static AkkaConfigurationBuilder WithAuthActors(this AkkaConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithActors(async (ActorSystem system, IActorRegistry registry, IDependencyResolver resolver) =>
        {
            AuthActorsRuntime runtime = resolver.GetService<AuthActorsRuntime>()
                ?? throw new InvalidOperationException("WithAuthActors() needs services.AddAuthActors(...) for its credentials and settings.");
            AuthActorsOptions options = resolver.GetService<IOptions<AuthActorsOptions>>().Value;
            if (options.Cluster.Enabled)
            {
                // Before the registry: a space's first nonce may ask its owner at once.
                AuthActorsSharding.Register(registry, await AuthActorsSharding.StartAsync(system, options.Cluster.ToClusterSettings()).ConfigureAwait(false));
            }

            registry.Register<SpaceRegistryActor>(runtime.CreateRegistry(system));
        });
    }
}
