using System.Runtime.CompilerServices;

namespace AuthActors.Actors;

/// <summary><c>/deadLetters</c>: everything told to it is published as a <see cref="DeadLetter"/>. It counts as already stopped.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system) : IInternalActorRef
{
    public string Path => "/deadLetters";

    public ActorSystem System { get; } = system;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is DeadLetter deadLetter)
        {
            System.PublishDeadLetter(deadLetter.Message, deadLetter.Sender, deadLetter.Recipient, recipientTerminated: false);
            return;
        }

        System.PublishDeadLetter(message, sender, this, recipientTerminated: true);
    }

    public bool AddWatcher(IActorRef watcher) => false;

    public void RemoveWatcher(IActorRef watcher)
    {
    }

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override string ToString() => Path;
}
