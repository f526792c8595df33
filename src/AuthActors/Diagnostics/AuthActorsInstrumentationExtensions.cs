using AuthActors.Diagnostics;

namespace OpenTelemetry.Metrics
{
    /// <summary>Collects AuthActors' metrics with OpenTelemetry.</summary>
    public static class AuthActorsMeterProviderBuilderExtensions
    {
        /// <summary>Adds the <c>AuthActors</c> meter: challenges, retries, rejections, unanswered
        /// responses by failure kind, lease wait, live and unhealthy spaces.</summary>
        /// <param name="builder">The meter provider builder.</param>
        /// <returns>The builder.</returns>
        public static MeterProviderBuilder AddAuthActorsInstrumentation(this MeterProviderBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return builder.AddMeter(AuthActorsDiagnostics.Name);
        }
    }
}

namespace OpenTelemetry.Trace
{
    /// <summary>Collects AuthActors' spans with OpenTelemetry.</summary>
    public static class AuthActorsTracerProviderBuilderExtensions
    {
        /// <summary>Adds the <c>AuthActors</c> activity source: one span per authentication round.</summary>
        /// <param name="builder">The tracer provider builder.</param>
        /// <returns>The builder.</returns>
        public static TracerProviderBuilder AddAuthActorsInstrumentation(this TracerProviderBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            return builder.AddSource(AuthActorsDiagnostics.Name);
        }
    }
}
