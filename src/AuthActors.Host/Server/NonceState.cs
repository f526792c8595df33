namespace AuthActors.Host.Server;

/// <summary>
/// One nonce the server issued: when, for which realm, and which nc values it has accepted.
/// The identity fields are immutable; the nc window is guarded by a lock that is held for a few
/// instructions and calls nothing out; the successor is set by compare-and-swap. Requests on
/// different nonces never contend, and requests on one nonce only briefly.
/// </summary>
internal sealed class NonceState
{
    /// <summary>
    /// How far ahead of the lowest nc not yet seen a value may arrive and still be told apart
    /// from a replay. Concurrent clients send nc values out of order (a request can stall for a
    /// while on a busy machine while thousands of later ones pass), so the window grows on
    /// demand from 64 up to this many values, about 8 KiB, and only for nonces that need it.
    /// Values that fall out of it count as replays (RFC 7616 §5.10 lets a server reject them).
    /// </summary>
    public const int MaxWindow = 1 << 16;

    private const int InitialWindow = 64;

    private readonly Lock _lock = new();

    // Guarded by _lock. Every nc in 1.._floor has been accepted (or given up on). For nc in
    // (_floor, _floor + window size], bit (nc mod size) of _window says it was accepted: a ring,
    // so advancing _floor never shifts. Null until an nc arrives out of order: a client that
    // counts 1, 2, 3... in order only ever moves _floor.
    private ulong[]? _window;
    private uint _floor;
    private uint _highest;

    // Set once per generation with a compare-and-swap: the nonce handed out instead of this one
    // once it is old or stale, shared by every caller who presents this one (no stampede of
    // fresh nonces after an expiry).
    private NonceState? _successor;

    public NonceState(string value, int realmIndex, long issuedAt, long sequence)
    {
        Value = value;
        RealmIndex = realmIndex;
        IssuedAt = issuedAt;
        Sequence = sequence;
    }

    /// <summary>The nonce as sent in challenges.</summary>
    public string Value { get; }

    /// <summary>The realm it was issued for; it is good for that realm only.</summary>
    public int RealmIndex { get; }

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> at issue.</summary>
    public long IssuedAt { get; }

    /// <summary>Issue order, used by <see cref="NonceStore.ExpireAll"/>.</summary>
    public long Sequence { get; }

    /// <summary>
    /// Records <paramref name="nc"/> as used and says whether that was allowed under
    /// <paramref name="check"/>. nc 0 is never valid (counts start at 1, RFC 7616 §3.4).
    /// </summary>
    public NcOutcome TryAccept(uint nc, NcCheck check)
    {
        lock (_lock)
        {
            if (nc <= _floor || IsSet_NeedsLock(nc))
            {
                return NcOutcome.Replayed;
            }

            if (check == NcCheck.Increasing && nc < _highest)
            {
                return NcOutcome.OutOfOrder;
            }

            _highest = Math.Max(_highest, nc);
            if (nc == _floor + 1)
            {
                _floor = nc;
                AdvanceFloor_NeedsLock();
                return NcOutcome.Accepted;
            }

            Set_NeedsLock(nc);
            return NcOutcome.Accepted;
        }
    }

    /// <summary>The nonce handed out in place of this one once it is old or stale, if one was made.</summary>
    public NonceState? Successor => Volatile.Read(ref _successor);

    /// <summary>
    /// Sets the successor to <paramref name="candidate"/> if it is still <paramref name="expected"/>;
    /// false when another request set one first (then <see cref="Successor"/> is that one).
    /// </summary>
    public bool TrySetSuccessor(NonceState? expected, NonceState candidate) =>
        ReferenceEquals(Interlocked.CompareExchange(ref _successor, candidate, expected), expected);

    private bool IsSet_NeedsLock(uint nc)
    {
        ulong[]? window = _window;
        if (window is null || nc - _floor > (uint)window.Length * 64)
        {
            return false;
        }

        uint index = nc & (uint)(window.Length * 64 - 1);
        return (window[index >> 6] & (1UL << (int)(index & 63))) != 0;
    }

    private void Set_NeedsLock(uint nc)
    {
        _window ??= new ulong[InitialWindow / 64];
        long size = (long)_window.Length * 64;
        if (nc - _floor > size)
        {
            size = Grow_NeedsLock(nc);
            if (nc - _floor > size)
            {
                // Beyond the largest window: give up on the oldest values (they become replays).
                if (nc - _floor >= 2 * size)
                {
                    Array.Clear(_window);
                    _floor = nc - (uint)size;
                }

                while (nc - _floor > size)
                {
                    _floor++;
                    Clear_NeedsLock(_floor);
                }
            }
        }

        uint index = nc & (uint)(size - 1);
        _window[index >> 6] |= 1UL << (int)(index & 63);
        AdvanceFloor_NeedsLock();
    }

    /// <summary>Doubles the ring until <paramref name="nc"/> fits or it is at <see cref="MaxWindow"/>; returns the new size in bits.</summary>
    private long Grow_NeedsLock(uint nc)
    {
        ulong[] old = _window!;
        long oldSize = (long)old.Length * 64;
        long size = oldSize;
        while (nc - _floor > size && size < MaxWindow)
        {
            size *= 2;
        }

        if (size == oldSize)
        {
            return size;
        }

        // Re-file each set bit: its nc is the one in (_floor, _floor + oldSize] with that residue.
        ulong[] grown = new ulong[size / 64];
        for (uint offset = 1; offset <= oldSize; offset++)
        {
            uint value = _floor + offset;
            uint oldIndex = value & (uint)(oldSize - 1);
            if ((old[oldIndex >> 6] & (1UL << (int)(oldIndex & 63))) != 0)
            {
                uint newIndex = value & (uint)(size - 1);
                grown[newIndex >> 6] |= 1UL << (int)(newIndex & 63);
            }
        }

        _window = grown;
        return size;
    }

    /// <summary>Moves _floor over every accepted value just above it, clearing their bits for reuse by the ring.</summary>
    private void AdvanceFloor_NeedsLock()
    {
        ulong[]? window = _window;
        if (window is null)
        {
            return;
        }

        uint mask = (uint)(window.Length * 64 - 1);
        while (true)
        {
            uint next = _floor + 1;
            uint index = next & mask;
            ulong bit = 1UL << (int)(index & 63);
            if ((window[index >> 6] & bit) == 0)
            {
                return;
            }

            window[index >> 6] &= ~bit;
            _floor = next;
        }
    }

    private void Clear_NeedsLock(uint nc)
    {
        ulong[] window = _window!;
        uint index = nc & (uint)(window.Length * 64 - 1);
        window[index >> 6] &= ~(1UL << (int)(index & 63));
    }
}
