namespace AuthActors.Actors;

/// <summary>What the kernel needs from a reference beyond <see cref="IActorRef"/>: its system and death watch.</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>The system the reference belongs to (its clock and default Ask timeout).</summary>
    ActorSystem System { get; }

    /// <summary>Registers <paramref name="watcher"/> to be told <see cref="Terminated"/> when this actor stops.</summary>
    /// <returns><see langword="false"/> if it has already stopped: the caller delivers <see cref="Terminated"/> itself.</returns>
    bool AddWatcher(IActorRef watcher);

    /// <summary>Removes a watcher registered with <see cref="AddWatcher"/>.</summary>
    void RemoveWatcher(IActorRef watcher);
}
