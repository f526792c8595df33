using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AuthActors.Diagnostics;

/// <summary>
/// The Meter and ActivitySource of AuthActors. One instance per actor system, created from an
/// <see cref="IMeterFactory"/> when DI has one, so tests and hosts see only their own numbers.
/// No instrument carries a secret: tags are origins, realms, schemes and outcomes.
/// </summary>
public sealed class AuthActorsDiagnostics : IDisposable
{
    /// <summary>The name of the Meter and of the ActivitySource: <c>AuthActors</c>.</summary>
    public const string Name = "AuthActors";

    private readonly Meter _meter;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _unhealthy = new(StringComparer.Ordinal);
    private long _liveSpaces;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or a private meter.</summary>
    public AuthActorsDiagnostics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        // OpenTelemetry conventions: dotted lower-case names under the library's namespace, UCUM
        // units ({annotation} for counts, s for durations), server.address/server.port tags.
        Challenges = new AuthActorsCounter(_meter, "authactors.challenges", "{challenge}", "401/407 challenges reported to a protection space");
        PreemptiveHits = new AuthActorsCounter(_meter, "authactors.preemptive", "{request}", "Requests sent with credentials before any challenge");
        StaleRefreshes = new AuthActorsCounter(_meter, "authactors.stale_refreshes", "{nonce}", "Stale nonces replaced (once per nonce, not per caller)");
        Rejections = new AuthActorsCounter(_meter, "authactors.rejections", "{credential}", "Credentials rejected by a server after they were sent");
        Retries = new AuthActorsCounter(_meter, "authactors.retries", "{request}", "Requests re-sent after a challenge");
        Unanswered = new AuthActorsCounter(_meter, "authactors.unanswered", "{response}", "401/407 responses returned to the caller unanswered, by failure kind");
        Passivations = new AuthActorsCounter(_meter, "authactors.passivations", "{space}", "Idle protection-space actors stopped");
        ModeSwitches = new AuthActorsCounter(_meter, "authactors.exclusive_switches", "{space}", "Spaces switched to exclusive nonce leases on a strict server");
        NcBlocksGranted = new AuthActorsCounter(_meter, "authactors.nc_blocks", "{block}", "Blocks of nonce counts this node was granted by the fleet (cluster mode)");
        LeaseWait = _meter.CreateHistogram<double>("authactors.lease.duration", "s", "How long a request waited for its space's answer (a header, or leave to go without)");
        _meter.CreateObservableUpDownCounter("authactors.live_spaces", () => Interlocked.Read(ref _liveSpaces), "{space}", "Protection-space actors alive now");
        _meter.CreateObservableUpDownCounter("authactors.unhealthy_spaces", () => (long)_unhealthy.Count, "{space}", "Spaces whose credential was refused or that have none");
        ActivitySource = new ActivitySource(Name);
    }

    /// <summary>Spans, one per authentication round (a request that met a challenge).</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>401/407 challenges reported to a space (<c>authactors.challenges</c>).</summary>
    public AuthActorsCounter Challenges { get; }

    /// <summary>Requests sent with credentials before any challenge (<c>authactors.preemptive</c>).</summary>
    public AuthActorsCounter PreemptiveHits { get; }

    /// <summary>Stale nonces replaced, once per nonce (<c>authactors.stale_refreshes</c>).</summary>
    public AuthActorsCounter StaleRefreshes { get; }

    /// <summary>Credentials a server refused after they were sent (<c>authactors.rejections</c>).</summary>
    public AuthActorsCounter Rejections { get; }

    /// <summary>Requests re-sent after a challenge (<c>authactors.retries</c>).</summary>
    public AuthActorsCounter Retries { get; }

    /// <summary>Idle space actors stopped (<c>authactors.passivations</c>).</summary>
    public AuthActorsCounter Passivations { get; }

    /// <summary>Spaces switched to exclusive nonce leases (<c>authactors.exclusive_switches</c>).</summary>
    public AuthActorsCounter ModeSwitches { get; }

    /// <summary>401/407 responses returned unanswered (<c>authactors.unanswered</c>, tagged <c>authactors.failure_kind</c> and <c>server.address</c>).</summary>
    public AuthActorsCounter Unanswered { get; }

    /// <summary>Seconds a request waited for its space's answer (<c>authactors.lease.duration</c>).</summary>
    public Histogram<double> LeaseWait { get; }

    /// <summary>Spaces whose credential the server refused or that have no credential, with why
    /// (never a secret): what <c>AuthActorsHealthCheck</c> reports.</summary>
    public IReadOnlyDictionary<string, string> UnhealthySpaces => new Dictionary<string, string>(_unhealthy, StringComparer.Ordinal);

    /// <summary>Cluster mode: blocks of nonce counts granted to this node.</summary>
    public AuthActorsCounter NcBlocksGranted { get; }

    /// <summary>Protection-space actors alive now.</summary>
    public long LiveSpaces => Interlocked.Read(ref _liveSpaces);

    internal void SpaceUnhealthy(string space, string why) => _unhealthy[space] = why;

    internal void SpaceHealthy(string space) => _unhealthy.TryRemove(space, out _);

    internal void SpaceStarted() => Interlocked.Increment(ref _liveSpaces);

    internal void SpaceStopped() => Interlocked.Decrement(ref _liveSpaces);

    /// <inheritdoc />
    public void Dispose()
    {
        ActivitySource.Dispose();
        _meter.Dispose();
    }
}
