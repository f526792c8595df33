using System.Runtime.CompilerServices;

namespace AuthActors.Actors;

/// <summary>The reference to an actor in this process. Equal only to itself: one reference per incarnation.</summary>
internal sealed class LocalActorRef(ActorCell cell) : IInternalActorRef
{
    internal ActorCell Cell { get; } = cell;

    public string Path => Cell.Path;

    public ActorSystem System => Cell.System;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Post(message, sender);
    }

    public bool AddWatcher(IActorRef watcher) => Cell.AddWatcher(watcher);

    public void RemoveWatcher(IActorRef watcher) => Cell.RemoveWatcher(watcher);

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override string ToString() => Path;
}
