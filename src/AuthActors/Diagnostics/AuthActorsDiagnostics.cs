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
    private long _liveSpaces;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or a private meter.</summary>
    public AuthActorsDiagnostics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Challenges = new AuthActorsCounter(_meter, "authactors.challenges", description: "401/407 challenges reported to a protection space");
        PreemptiveHits = new AuthActorsCounter(_meter, "authactors.preemptive", description: "Requests sent with credentials before any challenge");
        StaleRefreshes = new AuthActorsCounter(_meter, "authactors.stale_refreshes", description: "Stale nonces replaced (once per nonce, not per caller)");
        Rejections = new AuthActorsCounter(_meter, "authactors.rejections", description: "Credentials rejected by a server after they were sent");
        Retries = new AuthActorsCounter(_meter, "authactors.retries", description: "Requests re-sent after a challenge");
        Passivations = new AuthActorsCounter(_meter, "authactors.passivations", description: "Idle protection-space actors stopped");
        ModeSwitches = new AuthActorsCounter(_meter, "authactors.exclusive_switches", description: "Spaces switched to exclusive nonce leases on a strict server");
        NcBlocksGranted = new AuthActorsCounter(_meter, "authactors.nc_blocks", description: "Blocks of nonce counts this node was granted by the fleet (cluster mode)");
        _meter.CreateObservableGauge("authactors.live_spaces", () => Interlocked.Read(ref _liveSpaces), description: "Protection-space actors alive now");
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

    /// <summary>Cluster mode: blocks of nonce counts granted to this node.</summary>
    public AuthActorsCounter NcBlocksGranted { get; }

    /// <summary>Protection-space actors alive now.</summary>
    public long LiveSpaces => Interlocked.Read(ref _liveSpaces);

    internal void SpaceStarted() => Interlocked.Increment(ref _liveSpaces);

    internal void SpaceStopped() => Interlocked.Decrement(ref _liveSpaces);

    /// <inheritdoc />
    public void Dispose()
    {
        ActivitySource.Dispose();
        _meter.Dispose();
    }
}
