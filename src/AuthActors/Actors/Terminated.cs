namespace AuthActors.Actors;

/// <summary>Delivered once to each watcher of <paramref name="ActorRef"/> after that actor stopped (see <see cref="IActorContext.Watch"/>).</summary>
/// <param name="ActorRef">The actor that stopped.</param>
public sealed record Terminated(IActorRef ActorRef);
