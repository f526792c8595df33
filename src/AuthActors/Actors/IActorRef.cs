namespace AuthActors.Actors;

/// <summary>
/// An address of an actor: the only way to talk to it. References are equal only when they name the same
/// incarnation: a new actor created under a freed name gets a new, unequal reference.
/// </summary>
public interface IActorRef : IEquatable<IActorRef>
{
    /// <summary>The actor's path, e.g. <c>/user/registry/space-3</c>. For logs and errors, not for identity.</summary>
    string Path { get; }

    /// <summary>
    /// Enqueues <paramref name="message"/> and returns at once. Never throws for delivery reasons: a message to a
    /// stopped actor becomes a <see cref="DeadLetter"/>. Messages from one sender to one actor arrive in the order sent.
    /// </summary>
    /// <param name="message">The message; must not be <see langword="null"/>.</param>
    /// <param name="sender">Who the receiver sees as <c>Sender</c>; <see langword="null"/> means no sender (replies go to dead letters).</param>
    void Tell(object message, IActorRef? sender = null);
}
