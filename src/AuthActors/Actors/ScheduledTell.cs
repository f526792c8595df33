namespace AuthActors.Actors;

/// <summary>One pending <see cref="ActorSystem.ScheduleTellOnce"/>: a timer of the system's clock that tells once unless canceled.</summary>
internal sealed class ScheduledTell(ActorSystem system, IActorRef receiver, object message, IActorRef? sender) : ICancelable
{
    private static readonly TimerCallback s_onFire = static state => ((ScheduledTell)state!).Fire();

    private ITimer? _timer;

    // 0 = pending, 1 = fired or canceled: whoever flips it first wins.
    private int _done;
    private volatile bool _cancelRequested;

    public bool IsCancellationRequested => _cancelRequested;

    public void Start(TimeSpan delay) =>
        _timer = system.TimeProvider.CreateTimer(s_onFire, this, delay, Timeout.InfiniteTimeSpan);

    public void Cancel()
    {
        _cancelRequested = true;
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            _timer?.Dispose();
            system.Unregister(this);
        }
    }

    private void Fire()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            system.Unregister(this);
            receiver.Tell(message, sender);
        }

        _timer?.Dispose();
    }
}
