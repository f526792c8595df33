namespace AuthActors.Actors;

/// <summary>Ask (request-response) and awaiting an actor's termination from outside an actor.</summary>
public static class ActorRefExtensions
{
    // For references that belong to no ActorSystem (e.g. a hand-written IActorRef in a test).
    private static readonly TimeSpan s_fallbackAskTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sends <paramref name="message"/> with a temporary reply address and returns the reply. No actor is created; the
    /// cost is one small object, its task and one timer registration on the system's clock.
    /// </summary>
    /// <typeparam name="T">The expected reply type. A <see cref="Status.Success"/> carrying a <typeparamref name="T"/> is unwrapped.</typeparam>
    /// <param name="target">The actor to ask.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">How long to wait; <see langword="null"/> uses <see cref="ActorSystemOptions.DefaultAskTimeout"/>
    /// (5 s by default); <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="AskTimeoutException">No reply in time; the message names the target path and the message type.</exception>
    /// <exception cref="ActorTerminatedException">The target had stopped, or stopped before replying (raised at once, not after the timeout).</exception>
    /// <exception cref="InvalidCastException">The reply is not a <typeparamref name="T"/>; the message names both types.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>A reply of <see cref="Status.Failure"/> throws its <see cref="Status.Failure.Cause"/>.</remarks>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        ActorSystem? system = (target as IInternalActorRef)?.System;
        TimeSpan effective = timeout ?? system?.Options.DefaultAskTimeout ?? s_fallbackAskTimeout;
        if (effective <= TimeSpan.Zero && effective != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), effective, "The Ask timeout must be positive or infinite.");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var ask = new AskRef<T>(target, message.GetType(), effective);
        ask.Arm(system?.TimeProvider ?? TimeProvider.System, cancellationToken);
        target.Tell(message, ask);
        return ask.Task;
    }

    /// <summary>Completes when <paramref name="target"/> has stopped; at once if it already has.</summary>
    /// <param name="target">An actor of an <see cref="ActorSystem"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes on termination.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> does not belong to an actor system.</exception>
    public static Task WatchAsync(this IActorRef target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not IInternalActorRef watched)
        {
            throw new ArgumentException($"'{target.Path}' is not an actor of an ActorSystem and cannot be watched.", nameof(target));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        return new TerminationWatcher(watched).Start(cancellationToken);
    }
}
