using Akka.Actor;
using Akka.Event;

namespace AuthActors.Spaces;

/// <summary>
/// Fails, at once and with a reason, a question to the spaces whose message was never delivered:
/// one sent to a space or registry that stopped (a shutdown, a space stopped by its supervisor or
/// one whose state failed to build) lands in Akka's dead letters, and whoever asked (a lease's
/// <see cref="ReplyPromise"/>, or an Ask) would otherwise wait for its timeout. Subscribed to
/// <see cref="DeadLetter"/> on the event stream; other dead letters are not its business.
/// </summary>
internal sealed class UndeliveredReplyActor : ReceiveActor
{
    public UndeliveredReplyActor()
    {
        Receive<DeadLetter>(letter =>
        {
            if (letter.Message is LeaseHeader or ReportChallenge or RefreshCredential && !letter.Sender.IsNobody())
            {
                letter.Sender.Tell(new Status.Failure(new SpaceUnavailableException("the protection space stopped before it answered")));
            }
        });
    }

    /// <summary>The props of the listener.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new UndeliveredReplyActor());

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
