using AuthActors.Actors;
using AuthActors.Tests.TestKit;

namespace AuthActors.Tests.Actors;

public sealed class ActorLifecycleTests
{
    private static readonly TimeSpan s_silence = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task PoisonPill_ProcessesEarlierMessagesThenStopsAndDeadLettersLaterOnes()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        var deadLetters = new TestProbe(system, "dead-letters");
        system.DeadLetterPublished += (_, letter) => deadLetters.Tell(letter);
        IActorRef actor = system.ActorOf(Props.Create(() => new ForwardingActor(probe)));
        probe.Watch(actor);

        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(PoisonPill.Instance);
        actor.Tell("c");

        await probe.ExpectMsgAsync("a");
        await probe.ExpectMsgAsync("b");
        await probe.ExpectMsgAsync<Terminated>();
        DeadLetter late = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("c", late.Message);
        Assert.Equal(actor, late.Recipient);
    }

    [Fact]
    public async Task Tell_ToStoppedActor_PublishesDeadLetterWithSender()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        var sender = new TestProbe(system, "sender");
        IActorRef actor = system.ActorOf(Props.Create<EchoActor>());
        actor.Tell(PoisonPill.Instance);
        await probe.ExpectTerminatedAsync(actor);
        var published = new TaskCompletionSource<DeadLetter>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.DeadLetterPublished += (_, letter) => published.TrySetResult(letter);

        actor.Tell("anyone there?", sender);

        DeadLetter deadLetter = await published.Task.WaitAsync(TestTimeouts.Default);
        Assert.Equal(new DeadLetter("anyone there?", sender, actor), deadLetter);
    }

    [Fact]
    public async Task Unhandled_Message_IsPublishedAsDeadLetter()
    {
        await using var system = ActorSystem.Create("test");
        var published = new TaskCompletionSource<DeadLetter>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.DeadLetterPublished += (_, letter) => published.TrySetResult(letter);
        IActorRef actor = system.ActorOf(Props.Create<IntOnlyActor>());

        actor.Tell("not an int");

        DeadLetter deadLetter = await published.Task.WaitAsync(TestTimeouts.Default);
        Assert.Equal("not an int", deadLetter.Message);
        Assert.Equal(actor, deadLetter.Recipient);
    }

    [Fact]
    public async Task DeadLetterHandler_WhenItThrows_DoesNotHurtTheKernel()
    {
        await using var system = ActorSystem.Create("test");
        system.DeadLetterPublished += (_, _) => throw new InvalidOperationException("bad subscriber");
        IActorRef actor = system.ActorOf(Props.Create<IntOnlyActor>());

        actor.Tell("not an int");

        Assert.Equal(7, await actor.Ask<int>(7).WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task ActorOf_WithNameOfLiveSibling_ThrowsInvalidActorName()
    {
        await using var system = ActorSystem.Create("test");
        system.ActorOf(Props.Create<EchoActor>(), "registry");

        Assert.Throws<InvalidActorNameException>(() => system.ActorOf(Props.Create<EchoActor>(), "registry"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b")]
    [InlineData("$reserved")]
    public async Task ActorOf_WithInvalidName_ThrowsInvalidActorName(string name)
    {
        await using var system = ActorSystem.Create("test");

        Assert.Throws<InvalidActorNameException>(() => system.ActorOf(Props.Create<EchoActor>(), name));
    }

    [Fact]
    public async Task ActorOf_WithName_HasPathUnderUser()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);

        system.ActorOf(Props.Create(() => new ParentActor(Props.Create<EchoActor>(), probe)), "registry");

        Assert.Equal("/user/registry/child", (await probe.ExpectMsgAsync<ChildCreated>()).Child.Path);
    }

    [Fact]
    public async Task Become_ReplacesTheHandlerSet()
    {
        await using var system = ActorSystem.Create("test");
        IActorRef actor = system.ActorOf(Props.Create<SwitchingActor>());

        string before = await actor.Ask<string>("who").WaitAsync(TestTimeouts.Default);
        actor.Tell("switch");
        string after = await actor.Ask<string>("who").WaitAsync(TestTimeouts.Default);

        Assert.Equal("first", before);
        Assert.Equal("second", after);
    }

    [Fact]
    public async Task ContextStop_OfSelf_FinishesCurrentMessageThenDeadLettersQueuedOnes()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        var deadLetters = new TestProbe(system, "dead-letters");
        system.DeadLetterPublished += (_, letter) => deadLetters.Tell(letter.Message);
        IActorRef actor = system.ActorOf(Props.Create(() => new SelfStoppingActor(probe)));
        probe.Watch(actor);
        using var gate = new ManualResetEventSlim();
        actor.Tell(new Block(gate));
        await probe.ExpectMsgAsync("entered");
        actor.Tell("queued");

        gate.Set();

        await probe.ExpectMsgAsync("finished block");
        await probe.ExpectMsgAsync<Terminated>();
        await deadLetters.ExpectMsgAsync("queued");
    }

    [Fact]
    public async Task ContextStop_OfParent_StopsChildrenFirst()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef parent = system.ActorOf(Props.Create(() => new TreeActor(probe, "parent", "child", "grandchild")));
        for (int i = 0; i < 3; i++)
        {
            await probe.ExpectMsgAsync<string>(predicate: s => s.EndsWith(":PreStart", StringComparison.Ordinal));
        }

        parent.Tell(PoisonPill.Instance);

        await probe.ExpectMsgAsync("grandchild:PostStop");
        await probe.ExpectMsgAsync("child:PostStop");
        await probe.ExpectMsgAsync("parent:PostStop");
    }

    [Fact]
    public async Task ContextStop_OfNonChild_Throws()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef stranger = system.ActorOf(Props.Create<EchoActor>());
        IActorRef actor = system.ActorOf(Props.Create(() => new StoppingOthersActor(probe)));

        actor.Tell(stranger);

        Assert.IsType<ArgumentException>(await probe.ExpectMsgAsync<Exception>());
    }

    [Fact]
    public async Task Children_ListsLiveChildrenAndChildFindsThemByName()
    {
        await using var system = ActorSystem.Create("test");
        IActorRef parent = system.ActorOf(Props.Create<FamilyActor>(), "family");

        string report = await parent.Ask<string>("report").WaitAsync(TestTimeouts.Default);

        Assert.Equal("/user/family/a,/user/family/b|/user/family/a|missing", report);
    }

    [Fact]
    public void Constructor_CalledDirectly_ThrowsActorInitialization()
    {
        Assert.Throws<ActorInitializationException>(() => new EchoActor());
    }

    [Fact]
    public async Task Receive_OutsideConstructorOrBecome_Throws()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef actor = system.ActorOf(Props.Create(() => new LateRegisteringActor(probe)));

        actor.Tell("register");

        Assert.IsType<InvalidOperationException>(await probe.ExpectMsgAsync<Exception>());
    }

    private sealed class FamilyActor : ReceiveActor
    {
        public FamilyActor()
        {
            Context.ActorOf(Props.Create<EchoActor>(), "a");
            Context.ActorOf(Props.Create<EchoActor>(), "b");
            Receive<string>(_ =>
            {
                string children = string.Join(",", Context.Children.Select(c => c.Path).Order(StringComparer.Ordinal));
                string found = Context.Child("a")?.Path ?? "missing";
                string missing = Context.Child("zzz")?.Path ?? "missing";
                Sender.Tell($"{children}|{found}|{missing}");
            });
        }
    }

    private sealed class IntOnlyActor : ReceiveActor
    {
        public IntOnlyActor() => Receive<int>(n => Sender.Tell(n));
    }

    private sealed class SwitchingActor : ReceiveActor
    {
        public SwitchingActor()
        {
            Receive<string>(s => s == "who", _ => Sender.Tell("first"));
            Receive<string>(s => s == "switch", _ => Become(() => Receive<string>(s => s == "who", _ => Sender.Tell("second"))));
        }
    }

    private sealed class SelfStoppingActor : ReceiveActor
    {
        public SelfStoppingActor(IActorRef probe) =>
            Receive<Block>(b =>
            {
                probe.Tell("entered");
                b.Gate.Wait(TestTimeouts.Default);
                Context.Stop(Self);
                probe.Tell("finished block");
            });
    }

    private sealed class StoppingOthersActor : ReceiveActor
    {
        public StoppingOthersActor(IActorRef probe) =>
            Receive<IActorRef>(other =>
            {
                try
                {
                    Context.Stop(other);
                    probe.Tell("stopped");
                }
                catch (ArgumentException exception)
                {
                    probe.Tell(exception);
                }
            });
    }

    private sealed class LateRegisteringActor : ReceiveActor
    {
        public LateRegisteringActor(IActorRef probe) =>
            Receive<string>(_ =>
            {
                try
                {
                    ReceiveAny(_ => { });
                    probe.Tell("registered");
                }
                catch (InvalidOperationException exception)
                {
                    probe.Tell(exception);
                }
            });
    }
}
