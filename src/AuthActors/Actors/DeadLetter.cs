namespace AuthActors.Actors;

/// <summary>
/// A message that could not be delivered (its recipient had stopped or never existed) or that its recipient did not
/// handle. Published through <see cref="ActorSystem.DeadLetterPublished"/>.
/// </summary>
/// <param name="Message">The message. Its contents may be secret: log its type, not the message.</param>
/// <param name="Sender">Who sent it, if anyone.</param>
/// <param name="Recipient">Who it was for.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
