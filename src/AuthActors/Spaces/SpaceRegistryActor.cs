using Akka.Actor;
using AuthActors.Diagnostics;
using AuthActors.Protocol;
using Microsoft.Extensions.Logging;

namespace AuthActors.Spaces;

/// <summary>
/// Supervises the protection-space actors and routes requests to them. Per origin it keeps:
/// the spaces learned from its challenges (the first is the default for paths not yet mapped),
/// the path prefixes that map to each (RFC 7617 §2.2, and RFC 7616 <c>domain</c>), and, before the
/// first challenge, a discovery: one request goes out to learn the challenge while the others for
/// that origin wait (bounded by <see cref="SpaceSettings.DiscoveryTimeout"/>), so a cold burst
/// pays one 401, not one each. An origin that answers without a challenge is marked open and
/// its requests are released at once.
/// A failing space is restarted by this actor's <c>OneForOneStrategy</c>, alone, within the restart
/// budget of <c>authactors.supervision</c>; other spaces never notice. The registry watches every
/// space, so one its supervisor stopped is rebuilt on the next request.
/// Every request goes through here; the registry forwards it to its space with the caller as sender.
/// </summary>
internal sealed class SpaceRegistryActor : ReceiveActor, IWithTimers
{
    private const int MaxPrefixesPerOrigin = 256;

    private readonly SpaceServices _services;
    private readonly ILogger _logger;
    private readonly Dictionary<OriginKey, OriginEntry> _origins = [];
    private readonly Dictionary<IActorRef, SpaceEntry> _byActor = [];
    private long _discoveryAttempts;
    private long _spaceCounter;

    public SpaceRegistryActor(SpaceServices services)
    {
        _services = services;
        _logger = services.LoggerFactory.CreateLogger("AuthActors.Spaces");
        Receive<LeaseHeader>(m => Route(m, Sender));
        Receive<ReportChallenge>(OnChallenge);
        Receive<SpaceProven>(OnSpaceProven);
        Receive<DiscoveryEnded>(OnDiscoveryEnded);
        Receive<DiscoveryTimedOut>(OnDiscoveryTimedOut);
        Receive<FleetChallengesKnown>(OnFleetChallengesKnown);
        Receive<Passivate>(OnPassivate);
        Receive<Terminated>(OnTerminated);
        Receive<GetSpaces>(_ => Sender.Tell((IReadOnlyList<IActorRef>)[.. _byActor.Keys]));
        Receive<SweepOrigins>(_ => Sweep());
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of a registry over <paramref name="services"/>.</summary>
    public static Props Props(SpaceServices services) =>
        Akka.Actor.Props.Create(() => new SpaceRegistryActor(services));

    protected override void PreStart() =>
        Timers.StartPeriodicTimer(nameof(SweepOrigins), new SweepOrigins(), _services.Settings.PassivateAfter);

    /// <summary>Requests waiting on a discovery are parked here, not in a space: fail them with a
    /// reason, or each would wait out its Ask timeout. Also runs before a restart (Akka's PreRestart).</summary>
    protected override void PostStop()
    {
        foreach ((OriginKey origin, OriginEntry entry) in _origins)
        {
            foreach ((LeaseHeader _, IActorRef sender) in entry.Waiting)
            {
                sender.Tell(new Status.Failure(new SpaceUnavailableException($"the spaces registry stopped while {origin} was being discovered")));
            }

            entry.Waiting.Clear();
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(
            _services.Settings.MaxRestarts,
            _services.Settings.RestartWindow,
            e => e is ActorInitializationException ? Directive.Stop : Directive.Restart);

    private void Route(LeaseHeader message, IActorRef sender)
    {
        OriginEntry entry = Entry(message.Origin);
        SpaceEntry? space = entry.Match(message.Path);
        if (space is not null)
        {
            Ensure(space).Tell(message, sender);
        }
        else if (entry.Open)
        {
            sender.Tell(LeaseRefusal.Anonymous);
        }
        else if (entry.Discovering)
        {
            entry.Waiting.Add((message, sender));
        }
        else
        {
            entry.Discovering = true;
            entry.DiscoveryAttempt = ++_discoveryAttempts;
            Timers.StartSingleTimer(
                DiscoveryTimerKey(message.Origin), new DiscoveryTimedOut(message.Origin, entry.DiscoveryAttempt), _services.Settings.DiscoveryTimeout);
            if (_services.FleetChallenges is { } fleet)
            {
                // Cluster mode: another node may have met this origin; ask before paying a 401.
                entry.Waiting.Add((message, sender));
                OriginKey origin = message.Origin;
                long attempt = entry.DiscoveryAttempt;
                fleet.KnownAsync(origin).PipeTo(
                    Self,
                    success: known => new FleetChallengesKnown(origin, attempt, known),
                    failure: _ => new FleetChallengesKnown(origin, attempt, []));
            }
            else
            {
                sender.Tell(LeaseRefusal.Discover);
            }
        }
    }

    private void OnChallenge(ReportChallenge message)
    {
        OriginEntry entry = Entry(message.Origin);
        if (entry.DigestProven && !_services.Settings.Policy.AllowDowngrade && !IsDigestOrStronger(message.Scheme))
        {
            RefuseDowngrade(message, entry);
            return;
        }

        var key = new SpaceKey(message.Origin, message.Realm);
        SpaceEntry? space = entry.Spaces.Find(s => s.Seed.Key == key);
        if (space is null)
        {
            space = AddSpace(entry, key, message.Scheme, message.Challenge);
            _services.FleetChallenges?.Publish(message.Origin, message.Challenge);
        }
        else if (!string.Equals(space.Seed.Scheme.Name, message.Scheme.Name, StringComparison.OrdinalIgnoreCase))
        {
            // The server now prefers another scheme for this realm: start the space over.
            Retire(space);
            space.Seed = new SpaceSeed(key, message.Scheme, message.Challenge);
        }
        else
        {
            space.Seed.Challenge = message.Challenge; // a restarted or rebuilt space starts from the latest
        }

        entry.Learn(message.Path, space, MaxPrefixesPerOrigin);
        IActorRef target = Ensure(space);
        if (message.Lease is { Owner: { } owner } spent && !owner.Equals(target))
        {
            // The request carried another space's header (its path was not yet known to belong to
            // this realm): that lease is spent without a verdict on its credential. Its space must
            // know, or a refusal there would wait for it forever.
            owner.Tell(new LeaseCompleted(spent, default), ActorRefs.NoSender);
        }

        target.Tell(message, Sender);
        if (entry.Discovering)
        {
            EndDiscovery(message.Origin, entry);
        }
    }

    /// <summary>
    /// RFC 7616 §5.8: a client that has authenticated with Digest must not let a later challenge
    /// (perhaps a man in the middle's) talk it into Basic, which sends the password in clear.
    /// The request gets its 401 back, with the reason; no space is made for the weaker scheme.
    /// </summary>
    private void RefuseDowngrade(ReportChallenge message, OriginEntry entry)
    {
        if (message.Lease is { Owner: { } owner } spent)
        {
            owner.Tell(new LeaseCompleted(spent, default), ActorRefs.NoSender);
        }

        Sender.Tell(ChallengeDecision.GiveUp(
            $"refused a downgrade: {message.Origin} has authenticated with Digest, and this challenge offers only {message.Scheme.Name} " +
            "(RFC 7616 §5.8); set authactors.policy.allow-downgrade to answer it",
            Http.AuthFailureKind.DowngradeRefused));
        if (entry.Discovering)
        {
            EndDiscovery(message.Origin, entry);
        }
    }

    // Bearer and custom schemes are not weaker than Digest in the sense of §5.8: only Basic (or an
    // unknown weaker built-in) sends the password itself.
    private static bool IsDigestOrStronger(IAuthScheme scheme) =>
        !string.Equals(scheme.Name, "Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>A Digest space of this origin has had a request answered: the origin is proven.</summary>
    private void OnSpaceProven(SpaceProven message) => Entry(message.Origin).DigestProven = true;

    private void OnDiscoveryEnded(DiscoveryEnded message)
    {
        if (_origins.TryGetValue(message.Origin, out OriginEntry? entry) && entry.Discovering)
        {
            if (entry.Spaces.Count == 0)
            {
                entry.Open = true;
                _services.FleetChallenges?.DiscoveryEnded(message.Origin);
            }

            EndDiscovery(message.Origin, entry);
        }
    }

    /// <summary>
    /// Cluster mode: the fleet answered a discovery. Challenges this node's policy accepts become
    /// spaces at once and the waiting requests go to them (no 401 here); with none, the first
    /// waiting request discovers the origin itself, as in one process.
    /// </summary>
    private void OnFleetChallengesKnown(FleetChallengesKnown message)
    {
        if (!_origins.TryGetValue(message.Origin, out OriginEntry? entry) || !entry.Discovering || entry.DiscoveryAttempt != message.Attempt)
        {
            return;
        }

        foreach (AuthChallenge challenge in message.Challenges)
        {
            SchemeSelection selection = _services.Schemes.Select([challenge], _services.Settings.Policy, message.Origin.IsSecure);
            var key = new SpaceKey(message.Origin, selection.Realm ?? "");
            if (selection.Scheme is not null && !entry.Spaces.Exists(s => s.Seed.Key == key))
            {
                AddSpace(entry, key, selection.Scheme, selection.Challenge!);
            }
        }

        if (entry.Spaces.Count > 0)
        {
            EndDiscovery(message.Origin, entry);
        }
        else if (entry.Waiting.Count > 0)
        {
            (LeaseHeader _, IActorRef discoverer) = entry.Waiting[0];
            entry.Waiting.RemoveAt(0);
            discoverer.Tell(LeaseRefusal.Discover);
        }
    }

    private SpaceEntry AddSpace(OriginEntry entry, SpaceKey key, IAuthScheme scheme, AuthChallenge challenge)
    {
        var space = new SpaceEntry(new SpaceSeed(key, scheme, challenge));
        entry.Spaces.Add(space);
        LearnDomain(entry, space, challenge);
        return space;
    }

    private void OnDiscoveryTimedOut(DiscoveryTimedOut message)
    {
        if (!_origins.TryGetValue(message.Origin, out OriginEntry? entry) || !entry.Discovering || entry.DiscoveryAttempt != message.Attempt)
        {
            return;
        }

        SpaceLog.DiscoveryTimedOut(_logger, message.Origin.ToString(), _services.Settings.DiscoveryTimeout);
        entry.Discovering = false;
        foreach ((LeaseHeader _, IActorRef sender) in entry.Waiting)
        {
            sender.Tell(LeaseRefusal.Anonymous);
        }

        entry.Waiting.Clear();
    }

    /// <summary>The first challenge (or an open answer) arrived: the waiting requests are routed again.</summary>
    private void EndDiscovery(OriginKey origin, OriginEntry entry)
    {
        entry.Discovering = false;
        Timers.Cancel(DiscoveryTimerKey(origin));
        if (entry.Waiting.Count == 0)
        {
            return;
        }

        List<(LeaseHeader Message, IActorRef Sender)> waiting = [.. entry.Waiting];
        entry.Waiting.Clear();
        foreach ((LeaseHeader m, IActorRef sender) in waiting)
        {
            Route(m, sender);
        }
    }

    private void OnPassivate(Passivate message)
    {
        if (_byActor.Remove(Sender, out SpaceEntry? space))
        {
            space.Actor = null;
            Context.Unwatch(Sender);
            // A PoisonPill, not Stop: whatever we forwarded before it is still answered.
            Sender.Tell(PoisonPill.Instance);
            _services.Diagnostics.Passivations.Add(1);
            SpaceLog.SpacePassivated(_logger, message.Key.ToString());
        }
    }

    private void OnTerminated(Terminated message)
    {
        if (_byActor.Remove(message.ActorRef, out SpaceEntry? space) && Equals(space.Actor, message.ActorRef))
        {
            space.Actor = null; // stopped by its supervisor: the next request builds it again
        }
    }

    private IActorRef Ensure(SpaceEntry space)
    {
        if (space.Actor is not null)
        {
            return space.Actor;
        }

        // Every incarnation after the first (a restart, or a rebuild after passivation) starts
        // from a challenge it has answered before; the seed counts them, so it gets a fresh nonce.
        IActorRef actor = Context.ActorOf(ProtectionSpaceActor.Props(space.Seed, _services), $"space-{++_spaceCounter}");
        Context.Watch(actor);
        _byActor[actor] = space;
        space.Actor = actor;
        return actor;
    }

    private void Retire(SpaceEntry space)
    {
        if (space.Actor is { } actor)
        {
            _byActor.Remove(actor);
            Context.Unwatch(actor);
            actor.Tell(PoisonPill.Instance);
            space.Actor = null;
        }
    }

    /// <summary>RFC 7616 §3.3: <c>domain</c> lists the URIs a space covers; it widens the space to
    /// exactly those, never further: paths of this origin, and another origin only when policy
    /// allows (never from https to plain http). Proxies have no domain.</summary>
    private void LearnDomain(OriginEntry entry, SpaceEntry space, AuthChallenge challenge)
    {
        if (space.Seed.Key.Origin.IsProxy
            || !challenge.IsScheme("Digest")
            || !DigestChallenge.TryCreate(challenge, out DigestChallenge? digest, out _))
        {
            return;
        }

        foreach (string uri in digest.Domain)
        {
            if (Uri.TryCreate(uri, UriKind.Absolute, out Uri? absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            {
                OriginKey target = OriginKey.From(absolute);
                OriginKey own = space.Seed.Key.Origin;
                bool sameOrigin = target == own;
                bool allowed = sameOrigin
                    || (_services.Settings.Policy.AllowDomainAcrossOrigins && !(own.IsSecure && !target.IsSecure));
                if (allowed)
                {
                    Entry(target).AddPrefix(absolute.AbsolutePath, space, MaxPrefixesPerOrigin);
                }
            }
            else if (uri.StartsWith('/'))
            {
                entry.AddPrefix(uri, space, MaxPrefixesPerOrigin);
            }
        }
    }

    private OriginEntry Entry(OriginKey origin)
    {
        if (!_origins.TryGetValue(origin, out OriginEntry? entry))
        {
            entry = new OriginEntry();
            _origins.Add(origin, entry);
        }

        entry.LastUsed = _services.TimeProvider.GetTimestamp();
        return entry;
    }

    /// <summary>Forgets origins idle for a few passivation periods whose spaces are all passivated,
    /// so a crawl over many origins keeps bounded memory.</summary>
    private void Sweep()
    {
        TimeSpan idle = _services.Settings.PassivateAfter * 4;
        List<OriginKey>? stale = null;
        foreach ((OriginKey key, OriginEntry entry) in _origins)
        {
            if (!entry.Discovering
                && entry.Spaces.TrueForAll(s => s.Actor is null)
                && _services.TimeProvider.GetElapsedTime(entry.LastUsed) > idle)
            {
                (stale ??= []).Add(key);
            }
        }

        if (stale is not null)
        {
            foreach (OriginKey key in stale)
            {
                _origins.Remove(key);
            }
        }

    }

    private static (string, OriginKey) DiscoveryTimerKey(OriginKey origin) => ("discovery", origin);

    /// <summary>What the registry knows of one origin.</summary>
    private sealed class OriginEntry
    {
        public List<SpaceEntry> Spaces { get; } = [];

        public List<(string Prefix, SpaceEntry Space)> Prefixes { get; } = [];

        public List<(LeaseHeader Message, IActorRef Sender)> Waiting { get; } = [];

        public bool Discovering { get; set; }

        public long DiscoveryAttempt { get; set; }

        /// <summary>Answered without a challenge: requests go out at once, unauthenticated.</summary>
        public bool Open { get; set; }

        /// <summary>A Digest space of this origin has been answered: Basic is a downgrade here.</summary>
        public bool DigestProven { get; set; }

        public long LastUsed { get; set; }

        /// <summary>The space of the longest prefix that matches, else the origin's first space.</summary>
        public SpaceEntry? Match(string path)
        {
            SpaceEntry? best = null;
            int bestLength = -1;
            foreach ((string prefix, SpaceEntry space) in Prefixes)
            {
                if (prefix.Length > bestLength && path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    (best, bestLength) = (space, prefix.Length);
                }
            }

            return best ?? (Spaces.Count > 0 ? Spaces[0] : null);
        }

        /// <summary>RFC 7617 §2.2: paths at or below the directory of a challenged URI share its space.
        /// Only a prefix that changes the answer is kept, so a one-realm origin learns nothing.</summary>
        public void Learn(string path, SpaceEntry space, int max)
        {
            int slash = path.LastIndexOf('/');
            string directory = slash >= 0 ? path[..(slash + 1)] : "/";
            if (Match(path) != space)
            {
                AddPrefix(directory, space, max);
            }
        }

        public void AddPrefix(string prefix, SpaceEntry space, int max)
        {
            Prefixes.RemoveAll(p => p.Prefix == prefix);
            if (Prefixes.Count >= max)
            {
                Prefixes.RemoveAt(0);
            }

            Prefixes.Add((prefix, space));
        }
    }

    /// <summary>One space of an origin: its seed (what its actor is built from) and live actor.</summary>
    private sealed class SpaceEntry(SpaceSeed seed)
    {
        public SpaceSeed Seed { get; set; } = seed;

        public IActorRef? Actor { get; set; }
    }
}
