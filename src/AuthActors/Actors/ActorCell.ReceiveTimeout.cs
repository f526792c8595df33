namespace AuthActors.Actors;

/// <summary>
/// Receive timeout (Akka's ActorCell.ReceiveTimeout), used for passivation. Instead of resetting a timer after every
/// message (a timer-queue lock per message on the hot path), each influencing message only records a timestamp; when
/// the one timer fires, the cell checks the idle time and either delivers <see cref="ReceiveTimeout"/> or re-arms
/// for the remainder.
/// </summary>
internal sealed partial class ActorCell
{
    private static readonly TimerCallback s_onReceiveTimeoutTimer =
        static state => ((ActorCell)state!).PostInternal(ReceiveTimeoutTick.Instance);

    private TimeSpan? _receiveTimeout;

    // TimeProvider timestamp of the last influencing message (or of the last delivered ReceiveTimeout).
    private long _lastActivity;

    private ITimer? _receiveTimeoutTimer;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        // Infinite (-1 ms) is below zero, so this also covers it.
        if (timeout is not TimeSpan value || value <= TimeSpan.Zero)
        {
            StopReceiveTimeout();
            return;
        }

        if (_terminating)
        {
            return;
        }

        TimeProvider time = _system.TimeProvider;
        _receiveTimeout = value;
        _lastActivity = time.GetTimestamp();
        if (_receiveTimeoutTimer is null)
        {
            _receiveTimeoutTimer = time.CreateTimer(s_onReceiveTimeoutTimer, this, value, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _receiveTimeoutTimer.Change(value, Timeout.InfiniteTimeSpan);
        }
    }

    private void StopReceiveTimeout()
    {
        _receiveTimeout = null;
        _receiveTimeoutTimer?.Dispose();
        _receiveTimeoutTimer = null;
    }

    private void OnReceiveTimeoutTick()
    {
        if (_receiveTimeout is not TimeSpan timeout || _receiveTimeoutTimer is null)
        {
            return;
        }

        TimeProvider time = _system.TimeProvider;
        long now = time.GetTimestamp();
        TimeSpan idle = time.GetElapsedTime(_lastActivity, now);
        if (idle < timeout)
        {
            _receiveTimeoutTimer.Change(timeout - idle, Timeout.InfiniteTimeSpan);
            return;
        }

        // Re-arm first, so the handler may clear or change the timeout.
        _lastActivity = now;
        _receiveTimeoutTimer.Change(timeout, Timeout.InfiniteTimeSpan);
        _actor!.AroundReceive(Actors.ReceiveTimeout.Instance);
    }
}
