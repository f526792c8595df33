namespace AuthActors.Actors;

/// <summary>
/// An actor whose handlers are registered by type in its constructor, or in <see cref="Become"/> which replaces them.
/// The first matching handler wins; a message no handler matches goes to <see cref="ActorBase.Unhandled"/>.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private Handler[] _handlers = [];

    // Non-null while handlers may be registered: during the constructor and inside Become's configure.
    private List<Handler>? _configuring = [];

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The message type (subtypes match too).</typeparam>
    /// <param name="handler">The handler.</param>
    protected void Receive<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(new Handler<T>(null, handler));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> is true.</summary>
    /// <typeparam name="T">The message type (subtypes match too).</typeparam>
    /// <param name="shouldHandle">The filter.</param>
    /// <param name="handler">The handler.</param>
    protected void Receive<T>(Func<T, bool> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ArgumentNullException.ThrowIfNull(handler);
        Register(new Handler<T>(shouldHandle, handler));
    }

    /// <summary>Handles any message not matched by an earlier handler.</summary>
    /// <param name="handler">The handler.</param>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(new Handler<object>(null, handler));
    }

    /// <summary>
    /// Replaces the whole handler set with the handlers <paramref name="configure"/> registers. Takes effect from the
    /// next message. In the constructor it replaces what was registered before it.
    /// </summary>
    /// <param name="configure">Calls <c>Receive…</c> to register the new handlers.</param>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        List<Handler>? outer = _configuring;
        var handlers = new List<Handler>();
        _configuring = handlers;
        try
        {
            configure();
        }
        finally
        {
            _configuring = outer;
        }

        _handlers = [.. handlers];
        outer?.Clear();
    }

    /// <inheritdoc />
    protected sealed override void OnReceive(object message)
    {
        foreach (Handler handler in _handlers)
        {
            if (handler.TryHandle(message))
            {
                return;
            }
        }

        Unhandled(message);
    }

    internal override void OnConstructed()
    {
        if (_configuring is { Count: > 0 })
        {
            _handlers = [.. _configuring];
        }

        _configuring = null;
    }

    private void Register(Handler handler)
    {
        if (_configuring is null)
        {
            throw new InvalidOperationException("Receive handlers can only be registered in the constructor or inside Become.");
        }

        _configuring.Add(handler);
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class Handler<T>(Func<T, bool>? shouldHandle, Action<T> action) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                action(typed);
                return true;
            }

            return false;
        }
    }
}
