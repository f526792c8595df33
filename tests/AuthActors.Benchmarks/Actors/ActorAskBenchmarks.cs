using System.Diagnostics;
using System.Globalization;
using AuthActors.Actors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace AuthActors.Benchmarks.Actors;

/// <summary>
/// Ask round trip to an echo actor, three ways:
/// <list type="bullet">
/// <item><see cref="AskFromAsyncCaller"/>: an async caller on a pool thread awaiting one Ask at a time (how an
/// HTTP handler asks): the actor and the continuation can run on the caller's thread, no OS wake-ups;</item>
/// <item><see cref="AskFromBlockedThread"/>: BenchmarkDotNet's own (non-pool) thread waits on each Ask, so every
/// round trip pays two thread wake-ups (a pool worker for the actor, the blocked thread for the reply);</item>
/// <item><see cref="ConcurrentAsks16Callers"/>: 16 async callers asking one actor at once (many requests sharing one
/// protection space); time per Ask is the inverse of throughput.</item>
/// </list>
/// BenchmarkDotNet's columns are averages over many Asks per iteration, so the per-Ask latency distribution (median,
/// p99) of the async caller is measured separately in <see cref="Setup"/> by timing 200,000 individual Asks, printed
/// as a line starting with <c>// AskLatency</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class ActorAskBenchmarks
{
    private const int ConcurrentCallers = 16;
    private const int AsksPerCaller = 2_000;
    private const int LatencySamples = 200_000;
    private const int SequentialAsks = 1_000;
    private static readonly object s_message = 42;

    private ActorSystem _system = null!;
    private IActorRef _echo = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _echo = _system.ActorOf(Props.Create(() => new EchoActor()));
        Task.Run(ReportLatencyAsync).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public Task Cleanup() => _system.StopAsync();

    [Benchmark(OperationsPerInvoke = SequentialAsks)]
    public Task AskFromAsyncCaller() => Task.Run(async () =>
    {
        for (int i = 0; i < SequentialAsks; i++)
        {
            await _echo.Ask<int>(s_message).ConfigureAwait(false);
        }
    });

    [Benchmark]
    public Task<int> AskFromBlockedThread() => _echo.Ask<int>(s_message);

    [Benchmark(OperationsPerInvoke = ConcurrentCallers * AsksPerCaller)]
    public Task ConcurrentAsks16Callers()
    {
        var callers = new Task[ConcurrentCallers];
        for (int c = 0; c < callers.Length; c++)
        {
            callers[c] = Task.Run(async () =>
            {
                for (int i = 0; i < AsksPerCaller; i++)
                {
                    await _echo.Ask<int>(s_message).ConfigureAwait(false);
                }
            });
        }

        return Task.WhenAll(callers);
    }

    private async Task ReportLatencyAsync()
    {
        for (int i = 0; i < 20_000; i++)
        {
            await _echo.Ask<int>(s_message).ConfigureAwait(false);
        }

        var samples = new double[LatencySamples];
        for (int i = 0; i < samples.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await _echo.Ask<int>(s_message).ConfigureAwait(false);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        string Percentile(double p) => samples[(int)Math.Min(samples.Length - 1, p * samples.Length)].ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine(
            $"// AskLatency (µs, {LatencySamples} sequential Asks): p50={Percentile(0.50)} p90={Percentile(0.90)} p99={Percentile(0.99)} p99.9={Percentile(0.999)} max={samples[^1].ToString("F1", CultureInfo.InvariantCulture)}");
    }

    private sealed class EchoActor : ActorBase
    {
        protected override void OnReceive(object message) => Sender.Tell(message);
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95);
    }
}
