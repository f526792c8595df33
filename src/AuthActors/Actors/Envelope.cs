namespace AuthActors.Actors;

/// <summary>A queued message and its sender. A struct, so a Tell allocates nothing beyond the message.</summary>
internal readonly struct Envelope(object message, IActorRef? sender)
{
    public object Message { get; } = message;

    public IActorRef? Sender { get; } = sender;
}
