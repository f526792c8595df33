using AuthActors.Actors;
using AuthActors.Tests.TestKit;

namespace AuthActors.Tests.Actors;

public sealed class DeathWatchTests
{
    private static readonly TimeSpan s_silence = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Watch_WhenWatchedActorStops_DeliversTerminatedOnce()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef target = system.ActorOf(Props.Create<EchoActor>());
        system.ActorOf(Props.Create(() => new WatchingActor(target, probe)));
        await probe.ExpectMsgAsync("watching");

        target.Tell(PoisonPill.Instance);

        Assert.Equal(target, (await probe.ExpectMsgAsync<Terminated>()).ActorRef);
        await probe.ExpectNoMsgAsync(s_silence);
    }

    [Fact]
    public async Task Watch_WhenActorIsAlreadyDead_DeliversTerminatedAtOnce()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef target = system.ActorOf(Props.Create<EchoActor>());
        target.Tell(PoisonPill.Instance);
        await probe.ExpectTerminatedAsync(target);

        system.ActorOf(Props.Create(() => new WatchingActor(target, probe)));

        await probe.ExpectMsgAsync("watching");
        Assert.Equal(target, (await probe.ExpectMsgAsync<Terminated>()).ActorRef);
    }

    [Fact]
    public async Task Unwatch_BeforeTargetStops_NoTerminatedIsDelivered()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        var observer = new TestProbe(system, "observer");
        IActorRef target = system.ActorOf(Props.Create<EchoActor>());
        IActorRef watcher = system.ActorOf(Props.Create(() => new WatchingActor(target, probe)));
        await probe.ExpectMsgAsync("watching");
        watcher.Tell("unwatch");
        await probe.ExpectMsgAsync("unwatched");

        target.Tell(PoisonPill.Instance);
        await observer.ExpectTerminatedAsync(target);

        await probe.ExpectNoMsgAsync(s_silence);
    }

    [Fact]
    public async Task TestProbeWatch_WhenActorIsAlreadyDead_DeliversTerminatedAtOnce()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef target = system.ActorOf(Props.Create<EchoActor>());
        target.Tell(PoisonPill.Instance);
        await probe.ExpectTerminatedAsync(target);

        Terminated again = await probe.ExpectTerminatedAsync(target);

        Assert.Equal(target, again.ActorRef);
    }

    [Fact]
    public async Task WatchAsync_WhenActorStops_Completes()
    {
        await using var system = ActorSystem.Create("test");
        IActorRef target = system.ActorOf(Props.Create<EchoActor>());
        Task watched = target.WatchAsync();
        Assert.False(watched.IsCompleted);

        target.Tell(PoisonPill.Instance);

        await watched.WaitAsync(TestTimeouts.Default);
    }

    [Fact]
    public async Task Stop_WhenActorHasStopped_FreesItsNameForANewActor()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef first = system.ActorOf(Props.Create<EchoActor>(), "reused");
        first.Tell(PoisonPill.Instance);
        await probe.ExpectTerminatedAsync(first);

        IActorRef second = system.ActorOf(Props.Create<EchoActor>(), "reused");

        Assert.NotEqual(first, second);
        Assert.Equal(first.Path, second.Path);
        Assert.Equal("hi", await second.Ask<string>("hi").WaitAsync(TestTimeouts.Default));
    }

    private sealed class WatchingActor : ReceiveActor
    {
        public WatchingActor(IActorRef target, IActorRef probe)
        {
            Context.Watch(target);
            probe.Tell("watching");
            Receive<Terminated>(t => probe.Tell(t));
            Receive<string>(s => s == "unwatch", _ =>
            {
                Context.Unwatch(target);
                probe.Tell("unwatched");
            });
        }
    }
}
