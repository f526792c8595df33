namespace AuthActors.Spaces;

/// <summary>
/// Where a space's nonce counts come from when several processes share one nonce (cluster mode).
/// A Digest space keeps counting its own nc from 1 on each nonce it adopts, as in one process;
/// each count is then mapped, on the caller's thread, onto a count no other node of the fleet
/// ever sends on that nonce (see <see cref="FleetNonceStream"/>). Null in one process.
/// </summary>
internal interface IFleetNonceCounts
{
    /// <summary>The counts of one adoption of <paramref name="nonce"/> by <paramref name="space"/>:
    /// a new stream for every adoption, so a rebuilt space never maps its nc 1 twice.</summary>
    FleetNonceStream Open(SpaceKey space, string nonce);
}

/// <summary>
/// Maps a slot's local nc (1, 2, 3 …) onto blocks of counts granted by the space's owner in the
/// fleet: local nc k is the k-th count of the blocks in the order they were granted. The owner
/// grants each block once across the fleet (recorded before it is handed out), so no two nodes
/// send the same nc on the same nonce; within a node counts still rise with k (blocks are granted
/// in rising order), across nodes they interleave.
/// <para>The hot path is one array read, no lock and no message. The next block is asked for
/// when half the last one is used, so a steady stream of requests never waits; a request that
/// outruns the grants waits for the block it needs (bounded by the grant function's own timeout).</para>
/// </summary>
internal sealed class FleetNonceStream
{
    private readonly Func<CancellationToken, Task<long>> _grant;
    private readonly int _blockSize;
    private long[] _starts = [];
    private Task<long[]>? _pending;

    /// <param name="grant">Asks the owner for the next block; returns its first count.</param>
    /// <param name="blockSize">How many counts one grant holds.</param>
    public FleetNonceStream(Func<CancellationToken, Task<long>> grant, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        _grant = grant;
        _blockSize = blockSize;
    }

    /// <summary>How many blocks this stream holds (for tests and diagnostics).</summary>
    public int Blocks => Volatile.Read(ref _starts).Length;

    /// <summary>The fleet-wide count for local count <paramref name="localNc"/> (1-based).</summary>
    public ValueTask<uint> MapAsync(uint localNc, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(localNc);
        long index = (localNc - 1L) / _blockSize;
        int offset = (int)((localNc - 1L) % _blockSize);
        long[] starts = Volatile.Read(ref _starts);
        if (index < starts.Length)
        {
            if (index == starts.Length - 1 && offset >= _blockSize / 2)
            {
                _ = NextBlocks(starts); // prefetch; its failure is seen by whoever needs that block
            }

            return new ValueTask<uint>(ToNc(starts[index] + offset));
        }

        return MapSlowAsync(index, offset, cancellationToken);
    }

    private async ValueTask<uint> MapSlowAsync(long index, int offset, CancellationToken cancellationToken)
    {
        while (true)
        {
            long[] starts = Volatile.Read(ref _starts);
            if (index < starts.Length)
            {
                return ToNc(starts[index] + offset);
            }

            await NextBlocks(starts).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The one request for the block after <paramref name="seen"/>; concurrent callers share it.</summary>
    private Task<long[]> NextBlocks(long[] seen)
    {
        while (true)
        {
            Task<long[]>? pending = Volatile.Read(ref _pending);
            if (pending is not null && !pending.IsCompleted)
            {
                return pending;
            }

            long[] current = Volatile.Read(ref _starts);
            if (!ReferenceEquals(current, seen))
            {
                return Task.FromResult(current); // another caller already added a block
            }

            var next = new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref _pending, next.Task, pending) == pending)
            {
                _ = FetchAsync(current, next);
                return next.Task;
            }
        }
    }

    private async Task FetchAsync(long[] current, TaskCompletionSource<long[]> done)
    {
        try
        {
            long start = await _grant(CancellationToken.None).ConfigureAwait(false);
            long[] grown = [.. current, start];
            Volatile.Write(ref _starts, grown);
            done.SetResult(grown);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            done.SetException(e); // the next caller asks again
            _ = done.Task.Exception; // a failed prefetch nobody waited for is not an unobserved task
        }
    }

    private static uint ToNc(long count) =>
        count is > 0 and <= uint.MaxValue
            ? (uint)count
            : throw new InvalidOperationException("The fleet's nonce counts for this nonce are used up (nc would pass ffffffff); a fresh nonce is needed.");
}
