using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AuthActors.Actors;

namespace AuthActors.Tests.TestKit;

/// <summary>
/// An <see cref="IActorRef"/> that queues what it is told, for tests to assert on (Akka.TestKit's TestProbe). It is not
/// an actor: telling it is synchronous and it keeps working while the system stops, so PostStop reports arrive.
/// Waits use real time (<see cref="TestTimeouts.Default"/> unless given), never the system's fake clock.
/// Expect methods take the NEXT message and fail if it does not match; <see cref="FishForMessageAsync{T}"/> skips.
/// </summary>
public sealed class TestProbe : IActorRef, IInternalActorRef
{
    private readonly Channel<(object Message, IActorRef Sender)> _queue =
        Channel.CreateUnbounded<(object Message, IActorRef Sender)>(new UnboundedChannelOptions { SingleReader = true });

    private IActorRef? _lastSender;
    private object? _lastMessage;

    /// <summary>Creates a probe for <paramref name="system"/>.</summary>
    /// <param name="system">The system whose actors the probe talks to.</param>
    /// <param name="name">A name for failure messages; the path is <c>/probe/{name}</c>.</param>
    public TestProbe(ActorSystem system, string name = "probe")
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        Path = "/probe/" + name;
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>The system given at construction.</summary>
    public ActorSystem System { get; }

    /// <summary>The sender of the last message taken by an Expect/Fish/Receive call (dead letters when it had none).</summary>
    public IActorRef Sender => _lastSender ?? throw new InvalidOperationException("The probe has not received a message yet.");

    /// <summary>The last message taken by an Expect/Fish/Receive call.</summary>
    public object LastMessage => _lastMessage ?? throw new InvalidOperationException("The probe has not received a message yet.");

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _queue.Writer.TryWrite((message, sender ?? System.DeadLetters));
    }

    /// <summary>Replies to the sender of the last message, with this probe as sender.</summary>
    /// <param name="message">The reply.</param>
    public void Reply(object message) => Sender.Tell(message, this);

    /// <summary>Sends the last message on to <paramref name="target"/>, keeping its original sender.</summary>
    /// <param name="target">Where to forward it.</param>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(LastMessage, Sender);
    }

    /// <summary>Watches <paramref name="target"/>: its <see cref="Terminated"/> will arrive in this probe's queue (at once if it is already dead).</summary>
    /// <param name="target">The actor.</param>
    /// <returns><paramref name="target"/>.</returns>
    public IActorRef Watch(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is IInternalActorRef watched && !watched.AddWatcher(this))
        {
            Tell(new Terminated(target), target);
        }

        return target;
    }

    /// <summary>Stops watching <paramref name="target"/>.</summary>
    /// <param name="target">The actor.</param>
    /// <returns><paramref name="target"/>.</returns>
    public IActorRef Unwatch(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        (target as IInternalActorRef)?.RemoveWatcher(this);
        return target;
    }

    /// <summary>Takes the next message, whatever it is.</summary>
    /// <param name="timeout">How long to wait; <see cref="TestTimeouts.Default"/> when <see langword="null"/>.</param>
    /// <returns>The message.</returns>
    public Task<object> ReceiveOneAsync(TimeSpan? timeout = null) =>
        ReceiveOrFailAsync(timeout ?? TestTimeouts.Default, "a message");

    /// <summary>Takes the next message and asserts it is a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="timeout">How long to wait; <see cref="TestTimeouts.Default"/> when <see langword="null"/>.</param>
    /// <param name="predicate">An extra condition, or <see langword="null"/>.</param>
    /// <returns>The message.</returns>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null, Func<T, bool>? predicate = null)
    {
        TimeSpan wait = timeout ?? TestTimeouts.Default;
        object message = await ReceiveOrFailAsync(wait, $"a {typeof(T).Name}").ConfigureAwait(false);
        if (message is not T typed)
        {
            Assert.Fail($"{Path}: expected a {typeof(T)} but received a {message.GetType()}: {message}.");
            throw new InvalidOperationException("unreachable");
        }

        if (predicate is not null && !predicate(typed))
        {
            Assert.Fail($"{Path}: received a {typeof(T)} that does not match the predicate: {message}.");
        }

        return typed;
    }

    /// <summary>Takes the next message and asserts it equals <paramref name="expected"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="expected">The expected message.</param>
    /// <param name="timeout">How long to wait; <see cref="TestTimeouts.Default"/> when <see langword="null"/>.</param>
    /// <returns>The message.</returns>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null)
    {
        T message = await ExpectMsgAsync<T>(timeout).ConfigureAwait(false);
        if (!EqualityComparer<T>.Default.Equals(message, expected))
        {
            Assert.Fail($"{Path}: expected {expected} but received {message}.");
        }

        return message;
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    /// <typeparam name="T">The wanted type.</typeparam>
    /// <param name="predicate">An extra condition, or <see langword="null"/>.</param>
    /// <param name="timeout">The total wait; <see cref="TestTimeouts.Default"/> when <see langword="null"/>.</param>
    /// <returns>The matching message.</returns>
    public async Task<T> FishForMessageAsync<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        TimeSpan wait = timeout ?? TestTimeouts.Default;
        long start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            TimeSpan left = wait - TimeProvider.System.GetElapsedTime(start);
            object message = await ReceiveOrFailAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, $"a matching {typeof(T).Name}").ConfigureAwait(false);
            if (message is T typed && (predicate is null || predicate(typed)))
            {
                return typed;
            }
        }
    }

    /// <summary>Asserts that no message arrives for <paramref name="duration"/>. The only fixed wait a test may use: keep it short (~100 ms).</summary>
    /// <param name="duration">How long to listen.</param>
    /// <returns>A task that completes after <paramref name="duration"/> of silence.</returns>
    public async Task ExpectNoMsgAsync(TimeSpan duration)
    {
        using var cts = new CancellationTokenSource(duration);
        try
        {
            if (await _queue.Reader.WaitToReadAsync(cts.Token).ConfigureAwait(false) && _queue.Reader.TryPeek(out var item))
            {
                Assert.Fail($"{Path}: expected no message for {duration} but received a {item.Message.GetType()}: {item.Message}.");
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // Silence for the whole duration: what was expected.
        }
    }

    /// <summary>Watches <paramref name="target"/> and asserts that the next message is its <see cref="Terminated"/>.</summary>
    /// <param name="target">The actor expected to stop.</param>
    /// <param name="timeout">How long to wait; <see cref="TestTimeouts.Default"/> when <see langword="null"/>.</param>
    /// <returns>The <see cref="Terminated"/>.</returns>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null)
    {
        Watch(target);
        return ExpectMsgAsync<Terminated>(timeout, t => t.ActorRef.Equals(target));
    }

    /// <inheritdoc />
    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc />
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    /// <inheritdoc />
    public override string ToString() => Path;

    // A probe never stops, so watchers of it are never told anything.
    bool IInternalActorRef.AddWatcher(IActorRef watcher) => true;

    void IInternalActorRef.RemoveWatcher(IActorRef watcher)
    {
    }

    private async Task<object> ReceiveOrFailAsync(TimeSpan wait, string what)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            (object message, IActorRef sender) = await _queue.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
            _lastMessage = message;
            _lastSender = sender;
            return message;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Assert.Fail($"{Path}: timed out after {wait} waiting for {what}.");
            throw;
        }
    }
}
