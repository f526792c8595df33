namespace AuthActors.Actors;

/// <summary>
/// The runtime side of one actor: its mailbox, the current instance, children, watchers and supervision state. It
/// outlives restarts (only the instance is replaced). Split by concern like Akka's ActorCell:
/// <c>.Mailbox</c> (queueing and scheduling), <c>.Children</c>, <c>.FaultHandling</c> (create, restart, stop),
/// <c>.DeathWatch</c>, <c>.ReceiveTimeout</c>.
/// </summary>
/// <remarks>
/// Threading: everything not documented otherwise is touched only by the mailbox run, which the scheduling flag keeps
/// to one thread at a time. Fields shared with other threads say so; they are guarded by <c>lock (this)</c> (the cell
/// is internal; user code sees it only as <see cref="IActorContext"/>) and that lock never calls out.
/// </remarks>
internal sealed partial class ActorCell : IActorContext
{
    // The cell whose Props factory is running on this thread, so ActorBase's constructor can bind to it
    // (Akka's ActorCell.Current). Thread-confined and set only around the factory call: not shared state.
    [ThreadStatic]
    private static ActorCell? s_constructing;

    private readonly ActorSystem _system;
    private readonly ActorCell? _parent;
    private readonly string _name;
    private readonly Props _props;
    private readonly LocalActorRef _self;

    // The current instance; null before creation, after a failed creation, during a restart's gap and after stop.
    private ActorBase? _actor;
    private IActorRef? _currentSender;

    internal ActorCell(ActorSystem system, ActorCell? parent, string name, Props props)
    {
        _system = system;
        _parent = parent;
        _name = name;
        _props = props;
        _mailbox = CreateMailbox();
        _self = new LocalActorRef(this);
    }

    internal static ActorCell? Constructing => s_constructing;

    /// <summary>Built on demand from the parent chain rather than stored: it is needed only for logs and errors.</summary>
    internal string Path => _parent is null ? "/" + _name : string.Concat(_parent.Path, "/", _name);

    public IActorRef Self => _self;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    public IActorRef Parent => _parent is null ? _self : _parent._self;

    public ActorSystem System => _system;

    /// <summary>Queues the creation of the actor instance; called once, right after the cell is registered with its parent.</summary>
    internal void Start() => SendSystem(new SystemMessage.Create());

    internal void PublishUnhandled(object message) =>
        _system.PublishDeadLetter(message, _currentSender, _self, recipientTerminated: false);

    private void Invoke(in Envelope envelope)
    {
        object message = envelope.Message;
        _currentSender = envelope.Sender;
        try
        {
            switch (message)
            {
                case PoisonPill:
                    BeginTerminate(graceful: false);
                    break;
                case GracefulStop:
                    BeginTerminate(graceful: true);
                    break;
                case ReceiveTimeoutTick:
                    OnReceiveTimeoutTick();
                    break;
                case Terminated terminated:
                    // Delivered only while still watched: Unwatch drops a Terminated that is already queued.
                    if (TryConsumeTerminated(terminated.ActorRef))
                    {
                        ReceiveUserMessage(message);
                    }

                    break;
                default:
                    ReceiveUserMessage(message);
                    break;
            }
        }
        catch (Exception exception)
        {
            // Supervision is the handler of last resort: the parent's strategy decides, the process never sees it.
            Fail(exception, message, log: true);
        }
        finally
        {
            if (envelope.Sender is IPendingAsk { IsCompleted: false } ask)
            {
                // The actor kept the Ask to answer later (or failed); if it stops first, the Ask fails at once.
                if (_terminated)
                {
                    ask.FailTerminated(_self);
                }
                else
                {
                    TrackPendingAsk(ask);
                }
            }

            _currentSender = null;
        }
    }

    private void ReceiveUserMessage(object message)
    {
        _actor!.AroundReceive(message);
        if (_receiveTimeout.HasValue && message is not INotInfluenceReceiveTimeout)
        {
            _lastActivity = _system.TimeProvider.GetTimestamp();
        }
    }
}
