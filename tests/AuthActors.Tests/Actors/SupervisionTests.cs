using AuthActors.Actors;
using AuthActors.Tests.TestKit;

namespace AuthActors.Tests.Actors;

public sealed class SupervisionTests
{
    private static readonly TimeSpan s_silence = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Resume_AfterFailure_KeepsInstanceAndState()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        var instances = new InstanceCounter();
        IActorRef child = await CreateSupervisedChildAsync(system, probe, instances, _ => Directive.Resume);

        child.Tell("inc");
        child.Tell("inc");
        child.Tell(new Fail());
        int count = await child.Ask<int>("get").WaitAsync(TestTimeouts.Default);

        Assert.Equal(2, count);
        Assert.Equal(1, instances.Value);
    }

    [Fact]
    public async Task Restart_AfterFailure_CreatesFreshInstanceAndKeepsQueuedMessages()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        var instances = new InstanceCounter();
        IActorRef child = await CreateSupervisedChildAsync(system, probe, instances, _ => Directive.Restart);
        using var gate = new ManualResetEventSlim();
        child.Tell("inc");
        child.Tell(new BlockThenFail(gate));
        await probe.ExpectMsgAsync("entered");

        // Queued while the failing message is being processed.
        child.Tell(new Report("a"));
        child.Tell(new Report("b"));
        gate.Set();

        await probe.ExpectMsgAsync("pre-restart:1");
        await probe.ExpectMsgAsync("post-stop:1");
        await probe.ExpectMsgAsync("post-restart:2");
        await probe.ExpectMsgAsync("a:2:0");
        await probe.ExpectMsgAsync("b:2:0");
    }

    [Fact]
    public async Task Stop_AfterFailure_StopsChildAndTellsWatchers()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef child = await CreateSupervisedChildAsync(system, probe, new InstanceCounter(), _ => Directive.Stop);
        probe.Watch(child);

        child.Tell(new Fail());

        await probe.ExpectMsgAsync("post-stop:1");
        Terminated terminated = await probe.ExpectMsgAsync<Terminated>();
        Assert.Equal(child, terminated.ActorRef);
    }

    [Fact]
    public async Task Escalate_FromParent_ReachesGrandparentsStrategy()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        var decided = new TestProbe(system, "decided");
        var grandparentStrategy = new OneForOneStrategy(-1, TimeSpan.Zero, exception =>
        {
            decided.Tell(exception);
            return Directive.Stop;
        });
        Props leafProps = StatefulChild.PropsFor(probe, new InstanceCounter());
        Props parentProps = Props.Create(() => new ParentActor(leafProps, probe))
            .WithSupervisorStrategy(new OneForOneStrategy(-1, TimeSpan.Zero, _ => Directive.Escalate));
        system.ActorOf(Props.Create(() => new ParentActor(parentProps, probe)).WithSupervisorStrategy(grandparentStrategy));
        IActorRef parent = (await probe.ExpectMsgAsync<ChildCreated>()).Child;
        IActorRef leaf = (await probe.ExpectMsgAsync<ChildCreated>()).Child;
        probe.Watch(parent);

        leaf.Tell(new Fail("leaf failed"));

        InvalidOperationException seen = await decided.ExpectMsgAsync<InvalidOperationException>();
        Assert.Equal("leaf failed", seen.Message);
        await probe.ExpectMsgAsync("post-stop:1");
        Assert.Equal(parent, (await probe.ExpectMsgAsync<Terminated>()).ActorRef);
    }

    [Fact]
    public async Task Restart_WhenBudgetSpentWithinWindow_StopsChild()
    {
        var time = new FakeTimeProvider();
        await using var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        IActorRef child = await CreateSupervisedChildAsync(
            system, probe, new InstanceCounter(), _ => Directive.Restart, maxNrOfRetries: 2, window: TimeSpan.FromMinutes(1));
        probe.Watch(child);

        child.Tell(new Fail());
        child.Tell(new Fail());
        child.Tell(new Fail());

        List<string> lifecycle = [];
        while (await probe.ReceiveOneAsync() is string line)
        {
            lifecycle.Add(line);
        }

        Assert.IsType<Terminated>(probe.LastMessage);
        Assert.Equal(
            ["pre-restart:1", "post-stop:1", "post-restart:2", "pre-restart:2", "post-stop:2", "post-restart:3", "post-stop:3"],
            lifecycle);
    }

    [Fact]
    public async Task Restart_WhenWindowHasPassed_BudgetStartsAgain()
    {
        var time = new FakeTimeProvider();
        await using var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        IActorRef child = await CreateSupervisedChildAsync(
            system, probe, new InstanceCounter(), _ => Directive.Restart, maxNrOfRetries: 2, window: TimeSpan.FromMinutes(1));
        child.Tell(new Fail());
        child.Tell(new Fail());
        await probe.FishForMessageAsync<string>(s => s == "post-restart:3");

        time.Advance(TimeSpan.FromMinutes(2));
        child.Tell(new Fail());

        await probe.FishForMessageAsync<string>(s => s == "post-restart:4");
    }

    [Fact]
    public async Task ConstructorFailure_WithDefaultStrategy_StopsActorWithoutRestart()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        var attempts = new InstanceCounter();
        IActorRef actor = system.ActorOf(Props.Create(() => new FailingConstructorActor(attempts)));

        await probe.ExpectTerminatedAsync(actor);

        Assert.Equal(1, attempts.Value);
    }

    [Fact]
    public async Task PreStartFailure_WithCustomDecider_SurfacesAsActorInitializationException()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        var strategy = new OneForOneStrategy(-1, TimeSpan.Zero, exception =>
        {
            probe.Tell(exception);
            return Directive.Stop;
        });
        system.ActorOf(Props.Create(() => new ParentActor(Props.Create<FailingPreStartActor>(), probe)).WithSupervisorStrategy(strategy));
        await probe.ExpectMsgAsync<ChildCreated>();

        ActorInitializationException seen = await probe.ExpectMsgAsync<ActorInitializationException>();

        Assert.IsType<FormatException>(seen.InnerException);
    }

    [Fact]
    public async Task ThrowingHandler_InTopLevelActor_IsRestartedAndSystemKeepsWorking()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef child = system.ActorOf(StatefulChild.PropsFor(probe, new InstanceCounter()), "top");

        child.Tell("inc");
        child.Tell(new Fail());

        Assert.Equal(0, await child.Ask<int>("get").WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task Escalate_ToUserGuardian_StopsTopLevelActorAndSystemKeepsWorking()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        Props leafProps = StatefulChild.PropsFor(probe, new InstanceCounter());
        IActorRef top = system.ActorOf(Props.Create(() => new ParentActor(leafProps, probe))
            .WithSupervisorStrategy(new OneForOneStrategy(-1, TimeSpan.Zero, _ => Directive.Escalate)));
        IActorRef leaf = (await probe.ExpectMsgAsync<ChildCreated>()).Child;
        probe.Watch(top);

        leaf.Tell(new Fail());

        await probe.ExpectMsgAsync("post-stop:1");
        Assert.Equal(top, (await probe.ExpectMsgAsync<Terminated>()).ActorRef);
        IActorRef echo = system.ActorOf(Props.Create<EchoActor>());
        Assert.Equal("still alive", await echo.Ask<string>("still alive").WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task Restart_OfParent_StopsOldChildrenBeforeNewInstanceRecreatesThem()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        Props leafProps = StatefulChild.PropsFor(probe, new InstanceCounter());
        IActorRef parent = system.ActorOf(Props.Create(() => new ParentActor(leafProps, probe)));
        IActorRef firstLeaf = (await probe.ExpectMsgAsync<ChildCreated>()).Child;

        parent.Tell(new Explode());

        await probe.ExpectMsgAsync("post-stop:1");
        IActorRef secondLeaf = (await probe.ExpectMsgAsync<ChildCreated>()).Child;
        Assert.NotEqual(firstLeaf, secondLeaf);
        Assert.Equal(firstLeaf.Path, secondLeaf.Path);
    }

    [Fact]
    public async Task Decide_WhenResumeIsChosen_DoesNotSpendRestartBudget()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef child = await CreateSupervisedChildAsync(
            system, probe, new InstanceCounter(), _ => Directive.Resume, maxNrOfRetries: 0, window: TimeSpan.Zero);

        for (int i = 0; i < 5; i++)
        {
            child.Tell(new Fail());
        }

        Assert.Equal(0, await child.Ask<int>("get").WaitAsync(TestTimeouts.Default));
        await probe.ExpectNoMsgAsync(s_silence);
    }

    private static async Task<IActorRef> CreateSupervisedChildAsync(
        ActorSystem system,
        TestProbe probe,
        InstanceCounter instances,
        Func<Exception, Directive> decider,
        int maxNrOfRetries = -1,
        TimeSpan? window = null)
    {
        var strategy = new OneForOneStrategy(maxNrOfRetries, window ?? TimeSpan.Zero, decider);
        Props childProps = StatefulChild.PropsFor(probe, instances);
        system.ActorOf(Props.Create(() => new ParentActor(childProps, probe)).WithSupervisorStrategy(strategy));
        return (await probe.ExpectMsgAsync<ChildCreated>()).Child;
    }

    private sealed class FailingConstructorActor : ReceiveActor
    {
        public FailingConstructorActor(InstanceCounter attempts)
        {
            Interlocked.Increment(ref attempts.Value);
            throw new InvalidOperationException("cannot construct");
        }
    }

    private sealed class FailingPreStartActor : ReceiveActor
    {
        protected override void PreStart() => throw new FormatException("bad config");
    }
}
