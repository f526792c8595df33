namespace AuthActors.Actors;

/// <summary>Death watch: who this actor watches, who watches it, and <see cref="Terminated"/> delivery.</summary>
internal sealed partial class ActorCell
{
    // Actors this actor watches; own thread only.
    private HashSet<IActorRef>? _watching;

    // Watchers of this actor; under lock (this), because any thread may register (an actor, a probe, WatchAsync).
    private HashSet<IActorRef>? _watchedBy;

    // Set under lock (this) once the actor has fully stopped: later watchers get Terminated at once.
    private bool _terminated;

    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(_self) || !(_watching ??= []).Add(actor))
        {
            return actor;
        }

        if (actor is IInternalActorRef target && !target.AddWatcher(_self))
        {
            // Already dead: Terminated arrives at once, through the mailbox like any other.
            _self.Tell(new Terminated(actor), actor);
        }

        return actor;
    }

    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_watching is not null && _watching.Remove(actor) && actor is IInternalActorRef target)
        {
            target.RemoveWatcher(_self);
        }

        return actor;
    }

    /// <summary>Registers a watcher from any thread.</summary>
    /// <returns><see langword="false"/> if this actor has already stopped.</returns>
    internal bool AddWatcher(IActorRef watcher)
    {
        lock (this)
        {
            if (_terminated)
            {
                return false;
            }

            (_watchedBy ??= []).Add(watcher);
            return true;
        }
    }

    internal void RemoveWatcher(IActorRef watcher)
    {
        lock (this)
        {
            _watchedBy?.Remove(watcher);
        }
    }

    /// <summary>A Terminated is delivered once and only while watched.</summary>
    private bool TryConsumeTerminated(IActorRef actor) => _watching is not null && _watching.Remove(actor);

    /// <summary>On stop: stop watching others, so they do not keep this dead actor in their watcher sets.</summary>
    private void UnwatchAll()
    {
        if (_watching is null)
        {
            return;
        }

        foreach (IActorRef actor in _watching)
        {
            if (actor is IInternalActorRef target)
            {
                target.RemoveWatcher(_self);
            }
        }

        _watching = null;
    }

    /// <summary>Marks this actor stopped and tells every watcher, once.</summary>
    private void MarkTerminatedAndNotifyWatchers()
    {
        HashSet<IActorRef>? watchers;
        lock (this)
        {
            _terminated = true;
            watchers = _watchedBy;
            _watchedBy = null;
        }

        // The name is freed before anyone hears of the death, so a watcher may recreate the actor at once.
        _parent?.RemoveChild(this);
        if (watchers is not null)
        {
            var terminated = new Terminated(_self);
            foreach (IActorRef watcher in watchers)
            {
                watcher.Tell(terminated, _self);
            }
        }
    }
}
