using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using AuthActors.Credentials;
using AuthActors.Diagnostics;
using AuthActors.Spaces;
using AuthActors.Spaces.Schemes;
using Xunit.Abstractions;
using static AuthActors.Tests.Spaces.SpaceSpecFixtures;

namespace AuthActors.Tests.Spaces;

/// <summary>
/// The registry of protection spaces: one discovery per cold origin, one space per protection
/// space, a failing space restarted alone (and stopped past its budget, then rebuilt on demand),
/// passivation, and what a stop does to requests still waiting. Time is Akka's TestScheduler,
/// moved by hand; every message goes in as the runtime sends it, with a probe as the caller.
/// </summary>
public sealed class SpaceRegistryActorSpecs(ITestOutputHelper output) : TestKit(ManualScheduler, output)
{
    private const string ManualScheduler = "akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"";

    /// <summary>Longer than any spec runs: a reply that comes is an answer, never this timeout.</summary>
    private static readonly TimeSpan s_askTimeout = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan s_tick = TimeSpan.FromTicks(1);

    private static readonly SpaceSettings s_settings = new()
    {
        PassivateAfter = TimeSpan.FromMinutes(2),
        DiscoveryTimeout = TimeSpan.FromSeconds(10),
        MaxRestarts = 2,
        RestartWindow = TimeSpan.FromMinutes(1),
    };

    private readonly AuthActorsDiagnostics _diagnostics = new();

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task A_cold_burst_must_pay_one_discovery_per_origin()
    {
        IActorRef registry = StartRegistry();
        TestProbe discoverer = CreateTestProbe();
        TestProbe otherOrigin = CreateTestProbe();
        TestProbe[] burst = [.. Enumerable.Range(0, 5).Select(_ => CreateTestProbe())];

        registry.Tell(Lease(OriginA, "/first"), discoverer);
        for (int i = 0; i < burst.Length; i++)
        {
            registry.Tell(Lease(OriginA, $"/burst/{i}"), burst[i]);
        }

        registry.Tell(Lease(OriginB), otherOrigin);
        await this.SettledAsync(registry);

        await discoverer.ExpectMsgAsync<LeaseRefusal>(r => r.Kind == LeaseRefusalKind.Discover);
        await otherOrigin.ExpectMsgAsync<LeaseRefusal>(r => r.Kind == LeaseRefusalKind.Discover);
        Assert.All(burst, waiter => Assert.False(waiter.HasMessages));

        registry.Tell(Report(OriginA, Digest("n1"), path: "/first"), discoverer);

        DigestLease retry = Assert.IsType<DigestLease>((await discoverer.ExpectMsgAsync<ChallengeDecision>()).Lease);
        List<DigestLease> leases = [retry];
        foreach (TestProbe waiter in burst)
        {
            leases.Add(await waiter.ExpectMsgAsync<DigestLease>());
        }

        Assert.All(leases, l => Assert.Equal("n1", l.Nonce));
        Assert.Equal([1u, 2u, 3u, 4u, 5u, 6u], leases.Select(l => l.Nc)); // one nonce, each nc once, in order
    }

    [Fact]
    public async Task A_discovery_that_times_out_must_release_its_waiters_unauthenticated()
    {
        IActorRef registry = StartRegistry();
        TestProbe discoverer = CreateTestProbe();
        TestProbe[] waiters = [CreateTestProbe(), CreateTestProbe()];
        registry.Tell(Lease(OriginA), discoverer);
        await discoverer.ExpectMsgAsync<LeaseRefusal>(r => r.Kind == LeaseRefusalKind.Discover);
        Array.ForEach(waiters, w => registry.Tell(Lease(OriginA), w));

        Clock.Advance(s_settings.DiscoveryTimeout - s_tick);
        await this.SettledAsync(registry);
        Assert.All(waiters, waiter => Assert.False(waiter.HasMessages));

        Clock.Advance(s_tick);

        foreach (TestProbe waiter in waiters)
        {
            await waiter.ExpectMsgAsync<LeaseRefusal>(r => r.Kind == LeaseRefusalKind.Anonymous);
        }
    }

    [Fact]
    public async Task A_discovery_answered_without_a_challenge_must_mark_the_origin_open()
    {
        IActorRef registry = StartRegistry();
        TestProbe discoverer = CreateTestProbe();
        TestProbe waiter = CreateTestProbe();
        registry.Tell(Lease(OriginA), discoverer);
        await discoverer.ExpectMsgAsync<LeaseRefusal>(r => r.Kind == LeaseRefusalKind.Discover);
        registry.Tell(Lease(OriginA), waiter);

        registry.Tell(new DiscoveryEnded(OriginA));

        await waiter.ExpectMsgAsync<LeaseRefusal>(r => r.Kind == LeaseRefusalKind.Anonymous);
        TestProbe later = CreateTestProbe();
        registry.Tell(Lease(OriginA), later);
        await later.ExpectMsgAsync<LeaseRefusal>(r => r.Kind == LeaseRefusalKind.Anonymous);
    }

    [Fact]
    public async Task A_crashing_space_must_be_restarted_alone()
    {
        using var tripwire = new RiggedDigestScheme();
        IActorRef registry = StartRegistry();
        IActorRef steady = (await OpenSpaceAsync(registry, OriginA, "a1")).Owner!;
        await OpenSpaceAsync(registry, OriginB, "b1", tripwire);
        Assert.Equal(2u, (await LeaseAsync<DigestLease>(registry, OriginA)).Nc);

        await CrashAsync(registry, OriginB);

        DigestLease after = await LeaseAsync<DigestLease>(registry, OriginA);
        Assert.Equal(steady, after.Owner);
        Assert.Equal(("a1", 3u), (after.Nonce, after.Nc)); // its state survived: no restart, no rebuild
        Assert.Equal([false, true], tripwire.Incarnations); // while the crashed one was restarted
        Assert.Contains(steady, await SpacesAsync(registry));
    }

    [Fact]
    public async Task A_crashing_space_must_fail_the_request_that_crashed_it_at_once()
    {
        using var tripwire = new RiggedDigestScheme();
        IActorRef registry = StartRegistry();
        await OpenSpaceAsync(registry, OriginB, "b1", tripwire);

        Status.Failure failure = await CrashAsync(registry, OriginB);

        SpaceUnavailableException cause = Assert.IsType<SpaceUnavailableException>(failure.Cause);
        Assert.Contains(new SpaceKey(OriginB, Realm).ToString(), cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_space_must_start_from_a_fresh_nonce()
    {
        using var tripwire = new RiggedDigestScheme();
        IActorRef registry = StartRegistry();
        DigestLease before = await OpenSpaceAsync(registry, OriginB, "b1", tripwire);
        Assert.Equal(("b1", 1u), (before.Nonce, before.Nc));
        await CrashAsync(registry, OriginB);

        AuthLease next = await LeaseAsync<AuthLease>(registry, OriginB);

        Assert.Equal([false, true], tripwire.Incarnations);
        // Not b1 at nc 1 again: the request goes out without a header to fetch a fresh nonce.
        NonceFetchLease fetch = Assert.IsType<NonceFetchLease>(next);
        TestProbe client = CreateTestProbe();
        registry.Tell(Report(OriginB, Digest("b2"), fetch, tripwire), client);
        DigestLease fresh = Assert.IsType<DigestLease>((await client.ExpectMsgAsync<ChallengeDecision>()).Lease);
        Assert.Equal(("b2", 1u), (fresh.Nonce, fresh.Nc));
    }

    [Fact]
    public async Task A_space_failing_beyond_its_restart_budget_must_be_stopped_and_forgotten()
    {
        using var tripwire = new RiggedDigestScheme();
        IActorRef registry = StartRegistry();
        IActorRef fragile = (await OpenSpaceAsync(registry, OriginB, "b1", tripwire)).Owner!;
        Watch(fragile);

        await CrashRepeatedlyAsync(registry, OriginB, s_settings.MaxRestarts + 1);

        await ExpectTerminatedAsync(fragile);
        Assert.Equal(s_settings.MaxRestarts + 1, tripwire.Incarnations.Count);
        await AwaitAssertAsync(async () => Assert.DoesNotContain(fragile, await SpacesAsync(registry)));
    }

    [Fact]
    public async Task A_space_stopped_by_its_supervisor_must_be_rebuilt_by_the_next_request()
    {
        using var tripwire = new RiggedDigestScheme();
        IActorRef registry = StartRegistry();
        IActorRef fragile = (await OpenSpaceAsync(registry, OriginB, "b1", tripwire)).Owner!;
        await CrashRepeatedlyAsync(registry, OriginB, s_settings.MaxRestarts + 1);
        await AwaitAssertAsync(async () => Assert.Empty(await SpacesAsync(registry)));

        AuthLease next = await LeaseAsync<AuthLease>(registry, OriginB);

        Assert.NotNull(next.Owner);
        Assert.NotEqual(fragile, next.Owner);
        Assert.Equal([next.Owner], await SpacesAsync(registry));
        Assert.IsType<NonceFetchLease>(next); // rebuilt from its seed: a fresh nonce, not b1 again
    }

    [Fact]
    public async Task An_idle_space_must_be_passivated_by_the_registry()
    {
        IActorRef registry = StartRegistry();
        IActorRef space = (await OpenSpaceAsync(registry, OriginA, "a1")).Owner!;
        Watch(space);
        await this.SettledAsync(space);

        Clock.Advance(s_settings.PassivateAfter - s_tick);
        await this.SettledAsync(space);
        Assert.Equal([space], await SpacesAsync(registry));

        Clock.Advance(s_tick);

        await ExpectTerminatedAsync(space);
        Assert.Empty(await SpacesAsync(registry));
        Assert.Equal(1, _diagnostics.Passivations.Total);
    }

    [Fact]
    public async Task A_passivated_space_must_still_answer_what_was_forwarded_before_it_stopped()
    {
        using var rigged = new RiggedDigestScheme();
        IActorRef registry = StartRegistry();
        IActorRef space = (await OpenSpaceAsync(registry, OriginA, "a1", rigged)).Owner!;
        Watch(space);
        TestProbe busy = CreateTestProbe();
        TestProbe late = CreateTestProbe();
        registry.Tell(Lease(OriginA, RiggedDigestScheme.HoldPath), busy);
        await rigged.Holding;

        // While the space is busy, the registry forwards one more request, then acts on the
        // space's Passivate: the request waits in the mailbox, ahead of whatever stops the space.
        registry.Tell(Lease(OriginA), late);
        registry.Tell(new Passivate(new SpaceKey(OriginA, Realm)), space);
        Assert.Empty(await SpacesAsync(registry));
        rigged.Release();

        Assert.Equal(2u, (await busy.ExpectMsgAsync<DigestLease>()).Nc);
        DigestLease answered = await late.ExpectMsgAsync<DigestLease>();
        Assert.Equal((space, 3u), (answered.Owner, answered.Nc));
        await ExpectTerminatedAsync(space);
    }

    [Fact]
    public async Task A_stopped_registry_must_fail_the_requests_its_spaces_had_parked()
    {
        IActorRef registry = StartRegistry(new PendingCredentialSource());
        Task<ChallengeDecision> report = registry.Ask<ChallengeDecision>(Report(OriginA, Digest("a1")), s_askTimeout);
        Task<object>[] leases = [.. Enumerable.Range(0, 3).Select(i => registry.Ask<object>(Lease(OriginA, $"/p/{i}"), s_askTimeout))];
        IActorRef space = Assert.Single(await SpacesAsync(registry));
        await this.SettledAsync(space); // all parked: none left in its mailbox

        await registry.GracefulStop(RemainingOrDefault);

        string spaceName = new SpaceKey(OriginA, Realm).ToString();
        await WithinAsync(RemainingOrDefault, async () =>
        {
            SpaceUnavailableException refused = await Assert.ThrowsAsync<SpaceUnavailableException>(() => report);
            Assert.Contains(spaceName, refused.Message, StringComparison.Ordinal);
            foreach (Task<object> lease in leases)
            {
                // The space replied Status.Failure; Akka's Ask throws its cause, as the runtime sees it.
                SpaceUnavailableException failed = await Assert.ThrowsAsync<SpaceUnavailableException>(() => lease);
                Assert.Contains(spaceName, failed.Message, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public async Task A_stopped_registry_must_fail_the_requests_waiting_on_a_discovery()
    {
        IActorRef registry = StartRegistry();
        TestProbe discoverer = CreateTestProbe();
        registry.Tell(Lease(OriginA), discoverer);
        await discoverer.ExpectMsgAsync<LeaseRefusal>(r => r.Kind == LeaseRefusalKind.Discover);
        Task<object>[] waiting = [.. Enumerable.Range(0, 3).Select(i => registry.Ask<object>(Lease(OriginA, $"/p/{i}"), s_askTimeout))];
        await this.SettledAsync(registry);

        await registry.GracefulStop(RemainingOrDefault);

        // Told at once, not left to the runtime's Ask timeout (AskTimeout + DiscoveryTimeout, 15 s by default).
        await WithinAsync(RemainingOrDefault, async () =>
        {
            foreach (Task<object> lease in waiting)
            {
                SpaceUnavailableException failed = await Assert.ThrowsAsync<SpaceUnavailableException>(() => lease);
                Assert.Contains(OriginA.ToString(), failed.Message, StringComparison.Ordinal);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing); // the system first: stopping spaces still count themselves out
        if (disposing)
        {
            _diagnostics.Dispose();
        }
    }

    private IActorRef StartRegistry(ICredentialSource? source = null) =>
        Sys.ActorOf(SpaceRegistryActor.Props(Services(source ?? AliceEverywhere(), _diagnostics, s_settings)), "spaces");

    /// <summary>Reports the first challenge of <paramref name="origin"/> as its discovering request
    /// would, and returns the lease of that request's retry (nc 1); its owner is the new space.</summary>
    private async Task<DigestLease> OpenSpaceAsync(IActorRef registry, OriginKey origin, string nonce, IAuthScheme? scheme = null)
    {
        TestProbe client = CreateTestProbe();
        registry.Tell(Report(origin, Digest(nonce), scheme: scheme), client);
        ChallengeDecision decision = await client.ExpectMsgAsync<ChallengeDecision>();
        Assert.Equal(ChallengeDecisionKind.Retry, decision.Kind);
        return Assert.IsType<DigestLease>(decision.Lease);
    }

    private async Task<T> LeaseAsync<T>(IActorRef registry, OriginKey origin, string path = "/")
    {
        TestProbe client = CreateTestProbe();
        registry.Tell(Lease(origin, path), client);
        return await client.ExpectMsgAsync<T>();
    }

    /// <summary>Trips the <see cref="RiggedDigestScheme"/> of <paramref name="origin"/>'s space
    /// once; returns what the tripping request got back. Akka logs the crash as an error.</summary>
    private async Task<Status.Failure> CrashAsync(IActorRef registry, OriginKey origin, string path = RiggedDigestScheme.TripPath)
    {
        Status.Failure? failure = null;
        await EventFilter.Exception<InvalidOperationException>(contains: RiggedDigestScheme.Marker).ExpectOneAsync(async () =>
            failure = await LeaseAsync<Status.Failure>(registry, origin, path));
        return failure!;
    }

    private async Task CrashRepeatedlyAsync(IActorRef registry, OriginKey origin, int times)
    {
        for (int i = 0; i < times; i++)
        {
            await CrashAsync(registry, origin, $"{RiggedDigestScheme.TripPath}/{i}");
        }
    }

    private async Task<IReadOnlyList<IActorRef>> SpacesAsync(IActorRef registry) =>
        await registry.Ask<IReadOnlyList<IActorRef>>(new GetSpaces(), RemainingOrDefault);
}
