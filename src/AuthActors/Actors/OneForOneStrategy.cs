namespace AuthActors.Actors;

/// <summary>Applies the decider's directive to the failing child only (Akka's OneForOneStrategy).</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    private readonly Func<Exception, Directive> _decider;

    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed per child within the window; -1 means unlimited. When spent, Restart becomes Stop.</param>
    /// <param name="withinTimeRange">The window; zero or <see cref="Timeout.InfiniteTimeSpan"/> means the count never resets.</param>
    /// <param name="decider">Maps a failure to a directive; runs on the supervisor's thread. If it throws, the supervisor fails (escalates).</param>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange)
    {
        ArgumentNullException.ThrowIfNull(decider);
        _decider = decider;
    }

    /// <summary>
    /// The default for every actor and the user guardian: <see cref="SupervisorStrategy.DefaultDecider"/>
    /// (<see cref="ActorInitializationException"/> stops, anything else restarts), at most 10 restarts per child within 1 minute.
    /// </summary>
    public static OneForOneStrategy Default { get; } = new(10, TimeSpan.FromMinutes(1), DefaultDecider);

    /// <inheritdoc />
    public override Directive Decide(Exception exception) => _decider(exception);
}
