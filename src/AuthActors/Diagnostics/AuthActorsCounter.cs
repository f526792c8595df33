using System.Diagnostics.Metrics;

namespace AuthActors.Diagnostics;

/// <summary>A Meter counter that also keeps its running total, so the host's summary and the
/// tests can read it without a MeterListener.</summary>
public sealed class AuthActorsCounter
{
    private readonly Counter<long> _counter;
    private long _total;

    internal AuthActorsCounter(Meter meter, string name, string? unit = null, string? description = null) =>
        _counter = meter.CreateCounter<long>(name, unit, description);

    /// <summary>The sum of everything added.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Adds <paramref name="delta"/>.</summary>
    internal void Add(long delta)
    {
        Interlocked.Add(ref _total, delta);
        _counter.Add(delta);
    }

    /// <summary>Adds <paramref name="delta"/> with two tags (never a secret: a kind, an origin).</summary>
    internal void Add(long delta, KeyValuePair<string, object?> tag1, KeyValuePair<string, object?> tag2)
    {
        Interlocked.Add(ref _total, delta);
        _counter.Add(delta, tag1, tag2);
    }

    /// <summary>Adds <paramref name="delta"/> with one tag (never a secret: a source name, an origin).</summary>
    internal void Add(long delta, KeyValuePair<string, object?> tag)
    {
        Interlocked.Add(ref _total, delta);
        _counter.Add(delta, tag);
    }
}
