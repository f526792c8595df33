namespace AuthActors.Actors;

/// <summary>
/// Lifecycle and supervision messages. They bypass the user mailbox (an intrusive lock-free list on the cell), so they
/// are processed before queued user messages and also while the actor is suspended after a failure.
/// </summary>
internal abstract class SystemMessage
{
    /// <summary>The next message in the cell's list; owned by the list.</summary>
    public SystemMessage? Next;

    /// <summary>Construct the actor and run PreStart.</summary>
    public sealed class Create : SystemMessage;

    /// <summary>From the parent: replace the failed instance.</summary>
    public sealed class Recreate(Exception cause) : SystemMessage
    {
        public Exception Cause { get; } = cause;
    }

    /// <summary>From the parent: continue with the same instance.</summary>
    public sealed class Resume : SystemMessage;

    /// <summary>Stop now: queued user messages become dead letters.</summary>
    public sealed class Terminate : SystemMessage;

    /// <summary>To the parent: a child failed and is suspended until the parent decides.</summary>
    public sealed class Failed(ActorCell child, Exception cause, bool escalated) : SystemMessage
    {
        public ActorCell Child { get; } = child;

        public Exception Cause { get; } = cause;

        /// <summary>The child failed because one of ITS children escalated (the failure is passing upwards).</summary>
        public bool Escalated { get; } = escalated;
    }

    /// <summary>To the parent: a child finished stopping and has been removed from the children.</summary>
    public sealed class ChildTerminated(ActorCell child) : SystemMessage
    {
        public ActorCell Child { get; } = child;
    }
}
