using AuthActors.Actors;
using AuthActors.Tests.TestKit;

namespace AuthActors.Tests.Actors;

public sealed class MailboxTests
{
    [Fact]
    public async Task Tell_FromManySendersAtOnce_KeepsEachSendersOrder()
    {
        await using var system = ActorSystem.Create("test");
        const int Senders = 8;
        const int PerSender = 10_000;
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        IActorRef actor = system.ActorOf(Props.Create(() => new OrderCheckingActor(Senders * PerSender, done)));
        TestProbe[] senders = [.. Enumerable.Range(0, Senders).Select(i => new TestProbe(system, "sender-" + i))];

        await Task.WhenAll(senders.Select(sender => Task.Run(() =>
        {
            for (int n = 0; n < PerSender; n++)
            {
                actor.Tell(n, sender);
            }
        })));
        int outOfOrder = await done.Task.WaitAsync(TestTimeouts.Dilated(TimeSpan.FromSeconds(20)));

        Assert.Equal(0, outOfOrder);
    }

    [Fact]
    public async Task Tell_From64ThreadsAtOnce_NeverRunsTwoHandlersConcurrentlyAndProcessesAll()
    {
        await using var system = ActorSystem.Create("test");
        const int Threads = 64;
        const int PerThread = 10_000;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var state = new ConcurrencyState();
        IActorRef actor = system.ActorOf(Props.Create(() => new ConcurrencyCheckingActor(state, Threads * PerThread, done)));
        using var go = new ManualResetEventSlim();

        Task[] producers = [.. Enumerable.Range(0, Threads).Select(_ => Task.Factory.StartNew(
            () =>
            {
                go.Wait(TestTimeouts.Default);
                for (int n = 0; n < PerThread; n++)
                {
                    actor.Tell(n);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default))];
        go.Set();
        await Task.WhenAll(producers).WaitAsync(TestTimeouts.Dilated(TimeSpan.FromSeconds(20)));
        await done.Task.WaitAsync(TestTimeouts.Dilated(TimeSpan.FromSeconds(20)));
        int processed = await actor.Ask<int>("count", TestTimeouts.Default);

        Assert.Equal(1, state.MaxInside);
        Assert.Equal(Threads * PerThread, processed);
    }

    [Fact]
    public async Task Tell_WithoutSender_HandlerSeesDeadLettersAsSender()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        IActorRef actor = system.ActorOf(Props.Create(() => new SenderReportingActor(probe)));

        actor.Tell("hello");

        Assert.Equal(system.DeadLetters, await probe.ExpectMsgAsync<IActorRef>());
    }

    [Fact]
    public async Task Tell_WithSender_HandlerSeesThatSender()
    {
        await using var system = ActorSystem.Create("test");
        var probe = new TestProbe(system);
        var other = new TestProbe(system, "other");
        IActorRef actor = system.ActorOf(Props.Create(() => new SenderReportingActor(probe)));

        actor.Tell("hello", other);

        Assert.Equal(other, await probe.ExpectMsgAsync<IActorRef>());
    }

    private sealed class OrderCheckingActor : ReceiveActor
    {
        private readonly Dictionary<IActorRef, int> _last = [];
        private int _count;
        private int _outOfOrder;

        public OrderCheckingActor(int expected, TaskCompletionSource<int> done) =>
            Receive<int>(n =>
            {
                int previous = _last.TryGetValue(Sender, out int p) ? p : -1;
                if (n != previous + 1)
                {
                    _outOfOrder++;
                }

                _last[Sender] = n;
                if (++_count == expected)
                {
                    done.TrySetResult(_outOfOrder);
                }
            });
    }

    private sealed class ConcurrencyState
    {
        public int Inside;
        public int MaxInside;
    }

    private sealed class ConcurrencyCheckingActor : ReceiveActor
    {
        private int _count;

        public ConcurrencyCheckingActor(ConcurrencyState state, int expected, TaskCompletionSource done)
        {
            Receive<int>(_ =>
            {
                int inside = Interlocked.Increment(ref state.Inside);
                int max;
                while (inside > (max = Volatile.Read(ref state.MaxInside)) && Interlocked.CompareExchange(ref state.MaxInside, inside, max) != max)
                {
                }

                Thread.SpinWait(8);
                _count++;
                Interlocked.Decrement(ref state.Inside);
                if (_count == expected)
                {
                    done.TrySetResult();
                }
            });
            Receive<string>(s => s == "count", _ => Sender.Tell(_count));
        }
    }

    private sealed class SenderReportingActor : ReceiveActor
    {
        public SenderReportingActor(IActorRef probe) => ReceiveAny(_ => probe.Tell(Sender));
    }
}
