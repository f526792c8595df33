using System.Collections.Concurrent;
using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary>The concurrent runner behind demo, bench and crawl.</summary>
public sealed class LoadRunnerTests
{
    [Fact]
    public async Task RunAsync_RunsEveryIndexOnce()
    {
        var seen = new ConcurrentBag<int>();

        int started = await LoadRunner.RunAsync(500, 7, (i, _) => { seen.Add(i); return Task.CompletedTask; }, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(500, started);
        Assert.Equal(Enumerable.Range(0, 500), seen.Order());
    }

    [Fact]
    public async Task RunAsync_NeverExceedsTheConcurrency()
    {
        int inFlight = 0;
        int most = 0;

        await LoadRunner.RunAsync(200, 4, async (_, _) =>
        {
            int now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref inFlight);
        }, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.InRange(most, 1, 4);
    }

    [Fact]
    public async Task RunAsync_Stopped_StartsNothingNewAndLetsInFlightWorkFinish()
    {
        using var stop = new CancellationTokenSource();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int entered = 0;
        int finished = 0;
        var allEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<int> run = LoadRunner.RunAsync(1000, 3, async (_, ct) =>
        {
            if (Interlocked.Increment(ref entered) == 3)
            {
                allEntered.TrySetResult();
            }

            await release.Task.WaitAsync(ct);
            Interlocked.Increment(ref finished);
        }, TimeSpan.FromSeconds(30), stop.Token);
        await allEntered.Task.WaitAsync(DigestTestClient.Timeout);
        await stop.CancelAsync();
        release.SetResult();
        int started = await run.WaitAsync(DigestTestClient.Timeout);

        Assert.Equal(3, started);
        Assert.Equal(3, Volatile.Read(ref finished));
    }

    [Fact]
    public async Task RunAsync_Stopped_CancelsInFlightWorkAfterTheDrainTime()
    {
        using var stop = new CancellationTokenSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = 0;

        Task<int> run = LoadRunner.RunAsync(10, 1, async (_, ct) =>
        {
            entered.TrySetResult();
            try
            {
                // Never completes on its own: only the drain cancellation ends it.
                await new TaskCompletionSource().Task.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref cancelled);
            }
        }, TimeSpan.Zero, stop.Token);
        await entered.Task.WaitAsync(DigestTestClient.Timeout);
        await stop.CancelAsync();
        await run.WaitAsync(DigestTestClient.Timeout);

        Assert.Equal(1, Volatile.Read(ref cancelled));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current = Volatile.Read(ref target);
        while (value > current)
        {
            int seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
