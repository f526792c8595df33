namespace AuthActors.Actors;

/// <summary>
/// <c>/user</c>, the parent of top-level actors. It supervises a top-level actor's own failures with
/// <see cref="OneForOneStrategy.Default"/>; a failure that a descendant escalated up through a top-level actor stops
/// that top-level actor and is logged (the cell handles that). Either way a throwing handler never ends the process.
/// </summary>
internal sealed class UserGuardian : ActorBase
{
    protected override void OnReceive(object message) => Unhandled(message);
}
