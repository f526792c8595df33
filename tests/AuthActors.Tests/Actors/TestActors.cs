using AuthActors.Actors;
using AuthActors.Tests.TestKit;

namespace AuthActors.Tests.Actors;

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(message => Sender.Tell(message, Self));
}

/// <summary>Handles every message and never replies.</summary>
internal sealed class SilentActor : ReceiveActor
{
    public SilentActor() => ReceiveAny(_ => { });
}

/// <summary>Tells <c>probe</c> every message it receives, keeping the original sender.</summary>
internal sealed class ForwardingActor : ReceiveActor
{
    public ForwardingActor(IActorRef probe) => ReceiveAny(message => probe.Tell(message, Sender));
}

/// <summary>Makes the child handle a message by throwing.</summary>
internal sealed record Fail(string Reason = "boom");

/// <summary>Asks the child to report "label:instance:count" to the probe.</summary>
internal sealed record Report(string Label);

/// <summary>Makes the handler signal "entered" to the probe and wait for the gate, then throw.</summary>
internal sealed record BlockThenFail(ManualResetEventSlim Gate);

/// <summary>Makes the handler signal "entered" to the probe and wait for the gate.</summary>
internal sealed record Block(ManualResetEventSlim Gate);

/// <summary>Told to the probe by <see cref="ParentActor"/> whenever an instance of it creates its child.</summary>
internal sealed record ChildCreated(IActorRef Child);

/// <summary>Makes <see cref="ParentActor"/> itself throw.</summary>
internal sealed record Explode;

/// <summary>
/// A child with state (a counter) and an instance number, reporting its lifecycle to a probe as
/// "pre-restart:N", "post-restart:N" and "post-stop:N".
/// </summary>
internal sealed class StatefulChild : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly int _instance;
    private int _count;

    public StatefulChild(IActorRef probe, int instance)
    {
        _probe = probe;
        _instance = instance;
        Receive<string>(s => s == "inc", _ => _count++);
        Receive<string>(s => s == "get", _ => Sender.Tell(_count));
        Receive<Fail>(f => throw new InvalidOperationException(f.Reason));
        Receive<Report>(r => _probe.Tell($"{r.Label}:{_instance}:{_count}"));
        Receive<BlockThenFail>(b =>
        {
            _probe.Tell("entered");
            b.Gate.Wait(TestTimeouts.Default);
            throw new InvalidOperationException("boom after block");
        });
    }

    /// <summary>Props whose every instance gets the next number from <paramref name="counter"/> (1, 2, ...).</summary>
    public static Props PropsFor(IActorRef probe, InstanceCounter counter) =>
        Props.Create(() => new StatefulChild(probe, Interlocked.Increment(ref counter.Value)));

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell($"pre-restart:{_instance}");
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason) => _probe.Tell($"post-restart:{_instance}");

    protected override void PostStop() => _probe.Tell($"post-stop:{_instance}");
}

/// <summary>Creates a child named "child" in its constructor, reports it, and forwards everything else to it.</summary>
internal sealed class ParentActor : ReceiveActor
{
    public ParentActor(Props childProps, IActorRef probe)
    {
        IActorRef child = Context.ActorOf(childProps, "child");
        probe.Tell(new ChildCreated(child));
        Receive<Explode>(_ => throw new InvalidOperationException("parent exploded"));
        ReceiveAny(message => child.Tell(message, Sender));
    }
}

/// <summary>Reports "label:PreStart" and "label:PostStop" to the probe; creates a chain of descendants named by <c>descendants</c>.</summary>
internal sealed class TreeActor : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly string _label;

    public TreeActor(IActorRef probe, string label, params string[] descendants)
    {
        _probe = probe;
        _label = label;
        if (descendants.Length > 0)
        {
            Context.ActorOf(Props.Create(() => new TreeActor(probe, descendants[0], descendants[1..])), descendants[0]);
        }

        ReceiveAny(message => probe.Tell(message, Sender));
    }

    protected override void PreStart() => _probe.Tell($"{_label}:PreStart");

    protected override void PostStop() => _probe.Tell($"{_label}:PostStop");
}

/// <summary>Numbers actor instances from a Props factory (Interlocked on <see cref="Value"/>).</summary>
internal sealed class InstanceCounter
{
    public int Value;
}
