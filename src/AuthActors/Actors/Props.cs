namespace AuthActors.Actors;

/// <summary>
/// How to create an actor: a factory that returns a NEW instance on every call (it is called again on each restart),
/// and optionally the strategy that actor applies to its own children. Immutable; <c>With…</c> returns a copy.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, SupervisorStrategy? supervisorStrategy)
    {
        ActorType = actorType;
        _factory = factory;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The declared type of the actor the factory creates.</summary>
    public Type ActorType { get; }

    /// <summary>
    /// The strategy that the actor created from these props applies to ITS children (as Akka's
    /// <c>Props.WithSupervisorStrategy</c>). When set it overrides the actor's <c>SupervisorStrategy()</c> method.
    /// It does not change how this actor's own parent supervises it.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (use the actor's <c>SupervisorStrategy()</c>).</value>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props whose factory is <paramref name="factory"/>; it must return a new instance each call.</summary>
    /// <typeparam name="TActor">The actor type.</typeparam>
    /// <param name="factory">Creates the actor, e.g. <c>() =&gt; new SpaceActor(key)</c>. Runs on the actor's mailbox thread.</param>
    /// <returns>The props.</returns>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory, null);
    }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    /// <typeparam name="TActor">The actor type.</typeparam>
    /// <returns>The props.</returns>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() =>
        new(typeof(TActor), static () => new TActor(), null);

    /// <summary>A copy of these props with <paramref name="strategy"/> as the strategy for the created actor's children.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>A new <see cref="Props"/>; this one is unchanged.</returns>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(ActorType, _factory, strategy);
    }

    internal ActorBase NewActor() =>
        _factory() ?? throw new InvalidOperationException($"The Props factory for {ActorType} returned null.");
}
