using Microsoft.Extensions.Logging;

namespace AuthActors.Actors;

/// <summary>Settings of an <see cref="ActorSystem"/>. Immutable; pass it to <see cref="ActorSystem.Create"/>.</summary>
public sealed record ActorSystemOptions
{
    /// <summary>The clock for Ask timeouts, receive timeouts, scheduled tells, restart windows and the stop timeout.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The timeout of an Ask that does not pass its own.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan DefaultAskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <see cref="ActorSystem.StopAsync"/> waits for actors to drain and stop before abandoning them.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where handler faults, escalations and shutdown problems are logged. Message contents are never logged, only their types.</summary>
    /// <value>The default value is <see langword="null"/> (nothing is logged).</value>
    public ILoggerFactory? LoggerFactory { get; init; }
}
