namespace AuthActors.Actors;

/// <summary>
/// What an actor can see and do about itself. Call it only from the actor's own constructor, lifecycle hooks and
/// handlers (its mailbox thread); it is not thread-safe and not for use after an await.
/// </summary>
public interface IActorContext
{
    /// <summary>This actor's reference.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed; <see cref="ActorSystem.DeadLetters"/> when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervisor (the user guardian <c>/user</c> for top-level actors).</summary>
    IActorRef Parent { get; }

    /// <summary>A snapshot of the children, including ones that are stopping but have not finished.</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The actor system.</summary>
    ActorSystem System { get; }

    /// <summary>Creates a child supervised by this actor. The child is constructed asynchronously on its own mailbox.</summary>
    /// <param name="props">How to create it.</param>
    /// <param name="name">A unique name among live siblings; <see langword="null"/> generates one starting with <c>$</c>.</param>
    /// <returns>The child's reference.</returns>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken by a live sibling.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>The live child named <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The child's name.</param>
    /// <returns>The child's reference or <see langword="null"/>.</returns>
    IActorRef? Child(string name);

    /// <summary>
    /// Stops this actor or one of its children asynchronously: the current message completes, queued messages become
    /// dead letters, children stop first, PostStop runs, watchers get <see cref="Terminated"/> and the name is freed.
    /// </summary>
    /// <param name="actor">Self or a child.</param>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is neither self nor a child.</exception>
#pragma warning disable CA1716 // 'Stop' is a VB keyword; the name is Akka's and the lead's code depends on it.
    void Stop(IActorRef actor);
#pragma warning restore CA1716

    /// <summary>
    /// Delivers <see cref="Terminated"/> for <paramref name="actor"/> once, as a message in this actor's mailbox, when it
    /// stops; at once if it has already stopped. Watching twice still delivers once.
    /// </summary>
    /// <param name="actor">The actor to watch.</param>
    /// <returns><paramref name="actor"/>.</returns>
    IActorRef Watch(IActorRef actor);

    /// <summary>Stops watching; a <see cref="Terminated"/> already queued for it is dropped.</summary>
    /// <param name="actor">The actor to stop watching.</param>
    /// <returns><paramref name="actor"/>.</returns>
    IActorRef Unwatch(IActorRef actor);

    /// <summary>
    /// Delivers <see cref="ReceiveTimeout.Instance"/> after <paramref name="timeout"/> without influencing messages
    /// (ones not implementing <see cref="INotInfluenceReceiveTimeout"/>), and again after each further idle period.
    /// </summary>
    /// <param name="timeout">The idle time; <see langword="null"/>, zero or infinite clears it.</param>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>The current receive timeout, or <see langword="null"/> when none is set.</summary>
    TimeSpan? ReceiveTimeout { get; }
}
