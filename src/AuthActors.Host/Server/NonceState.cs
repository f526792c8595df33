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
    /// How far below the highest accepted nc a value may still arrive and be told apart from a
    /// replay. Concurrent clients send nc values slightly out of order; the window is far wider
    /// than any realistic reordering. It is the anti-replay window of RFC 4303 §3.4.3.
    /// </summary>
    public const int Window = 1024;

    private const int WindowWords = Window / 64;

    private readonly Lock _lock = new();

    // Guarded by _lock. Bit i of the window (word i / 64, bit i % 64) says nc (_highest - i)
    // was accepted. Null until the first nc is accepted, so nonces that are only ever sent in a
    // challenge cost no window.
    private ulong[]? _window;
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
            _window ??= new ulong[WindowWords];
            if (nc > _highest)
            {
                ShiftWindow_NeedsLock(nc - _highest);
                _highest = nc;
                _window[0] |= 1UL;
                return NcOutcome.Accepted;
            }

            if (nc == 0)
            {
                return NcOutcome.Replayed;
            }

            uint distance = _highest - nc;
            if (distance >= Window)
            {
                // Too old to tell apart: treated as a replay, which is the safe answer.
                return NcOutcome.Replayed;
            }

            int word = (int)(distance >> 6);
            ulong bit = 1UL << (int)(distance & 63);
            if ((_window[word] & bit) != 0)
            {
                return NcOutcome.Replayed;
            }

            if (check == NcCheck.Increasing)
            {
                return NcOutcome.OutOfOrder;
            }

            _window[word] |= bit;
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

    private void ShiftWindow_NeedsLock(uint shift)
    {
        ulong[] window = _window!;
        if (shift >= Window)
        {
            Array.Clear(window);
            return;
        }

        int wordShift = (int)(shift >> 6);
        int bitShift = (int)(shift & 63);
        for (int w = WindowWords - 1; w >= 0; w--)
        {
            int source = w - wordShift;
            ulong value = 0;
            if (source >= 0)
            {
                value = window[source] << bitShift;
                if (bitShift != 0 && source > 0)
                {
                    value |= window[source - 1] >> (64 - bitShift);
                }
            }

            window[w] = value;
        }
    }
}
