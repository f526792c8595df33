using AuthActors.Credentials;
using AuthActors.Http;
using AuthActors.Spaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds AuthActors to a named or typed HttpClient.</summary>
public static class AuthActorsHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds an <see cref="AuthActorsHandler"/> to the client's pipeline (and AuthActors itself, if
    /// not added yet), always innermost, next to the primary handler, whatever the order of the
    /// calls: handlers added later (a resilience handler's retries) wrap it, so every attempt
    /// gets a fresh header. The primary handler's own redirects are turned off, even if it is
    /// replaced later, so that each hop is authenticated by its own origin's space (see
    /// <see cref="AuthActorsHandlerOptions.FollowRedirects"/>).
    /// All auth state lives in the runtime's actors, so the handler can be recreated every
    /// HandlerLifetime without a new challenge.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Adjusts this client's handler options (after configuration).</param>
    /// <returns>The client builder.</returns>
    public static IHttpClientBuilder AddAuthActorsHandler(this IHttpClientBuilder builder, Action<AuthActorsHandlerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthActors();
        builder.AddHttpMessageHandler(sp =>
        {
            // The current settings: a reloaded configuration reaches the next handler the factory builds.
            AuthActorsHandlerOptions options = sp.GetRequiredService<IOptionsMonitor<AuthActorsOptions>>().CurrentValue.Handler;
            var copy = new AuthActorsHandlerOptions
            {
                BufferLimit = options.BufferLimit,
                VerifyRspAuth = options.VerifyRspAuth,
                FollowRedirects = options.FollowRedirects,
                MaxRedirects = options.MaxRedirects,
                Proxy = options.Proxy,
                UseDefaultProxy = options.UseDefaultProxy,
            };
            configure?.Invoke(copy);
            return new AuthActorsHandler(sp.GetRequiredService<AuthActorsRuntime>(), copy, sp.GetService<UrlUserInfoCredentialSource>());
        });
        // After every other configuration of this client, whatever its order: AuthActors sits
        // innermost, next to the primary handler, so a retry by a resilience handler (Polly) goes
        // through it again and carries a fresh header (re-sending the old one replays its nc,
        // which a server refuses); and the primary's own redirects stay off, so each hop is
        // authenticated by its own origin's space.
        builder.Services.PostConfigure<HttpClientFactoryOptions>(builder.Name, options =>
            options.HttpMessageHandlerBuilderActions.Add(PlaceAuthActorsInnermost));
        return builder;
    }

    private static void PlaceAuthActorsInnermost(HttpMessageHandlerBuilder pipeline)
    {
        IList<DelegatingHandler> handlers = pipeline.AdditionalHandlers;
        List<DelegatingHandler> ours = [.. handlers.Where(h => h is AuthActorsHandler)];
        foreach (DelegatingHandler handler in ours)
        {
            handlers.Remove(handler);
            handlers.Add(handler);
        }

        switch (pipeline.PrimaryHandler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }
}

