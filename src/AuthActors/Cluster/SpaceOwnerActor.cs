using System.Numerics;
using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using Akka.Event;

namespace AuthActors.Cluster;

/// <summary>
/// The one owner, across the fleet, of a protection space's nonce counts: a sharded entity (entity
/// id: <see cref="ClusterNonceCounts.SpaceId"/>). Nodes that use a nonce ask it for blocks of nc;
/// it grants each count once, ever.
/// <para>A grant is recorded before it is handed out: the highest count granted per nonce is a
/// counter in Akka.DistributedData (a PN-counter map keyed by nonce), written to every member
/// (WriteAll). A majority would not do: when the members that took a write leave gracefully
/// (a crawl fleet finishing), the record leaves with them, and a later owner would grant the same
/// counts again (seen in a three-process crawl). An owner that starts (first use, after
/// passivation, a handoff or a crash elsewhere) reads a majority before its first grant on a
/// nonce, so it never grants a block again. When the write or the read cannot reach enough
/// members (one is unreachable and not yet downed), it refuses rather than guess; the node asks
/// again until the split-brain resolver has downed the lost member.</para>
/// <para>States: <b>idle</b> takes the next request; <b>busy</b> waits for the replicator's answer to
/// one read or write and stashes the rest, so grants on one space are strictly sequential.</para>
/// <para>With shared Bearer tokens it also holds the fleet's token: one node at a time fetches it,
/// with its own credential, and the owner hands it to the others until it nears its expiry.</para>
/// No password or client secret reaches it: it sees a space id, nonces, counts and, when the
/// fleet shares them, Bearer tokens.
/// </summary>
internal sealed class SpaceOwnerActor : ReceiveActor, IWithStash, IWithTimers
{
    /// <summary>Nonces remembered per space; the oldest beyond this is forgotten (a server that
    /// hands out a nonce again after this many newer ones has long expired it).</summary>
    internal const int MaxNonces = 256;

    /// <summary>Challenges remembered per origin (one per scheme and realm).</summary>
    internal const int MaxChallenges = 16;

    private readonly IActorRef _replicator;
    private readonly UniqueAddress _self;
    private readonly PNCounterDictionaryKey<string> _key;
    private readonly TimeSpan _timeout;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, long> _granted = [];
    private readonly Queue<string> _order = new();

    // An origin's record (entity id "challenges …"): the challenges the fleet has seen, by scheme and
    // realm; the node discovering it now, and the nodes waiting for what it learns.
    private readonly Dictionary<string, SharedChallenge> _challenges = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IActorRef> _challengeWaiters = [];
    private DateTimeOffset _discoveringUntil;

    // The fleet's Bearer token (share-bearer-tokens), the node fetching one, and who waits for it.
    private readonly List<(IActorRef ReplyTo, TimeSpan MinRemaining)> _tokenWaiters = [];
    private string? _token;
    private DateTimeOffset? _tokenExpires;
    private IActorRef? _fetcher;
    private DateTimeOffset _fetchDeadline;
    private readonly LWWRegisterKey<string> _tokenKey;
    private bool _tokenLoaded;
    private bool _tokenLoading;
    private readonly List<(GetFleetToken Request, IActorRef ReplyTo)> _tokenLoadWaiters = [];

    public SpaceOwnerActor(string spaceId, TimeSpan consistencyTimeout)
    {
        _replicator = DistributedData.Get(Context.System).Replicator;
        _self = Akka.Cluster.Cluster.Get(Context.System).SelfUniqueAddress;
        _key = new PNCounterDictionaryKey<string>("authactors-nc-" + spaceId);
        _tokenKey = new LWWRegisterKey<string>("authactors-token-" + spaceId);
        _timeout = consistencyTimeout;
        Idle();
    }

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of the owner of <paramref name="spaceId"/>.</summary>
    public static Props Props(string spaceId, TimeSpan consistencyTimeout) =>
        Akka.Actor.Props.Create(() => new SpaceOwnerActor(spaceId, consistencyTimeout));

    /// <summary>How long a node has to fetch the fleet's token before another node gets the duty.</summary>
    internal static readonly TimeSpan FetchDuty = TimeSpan.FromSeconds(30);

    private void Idle()
    {
        Receive<GetOriginChallenges>(OnGetChallenges);
        Receive<OriginChallenged>(OnChallenged);
        Receive<OriginDiscoveryEnded>(_ => ReleaseChallengeWaiters());
        Receive<DiscoveryWindowEnded>(ended =>
        {
            if (ended.Until == _discoveringUntil)
            {
                ReleaseChallengeWaiters();
            }
        });
        Receive<GetFleetToken>(OnGetToken);
        Receive<FleetTokenFetched>(OnTokenFetched);
        Receive<FleetTokenFailed>(OnTokenFailed);
        Receive<GetSuccess>(loaded => loaded.Request is TokenLoad, loaded => OnTokenLoaded(((LWWRegister<string>)loaded.Data).Value));
        Receive<NotFound>(missing => missing.Request is TokenLoad, _ => OnTokenLoaded(null));
        Receive<GetFailure>(failed => failed.Request is TokenLoad, _ => OnTokenLoaded(null));
        Receive<IUpdateResponse>(saved => saved.Request is TokenSave, _ => { }); // best effort: the next owner fetches anew without it
        Receive<GrantNonceCounts>(request =>
        {
            if (request.Count < 1)
            {
                Sender.Tell(new Status.Failure(new ArgumentOutOfRangeException(nameof(request), request.Count, "a grant needs at least one count")));
                return;
            }

            if (_granted.ContainsKey(request.Nonce))
            {
                Write(request, Sender);
            }
            else
            {
                // First grant on this nonce by this incarnation: learn what earlier owners granted.
                _replicator.Tell(Dsl.Get(_key, new ReadMajority(_timeout), new Pending(request, Sender)));
                Become(Busy);
            }
        });
    }

    private void Busy()
    {
        Receive<GetSuccess>(success => success.Request is Pending, success =>
        {
            var pending = (Pending)success.Request;
            var counts = (PNCounterDictionary<string>)success.Data;
            string? forget = Remember(pending.Request.Nonce, counts.TryGetValue(pending.Request.Nonce, out BigInteger value) ? (long)value : 0);
            Write(pending.Request, pending.ReplyTo, forget);
        });
        Receive<NotFound>(notFound => notFound.Request is Pending, notFound =>
        {
            var pending = (Pending)notFound.Request;
            string? forget = Remember(pending.Request.Nonce, 0);
            Write(pending.Request, pending.ReplyTo, forget);
        });
        Receive<GetFailure>(failure => failure.Request is Pending, failure => Refuse((Pending)failure.Request, "no majority of the fleet answered to read what was granted before"));
        Receive<UpdateSuccess>(success => success.Request is Pending, success =>
        {
            var pending = (Pending)success.Request;
            long start = _granted[pending.Request.Nonce] + 1;
            _granted[pending.Request.Nonce] += pending.Request.Count;
            pending.ReplyTo.Tell(new NonceCountsGranted(pending.Request.Nonce, start, pending.Request.Count));
            BackToIdle();
        });
        Receive<ModifyFailure>(failure => failure.Request is Pending, failure =>
        {
            // Another owner granted on this nonce since this one read the record (two owners can
            // overlap for a moment while a shard moves): read it again before the next grant.
            var pending = (Pending)failure.Request;
            _granted.Remove(pending.Request.Nonce);
            Refuse(pending, "another owner granted counts on this nonce meanwhile; reading the record again");
        });
        Receive<IUpdateFailure>(failure => failure.Request is Pending, failure =>
        {
            // The write may still spread later: treat the block as used, never grant it again.
            var pending = (Pending)failure.Request;
            _granted[pending.Request.Nonce] += pending.Request.Count;
            Refuse(pending, "not every member of the fleet confirmed the grant");
        });
        ReceiveAny(_ => Stash.Stash());
    }

    /// <summary>
    /// What the fleet knows of an origin. Knowing nothing, the first node to ask discovers it (an
    /// empty answer) and the others wait for what it learns: until it reports a challenge, or that
    /// it found none, or for the wait the discoverer asked for (then each looks for itself). So a
    /// cold fleet pays one 401 per space, not one per process.
    /// </summary>
    private void OnGetChallenges(GetOriginChallenges request)
    {
        DateTimeOffset now = Context.System.Scheduler.Now;
        if (_challenges.Count > 0)
        {
            Sender.Tell(new OriginChallenges([.. _challenges.Values]));
        }
        else if (now < _discoveringUntil)
        {
            _challengeWaiters.Add(Sender);
        }
        else
        {
            TimeSpan wait = request.Wait > TimeSpan.Zero ? request.Wait : _timeout;
            _discoveringUntil = now + wait;
            Timers.StartSingleTimer(nameof(DiscoveryWindowEnded), new DiscoveryWindowEnded(_discoveringUntil), wait);
            Sender.Tell(new OriginChallenges([]));
        }
    }

    /// <summary>The discovery ended without a challenge for the fleet: whoever waited looks for itself.</summary>
    private void ReleaseChallengeWaiters()
    {
        _discoveringUntil = default;
        foreach (IActorRef waiter in _challengeWaiters)
        {
            waiter.Tell(new OriginChallenges([.. _challenges.Values]));
        }

        _challengeWaiters.Clear();
    }

    private void OnChallenged(OriginChallenged message)
    {
        string realm = message.Challenge.Parameters.Chunk(2)
            .FirstOrDefault(p => p.Length == 2 && string.Equals(p[0], "realm", StringComparison.OrdinalIgnoreCase))?[1] ?? "";
        string key = message.Challenge.Scheme + " " + realm;
        if (_challenges.Count < MaxChallenges || _challenges.ContainsKey(key))
        {
            _challenges[key] = message.Challenge; // the latest from the origin (a newer nonce)
        }

        ReleaseChallengeWaiters();
    }

    /// <summary>
    /// The fleet's token while it is good for what the node needs and not the one it says the
    /// server refused; else, when no node is fetching, this node fetches (with its own credential);
    /// else it waits for the one that is.
    /// </summary>
    private void OnGetToken(GetFleetToken request)
    {
        if (!_tokenLoaded)
        {
            // A new owner (after a handoff) first takes the token an earlier one recorded.
            _tokenLoadWaiters.Add((request, Sender));
            if (!_tokenLoading)
            {
                _tokenLoading = true;
                _replicator.Tell(Dsl.Get(_tokenKey, ReadLocal.Instance, new TokenLoad()));
            }

            return;
        }

        OnGetTokenFor(request, Sender);
    }

    private void OnGetTokenFor(GetFleetToken request, IActorRef replyTo)
    {
        DateTimeOffset now = Context.System.Scheduler.Now;
        if (_token is not null && _token != request.Refused && (_tokenExpires is null || _tokenExpires - now > request.MinRemaining))
        {
            replyTo.Tell(new FleetTokenGranted(_token, _tokenExpires - now));
        }
        else if (_fetcher is not null && now < _fetchDeadline)
        {
            _tokenWaiters.Add((replyTo, request.MinRemaining));
        }
        else
        {
            if (_token is not null && _token == request.Refused)
            {
                _token = null;
            }

            _fetcher = replyTo;
            _fetchDeadline = now + FetchDuty;
            replyTo.Tell(new FetchFleetToken());
        }
    }

    /// <summary>The recorded token ("expiry in Unix ms|token", 0 for no expiry), or none.</summary>
    private void OnTokenLoaded(string? recorded)
    {
        _tokenLoaded = true;
        _tokenLoading = false;
        int bar = recorded?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (recorded is not null && bar > 0 && long.TryParse(recorded.AsSpan(0, bar), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long expires))
        {
            _token = recorded[(bar + 1)..];
            _tokenExpires = expires == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(expires);
        }

        foreach ((GetFleetToken request, IActorRef replyTo) in _tokenLoadWaiters)
        {
            OnGetTokenFor(request, replyTo);
        }

        _tokenLoadWaiters.Clear();
    }

    private void OnTokenFetched(FleetTokenFetched fetched)
    {
        DateTimeOffset now = Context.System.Scheduler.Now;
        _token = fetched.Token;
        _tokenExpires = now + fetched.Lifetime;
        _tokenLoaded = true;
        // Recorded on every member, so the next owner after a handoff hands out the same token.
        string record = $"{(_tokenExpires?.ToUnixTimeMilliseconds() ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)}|{fetched.Token}";
        _replicator.Tell(Dsl.Update(_tokenKey, new LWWRegister<string>(_self, ""), new WriteAll(_timeout), new TokenSave(), register => register.WithValue(_self, record)));
        _fetcher = null;
        foreach ((IActorRef replyTo, TimeSpan _) in _tokenWaiters)
        {
            replyTo.Tell(new FleetTokenGranted(fetched.Token, fetched.Lifetime));
        }

        _tokenWaiters.Clear();
    }

    private void OnTokenFailed(FleetTokenFailed failed)
    {
        _fetcher = null;
        foreach ((IActorRef replyTo, TimeSpan _) in _tokenWaiters)
        {
            replyTo.Tell(new Status.Failure(new InvalidOperationException(failed.Error)));
        }

        _tokenWaiters.Clear();
    }

    /// <summary>Records what was granted on <paramref name="request"/>'s nonce plus its count, on
    /// every member first; then the block is handed out.</summary>
    private void Write(GrantNonceCounts request, IActorRef replyTo, string? forget = null)
    {
        string nonce = request.Nonce;
        long expected = _granted[nonce];
        _replicator.Tell(Dsl.Update(
            _key,
            PNCounterDictionary<string>.Empty,
            new WriteAll(_timeout),
            new Pending(request, replyTo),
            counts =>
            {
                // The replica here already holds more than this owner knows of: someone else granted.
                if (counts.TryGetValue(nonce, out BigInteger seen) && seen > expected)
                {
                    throw new InvalidOperationException($"the record of {nonce} moved from {expected} to {seen}");
                }

                PNCounterDictionary<string> next = counts.Increment(_self, nonce, request.Count);
                return forget is null ? next : next.Remove(_self, forget);
            }));
        Become(Busy);
    }

    /// <summary>Notes a nonce new to this incarnation; returns the oldest one to forget, if any.</summary>
    private string? Remember(string nonce, long granted)
    {
        _granted[nonce] = granted;
        _order.Enqueue(nonce);
        if (_order.Count <= MaxNonces)
        {
            return null;
        }

        string forget = _order.Dequeue();
        _granted.Remove(forget);
        return forget;
    }

    private void Refuse(Pending pending, string why)
    {
        _log.Warning("Nonce counts not granted for {0}: {1}", _key.Id, why);
        pending.ReplyTo.Tell(new Status.Failure(new InvalidOperationException($"the space's owner granted no nonce counts: {why}")));
        BackToIdle();
    }

    private void BackToIdle()
    {
        Become(Idle);
        Stash.UnstashAll();
    }

    /// <summary>What a replicator answer is about: the request and who waits for it.</summary>
    private sealed record Pending(GrantNonceCounts Request, IActorRef ReplyTo);

    /// <summary>A replicator answer about the recorded token: reading it.</summary>
    private sealed record TokenLoad;

    /// <summary>A replicator answer about the recorded token: writing it.</summary>
    private sealed record TokenSave;

    /// <summary>The wait of the discovery begun at <paramref name="Until"/> is over.</summary>
    private sealed record DiscoveryWindowEnded(DateTimeOffset Until);
}
