using System.Runtime.CompilerServices;

namespace AuthActors.Actors;

/// <summary>A watcher that is not an actor: completes a task when the watched actor stops (see <see cref="ActorRefExtensions.WatchAsync"/>).</summary>
internal sealed class TerminationWatcher(IInternalActorRef target) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), IActorRef
{
    private readonly IInternalActorRef _target = target;
    private CancellationTokenRegistration _cancellation;

    public string Path => "/temp/watch";

    public Task Start(CancellationToken cancellationToken)
    {
        if (!_target.AddWatcher(this))
        {
            TrySetResult();
            return Task;
        }

        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var self = (TerminationWatcher)state!;
                    if (self.TrySetCanceled(token))
                    {
                        self._target.RemoveWatcher(self);
                    }
                },
                this);
        }

        return Task;
    }

    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is Terminated && TrySetResult())
        {
            _cancellation.Unregister();
        }
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override string ToString() => Path;
}
