using AuthActors.Actors;
using BenchmarkDotNet.Attributes;

namespace AuthActors.Benchmarks.Actors;

/// <summary>
/// Tell throughput into ONE actor: each invocation sends <see cref="MessagesPerInvoke"/> messages split across
/// <see cref="Producers"/> threads and waits until the actor has processed them all, so the time per operation is
/// the end-to-end cost of one message (enqueue, scheduling, dequeue, handler). Messages/s = 1e9 / (ns per op).
/// </summary>
[MemoryDiagnoser]
public class ActorTellBenchmarks
{
    private const int MessagesPerInvoke = 1_000_000;
    private static readonly object s_message = new();

    private ActorSystem _system = null!;
    private IActorRef _actor = null!;
    private CountingState _state = null!;

    [Params(1, 2)]
    public int Producers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _state = new CountingState();
        CountingState state = _state;
        _actor = _system.ActorOf(Props.Create(() => new CountingActor(state)));
    }

    [GlobalCleanup]
    public Task Cleanup() => _system.StopAsync();

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public async Task Tell()
    {
        Task done = _state.Expect(MessagesPerInvoke);
        int perProducer = MessagesPerInvoke / Producers;
        IActorRef actor = _actor;
        var others = new Task[Producers - 1];
        for (int p = 0; p < others.Length; p++)
        {
            others[p] = Task.Factory.StartNew(
                () => Send(actor, perProducer), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Send(actor, perProducer);
        await Task.WhenAll(others).ConfigureAwait(false);
        await done.ConfigureAwait(false);
    }

    private static void Send(IActorRef actor, int count)
    {
        for (int i = 0; i < count; i++)
        {
            actor.Tell(s_message);
        }
    }

    internal sealed class CountingState
    {
        private long _processed;
        private long _target;
        private TaskCompletionSource _done = new();

        /// <summary>Called between invocations, when no message is in flight.</summary>
        public Task Expect(int messages)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _target, Volatile.Read(ref _processed) + messages);
            return _done.Task;
        }

        /// <summary>Called by the actor only.</summary>
        public void OnProcessed()
        {
            long processed = _processed + 1;
            Volatile.Write(ref _processed, processed);
            if (processed == Volatile.Read(ref _target))
            {
                _done.TrySetResult();
            }
        }
    }

    private sealed class CountingActor(CountingState state) : ActorBase
    {
        protected override void OnReceive(object message) => state.OnProcessed();
    }
}
