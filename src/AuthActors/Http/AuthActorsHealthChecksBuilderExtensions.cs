using AuthActors.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds AuthActors to the host's health checks.</summary>
public static class AuthActorsHealthChecksBuilderExtensions
{
    /// <summary>Adds <see cref="AuthActorsHealthCheck"/> under <paramref name="name"/>.</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; the default value is <c>authactors</c>.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>ready</c>).</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddAuthActors(this IHealthChecksBuilder builder, string name = "authactors", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<AuthActorsHealthCheck>(name, HealthStatus.Unhealthy, tags ?? []);
    }
}
