using AuthActors.Actors;
using AuthActors.Tests.TestKit;

namespace AuthActors.Tests.Actors;

public sealed class ReceiveTimeoutTests
{
    private static readonly TimeSpan s_silence = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ReceiveTimeout_AfterIdlePeriod_IsDelivered()
    {
        var time = new FakeTimeProvider();
        await using var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        system.ActorOf(Props.Create(() => new PassivatingActor(probe, s_timeout)));
        await probe.ExpectMsgAsync("started");

        time.Advance(s_timeout - TimeSpan.FromMilliseconds(1));
        await probe.ExpectNoMsgAsync(s_silence);
        time.Advance(TimeSpan.FromMilliseconds(1));

        await probe.ExpectMsgAsync<ReceiveTimeout>();
    }

    [Fact]
    public async Task ReceiveTimeout_AfterInfluencingMessage_IsPostponed()
    {
        var time = new FakeTimeProvider();
        await using var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        IActorRef actor = system.ActorOf(Props.Create(() => new PassivatingActor(probe, s_timeout)));
        await probe.ExpectMsgAsync("started");
        time.Advance(TimeSpan.FromMilliseconds(600));
        actor.Tell("work");
        await probe.ExpectMsgAsync("did work");

        time.Advance(TimeSpan.FromMilliseconds(600));
        await probe.ExpectNoMsgAsync(s_silence);
        time.Advance(TimeSpan.FromMilliseconds(400));

        await probe.ExpectMsgAsync<ReceiveTimeout>();
    }

    [Fact]
    public async Task ReceiveTimeout_AfterNotInfluencingMessage_IsNotPostponed()
    {
        var time = new FakeTimeProvider();
        await using var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        IActorRef actor = system.ActorOf(Props.Create(() => new PassivatingActor(probe, s_timeout)));
        await probe.ExpectMsgAsync("started");
        time.Advance(TimeSpan.FromMilliseconds(600));
        actor.Tell(new Heartbeat());
        await probe.ExpectMsgAsync<Heartbeat>();

        time.Advance(TimeSpan.FromMilliseconds(400));

        await probe.ExpectMsgAsync<ReceiveTimeout>();
    }

    [Fact]
    public async Task ReceiveTimeout_WhenStillIdle_IsDeliveredAgainAfterEachPeriod()
    {
        var time = new FakeTimeProvider();
        await using var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        system.ActorOf(Props.Create(() => new PassivatingActor(probe, s_timeout)));
        await probe.ExpectMsgAsync("started");
        time.Advance(s_timeout);
        await probe.ExpectMsgAsync<ReceiveTimeout>();

        time.Advance(s_timeout);

        await probe.ExpectMsgAsync<ReceiveTimeout>();
    }

    [Fact]
    public async Task SetReceiveTimeout_WithNull_ClearsIt()
    {
        var time = new FakeTimeProvider();
        await using var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        IActorRef actor = system.ActorOf(Props.Create(() => new PassivatingActor(probe, s_timeout)));
        await probe.ExpectMsgAsync("started");
        actor.Tell("clear");
        await probe.ExpectMsgAsync("cleared");

        time.Advance(s_timeout * 3);

        await probe.ExpectNoMsgAsync(s_silence);
        Assert.Equal(0, time.ArmedTimerCount);
    }

    private sealed record Heartbeat : INotInfluenceReceiveTimeout;

    private sealed class PassivatingActor : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly TimeSpan _timeout;

        public PassivatingActor(IActorRef probe, TimeSpan timeout)
        {
            _probe = probe;
            _timeout = timeout;
            Receive<ReceiveTimeout>(m => probe.Tell(m));
            Receive<Heartbeat>(m => probe.Tell(m));
            Receive<string>(s => s == "work", _ => probe.Tell("did work"));
            Receive<string>(s => s == "clear", _ =>
            {
                Context.SetReceiveTimeout(null);
                probe.Tell(Context.ReceiveTimeout is null ? "cleared" : "not cleared");
            });
        }

        protected override void PreStart()
        {
            Context.SetReceiveTimeout(_timeout);
            _probe.Tell("started");
        }
    }
}
