using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AuthActors.Host.Server;

/// <summary>
/// The nonces a <see cref="DigestServer"/> has issued. Lookups and inserts go to a
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> (no global lock on the hot path); a timer
/// sweeps out nonces past their lifetime plus a grace period, and a cap on how many are kept
/// bounds memory even under a flood of unauthenticated requests (each of which gets a nonce).
/// </summary>
/// <remarks>
/// A nonce that is no longer here (swept, consumed as a one-time nonce, or never issued) is
/// answered like an expired one: stale=true when the response was otherwise right. That is
/// safe: a right response proves the client knows the password, and stale only asks it to
/// retry with a fresh nonce (RFC 7616 §3.3).
/// </remarks>
internal sealed class NonceStore : IDisposable
{
    /// <summary>How long an expired nonce is kept before the sweep forgets it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private const int NonceBytes = 16;

    private readonly ConcurrentDictionary<string, NonceState> _nonces = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly DigestServerStats _stats;
    private readonly long _lifetimeTimestamps;
    private readonly long _keepTimestamps;
    private readonly ITimer _sweepTimer;
    private readonly int _maxNonces;

    // Shared-nonce mode: each realm's current nonce (compare-and-swap), and how long it is handed out.
    private readonly ConcurrentDictionary<int, NonceState> _shared = new();
    private readonly long _sharedTimestamps;

    // Only one thread trims at a time; the others carry on (Monitor.TryEnter).
    private readonly Lock _trimLock = new();

    // Nonces in _nonces, kept with Interlocked because ConcurrentDictionary.Count takes every lock.
    private long _count;

    // Issue order of the last nonce made (Interlocked).
    private long _sequence;

    // Nonces with a Sequence at or below this are expired (ExpireAll). Read with Volatile.
    private long _expiredThrough;

    public NonceStore(TimeSpan lifetime, int maxNonces, TimeProvider timeProvider, DigestServerStats stats, TimeSpan? shared = null)
    {
        _sharedTimestamps = shared is { } rotation ? ToTimestamps(rotation, timeProvider.TimestampFrequency) : 0;
        _maxNonces = maxNonces;
        _timeProvider = timeProvider;
        _stats = stats;
        _lifetimeTimestamps = ToTimestamps(lifetime, timeProvider.TimestampFrequency);
        _keepTimestamps = ToTimestamps(lifetime + Grace, timeProvider.TimestampFrequency);
        TimeSpan period = TimeSpan.FromTicks(Math.Clamp(lifetime.Ticks / 2, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        _sweepTimer = timeProvider.CreateTimer(static state => ((NonceStore)state!).Sweep(), this, period, period);
    }

    /// <summary>Nonces currently remembered.</summary>
    public int Count => (int)Interlocked.Read(ref _count);

    /// <summary>Makes a nonce for a realm and remembers it.</summary>
    public NonceState Issue(int realmIndex)
    {
        if (_sharedTimestamps > 0)
        {
            return IssueShared(realmIndex);
        }

        NonceState state = Create(realmIndex);
        Add(state);
        _stats.AddNonceIssued();
        return state;
    }

    /// <summary>Finds a remembered nonce.</summary>
    public bool TryGet(string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NonceState? state) =>
        _nonces.TryGetValue(value, out state);

    /// <summary>Whether a nonce is neither past its lifetime nor expired by <see cref="ExpireAll"/>.</summary>
    public bool IsFresh(NonceState state) =>
        state.Sequence > Volatile.Read(ref _expiredThrough) && _timeProvider.GetTimestamp() - state.IssuedAt < _lifetimeTimestamps;

    /// <summary>Whether a nonce is past half its lifetime (time to hand out a successor with nextnonce).</summary>
    public bool IsPastHalfLife(NonceState state) =>
        _timeProvider.GetTimestamp() - state.IssuedAt >= _lifetimeTimestamps / 2;

    /// <summary>
    /// The nonce to hand out in place of <paramref name="state"/>: its successor while that is
    /// fresh, else a new one. Concurrent callers get the same successor.
    /// </summary>
    public NonceState GetSuccessor(NonceState state)
    {
        if (_sharedTimestamps > 0)
        {
            return IssueShared(state.RealmIndex);
        }

        while (true)
        {
            NonceState? current = state.Successor;
            if (current is not null && IsFresh(current))
            {
                return current;
            }

            // Registered before it is published, so whoever reads it can use it at once.
            NonceState candidate = Create(state.RealmIndex);
            Add(candidate);
            if (state.TrySetSuccessor(current, candidate))
            {
                _stats.AddNonceIssued();
                return candidate;
            }

            Remove(candidate);
        }
    }

    /// <summary>Shared-nonce mode: the realm's current nonce, or a new one (for everyone) once it is
    /// older than the rotation period, no longer fresh, or forgotten.</summary>
    private NonceState IssueShared(int realmIndex)
    {
        while (true)
        {
            NonceState? current = _shared.GetValueOrDefault(realmIndex);
            if (current is not null
                && _timeProvider.GetTimestamp() - current.IssuedAt < _sharedTimestamps
                && IsFresh(current)
                && _nonces.ContainsKey(current.Value))
            {
                return current;
            }

            NonceState candidate = Create(realmIndex);
            Add(candidate);
            if (current is null ? _shared.TryAdd(realmIndex, candidate) : _shared.TryUpdate(realmIndex, candidate, current))
            {
                _stats.AddNonceIssued();
                return candidate;
            }

            Remove(candidate);
        }
    }

    /// <summary>
    /// Forgets a one-time nonce at its first successful use. Only one caller wins; the others
    /// then find it gone and are answered stale.
    /// </summary>
    public bool TryConsume(NonceState state) => Remove(state);

    /// <summary>Makes every nonce issued so far expired.</summary>
    public void ExpireAll() => Volatile.Write(ref _expiredThrough, Interlocked.Read(ref _sequence));

    /// <summary>Forgets nonces past their lifetime plus <see cref="Grace"/>, and those expired by <see cref="ExpireAll"/>.</summary>
    public void Sweep()
    {
        long now = _timeProvider.GetTimestamp();
        long expiredThrough = Volatile.Read(ref _expiredThrough);
        foreach (KeyValuePair<string, NonceState> entry in _nonces)
        {
            if (entry.Value.Sequence <= expiredThrough || now - entry.Value.IssuedAt >= _keepTimestamps)
            {
                Remove(entry.Value);
            }
        }
    }

    public void Dispose() => _sweepTimer.Dispose();

    private static long ToTimestamps(TimeSpan span, long frequency)
    {
        double value = span.TotalSeconds * frequency;
        return value >= long.MaxValue ? long.MaxValue : (long)value;
    }

    private void Add(NonceState state)
    {
        // Values are 128 random bits: a collision is not a case to handle.
        _nonces[state.Value] = state;
        if (Interlocked.Increment(ref _count) > _maxNonces)
        {
            TrimOldest();
        }
    }

    private bool Remove(NonceState state)
    {
        if (!_nonces.TryRemove(KeyValuePair.Create(state.Value, state)))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        return true;
    }

    /// <summary>
    /// Over the cap: forget the older half of the nonces (by issue order). A client still holding
    /// one is answered stale=true and carries on with a fresh nonce, so this degrades gracefully.
    /// </summary>
    private void TrimOldest()
    {
        if (!_trimLock.TryEnter())
        {
            return;
        }

        try
        {
            if (Interlocked.Read(ref _count) <= _maxNonces)
            {
                return;
            }

            long keepFrom = Interlocked.Read(ref _sequence) - (_maxNonces / 2);
            foreach (KeyValuePair<string, NonceState> entry in _nonces)
            {
                if (entry.Value.Sequence <= keepFrom)
                {
                    Remove(entry.Value);
                }
            }
        }
        finally
        {
            _trimLock.Exit();
        }
    }

    private NonceState Create(int realmIndex)
    {
        // 128 random bits (RFC 7616 §3.3: the nonce must be unpredictable), lower-case hex so
        // the value is a plain token inside the quoted string.
        Span<byte> bytes = stackalloc byte[NonceBytes];
        RandomNumberGenerator.Fill(bytes);
        return new NonceState(Convert.ToHexStringLower(bytes), realmIndex, _timeProvider.GetTimestamp(), Interlocked.Increment(ref _sequence));
    }
}
