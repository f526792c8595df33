namespace AuthActors.Actors;

/// <summary>
/// Maps a child's failure to a <see cref="Directive"/> and keeps a restart budget per child: after
/// <see cref="MaxNrOfRetries"/> restarts within <see cref="WithinTimeRange"/> the next Restart becomes Stop.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Sets the restart budget.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed per child within the window; -1 (any negative) means unlimited, 0 means never restart.</param>
    /// <param name="withinTimeRange">The window; <see cref="TimeSpan.Zero"/> or <see cref="Timeout.InfiniteTimeSpan"/> means the count never resets.</param>
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan withinTimeRange)
    {
        if (withinTimeRange < TimeSpan.Zero && withinTimeRange != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(withinTimeRange), withinTimeRange, "The window must be zero, positive or infinite.");
        }

        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
    }

    /// <summary>Restarts allowed per child within <see cref="WithinTimeRange"/>; negative means unlimited.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The restart window; zero or infinite means the count never resets.</summary>
    public TimeSpan WithinTimeRange { get; }

    /// <summary>
    /// Akka's default decider: <see cref="ActorInitializationException"/> (constructor or PreStart threw) stops the
    /// child, because restarting would fail the same way; any other exception restarts it.
    /// </summary>
    /// <param name="exception">The child's failure.</param>
    /// <returns><see cref="Directive.Stop"/> or <see cref="Directive.Restart"/>.</returns>
    public static Directive DefaultDecider(Exception exception) =>
        exception is ActorInitializationException ? Directive.Stop : Directive.Restart;

    /// <summary>Chooses what to do with a child that threw <paramref name="exception"/>. Runs on the supervisor's thread.</summary>
    /// <param name="exception">The child's failure.</param>
    /// <returns>The directive; Restart is turned into Stop when the child's budget is spent.</returns>
    public abstract Directive Decide(Exception exception);

    /// <summary>Decides and applies the restart budget of <paramref name="stats"/>. Runs on the supervisor's thread only.</summary>
    internal Directive Handle(ref RestartStatistics stats, Exception exception, TimeProvider timeProvider)
    {
        Directive directive = Decide(exception);
        if (directive == Directive.Restart && !RequestRestartPermission(ref stats, timeProvider))
        {
            directive = Directive.Stop;
        }

        return directive;
    }

    private bool RequestRestartPermission(ref RestartStatistics stats, TimeProvider timeProvider)
    {
        if (MaxNrOfRetries < 0)
        {
            return true;
        }

        if (MaxNrOfRetries == 0)
        {
            return false;
        }

        if (WithinTimeRange == TimeSpan.Zero || WithinTimeRange == Timeout.InfiniteTimeSpan)
        {
            stats.Count++;
            return stats.Count <= MaxNrOfRetries;
        }

        // A fixed window that opens at the first restart after the previous window closed (Akka's ChildRestartStats).
        long now = timeProvider.GetTimestamp();
        if (stats.Count == 0 || timeProvider.GetElapsedTime(stats.WindowStart, now) > WithinTimeRange)
        {
            stats.Count = 1;
            stats.WindowStart = now;
            return true;
        }

        stats.Count++;
        return stats.Count <= MaxNrOfRetries;
    }
}
