namespace AuthActors.Host.Commands;

/// <summary>
/// Runs <c>count</c> units of work with at most <c>concurrency</c> at once, each worker taking the
/// next index when it is free. When <c>stopIssuing</c> fires (Ctrl+C), no new unit starts; those
/// in flight get <c>drainTimeout</c> to finish before their token is cancelled.
/// </summary>
internal static class LoadRunner
{
    /// <summary>How long in-flight requests may take to finish after Ctrl+C (the command line waits 10 s in all).</summary>
    public static readonly TimeSpan DefaultDrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs the work; returns how many units started. <paramref name="work"/> must record its own
    /// outcome and not throw for an expected failure (an exception ends the run and is rethrown).
    /// </summary>
    public static async Task<int> RunAsync(
        int count,
        int concurrency,
        Func<int, CancellationToken, Task> work,
        TimeSpan drainTimeout,
        CancellationToken stopIssuing)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        using var abort = new CancellationTokenSource();
        using CancellationTokenRegistration onStop = stopIssuing.Register(() => abort.CancelAfter(drainTimeout));
        int next = -1;

        async Task WorkerAsync()
        {
            while (!stopIssuing.IsCancellationRequested)
            {
                int index = Interlocked.Increment(ref next);
                if (index >= count)
                {
                    return;
                }

                await work(index, abort.Token).ConfigureAwait(false);
            }
        }

        var workers = new Task[Math.Max(1, Math.Min(concurrency, count))];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(WorkerAsync, CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        // Every index below the last one handed out was started; indexes past the end were not.
        return Math.Min(count, Volatile.Read(ref next) + 1);
    }
}
