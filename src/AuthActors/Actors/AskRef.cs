using System.Runtime.CompilerServices;

namespace AuthActors.Actors;

/// <summary>
/// The temporary reply address of one Ask: a <see cref="TaskCompletionSource{TResult}"/> that is also an
/// <see cref="IActorRef"/>, so an Ask costs this object, its task and one timer registration, and no actor.
/// Continuations run asynchronously so a reply never runs the asker's code on the replying actor's thread.
/// </summary>
internal sealed class AskRef<T> : TaskCompletionSource<T>, IActorRef, IPendingAsk
{
    private static readonly TimerCallback s_onTimeout = static state => ((AskRef<T>)state!).OnTimeout();
    private static readonly Action<object?, CancellationToken> s_onCanceled = static (state, token) => ((AskRef<T>)state!).OnCanceled(token);

    private readonly IActorRef _target;
    private readonly Type _messageType;
    private readonly TimeSpan _timeout;

    // Assigned before the message is sent, so any thread that sees a reply also sees these.
    private ITimer? _timer;
    private CancellationTokenRegistration _cancellation;

    public AskRef(IActorRef target, Type messageType, TimeSpan timeout)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _target = target;
        _messageType = messageType;
        _timeout = timeout;
    }

    public string Path => "/temp/ask";

    public bool IsCompleted => Task.IsCompleted;

    public void Arm(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            _timer = timeProvider.CreateTimer(s_onTimeout, this, _timeout, Timeout.InfiniteTimeSpan);
        }

        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(s_onCanceled, this);
        }
    }

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        bool completed = message switch
        {
            Status.Failure failure when typeof(T) != typeof(Status.Failure) => TrySetException(failure.Cause),
            T value => TrySetResult(value),
            Status.Success { Value: T value } => TrySetResult(value),
            Status.Success { Value: null } when default(T) is null => TrySetResult(default!),
            _ => TrySetException(new InvalidCastException(
                $"Ask to '{_target.Path}' with a {_messageType} expected a reply of type {typeof(T)} but received a {message.GetType()}.")),
        };
        if (completed)
        {
            Release();
        }
    }

    public void FailTerminated(IActorRef deadRecipient)
    {
        if (TrySetException(new ActorTerminatedException(
            $"Ask to '{_target.Path}' with a {_messageType} failed: actor '{deadRecipient.Path}' has stopped.")))
        {
            Release();
        }
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override string ToString() => Path;

    private void OnTimeout()
    {
        if (TrySetException(new AskTimeoutException(
            $"Ask to '{_target.Path}' with a {_messageType} timed out after {_timeout}.")))
        {
            Release();
        }
    }

    private void OnCanceled(CancellationToken token)
    {
        if (TrySetCanceled(token))
        {
            Release();
        }
    }

    private void Release()
    {
        _timer?.Dispose();
        // Unregister does not wait for a running callback, so it is safe from inside the cancellation callback.
        _cancellation.Unregister();
    }
}
