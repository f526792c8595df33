namespace AuthActors.Actors;

/// <summary>
/// Marks a message that does not count as activity for <see cref="IActorContext.SetReceiveTimeout"/>: an actor that
/// receives only such messages still times out (e.g. periodic ticks must not keep an idle actor alive).
/// </summary>
#pragma warning disable CA1040 // A marker interface is the Akka shape and is checked with a type test on the hot path.
public interface INotInfluenceReceiveTimeout
#pragma warning restore CA1040
{
}
