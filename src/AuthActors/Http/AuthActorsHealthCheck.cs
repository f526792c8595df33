using AuthActors.Spaces;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuthActors.Http;

/// <summary>
/// Reports AuthActors to the host's health checks: Unhealthy when the runtime is not running,
/// Degraded while a protection space has its credential refused or has none (each named with
/// why, never a secret, the first ten of them), Healthy otherwise. Register it with
/// <c>services.AddHealthChecks().AddAuthActors()</c>.
/// </summary>
public sealed class AuthActorsHealthCheck(AuthActorsRuntime runtime) : IHealthCheck
{
    private const int Listed = 10;

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!runtime.IsRunning)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "AuthActors is not running"));
        }

        IReadOnlyDictionary<string, string> unhealthy = runtime.Diagnostics.UnhealthySpaces;
        if (unhealthy.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{runtime.Diagnostics.LiveSpaces} protection spaces"));
        }

        var data = unhealthy.OrderBy(kv => kv.Key, StringComparer.Ordinal).Take(Listed).ToDictionary(kv => kv.Key, kv => (object)kv.Value, StringComparer.Ordinal);
        string more = unhealthy.Count > Listed ? $" (the first {Listed} listed)" : "";
        return Task.FromResult(HealthCheckResult.Degraded($"{unhealthy.Count} protection spaces have a refused credential or none{more}", data: data));
    }
}
