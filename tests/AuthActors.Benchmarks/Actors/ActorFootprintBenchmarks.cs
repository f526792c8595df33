using System.Globalization;
using AuthActors.Actors;
using BenchmarkDotNet.Attributes;

namespace AuthActors.Benchmarks.Actors;

/// <summary>
/// Creating many actors (time and allocations per actor, until every actor has run PreStart) and the memory an idle
/// actor keeps. The retained size is measured in <see cref="ReportFootprint"/> with <see cref="GC.GetTotalMemory(bool)"/>
/// deltas around creating 100,000 idle actors, and printed as lines starting with <c>// Footprint</c>.
/// </summary>
[MemoryDiagnoser]
public class ActorFootprintBenchmarks
{
    private const int FootprintActors = 100_000;

    private ActorSystem _system = null!;
    private StartedCounter _started = null!;

    [Params(1_000_000)]
    public int Actors { get; set; }

    [GlobalSetup]
#pragma warning disable CA1822 // BenchmarkDotNet invokes [GlobalSetup] methods on the benchmark instance.
    public void ReportFootprint()
#pragma warning restore CA1822
    {
        Report("ActorBase (no fields)", static counter => Props.Create(() => new MinimalActor(counter)));
        Report("ReceiveActor (one handler)", static counter => Props.Create(() => new MinimalReceiveActor(counter)));
    }

    [IterationSetup]
    public void CreateSystem()
    {
        _system = ActorSystem.Create("bench");
        _started = new StartedCounter();
    }

    [IterationCleanup]
    public void StopSystem() => _system.StopAsync(TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = 1)]
    public void Create1MillionActors()
    {
        StartedCounter counter = _started;
        Task allStarted = counter.Expect(Actors);
        Props props = Props.Create(() => new MinimalActor(counter));
        for (int i = 0; i < Actors; i++)
        {
            _system.ActorOf(props);
        }

        allStarted.GetAwaiter().GetResult();
    }

    private static void Report(string kind, Func<StartedCounter, Props> propsFor)
    {
        var system = ActorSystem.Create("footprint");
        var counter = new StartedCounter();
        Props props = propsFor(counter);
        Task allStarted = counter.Expect(FootprintActors);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < FootprintActors; i++)
        {
            system.ActorOf(props);
        }

        allStarted.GetAwaiter().GetResult();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        double perActor = (after - before) / (double)FootprintActors;
        Console.WriteLine($"// Footprint {kind}: {perActor.ToString("F0", CultureInfo.InvariantCulture)} bytes per idle actor ({FootprintActors} actors)");
        system.StopAsync(TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
        GC.KeepAlive(system);
    }

    internal sealed class StartedCounter
    {
        private int _started;
        private int _target;
        private TaskCompletionSource _done = new();

        public Task Expect(int actors)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _started = 0;
            Volatile.Write(ref _target, actors);
            return _done.Task;
        }

        public void OnStarted()
        {
            if (Interlocked.Increment(ref _started) == Volatile.Read(ref _target))
            {
                _done.TrySetResult();
            }
        }
    }

    private sealed class MinimalActor(StartedCounter counter) : ActorBase
    {
        protected override void PreStart() => counter.OnStarted();

        protected override void OnReceive(object message) => Unhandled(message);
    }

    private sealed class MinimalReceiveActor : ReceiveActor
    {
        private readonly StartedCounter _counter;

        public MinimalReceiveActor(StartedCounter counter)
        {
            _counter = counter;
            Receive<string>(_ => { });
        }

        protected override void PreStart() => _counter.OnStarted();
    }
}
