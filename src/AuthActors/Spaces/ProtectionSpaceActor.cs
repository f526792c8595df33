using Akka.Actor;
using AuthActors.Credentials;
using AuthActors.Diagnostics;
using AuthActors.Protocol;
using Microsoft.Extensions.Logging;

namespace AuthActors.Spaces;

/// <summary>
/// The one owner of a protection space: its scheme state (nonce, nc, token…), its credential and
/// the requests waiting on either. States:
/// <list type="bullet">
/// <item><b>Resolving</b>: the credential chain is being asked; requests and reports wait here.</item>
/// <item><b>Ready</b>: the scheme state answers leases and challenges.</item>
/// <item><b>NoCredential</b>: the chain had none or denied; requests go out unauthenticated and
/// their 401/407 goes back to the caller with the reason.</item>
/// <item><b>Rejected</b>: the server refused the credential; the same, until the chain answers
/// with a different credential (rotation). Wrong credentials never loop.</item>
/// </list>
/// An idle space (Akka's <c>ReceiveTimeout</c>) asks its registry to passivate it. A failure in
/// scheme code is thrown on to the registry's <c>OneForOneStrategy</c>, which restarts this space
/// alone: every incarnation after the first starts from its seed's latest challenge and is told it
/// was rebuilt, so it fetches a fresh nonce instead of counting nc from 1 again.
/// </summary>
// CA1001: _stopping is disposed in PostStop, the actor's end of life; actors are not IDisposable.
#pragma warning disable CA1001
internal sealed class ProtectionSpaceActor : ReceiveActor, IWithTimers
#pragma warning restore CA1001
{
    private readonly SpaceKey _key;
    private readonly IAuthScheme _scheme;
    private readonly SpaceServices _services;
    private readonly ILogger _logger;
    private readonly AuthSchemeState _state;
    private readonly Queue<(object Message, IActorRef Sender)> _parked = new();
    private readonly List<IActorRef> _refreshWaiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly bool _rebuilt;
    private bool _draining;
    private bool _drainAgain;
    private SpaceStatus _status;
    private Credential? _credential;
    private string? _failure;
    private long _epoch;
    private long _resolveAttempt;
    private int _rejectionsInARow;
    private bool _unhealthy; // reported to Diagnostics.UnhealthySpaces
    private bool _toldProven; // the registry knows this Digest space has been answered

    public ProtectionSpaceActor(SpaceSeed seed, SpaceServices services)
    {
        // Akka builds a new instance on every restart; the seed counts them.
        _rebuilt = seed.NextIncarnation() > 1;
        _key = seed.Key;
        _scheme = seed.Scheme;
        _services = services;
        _logger = services.LoggerFactory.CreateLogger("AuthActors.Spaces");
        _state = _scheme.CreateState(seed.Challenge, new ActorSpaceContext(this));
        _status = _state.RequiresCredential ? SpaceStatus.Resolving : SpaceStatus.Ready;

        Receive<LeaseHeader>(m => OnLease(m, Sender));
        Receive<ReportChallenge>(m => OnChallenge(m, Sender));
        Receive<LeaseCompleted>(OnCompleted);
        Receive<RefreshCredential>(_ =>
        {
            _refreshWaiters.Add(Sender);
            Resolve();
        });
        Receive<CredentialResolved>(OnResolved);
        Receive<SchemeWorkDone>(m =>
        {
            m.Continuation();
            Drain();
        });
        Receive<ReceiveTimeout>(_ => Context.Parent.Tell(new Passivate(_key), Self));
        Receive<RetryRejected>(_ => OnRetryRejected());
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of a space built from <paramref name="seed"/>; restarts reuse them.</summary>
    public static Props Props(SpaceSeed seed, SpaceServices services) =>
        Akka.Actor.Props.Create(() => new ProtectionSpaceActor(seed, services));

    private enum SpaceStatus
    {
        Resolving,
        Ready,
        NoCredential,
        Rejected,
    }

    protected override void PreStart()
    {
        _services.Diagnostics.SpaceStarted();
        Context.SetReceiveTimeout(_services.Settings.PassivateAfter);
        SpaceLog.SpaceCreated(_logger, _key.ToString(), _scheme.Name);
        if (_status == SpaceStatus.Resolving)
        {
            Resolve();
        }
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        FailParked($"space {_key} restarted after an error: {reason.GetType().Name}");
        base.PreRestart(reason, message);
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _services.Diagnostics.SpaceStopped();
        Healthy(); // a stopped space is no longer reported (100k idle origins must not pile up)
        FailParked($"space {_key} stopped");
    }

    private void OnLease(LeaseHeader message, IActorRef sender)
    {
        switch (_status)
        {
            case SpaceStatus.Resolving:
                _parked.Enqueue((message, sender));
                return;
            case SpaceStatus.NoCredential or SpaceStatus.Rejected:
                sender.Tell(LeaseRefusal.AnonymousBecause(_failure ?? $"no credential for {_key}"));
                return;
        }

        LeaseDecision decision = Guarded(sender, () => _state.Lease(new LeaseContext(message.Path, message.HasBody)));
        switch (decision.Kind)
        {
            case LeaseDecisionKind.Issue:
                sender.Tell(Stamp(decision.Lease!));
                break;
            case LeaseDecisionKind.Anonymous:
                sender.Tell(LeaseRefusal.Anonymous);
                break;
            case LeaseDecisionKind.Wait:
                _parked.Enqueue((message, sender));
                break;
            default:
                sender.Tell(LeaseRefusal.Fail(decision.Reason ?? $"space {_key} refused a lease"));
                break;
        }
    }

    private void OnChallenge(ReportChallenge message, IActorRef sender)
    {
        switch (_status)
        {
            case SpaceStatus.Resolving:
                _parked.Enqueue((message, sender));
                return;
            case SpaceStatus.NoCredential or SpaceStatus.Rejected:
                sender.Tell(ChallengeDecision.GiveUp(
                    _failure ?? $"no credential for {_key}",
                    _status == SpaceStatus.Rejected ? Http.AuthFailureKind.CredentialRefused : Http.AuthFailureKind.NoCredential));
                return;
        }

        AuthLease? lease = message.Lease is { } l && l.Owner == Self && l.Epoch == _epoch ? l : null;
        ChallengeDecision decision = Guarded(sender, () => _state.OnChallenge(new ChallengeContext(message.Challenge, lease, message.HasBody)));
        switch (decision.Kind)
        {
            case ChallengeDecisionKind.Retry:
                Stamp(decision.Lease!);
                sender.Tell(decision);
                break;
            case ChallengeDecisionKind.Wait:
                _parked.Enqueue((message, sender));
                return;
            case ChallengeDecisionKind.Reject:
                OnRejected(decision.Reason!);
                sender.Tell(ChallengeDecision.Reject(_failure!));
                break;
            default:
                sender.Tell(decision);
                break;
        }

        // A verdict may settle what parked reports were waiting for (a refusal judged, a slot freed).
        if (_parked.Count > 0)
        {
            Drain();
        }
    }

    private void OnCompleted(LeaseCompleted message)
    {
        if (message.Lease.Owner == Self)
        {
            if (message.Outcome.Answered)
            {
                OnAnswered();
            }

            _state.OnCompleted(message.Lease, message.Outcome);
            Drain();
        }
    }

    private void OnRejected(string reason)
    {
        Credential credential = _credential!;
        _status = SpaceStatus.Rejected;
        _failure = $"{reason} (user '{credential.UserName}' from source '{credential.Source ?? "unknown"}')";
        // Charged to the source that supplied the credential, so metrics show which backend is wrong.
        _services.Diagnostics.Rejections.Add(1, new("authactors.credential_source", credential.Source ?? "unknown"));
        SpaceLog.CredentialRejected(_logger, _key.ToString(), credential.UserName, credential.Source, reason);
        Unhealthy($"the server refused the credential from source '{credential.Source ?? "unknown"}': {reason}");
        _services.Chain.ReportRejected(CredentialRequest(), credential);

        // Not for good: after a wait that doubles with each refusal in a row, the credential is
        // tried once more (one request), so a refusal that was the server's mistake heals.
        TimeSpan wait = _services.Settings.RejectionRetryAfter * (1 << Math.Min(_rejectionsInARow, 5));
        _rejectionsInARow++;
        Timers.StartSingleTimer(nameof(RetryRejected), RetryRejected.Instance, wait);

        // Ask once more: a rotated credential may already be there. The same one keeps us Rejected.
        Resolve();
    }

    private void OnAnswered()
    {
        _rejectionsInARow = 0;
        Healthy();
        if (!_toldProven && string.Equals(_scheme.Name, "Digest", StringComparison.OrdinalIgnoreCase))
        {
            // The registry refuses a later Basic-only challenge from this origin (RFC 7616 §5.8).
            _toldProven = true;
            Context.Parent.Tell(new SpaceProven(_key.Origin));
        }
    }

    private void Unhealthy(string why)
    {
        _unhealthy = true;
        _services.Diagnostics.SpaceUnhealthy(_key.ToString(), why);
    }

    private void Healthy()
    {
        if (_unhealthy)
        {
            _unhealthy = false;
            _services.Diagnostics.SpaceHealthy(_key.ToString());
        }
    }

    private void OnRetryRejected()
    {
        if (_status == SpaceStatus.Rejected)
        {
            _status = SpaceStatus.Ready;
            _failure = null;
            SpaceLog.RejectionRetried(_logger, _key.ToString());
            Drain();
        }
    }

    private void Resolve()
    {
        long attempt = ++_resolveAttempt;
        if (_status is SpaceStatus.Ready or SpaceStatus.NoCredential)
        {
            // From now on no lease is issued under the old credential: a rotation is acknowledged
            // when the chain has answered and the waiters are told. A rejected space stays
            // rejected meanwhile (its requests go out without the refused credential).
            _status = SpaceStatus.Resolving;
        }

        CredentialRequest request = CredentialRequest();
        RunOffActor(
            ct => _services.Chain.ResolveAsync(request, ct).AsTask(),
            resolution => new CredentialResolved(resolution, attempt),
            error => new CredentialResolved(new CredentialResolution(null, CredentialEventKind.SourceFailed, $"credential chain failed: {error.GetType().Name}"), attempt));
    }

    private void OnResolved(CredentialResolved message)
    {
        if (message.Attempt != _resolveAttempt)
        {
            return; // an older question, overtaken by a newer one
        }

        Credential? found = message.Resolution.Credential;
        if (found is null)
        {
            _status = SpaceStatus.NoCredential;
            _failure = $"no credential for {_key}: {message.Resolution.Reason ?? "no source answered"}";
            SpaceLog.NoCredential(_logger, _key.ToString(), _failure);
            Unhealthy(_failure);
        }
        else if (_status == SpaceStatus.Rejected && found.Equals(_credential))
        {
            // The chain still offers the credential the server refused: stay rejected.
        }
        else
        {
            if (!found.Equals(_credential))
            {
                _credential = found;
                _epoch++;
                _state.OnCredential(found);
                SpaceLog.CredentialBound(_logger, _key.ToString(), found.UserName, found.Source);
            }

            _status = SpaceStatus.Ready;
            _failure = null;
            Healthy();
        }

        foreach (IActorRef waiter in _refreshWaiters)
        {
            waiter.Tell(new Status.Success(_key));
        }

        _refreshWaiters.Clear();
        Drain();
    }

    /// <summary>Offers every parked message again, in arrival order; those still waiting park again.</summary>
    private void Drain()
    {
        if (_draining)
        {
            _drainAgain = true; // a decision made while draining may free others: go round again
            return;
        }

        _draining = true;
        try
        {
            do
            {
                _drainAgain = false;
                for (int n = _parked.Count; n > 0; n--)
                {
                    (object message, IActorRef sender) = _parked.Dequeue();
                    if (message is LeaseHeader lease)
                    {
                        OnLease(lease, sender);
                    }
                    else
                    {
                        OnChallenge((ReportChallenge)message, sender);
                    }
                }
            }
            while (_drainAgain && _parked.Count > 0);
        }
        finally
        {
            _draining = false;
        }
    }

    /// <summary>Runs scheme code for <paramref name="sender"/>. If it throws, the sender learns at
    /// once (not after its Ask timeout), and the exception goes on to the supervisor, which
    /// restarts this space clean.</summary>
    private T Guarded<T>(IActorRef sender, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e)
        {
            sender.Tell(new Status.Failure(new SpaceUnavailableException($"space {_key} failed: {e.GetType().Name}: {e.Message}")));
            throw;
        }
    }

    private void FailParked(string reason)
    {
        while (_parked.TryDequeue(out (object Message, IActorRef Sender) parked))
        {
            parked.Sender.Tell(new Status.Failure(new SpaceUnavailableException(reason)));
        }

        foreach (IActorRef waiter in _refreshWaiters)
        {
            waiter.Tell(new Status.Failure(new SpaceUnavailableException(reason)));
        }

        _refreshWaiters.Clear();
    }

    private AuthLease Stamp(AuthLease lease)
    {
        lease.Space = _key;
        lease.Owner = Self;
        lease.Epoch = _epoch;
        return lease;
    }

    private CredentialRequest CredentialRequest() =>
        new(_key.Origin.ToUri(), _key.Realm, _scheme.Name, _key.Origin.IsProxy);

    /// <summary>Runs I/O off the actor (it never awaits in a handler); its end, success or
    /// failure, comes back as a message through Akka's <c>PipeTo</c>.</summary>
    private void RunOffActor<T>(Func<CancellationToken, Task<T>> work, Func<T, object> onSuccess, Func<Exception, object> onFailure)
    {
        CancellationToken stopping = _stopping.Token;
        Task.Run(() => work(stopping), stopping).PipeTo(Self, success: onSuccess, failure: onFailure);
    }

    /// <summary>The <see cref="SpaceContext"/> a scheme state sees: a narrow view of this actor.</summary>
    private sealed class ActorSpaceContext(ProtectionSpaceActor actor) : SpaceContext
    {
        public override SpaceKey Key => actor._key;

        public override SpaceSettings Settings => actor._services.Settings;

        public override TimeProvider TimeProvider => actor._services.TimeProvider;

        public override ILogger Logger => actor._logger;

        public override AuthActorsDiagnostics Diagnostics => actor._services.Diagnostics;

        public override bool IsRebuilt => actor._rebuilt;

        internal override IFleetNonceCounts? Fleet => actor._services.Fleet;

        internal override IFleetTokens? FleetTokens => actor._services.FleetTokens;

        public override void Run<T>(Func<CancellationToken, Task<T>> work, Action<T> onSuccess, Action<Exception> onFailure)
        {
            ILogger logger = actor._logger;
            string space = actor._key.ToString();
            actor.RunOffActor(
                work,
                value => new SchemeWorkDone(() => onSuccess(value)),
                error => new SchemeWorkDone(() =>
                {
                    SpaceLog.SchemeWorkFailed(logger, space, error.Message);
                    onFailure(error);
                }));
        }
    }

    /// <summary>The wait after a refused credential is over: try it once more.</summary>
    private sealed class RetryRejected
    {
        public static readonly RetryRejected Instance = new();
    }
}
