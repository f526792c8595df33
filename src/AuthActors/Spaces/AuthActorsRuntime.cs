using AuthActors.Actors;
using AuthActors.Credentials;
using AuthActors.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Spaces;

/// <summary>
/// The actor system of AuthActors and the door to it: owns the registry actor that supervises
/// every protection space, and is what handlers talk to. One per application (DI registers it as
/// a singleton and a hosted service starts and stops it); handlers come and go, state stays here.
/// Starts on first use when no host started it.
/// </summary>
public sealed class AuthActorsRuntime : IAsyncDisposable, IDisposable
{
    private readonly SpaceServices _services;
    private readonly ILogger _logger;
    private const int MaxRoutes = 10_000;

    private readonly Lock _startLock = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<OriginKey, IActorRef> _routes = new();
    private ActorSystem? _system;
    private IActorRef? _registry;
    private IDisposable? _rotation;
    private bool _stopped;

    /// <summary>Creates a runtime; it starts on <see cref="Start"/> or on first use.</summary>
    public AuthActorsRuntime(
        CredentialChain credentials,
        SpaceSettings? settings = null,
        AuthSchemeRegistry? schemes = null,
        ILoggerFactory? loggerFactory = null,
        AuthActorsDiagnostics? diagnostics = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _services = new SpaceServices(
            credentials,
            (settings ?? new SpaceSettings()).Validate(),
            schemes ?? AuthSchemeRegistry.Default,
            diagnostics ?? new AuthActorsDiagnostics(),
            loggerFactory ?? NullLoggerFactory.Instance,
            timeProvider ?? TimeProvider.System);
        _logger = _services.LoggerFactory.CreateLogger("AuthActors.Runtime");
    }

    /// <summary>The settings every space follows.</summary>
    public SpaceSettings Settings => _services.Settings;

    /// <summary>Where credentials come from.</summary>
    public CredentialChain Credentials => _services.Chain;

    /// <summary>The schemes spaces can answer.</summary>
    public AuthSchemeRegistry Schemes => _services.Schemes;

    /// <summary>Counters and spans of this runtime.</summary>
    public AuthActorsDiagnostics Diagnostics => _services.Diagnostics;

    /// <summary>Whether the actor system runs.</summary>
    public bool IsRunning => Volatile.Read(ref _registry) is not null && !_stopped;

    internal ILoggerFactory LoggerFactory => _services.LoggerFactory;

    internal TimeProvider TimeProvider => _services.TimeProvider;

    private IActorRef Registry
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopped), this);
            return Volatile.Read(ref _registry) ?? StartCore();
        }
    }

    /// <summary>Starts the actor system (idempotent).</summary>
    public void Start() => _ = Registry;

    /// <summary>Stops every space and the actor system, draining what they hold.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        ActorSystem? system;
        lock (_startLock)
        {
            Volatile.Write(ref _stopped, true);
            system = _system;
            _rotation?.Dispose();
            _rotation = null;
        }

        if (system is not null)
        {
            await system.StopAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>
    /// For containers disposed synchronously: begins the stop without blocking on it (a blocking
    /// wait could deadlock a caller's context). Prefer <see cref="DisposeAsync"/> or the hosted
    /// service, which wait for the drain.
    /// </summary>
    public void Dispose() => _ = StopLoggedAsync();

    private async Task StopLoggedAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            SpaceLog.RotationFailed(_logger, e.GetType().Name, "stopping the runtime failed: " + e.Message);
        }
    }

    /// <summary>
    /// Rotation: every live space asks the credential chain again and drops what it derived from
    /// a credential that changed. Completes once every space has its answer; from then on no
    /// request is sent with an old credential.
    /// </summary>
    public async Task InvalidateCredentialsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<IActorRef> spaces = await Registry
            .Ask<IReadOnlyList<IActorRef>>(new GetSpaces(), Settings.AskTimeout, cancellationToken)
            .ConfigureAwait(false);
        await Task.WhenAll(spaces.Select(s => RefreshAsync(s, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Number of live space actors (a question to the registry).</summary>
    public async Task<int> CountLiveSpacesAsync(CancellationToken cancellationToken = default) =>
        (await Registry.Ask<IReadOnlyList<IActorRef>>(new GetSpaces(), Settings.AskTimeout, cancellationToken).ConfigureAwait(false)).Count;

    /// <summary>
    /// A header for a request. May wait for another request to discover the origin's challenge,
    /// hence the longer timeout. An origin with one space is asked of that space directly once the
    /// registry said so (one actor hop instead of two); a stopped space sends it back to the registry.
    /// </summary>
    internal async Task<object> LeaseAsync(OriginKey origin, string path, bool hasBody)
    {
        IActorRef registry = Registry;
        var message = new LeaseHeader(origin, path, hasBody);
        if (_routes.TryGetValue(origin, out IActorRef? space))
        {
            try
            {
                return await space.Ask<object>(message, Settings.AskTimeout).ConfigureAwait(false);
            }
            catch (ActorTerminatedException)
            {
                _routes.TryRemove(new KeyValuePair<OriginKey, IActorRef>(origin, space)); // passivated or retired
            }
        }

        object answer = await registry.Ask<object>(message, Settings.AskTimeout + Settings.DiscoveryTimeout).ConfigureAwait(false);
        if (answer is AuthLease { Routable: true, Owner: { } owner })
        {
            if (_routes.Count >= MaxRoutes)
            {
                _routes.Clear(); // a cache, not state: bounded for crawls over many origins
            }

            _routes[origin] = owner;
        }

        return answer;
    }

    internal Task<ChallengeDecision> ReportChallengeAsync(ReportChallenge report)
    {
        // A challenge can change how the origin's paths map to spaces: route through the registry again.
        _routes.TryRemove(report.Origin, out _);
        return Registry.Ask<ChallengeDecision>(report, Settings.AskTimeout);
    }

    internal void ReportDiscoveryEnded(OriginKey origin) => Registry.Tell(new DiscoveryEnded(origin));

    internal static void Complete(AuthLease lease, LeaseOutcome outcome) =>
        lease.Owner?.Tell(new LeaseCompleted(lease, outcome));

    private static async Task RefreshAsync(IActorRef space, CancellationToken cancellationToken)
    {
        try
        {
            await space.Ask<Status.Success>(new RefreshCredential(), null, cancellationToken).ConfigureAwait(false);
        }
        catch (ActorTerminatedException)
        {
            // Passivated meanwhile: a stopped space holds no credential, its successor asks afresh.
        }
    }

    private IActorRef StartCore()
    {
        lock (_startLock)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_registry is not null)
            {
                return _registry;
            }

            _system = ActorSystem.Create("authactors", new ActorSystemOptions
            {
                TimeProvider = _services.TimeProvider,
                DefaultAskTimeout = _services.Settings.AskTimeout,
                LoggerFactory = _services.LoggerFactory,
            });
            IActorRef registry = _system.ActorOf(Props.Create(() => new SpaceRegistryActor(_services)), "spaces");
            _rotation = ChangeToken.OnChange(_services.Chain.GetChangeToken, () => _ = RotateAsync());
            Volatile.Write(ref _registry, registry);
            return registry;
        }
    }

    /// <summary>A source said its answers changed: every space re-resolves. Failures are logged, not lost.</summary>
    private async Task RotateAsync()
    {
        try
        {
            await InvalidateCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            SpaceLog.RotationFailed(_logger, e.GetType().Name, e.Message);
        }
    }
}
