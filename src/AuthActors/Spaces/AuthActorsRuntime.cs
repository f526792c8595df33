using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Hosting.Logging;
using AuthActors.Credentials;
using AuthActors.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace AuthActors.Spaces;

/// <summary>
/// The door to the AuthActors actors on Akka.NET: it owns no auth state itself, only a reference
/// to the registry actor that supervises every protection space, and is what handlers talk to.
/// One per application; handlers come and go, state stays in the actors.
/// <para>Where the actors live:</para>
/// <list type="bullet">
/// <item><b>Its own ActorSystem</b> (<see cref="AuthActorsRuntime(CredentialChain, SpaceSettings?, AuthSchemeRegistry?, ILoggerFactory?, AuthActorsDiagnostics?, TimeProvider?, Config?)"/>):
/// created on <see cref="Start"/> or first use, terminated by <see cref="StopAsync"/>.</item>
/// <item><b>The caller's ActorSystem</b> (<see cref="AuthActorsRuntime(ActorSystem, CredentialChain, SpaceSettings?, AuthSchemeRegistry?, ILoggerFactory?, AuthActorsDiagnostics?, TimeProvider?)"/>):
/// the registry is a top-level actor there; <see cref="StopAsync"/> stops it, not the system.</item>
/// <item><b>The host's ActorSystem</b> (<c>AddAuthActors</c> / <c>WithAuthActors</c>): Akka.Hosting
/// starts the registry and the runtime finds it through the <c>ActorRegistry</c>.</item>
/// </list>
/// </summary>
public sealed class AuthActorsRuntime : IAsyncDisposable, IDisposable
{
    /// <summary>The name of the registry actor (a child of <c>/user</c>).</summary>
    public const string RegistryName = "authactors-spaces";

    /// <summary>What every system AuthActors creates runs with: Akka's log events go to
    /// Microsoft.Extensions.Logging, and stopping never exits the process.</summary>
    internal const string SystemDefaults = """
        akka.loggers = ["Akka.Hosting.Logging.LoggerFactoryLogger, Akka.Hosting"]
        akka.loglevel = INFO
        akka.stdout-loglevel = WARNING
        akka.log-dead-letters-during-shutdown = off
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        """;

    private readonly SpaceServices _services;
    private readonly ILogger _logger;
    private readonly Lock _startLock = new();
    private readonly Config? _akkaConfig;
    private readonly ActorSystem? _callerSystem;
    private readonly Func<CancellationToken, Task<IActorRef>>? _findRegistry;

    // Cancelled once StopAsync has drained: a question asked in the race with the stop (its
    // message sent after the spaces and the undelivered-reply listener were gone) ends then,
    // not after its timeout.
    private readonly CancellationTokenSource _halted = new();
    private ActorSystem? _ownedSystem;
    private IActorRef? _registry;
    private IActorRef? _undelivered;
    private IActorRefProvider? _provider;
    private ActorPath? _replyPath;
    private Task<IActorRef>? _finding;
    private Task<IActorRef>? _starting;
    private IDisposable? _rotation;
    private bool _stopped;

    /// <summary>Creates a runtime with an ActorSystem of its own, started on <see cref="Start"/> or on first use.</summary>
    /// <param name="credentials">Where credentials come from.</param>
    /// <param name="settings">How spaces behave; null for the defaults.</param>
    /// <param name="schemes">The schemes spaces can answer; null for Digest, Basic and Bearer.</param>
    /// <param name="loggerFactory">Where AuthActors' and Akka's log events go.</param>
    /// <param name="diagnostics">Counters and spans; null for a fresh set.</param>
    /// <param name="timeProvider">The clock of the scheme states (nonce and token ages).</param>
    /// <param name="akkaConfig">Akka settings of the system (already resolved, e.g. from
    /// <c>AkkaConfigText</c>), layered over AuthActors' defaults.</param>
    public AuthActorsRuntime(
        CredentialChain credentials,
        SpaceSettings? settings = null,
        AuthSchemeRegistry? schemes = null,
        ILoggerFactory? loggerFactory = null,
        AuthActorsDiagnostics? diagnostics = null,
        TimeProvider? timeProvider = null,
        Config? akkaConfig = null)
        : this(Services(credentials, settings, schemes, loggerFactory, diagnostics, timeProvider)) =>
        _akkaConfig = akkaConfig;

    /// <summary>Creates a runtime whose actors live in <paramref name="system"/>, which the caller owns.</summary>
    /// <param name="system">The caller's actor system; it outlives this runtime.</param>
    /// <param name="credentials">Where credentials come from.</param>
    /// <param name="settings">How spaces behave; null for the defaults.</param>
    /// <param name="schemes">The schemes spaces can answer; null for Digest, Basic and Bearer.</param>
    /// <param name="loggerFactory">Where AuthActors' log events go.</param>
    /// <param name="diagnostics">Counters and spans; null for a fresh set.</param>
    /// <param name="timeProvider">The clock of the scheme states (nonce and token ages).</param>
    public AuthActorsRuntime(
        ActorSystem system,
        CredentialChain credentials,
        SpaceSettings? settings = null,
        AuthSchemeRegistry? schemes = null,
        ILoggerFactory? loggerFactory = null,
        AuthActorsDiagnostics? diagnostics = null,
        TimeProvider? timeProvider = null)
        : this(Services(credentials, settings, schemes, loggerFactory, diagnostics, timeProvider))
    {
        ArgumentNullException.ThrowIfNull(system);
        _callerSystem = system;
    }

    /// <summary>A runtime whose registry is started by Akka.Hosting (<c>WithAuthActors</c>) and found later.</summary>
    internal AuthActorsRuntime(SpaceServices services, Func<CancellationToken, Task<IActorRef>> findRegistry)
        : this(services) => _findRegistry = findRegistry;

    private AuthActorsRuntime(SpaceServices services)
    {
        _services = services;
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

    /// <summary>Whether the registry actor runs and the runtime takes requests.</summary>
    public bool IsRunning => Volatile.Read(ref _registry) is not null && !Volatile.Read(ref _stopped);

    /// <summary>The actor system the spaces live in, once started.</summary>
    public ActorSystem? System => _callerSystem ?? _ownedSystem;

    internal ILoggerFactory LoggerFactory => _services.LoggerFactory;

    internal TimeProvider TimeProvider => _services.TimeProvider;

    /// <summary>Starts the actors (idempotent). A hosted runtime only begins looking for its registry.</summary>
    public void Start()
    {
        if (_findRegistry is null)
        {
            _ = StartLocal();
        }
        else
        {
            _ = FindRegistry();
        }
    }

    /// <summary>
    /// Stops taking requests and stops the spaces, draining what they hold: parked requests fail
    /// with a reason. An owned system is shut down (Akka's CoordinatedShutdown); a caller's or
    /// the host's system keeps running.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        IActorRef? registry;
        IActorRef? undelivered;
        ActorSystem? owned;
        lock (_startLock)
        {
            if (_stopped)
            {
                return;
            }

            Volatile.Write(ref _stopped, true);
            registry = _registry;
            undelivered = _undelivered;
            owned = _ownedSystem;
            _rotation?.Dispose();
            _rotation = null;
        }

        try
        {
            // The registry first: its spaces fail what they hold parked, and whatever still
            // reaches them becomes a dead letter that the listener, still running, fails with a
            // reason. Then the listener, after the dead letters already queued to it.
            await GracefulStopAsync(registry, cancellationToken).ConfigureAwait(false);
            await GracefulStopAsync(undelivered, cancellationToken).ConfigureAwait(false);
            if (owned is not null)
            {
                await CoordinatedShutdown.Get(owned).Run(CoordinatedShutdown.ClrExitReason.Instance).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await _halted.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task GracefulStopAsync(IActorRef? actor, CancellationToken cancellationToken)
    {
        if (actor is null)
        {
            return;
        }

        try
        {
            await actor.GracefulStop(Settings.AskTimeout).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Akka's GracefulStop gives up after its timeout; the system's own shutdown stops the rest.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>
    /// For containers disposed synchronously: begins the stop without blocking on it (a blocking
    /// wait could deadlock a caller's context). Prefer <see cref="DisposeAsync"/> or the host,
    /// which wait for the drain.
    /// </summary>
    public void Dispose() => _ = StopLoggedAsync();

    /// <summary>
    /// Rotation: every live space asks the credential chain again and drops what it derived from
    /// a credential that changed. Completes once every space has its answer; from then on no
    /// request is sent with an old credential.
    /// </summary>
    public async Task InvalidateCredentialsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<IActorRef> spaces = await GetSpacesAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(spaces.Select(s => RefreshAsync(s, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Number of live space actors (a question to the registry).</summary>
    public async Task<int> CountLiveSpacesAsync(CancellationToken cancellationToken = default) =>
        (await GetSpacesAsync(cancellationToken).ConfigureAwait(false)).Count;

    /// <summary>How long a caller waits for <see cref="LeaseAsync"/>: a lease may wait for another
    /// request to discover the origin's challenge, hence longer than the ask timeout.</summary>
    internal TimeSpan LeaseTimeout => Settings.AskTimeout + Settings.DiscoveryTimeout;

    /// <summary>
    /// A header for a request: one Tell to the registry, which forwards it to the space; the
    /// answer (an <see cref="AuthLease"/> or a <see cref="LeaseRefusal"/>) completes the task. The
    /// task has no timeout of its own: the caller waits at most <see cref="LeaseTimeout"/>.
    /// </summary>
    internal Task<object> LeaseAsync(OriginKey origin, string path, bool hasBody)
    {
        ValueTask<IActorRef> registry = RegistryAsync();
        return registry.IsCompletedSuccessfully
            ? Lease(registry.Result, new LeaseHeader(origin, path, hasBody))
            : LeaseSlowAsync(registry, new LeaseHeader(origin, path, hasBody));

        async Task<object> LeaseSlowAsync(ValueTask<IActorRef> pending, LeaseHeader message) =>
            await Lease(await pending.ConfigureAwait(false), message).ConfigureAwait(false);
    }

    private Task<object> Lease(IActorRef registry, LeaseHeader message)
    {
        var reply = new ReplyPromise(_provider!, _replyPath!);
        registry.Tell(message, reply);

        // Sent, then checked (the stop sets the flag, then stops the registry): a message sent
        // while the flag was clear is queued before the registry's stop and answered, or failed
        // as a dead letter; one sent after may find nobody left to fail it, so it fails here.
        if (Volatile.Read(ref _stopped))
        {
            reply.Tell(new Status.Failure(Stopped()), ActorRefs.NoSender);
        }

        return reply.Task;
    }

    internal async Task<ChallengeDecision> ReportChallengeAsync(ReportChallenge report)
    {
        IActorRef registry = await RegistryAsync().ConfigureAwait(false);
        return await AskAsync<ChallengeDecision>(registry, report, default).ConfigureAwait(false);
    }

    /// <summary>An Ask that also ends, with the runtime's stopped reason, once the stop has drained.</summary>
    private async Task<T> AskAsync<T>(IActorRef target, object message, CancellationToken cancellationToken)
    {
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _halted.Token);
        try
        {
            return await target.Ask<T>(message, Settings.AskTimeout, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_halted.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Stopped();
        }
        catch (AskTimeoutException)
        {
            // Akka's text names an actor path and a message type; the user needs neither.
            throw new TimeoutException($"the protection spaces gave no answer within {Settings.AskTimeout.TotalSeconds:0.#} s (ask-timeout)");
        }
    }

    internal void ReportDiscoveryEnded(OriginKey origin)
    {
        if (Volatile.Read(ref _registry) is { } registry)
        {
            registry.Tell(new DiscoveryEnded(origin), ActorRefs.NoSender);
        }
    }

    internal static void Complete(AuthLease lease, LeaseOutcome outcome) =>
        lease.Owner?.Tell(new LeaseCompleted(lease, outcome), ActorRefs.NoSender);

    /// <summary>Creates the registry actor in <paramref name="system"/> (Akka.Hosting's start-up calls
    /// it), and beside it the listener that fails requests whose message was not delivered.</summary>
    internal IActorRef CreateRegistry(ActorSystem system)
    {
        _undelivered = system.ActorOf(UndeliveredReplyActor.Props(), RegistryName + "-undelivered");
        return system.ActorOf(SpaceRegistryActor.Props(_services), RegistryName);
    }

    private static SpaceServices Services(
        CredentialChain credentials,
        SpaceSettings? settings,
        AuthSchemeRegistry? schemes,
        ILoggerFactory? loggerFactory,
        AuthActorsDiagnostics? diagnostics,
        TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new SpaceServices(
            credentials,
            (settings ?? new SpaceSettings()).Validate(),
            schemes ?? AuthSchemeRegistry.Default,
            diagnostics ?? new AuthActorsDiagnostics(),
            loggerFactory ?? NullLoggerFactory.Instance,
            timeProvider ?? TimeProvider.System);
    }

    internal async Task<IReadOnlyList<IActorRef>> GetSpacesAsync(CancellationToken cancellationToken = default)
    {
        IActorRef registry = await RegistryAsync().ConfigureAwait(false);
        return await AskAsync<IReadOnlyList<IActorRef>>(registry, new GetSpaces(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks one space to re-resolve; a space that stops meanwhile holds no credential
    /// (its successor asks afresh), so its death ends the wait too.</summary>
    private async Task RefreshAsync(IActorRef space, CancellationToken cancellationToken)
    {
        Task refreshed = AskAsync<Status.Success>(space, new RefreshCredential(), cancellationToken);
        Task stopped = space.WatchAsync(cancellationToken);
        await (await Task.WhenAny(refreshed, stopped).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private ValueTask<IActorRef> RegistryAsync()
    {
        if (Volatile.Read(ref _stopped))
        {
            return ValueTask.FromException<IActorRef>(Stopped());
        }

        if (Volatile.Read(ref _registry) is { } registry)
        {
            return new(registry);
        }

        return new(_findRegistry is null ? StartLocalAsync() : FindRegistry());
    }

    /// <summary>
    /// The first requests start the system on one pool thread while the rest await it, none
    /// blocking: creating an ActorSystem blocks its thread until Akka's loggers have started on
    /// other pool threads, and a burst of requests blocked on the start would starve the pool of
    /// them (measured: every request of a cold burst stalled for Akka's 5 s logger-startup-timeout).
    /// </summary>
    private Task<IActorRef> StartLocalAsync()
    {
        if (Volatile.Read(ref _starting) is { } starting)
        {
            return starting;
        }

        var start = new Task<IActorRef>(StartLocal);
        if (Interlocked.CompareExchange(ref _starting, start, null) is { } other)
        {
            return other;
        }

        start.Start(TaskScheduler.Default);
        return start;
    }

    /// <summary>Owned or caller's system: the registry is created here, once.</summary>
    private IActorRef StartLocal()
    {
        lock (_startLock)
        {
            if (_stopped)
            {
                throw Stopped();
            }

            if (_registry is not null)
            {
                return _registry;
            }

            ActorSystem system = _callerSystem ?? (_ownedSystem = CreateSystem());
            IActorRef registry = CreateRegistry(system);
            Started(registry);
            return registry;
        }
    }

    /// <summary>Hosted: waits (bounded) until Akka.Hosting has started the registry.</summary>
    private Task<IActorRef> FindRegistry()
    {
        lock (_startLock)
        {
            return _finding ??= FindCoreAsync();
        }

        async Task<IActorRef> FindCoreAsync()
        {
            using var timeout = new CancellationTokenSource(Settings.AskTimeout);
            IActorRef registry;
            try
            {
                registry = await _findRegistry!(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                lock (_startLock)
                {
                    _finding = null; // the next request looks again
                }

                throw new SpaceUnavailableException(
                    $"AuthActors found no spaces registry in the ActorSystem within {Settings.AskTimeout.TotalSeconds:0.#} s: " +
                    "is the host started, and does the app's AddAkka(...) call WithAuthActors()?");
            }

            lock (_startLock)
            {
                if (_registry is null)
                {
                    Started(registry);
                }
            }

            return registry;
        }
    }

    private void Started(IActorRef registry)
    {
        _provider = ((IInternalActorRef)registry).Provider;
        _replyPath = _provider.TempPath();
        _rotation = ChangeToken.OnChange(_services.Chain.GetChangeToken, () => _ = RotateAsync());
        Volatile.Write(ref _registry, registry);
    }

    private ActorSystem CreateSystem()
    {
        Config config = ConfigurationFactory.ParseString(SystemDefaults);
        if (_akkaConfig is not null)
        {
            config = _akkaConfig.WithFallback(config);
        }

        ActorSystemSetup setup = BootstrapSetup.Create().WithConfig(config).And(new LoggerFactorySetup(_services.LoggerFactory));
        return ActorSystem.Create("authactors", setup);
    }

    private static SpaceUnavailableException Stopped() =>
        new("AuthActors has stopped (the host or runtime is shutting down); the request was not authenticated.");

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
