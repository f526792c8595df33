using Akka.Actor;

namespace AuthActors.Spaces;

/// <summary>
/// The reply side of one lease request: an in-process <see cref="IActorRef"/> whose first Tell
/// completes <see cref="Task"/>. It is Akka's Ask without what a request does not need on the hot
/// path: no temporary-actor registration (no path per request) and no timer, since the handler
/// keeps its own timeout (AKKA-NOTES: an Ask costs 864-1,216 B, a Tell 120 B). Actors answer it
/// with <c>Sender.Tell</c> as they would answer an Ask; <see cref="Status.Failure"/> faults the task.
/// In-process only: a remote actor could not reach it.
/// </summary>
internal sealed class ReplyPromise : MinimalActorRef
{
    // Continuations run on the thread pool, never on the replying actor's thread.
    private readonly TaskCompletionSource<object> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="provider">The actor system's provider.</param>
    /// <param name="path">A path shared by every reply of a runtime (for logs; equality is by reference).</param>
    public ReplyPromise(IActorRefProvider provider, ActorPath path)
    {
        Provider = provider;
        Path = path;
    }

    /// <summary>Completes with the first message told to this reference.</summary>
    public Task<object> Task => _reply.Task;

    public override ActorPath Path { get; }

    public override IActorRefProvider Provider { get; }

    public override bool IsTerminated => _reply.Task.IsCompleted;

    // Replies share one path, so identity is the reference itself.
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    protected override void TellInternal(object message, IActorRef sender)
    {
        if (message is Status.Failure failure)
        {
            _reply.TrySetException(failure.Cause);
        }
        else
        {
            _reply.TrySetResult(message);
        }
    }
}
