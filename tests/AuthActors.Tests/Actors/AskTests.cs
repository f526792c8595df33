using AuthActors.Actors;
using AuthActors.Tests.TestKit;

namespace AuthActors.Tests.Actors;

public sealed class AskTests
{
    [Fact]
    public async Task Ask_WhenActorReplies_ReturnsTheReply()
    {
        await using var system = ActorSystem.Create("test");
        IActorRef echo = system.ActorOf(Props.Create<EchoActor>());

        int reply = await echo.Ask<int>(42).WaitAsync(TestTimeouts.Default);

        Assert.Equal(42, reply);
    }

    [Fact]
    public async Task Ask_WhenReplyIsStatusFailure_ThrowsItsCause()
    {
        await using var system = ActorSystem.Create("test");
        IActorRef echo = system.ActorOf(Props.Create<EchoActor>());
        var cause = new FormatException("bad header");

        FormatException thrown = await Assert.ThrowsAsync<FormatException>(
            () => echo.Ask<string>(new Status.Failure(cause)).WaitAsync(TestTimeouts.Default));

        Assert.Same(cause, thrown);
    }

    [Fact]
    public async Task Ask_WhenReplyIsStatusSuccessOfTheType_ReturnsTheValue()
    {
        await using var system = ActorSystem.Create("test");
        IActorRef echo = system.ActorOf(Props.Create<EchoActor>());

        string reply = await echo.Ask<string>(new Status.Success("ok")).WaitAsync(TestTimeouts.Default);

        Assert.Equal("ok", reply);
    }

    [Fact]
    public async Task Ask_WhenReplyHasWrongType_ThrowsInvalidCastNamingBothTypes()
    {
        await using var system = ActorSystem.Create("test");
        IActorRef echo = system.ActorOf(Props.Create<EchoActor>());

        InvalidCastException thrown = await Assert.ThrowsAsync<InvalidCastException>(
            () => echo.Ask<int>("text").WaitAsync(TestTimeouts.Default));

        Assert.Contains(typeof(int).ToString(), thrown.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(string).ToString(), thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhenNoReplyWithinTimeout_ThrowsAskTimeoutNamingTargetAndMessageType()
    {
        var time = new FakeTimeProvider();
        await using var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        IActorRef silent = system.ActorOf(Props.Create<SilentActor>(), "silent");
        Task<int> ask = silent.Ask<int>(new Ping(), TimeSpan.FromSeconds(2));

        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(ask.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        AskTimeoutException thrown = await Assert.ThrowsAsync<AskTimeoutException>(() => ask.WaitAsync(TestTimeouts.Default));

        Assert.Contains("/user/silent", thrown.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Ping), thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithoutTimeout_UsesTheSystemDefault()
    {
        var time = new FakeTimeProvider();
        var options = new ActorSystemOptions { TimeProvider = time, DefaultAskTimeout = TimeSpan.FromSeconds(7) };
        await using var system = ActorSystem.Create("test", options);
        IActorRef silent = system.ActorOf(Props.Create<SilentActor>());
        Task<int> ask = silent.Ask<int>(new Ping());

        time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(ask.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<AskTimeoutException>(() => ask.WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task Ask_ToStoppedActor_FailsAtOnceWithActorTerminated()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef actor = system.ActorOf(Props.Create<EchoActor>(), "gone");
        actor.Tell(PoisonPill.Instance);
        await probe.ExpectTerminatedAsync(actor);

        // The Ask's own timeout is 30 s; the wait is the 3 s default: only an immediate failure passes.
        ActorTerminatedException thrown = await Assert.ThrowsAsync<ActorTerminatedException>(
            () => actor.Ask<int>(new Ping(), TimeSpan.FromSeconds(30)).WaitAsync(TestTimeouts.Default));

        Assert.Contains("/user/gone", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhenActorStopsBeforeReplying_FailsAtOnceWithActorTerminated()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef holder = system.ActorOf(Props.Create(() => new HoldingActor(probe)));
        Task<int> ask = holder.Ask<int>(new Ping(), TimeSpan.FromSeconds(30));
        await probe.ExpectMsgAsync("held");

        holder.Tell("stop");

        await Assert.ThrowsAsync<ActorTerminatedException>(() => ask.WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task Ask_QueuedBehindPoisonPill_FailsAtOnceWithActorTerminated()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef actor = system.ActorOf(Props.Create(() => new BlockingActor(probe)));
        using var gate = new ManualResetEventSlim();
        actor.Tell(new Block(gate));
        await probe.ExpectMsgAsync("entered");
        actor.Tell(PoisonPill.Instance);
        Task<int> ask = actor.Ask<int>(new Ping(), TimeSpan.FromSeconds(30));

        gate.Set();

        await Assert.ThrowsAsync<ActorTerminatedException>(() => ask.WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task Ask_WhenCanceled_ThrowsOperationCanceled()
    {
        await using var system = ActorSystem.Create("test");
        IActorRef silent = system.ActorOf(Props.Create<SilentActor>());
        using var cts = new CancellationTokenSource();
        Task<int> ask = silent.Ask<int>(new Ping(), TimeSpan.FromSeconds(30), cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask.WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task Ask_ToTestProbe_ReturnsTheProbesReply()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        Task<string> ask = probe.Ask<string>(new Ping());
        await probe.ExpectMsgAsync<Ping>();

        probe.Reply("pong");

        Assert.Equal("pong", await ask.WaitAsync(TestTimeouts.Default));
    }

    private sealed record Ping;

    /// <summary>Keeps the sender of a Ping without replying; stops itself on "stop".</summary>
    private sealed class HoldingActor : ReceiveActor
    {
        private readonly List<IActorRef> _held = [];

        public HoldingActor(IActorRef probe)
        {
            Receive<Ping>(_ =>
            {
                _held.Add(Sender);
                probe.Tell("held");
            });
            Receive<string>(s => s == "stop", _ => Context.Stop(Self));
        }
    }

    private sealed class BlockingActor : ReceiveActor
    {
        public BlockingActor(IActorRef probe) =>
            Receive<Block>(b =>
            {
                probe.Tell("entered");
                b.Gate.Wait(TestTimeouts.Default);
            });
    }
}
