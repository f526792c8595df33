using AuthActors.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AuthActors.Spaces;

/// <summary>What a scheme state may use of the actor that owns it.</summary>
public abstract class SpaceContext
{
    /// <summary>The space this state belongs to.</summary>
    public abstract SpaceKey Key { get; }

    /// <summary>Cluster mode: where nonce counts unique across the fleet come from; null in one process.</summary>
    internal virtual IFleetNonceCounts? Fleet => null;

    /// <summary>Cluster mode with shared Bearer tokens: where the fleet's token comes from; null otherwise.</summary>
    internal virtual IFleetTokens? FleetTokens => null;

    /// <summary>Settings of every space.</summary>
    public abstract SpaceSettings Settings { get; }

    /// <summary>The clock. Never read DateTime.Now in a scheme.</summary>
    public abstract TimeProvider TimeProvider { get; }

    /// <summary>The space's logger. Never log secrets.</summary>
    public abstract ILogger Logger { get; }

    /// <summary>Counters and spans.</summary>
    public abstract AuthActorsDiagnostics Diagnostics { get; }

    /// <summary>
    /// True when the space was rebuilt (after passivation, or a restart after a failure) from a
    /// challenge it had already answered: a nonce in it may be used, so the state should start
    /// from a fresh one rather than count from nc 1 again.
    /// </summary>
    public abstract bool IsRebuilt { get; }

    /// <summary>
    /// Runs <paramref name="work"/> off the actor, then calls <paramref name="onSuccess"/> or
    /// <paramref name="onFailure"/> back ON the actor, after which parked requests are offered
    /// again. This is how a scheme does I/O (a token request) without blocking its space.
    /// </summary>
    public abstract void Run<T>(Func<CancellationToken, Task<T>> work, Action<T> onSuccess, Action<Exception> onFailure);
}
