namespace AuthActors.Actors;

/// <summary>
/// The base of every actor. The system creates it from <see cref="Props"/> on the actor's mailbox thread and calls
/// <see cref="OnReceive"/> with one message at a time, never two at once. <see cref="Context"/>, <see cref="Self"/>
/// and <see cref="Sender"/> work in the constructor too.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the actor to the cell that is constructing it.</summary>
    /// <exception cref="ActorInitializationException">The actor was constructed with <c>new</c> outside a Props factory run by the system.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new ActorInitializationException($"{GetType()} was created directly; actors are created by the actor system from Props (ActorOf).");
    }

    /// <summary>This actor's context: children, watch, stop, receive timeout.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor's reference.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed; <see cref="ActorSystem.DeadLetters"/> when there is none.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>Runs before the first message, after the constructor. If it throws, the actor fails with <see cref="ActorInitializationException"/>.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs once after the actor and all its children have stopped. Exceptions are logged and ignored.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Runs on the failed instance before a restart. Akka's default: unwatch and stop all children, then call
    /// <see cref="PostStop"/>. The new instance is created only after the stopped children have terminated, so it may
    /// reuse their names. Children left running here are restarted too. Exceptions are logged and ignored.
    /// </summary>
    /// <param name="reason">The failure that caused the restart.</param>
    /// <param name="message">The message being processed when it failed, if any (it is dropped).</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (IActorRef child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the new instance after a restart. Default: calls <see cref="PreStart"/>.</summary>
    /// <param name="reason">The failure that caused the restart.</param>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>The strategy this actor applies to ITS children. Called once per instance. Default: <see cref="OneForOneStrategy.Default"/>.</summary>
    /// <returns>The strategy.</returns>
    protected virtual SupervisorStrategy SupervisorStrategy() => OneForOneStrategy.Default;

    /// <summary>Handles one message. An exception suspends the actor and goes to the parent's strategy.</summary>
    /// <param name="message">The message.</param>
    protected abstract void OnReceive(object message);

    /// <summary>Called for a message the actor does not handle. Default: publish it as a <see cref="DeadLetter"/>.</summary>
    /// <param name="message">The message.</param>
    protected virtual void Unhandled(object message) => _cell.PublishUnhandled(message);

    /// <summary>Called by the cell once the constructor has returned.</summary>
    internal virtual void OnConstructed()
    {
    }

    internal void AroundReceive(object message) => OnReceive(message);

    internal void AroundPreStart() => PreStart();

    internal void AroundPostStop() => PostStop();

    internal void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void AroundPostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy AroundSupervisorStrategy() => SupervisorStrategy();
}
