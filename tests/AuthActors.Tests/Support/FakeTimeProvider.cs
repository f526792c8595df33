namespace AuthActors.Tests.Support;

/// <summary>
/// A hand-written manual clock: time moves only on <see cref="Advance"/> (or <see cref="SetUtcNow"/>), and timers
/// created through it fire during that call, in due-time order, each with the clock set to its due time. Callbacks run
/// on the thread calling <see cref="Advance"/>, outside the provider's lock. A timer due at or before the current time
/// (e.g. due time zero) fires on the next <see cref="Advance"/>, even <c>Advance(TimeSpan.Zero)</c>. Works with
/// <c>Task.Delay(delay, provider)</c> and <c>Task.WaitAsync(timeout, provider)</c>. Thread-safe.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;
    private long _nextSequence;

    /// <summary>Starts the clock at 2000-01-01T00:00:00Z.</summary>
    public FakeTimeProvider()
        : this(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Starts the clock at <paramref name="start"/>.</summary>
    /// <param name="start">The initial time.</param>
    public FakeTimeProvider(DateTimeOffset start) => _now = start;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>The number of timers that are armed (will fire on some future <see cref="Advance"/>).</summary>
    public int ArmedTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(static t => t.DueAt is not null);
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _now.UtcTicks;
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that becomes due on the way.</summary>
    /// <param name="delta">How far; zero fires timers already due.</param>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + delta;
        }

        while (true)
        {
            FakeTimer? due = null;
            lock (_lock)
            {
                foreach (FakeTimer timer in _timers)
                {
                    if (timer.DueAt is { } at && at <= target
                        && (due is null || at < due.DueAt || (at == due.DueAt && timer.Sequence < due.Sequence)))
                    {
                        due = timer;
                    }
                }

                if (due is null)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }

                if (due.DueAt > _now)
                {
                    _now = due.DueAt.Value;
                }

                // Periodic timers re-arm from their due time; one-shot timers disarm before the callback runs.
                due.DueAt = due.Period > TimeSpan.Zero ? due.DueAt + due.Period : null;
                due.Sequence = _nextSequence++;
            }

            due.Callback(due.State);
        }
    }

    /// <summary>Moves the clock forward to <paramref name="value"/>, firing due timers. The clock never goes back.</summary>
    /// <param name="value">The new time; not earlier than now.</param>
    public void SetUtcNow(DateTimeOffset value)
    {
        TimeSpan delta = value - GetUtcNow();
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The fake clock cannot go back.");
        }

        Advance(delta);
    }

    private void ChangeTimer(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        if ((dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan) || (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan))
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), "Due time and period must be non-negative or infinite.");
        }

        lock (_lock)
        {
            if (timer.Disposed)
            {
                return;
            }

            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            timer.Sequence = _nextSequence++;
        }
    }

    private void DisposeTimer(FakeTimer timer)
    {
        lock (_lock)
        {
            timer.Disposed = true;
            timer.DueAt = null;
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        // The fields below are guarded by the owner's lock.
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public long Sequence { get; set; }

        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.ChangeTimer(this, dueTime, period);
            return !Disposed;
        }

        public void Dispose() => owner.DisposeTimer(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
