namespace AuthActors.Actors;

/// <summary>
/// <c>/user</c>, the parent of top-level actors. It supervises them with <see cref="OneForOneStrategy.Default"/>;
/// a failure escalated to it stops the top-level actor and is logged (the cell handles that), so a throwing handler
/// never takes the process down.
/// </summary>
internal sealed class UserGuardian : ActorBase
{
    protected override void OnReceive(object message) => Unhandled(message);
}
