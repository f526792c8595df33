using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthActors.Actors;

/// <summary>
/// A tree of actors under the user guardian <c>/user</c>, with dead letters, a scheduler on the injected
/// <see cref="System.TimeProvider"/>, and an ordered shutdown. Create one per application (or per test) and stop it with
/// <see cref="StopAsync"/> or <c>await using</c>.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell _guardian;
    private readonly DeadLetterActorRef _deadLetters;
    private readonly TaskCompletionSource _guardianStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _scheduledLock = new();
    private readonly HashSet<ScheduledTell> _scheduledTells = [];

    // Under _scheduledLock: set once shutdown cancels the pending tells; later schedules are canceled at once.
    private bool _schedulerClosed;

    // 0 until the first StopAsync; the shutdown runs once.
    private int _stopping;

    // The one shutdown run. It never faults (it only catches its own timeout); callers await _terminated.
    private Task? _shutdown;
    private volatile bool _stopTimedOut;

    private ActorSystem(string name, ActorSystemOptions options)
    {
        Name = name;
        Options = options;
        TimeProvider = options.TimeProvider;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("AuthActors.Actors.ActorSystem");
        _deadLetters = new DeadLetterActorRef(this);
        _guardian = new ActorCell(this, null, "user", Props.Create(static () => new UserGuardian()));
        _guardian.Start();
    }

    /// <summary>Raised for every dead letter: messages to stopped or unknown actors and unhandled messages. Handlers run on the
    /// publishing thread (often an actor's) and must be quick; exceptions they throw are logged and ignored.</summary>
    public event EventHandler<DeadLetter>? DeadLetterPublished;

    /// <summary>The system's name (for logs).</summary>
    public string Name { get; }

    /// <summary>The options it was created with.</summary>
    public ActorSystemOptions Options { get; }

    /// <summary>The clock for timeouts and scheduling (<see cref="ActorSystemOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary><c>/deadLetters</c>: what is told to it is published as a <see cref="DeadLetter"/>; the default <c>Sender</c>.</summary>
    public IActorRef DeadLetters => _deadLetters;

    /// <summary>Completes when the system has stopped (or given up waiting for actors, see <see cref="StopTimedOut"/>).</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>Whether the system has stopped.</summary>
    public bool IsTerminated => _terminated.Task.IsCompleted;

    /// <summary>Whether the shutdown hit its timeout and abandoned actors that were still running (they are also logged).</summary>
    public bool StopTimedOut => _stopTimedOut;

    internal ILogger Logger { get; }

    /// <summary>Creates and starts an actor system.</summary>
    /// <param name="name">A name for logs.</param>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults of <see cref="ActorSystemOptions"/>.</param>
    /// <returns>The running system.</returns>
    public static ActorSystem Create(string name, ActorSystemOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        options ??= new ActorSystemOptions();
        if (options.TimeProvider is null)
        {
            throw new ArgumentException("ActorSystemOptions.TimeProvider must not be null.", nameof(options));
        }

        if (options.DefaultAskTimeout <= TimeSpan.Zero && options.DefaultAskTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("ActorSystemOptions.DefaultAskTimeout must be positive or infinite.", nameof(options));
        }

        if (options.StopTimeout < TimeSpan.Zero && options.StopTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("ActorSystemOptions.StopTimeout must be zero, positive or infinite.", nameof(options));
        }

        return new ActorSystem(name, options);
    }

    /// <summary>Creates a top-level actor, supervised by the user guardian with <see cref="OneForOneStrategy.Default"/>. Thread-safe.</summary>
    /// <param name="props">How to create it.</param>
    /// <param name="name">A unique name among live top-level actors; <see langword="null"/> generates one starting with <c>$</c>.</param>
    /// <returns>The actor's reference, e.g. <c>/user/registry</c>.</returns>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    /// <exception cref="InvalidOperationException">The system is stopping.</exception>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        if (Volatile.Read(ref _stopping) != 0)
        {
            throw new InvalidOperationException($"Actor system '{Name}' is stopping.");
        }

        return _guardian.CreateChild(props, name);
    }

    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> once after <paramref name="delay"/> on the system's clock.</summary>
    /// <param name="delay">The delay; zero or more.</param>
    /// <param name="receiver">The recipient.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender the recipient sees.</param>
    /// <returns>A handle whose <see cref="ICancelable.Cancel"/> prevents the tell if it has not happened yet. Pending tells are
    /// canceled when the system stops; after that, scheduling returns an already canceled handle.</returns>
    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var item = new ScheduledTell(this, receiver, message, sender);
        bool closed;
        lock (_scheduledLock)
        {
            closed = _schedulerClosed;
            if (!closed)
            {
                _scheduledTells.Add(item);
            }
        }

        if (closed)
        {
            item.Cancel();
        }
        else
        {
            item.Start(delay);
        }

        return item;
    }

    /// <summary>
    /// Stops every actor: each actor first processes the messages queued before the stop reached it, then stops its
    /// children, and stops itself after they have (children before parents; PostStop runs; watchers and pending Asks
    /// are told). Idempotent: later calls await the same shutdown. Messages sent to an actor after it began stopping
    /// become dead letters.
    /// </summary>
    /// <param name="timeout">How long to wait, on the system's clock; <see langword="null"/> uses <see cref="ActorSystemOptions.StopTimeout"/>.
    /// Only the first call's timeout counts. When it passes, the remaining actors are abandoned, logged, and <see cref="StopTimedOut"/> is set.</param>
    /// <param name="cancellationToken">Stops this caller's wait (it throws <see cref="OperationCanceledException"/>); the shutdown itself goes on.</param>
    /// <returns>A task that completes when the system has terminated.</returns>
    public Task StopAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 0)
        {
            TimeSpan effective = timeout ?? Options.StopTimeout;
            if (effective < TimeSpan.Zero && effective != Timeout.InfiniteTimeSpan)
            {
                effective = TimeSpan.Zero;
            }

            _shutdown = ShutdownAsync(effective);
        }

        return cancellationToken.CanBeCanceled ? _terminated.Task.WaitAsync(cancellationToken) : _terminated.Task;
    }

    /// <summary>Same as <see cref="StopAsync"/> with the default timeout.</summary>
    /// <returns>A task that completes when the system has terminated.</returns>
    public ValueTask DisposeAsync() => new(StopAsync());

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem {Name}";

    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient, bool recipientTerminated)
    {
        if (recipientTerminated && sender is IPendingAsk ask)
        {
            // An Ask to a stopped actor fails at once instead of waiting for its timeout.
            ask.FailTerminated(recipient);
        }

        if (Logger.IsEnabled(LogLevel.Debug))
        {
            ActorLog.DeadLetter(Logger, message.GetType().ToString(), recipient.Path);
        }

        EventHandler<DeadLetter>? handler = DeadLetterPublished;
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(this, new DeadLetter(message, sender, recipient));
        }
        catch (Exception exception)
        {
            // A subscriber's bug must not fail the actor that happened to publish.
            ActorLog.DeadLetterHandlerFailed(Logger, exception);
        }
    }

    internal void OnGuardianTerminated() => _guardianStopped.TrySetResult();

    internal void Unregister(ScheduledTell item)
    {
        lock (_scheduledLock)
        {
            _scheduledTells.Remove(item);
        }
    }

    private async Task ShutdownAsync(TimeSpan timeout)
    {
        try
        {
            _guardian.PostInternal(GracefulStop.Instance);
            await _guardianStopped.Task.WaitAsync(timeout, TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _stopTimedOut = true;
            ActorLog.StopTimedOut(Logger, Name, timeout, string.Join(", ", _guardian.ChildPaths()));
        }
        finally
        {
            ScheduledTell[] pending;
            lock (_scheduledLock)
            {
                _schedulerClosed = true;
                pending = [.. _scheduledTells];
            }

            foreach (ScheduledTell item in pending)
            {
                item.Cancel();
            }

            ActorLog.ActorSystemStopped(Logger, Name);
            _terminated.TrySetResult();
        }
    }
}
