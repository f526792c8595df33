using AuthActors.Actors;
using AuthActors.Tests.TestKit;

namespace AuthActors.Tests.Actors;

public sealed class ShutdownTests
{
    [Fact]
    public async Task StopAsync_WithQueuedMessages_ProcessesThemBeforePostStop()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef actor = system.ActorOf(Props.Create(() => new GatedActor(probe)));
        using var gate = new ManualResetEventSlim();
        actor.Tell(new Block(gate));
        await probe.ExpectMsgAsync("entered");
        for (int i = 1; i <= 5; i++)
        {
            actor.Tell("m" + i);
        }

        Task stopping = system.StopAsync();
        gate.Set();
        await stopping.WaitAsync(TestTimeouts.Default);

        for (int i = 1; i <= 5; i++)
        {
            await probe.ExpectMsgAsync("m" + i);
        }

        await probe.ExpectMsgAsync("PostStop");
        Assert.True(system.IsTerminated);
        Assert.False(system.StopTimedOut);
    }

    [Fact]
    public async Task StopAsync_WithNestedActors_StopsChildrenBeforeParents()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        system.ActorOf(Props.Create(() => new TreeActor(probe, "parent", "child", "grandchild")), "parent");
        system.ActorOf(Props.Create(() => new TreeActor(probe, "other")), "other");
        // The tree is built asynchronously: wait until all four have started.
        for (int i = 0; i < 4; i++)
        {
            await probe.ExpectMsgAsync<string>(predicate: s => s.EndsWith(":PreStart", StringComparison.Ordinal));
        }

        await system.StopAsync().WaitAsync(TestTimeouts.Default);

        List<string> order = [];
        for (int i = 0; i < 4; i++)
        {
            order.Add(await probe.ExpectMsgAsync<string>());
        }

        Assert.True(order.IndexOf("grandchild:PostStop") < order.IndexOf("child:PostStop"));
        Assert.True(order.IndexOf("child:PostStop") < order.IndexOf("parent:PostStop"));
        Assert.Contains("other:PostStop", order);
    }

    [Fact]
    public async Task StopAsync_WithHungActor_CompletesAfterTimeoutAndFlagsIt()
    {
        var time = new FakeTimeProvider();
        using var gate = new ManualResetEventSlim();
        await using var system = ActorSystem.Create("test", new ActorSystemOptions { TimeProvider = time });
        var probe = new TestProbe(system);
        IActorRef actor = system.ActorOf(Props.Create(() => new GatedActor(probe)), "hung");
        actor.Tell(new Block(gate));
        await probe.ExpectMsgAsync("entered");
        try
        {
            Task stopping = system.StopAsync(TimeSpan.FromSeconds(5));
            time.Advance(TimeSpan.FromMilliseconds(4999));
            Assert.False(stopping.IsCompleted);

            time.Advance(TimeSpan.FromMilliseconds(1));
            await stopping.WaitAsync(TestTimeouts.Default);

            Assert.True(system.IsTerminated);
            Assert.True(system.StopTimedOut);
        }
        finally
        {
            gate.Set();
        }
    }

    [Fact]
    public async Task StopAsync_CalledTwice_BothCallsComplete()
    {
        await using var system = ActorSystem.Create("test");
        system.ActorOf(Props.Create<EchoActor>());

        Task first = system.StopAsync();
        Task second = system.StopAsync();
        await Task.WhenAll(first, second).WaitAsync(TestTimeouts.Default);

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ActorOf_AfterStop_ThrowsInvalidOperation()
    {
        var system = ActorSystem.Create("test");
        await system.StopAsync().WaitAsync(TestTimeouts.Default);

        Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create<EchoActor>()));
    }

    [Fact]
    public async Task StopAsync_WithPendingAsk_FailsItWithActorTerminated()
    {
        var system = ActorSystem.Create("test");
        IActorRef silent = system.ActorOf(Props.Create<SilentActor>());
        Task<int> ask = silent.Ask<int>("question", TimeSpan.FromSeconds(30));
        await system.StopAsync().WaitAsync(TestTimeouts.Default);

        await Assert.ThrowsAsync<ActorTerminatedException>(() => ask.WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task Tell_AfterStop_PublishesDeadLetter()
    {
        var system = ActorSystem.Create("test");
        IActorRef echo = system.ActorOf(Props.Create<EchoActor>());
        await system.StopAsync().WaitAsync(TestTimeouts.Default);
        var published = new TaskCompletionSource<DeadLetter>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.DeadLetterPublished += (_, letter) => published.TrySetResult(letter);

        echo.Tell("late");

        DeadLetter deadLetter = await published.Task.WaitAsync(TestTimeouts.Default);
        Assert.Equal("late", deadLetter.Message);
        Assert.Equal(echo, deadLetter.Recipient);
    }

    private sealed class GatedActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public GatedActor(IActorRef probe)
        {
            _probe = probe;
            Receive<Block>(b =>
            {
                probe.Tell("entered");
                b.Gate.Wait(TestTimeouts.Default);
            });
            Receive<string>(s => probe.Tell(s));
        }

        protected override void PostStop() => _probe.Tell("PostStop");
    }
}
