using System.Globalization;

namespace AuthActors.Actors;

/// <summary>Children: creation, lookup and removal. Shared with child threads and, for the guardian, with any caller of ActorOf.</summary>
internal sealed partial class ActorCell
{
    // Under lock (this): live children by name, including ones stopping but not finished. A child removes itself
    // when it has finished stopping, which frees its name.
    private Dictionary<string, ActorCell>? _children;

    // Under lock (this): the counter behind generated names ($1, $2, ...).
    private long _nextChildId;

    // Set when this actor has been asked to stop (by itself or its parent); read by the parent while it waits for
    // stopping children before a restart.
    private volatile bool _stopRequested;

    // This actor's restart budget as its parent's strategy counts it; touched only on the parent's thread.
    private RestartStatistics _restartStats;

    public IReadOnlyCollection<IActorRef> Children
    {
        get
        {
            lock (this)
            {
                if (_children is null || _children.Count == 0)
                {
                    return [];
                }

                var result = new IActorRef[_children.Count];
                int i = 0;
                foreach (ActorCell child in _children.Values)
                {
                    result[i++] = child._self;
                }

                return result;
            }
        }
    }

    public IActorRef ActorOf(Props props, string? name = null) => CreateChild(props, name);

    public IActorRef? Child(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (this)
        {
            return _children is not null && _children.TryGetValue(name, out ActorCell? child) ? child._self : null;
        }
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef local)
        {
            if (local.Cell == this)
            {
                // Not inline: the current handler finishes first; the Terminate is handled before the next message.
                _stopRequested = true;
                SendSystem(new SystemMessage.Terminate());
                return;
            }

            if (local.Cell._parent == this)
            {
                StopChild(local.Cell);
                return;
            }
        }

        throw new ArgumentException($"Actor '{Path}' can only stop itself or its children, not '{actor.Path}'.", nameof(actor));
    }

    /// <summary>Creates a child. Thread-safe, because the user guardian's children are created from any thread.</summary>
    internal IActorRef CreateChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null)
        {
            ValidateName(name);
        }

        ActorCell child;
        lock (this)
        {
            if (_terminating)
            {
                throw new InvalidOperationException($"Actor '{Path}' is stopping and cannot create children.");
            }

            _children ??= new Dictionary<string, ActorCell>(StringComparer.Ordinal);
            name ??= "$" + (++_nextChildId).ToString(CultureInfo.InvariantCulture);
            if (_children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name '{name}' is already taken by a live child of '{Path}'.");
            }

            child = new ActorCell(_system, this, name, props);
            _children.Add(name, child);
        }

        child.Start();
        return child._self;
    }

    /// <summary>Paths of the live children, for the shutdown log.</summary>
    internal List<string> ChildPaths()
    {
        lock (this)
        {
            return _children is null ? [] : [.. _children.Values.Select(static c => c.Path)];
        }
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal) || name[0] == '$')
        {
            throw new InvalidActorNameException(
                $"'{name}' is not a valid actor name: it must be non-empty, contain no '/', and not start with '$' (reserved for generated names).");
        }
    }

    private static void StopChild(ActorCell child)
    {
        child._stopRequested = true;
        child.SendSystem(new SystemMessage.Terminate());
    }

    private ActorCell[] SnapshotChildren()
    {
        lock (this)
        {
            return _children is null || _children.Count == 0 ? [] : [.. _children.Values];
        }
    }

    private bool IsChild(ActorCell cell)
    {
        lock (this)
        {
            return _children is not null && _children.TryGetValue(cell._name, out ActorCell? child) && child == cell;
        }
    }

    private bool HasChildren()
    {
        lock (this)
        {
            return _children is { Count: > 0 };
        }
    }

    private bool AnyChildStopping()
    {
        lock (this)
        {
            if (_children is not null)
            {
                foreach (ActorCell child in _children.Values)
                {
                    if (child._stopRequested)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>Called by a child (on its thread) when it has finished stopping: frees its name.</summary>
    private void RemoveChild(ActorCell cell)
    {
        lock (this)
        {
            if (_children is not null && _children.TryGetValue(cell._name, out ActorCell? child) && child == cell)
            {
                _children.Remove(cell._name);
            }
        }
    }
}
