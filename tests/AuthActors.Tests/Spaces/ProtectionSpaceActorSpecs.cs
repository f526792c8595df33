using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using AuthActors.Credentials;
using AuthActors.Diagnostics;
using AuthActors.Spaces;
using AuthActors.Spaces.Schemes;
using AuthActors.Tests.Support;
using Xunit.Abstractions;
using static AuthActors.Tests.Spaces.SpaceSpecFixtures;

namespace AuthActors.Tests.Spaces;

/// <summary>
/// One protection-space actor on its own, under a probe standing in for the registry: it parks
/// requests while the credential chain answers, asks to be passivated when idle, never counts nc
/// from 1 again on a nonce it may have used, and never loops on a refused credential, whose
/// reasons and logs name the user, never the password.
/// </summary>
public sealed class ProtectionSpaceActorSpecs(ITestOutputHelper output) : TestKit(Config, output)
{
    // DEBUG, so that the EventFilter sees everything Akka logs, not only warnings.
    private const string Config = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.loglevel = DEBUG
        """;

    private static readonly TimeSpan s_tick = TimeSpan.FromTicks(1);

    private static readonly SpaceKey s_key = new(OriginA, Realm);

    private static readonly SpaceSettings s_settings = new() { PassivateAfter = TimeSpan.FromMinutes(1) };

    private readonly AuthActorsDiagnostics _diagnostics = new();
    private readonly CollectingLoggerFactory _logs = new();

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task A_space_must_park_requests_until_the_credential_chain_answers()
    {
        var source = new PendingCredentialSource();
        IActorRef space = await StartSpaceAsync(CreateTestProbe(), NewSeed(), source);
        TestProbe client = CreateTestProbe();
        space.Tell(Lease(OriginA), client);
        await this.SettledAsync(space);
        Assert.False(client.HasMessages);

        source.Answer(CredentialAnswer.Found(new Credential(UserName, Password)));

        DigestLease lease = await client.ExpectMsgAsync<DigestLease>();
        Assert.Equal(("n1", 1u), (lease.Nonce, lease.Nc));
    }

    [Fact]
    public async Task An_idle_space_must_ask_its_parent_to_passivate_it()
    {
        TestProbe parent = CreateTestProbe();
        IActorRef space = await StartSpaceAsync(parent, NewSeed());
        await LeaseAsync<DigestLease>(space);
        await this.SettledAsync(space);

        Clock.Advance(s_settings.PassivateAfter - s_tick);
        await this.SettledAsync(space);
        Assert.False(parent.HasMessages);

        Clock.Advance(s_tick);

        Passivate passivate = await parent.ExpectMsgAsync<Passivate>();
        Assert.Equal(s_key, passivate.Key);
        Assert.Equal(space, parent.LastSender);
    }

    [Fact]
    public async Task A_rebuilt_space_must_fetch_a_fresh_nonce_rather_than_count_nc_from_one_again()
    {
        SpaceSeed seed = NewSeed();
        TestProbe parent = CreateTestProbe();
        IActorRef first = await StartSpaceAsync(parent, seed);
        Assert.Equal(1u, (await LeaseAsync<DigestLease>(first)).Nc);
        Watch(first);
        first.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(first);

        IActorRef second = await StartSpaceAsync(parent, seed);
        NonceFetchLease fetch = Assert.IsType<NonceFetchLease>(await LeaseAsync<AuthLease>(second));

        DigestLease fresh = Assert.IsType<DigestLease>((await ReportAsync(second, "n2", fetch)).Lease);
        Assert.Equal(("n2", 1u), (fresh.Nonce, fresh.Nc));
    }

    [Fact]
    public async Task A_credential_refused_before_it_ever_worked_must_not_be_tried_again()
    {
        IActorRef space = await StartSpaceAsync(CreateTestProbe(), NewSeed());
        DigestLease sent = await LeaseAsync<DigestLease>(space);

        ChallengeDecision refused = await ReportAsync(space, "n2", sent);

        Assert.Equal(ChallengeDecisionKind.Reject, refused.Kind);
        Assert.Equal(LeaseRefusalKind.Anonymous, (await LeaseAsync<LeaseRefusal>(space)).Kind);
        Assert.Equal(ChallengeDecisionKind.GiveUp, (await ReportAsync(space, "n3", lease: null)).Kind);
        Assert.Equal(1, _diagnostics.Rejections.Total);
    }

    [Fact]
    public async Task A_credential_refused_after_it_worked_must_get_one_fresh_nonce_then_be_given_up()
    {
        IActorRef space = await StartSpaceAsync(CreateTestProbe(), NewSeed());
        DigestLease proven = await LeaseAsync<DigestLease>(space);
        space.Tell(new LeaseCompleted(proven, new LeaseOutcome(200, null)));
        DigestLease second = await LeaseAsync<DigestLease>(space);

        // Refused without stale after it worked: a strict server, not yet a wrong password.
        ChallengeDecision retry = await ReportAsync(space, "n2", second);
        Assert.Equal((ChallengeDecisionKind.Retry, RetryReason.NonceRefused), (retry.Kind, retry.RetryReason));
        DigestLease onFreshNonce = Assert.IsType<DigestLease>(retry.Lease);
        Assert.Equal(("n2", 1u), (onFreshNonce.Nonce, onFreshNonce.Nc));

        ChallengeDecision refused = await ReportAsync(space, "n3", onFreshNonce);

        Assert.Equal(ChallengeDecisionKind.Reject, refused.Kind);
        Assert.Equal(LeaseRefusalKind.Anonymous, (await LeaseAsync<LeaseRefusal>(space)).Kind);
    }

    [Fact]
    public async Task A_refused_credential_must_be_tried_once_more_after_a_wait_that_doubles()
    {
        IActorRef space = await StartSpaceAsync(CreateTestProbe(), NewSeed());
        DigestLease sent = await LeaseAsync<DigestLease>(space);
        Assert.Equal(ChallengeDecisionKind.Reject, (await ReportAsync(space, "n2", sent)).Kind);

        Clock.Advance(s_settings.RejectionRetryAfter - s_tick);
        Assert.Equal(LeaseRefusalKind.Anonymous, (await LeaseAsync<LeaseRefusal>(space)).Kind);
        Clock.Advance(s_tick);

        // The wait is over: one more try with the same credential, refused again...
        DigestLease again = await LeaseAsync<DigestLease>(space);
        Assert.Equal(ChallengeDecisionKind.Reject, (await ReportAsync(space, "n3", again)).Kind);

        // ...and the next wait is twice as long.
        Clock.Advance(s_settings.RejectionRetryAfter * 2 - s_tick);
        Assert.Equal(LeaseRefusalKind.Anonymous, (await LeaseAsync<LeaseRefusal>(space)).Kind);
        Clock.Advance(s_tick);
        Assert.IsType<DigestLease>(await LeaseAsync<AuthLease>(space));
        Assert.Equal(2, _diagnostics.Rejections.Total);
    }

    [Fact]
    public async Task A_refused_credential_must_be_named_by_its_user_never_by_its_password()
    {
        List<string?> reasons = [];

        await ExpectNoAkkaLogContainingAsync(Password, async () =>
        {
            IActorRef space = await StartSpaceAsync(CreateTestProbe(), NewSeed());
            DigestLease sent = await LeaseAsync<DigestLease>(space);
            reasons.Add((await ReportAsync(space, "n2", sent)).Reason);
            reasons.Add((await LeaseAsync<LeaseRefusal>(space)).Reason);
            reasons.Add((await ReportAsync(space, "n3", lease: null)).Reason);
        });

        Assert.Equal(3, reasons.Count);
        Assert.All(reasons, reason =>
        {
            Assert.Contains($"user '{UserName}'", reason, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, reason, StringComparison.Ordinal);
        });
        Assert.Contains(_logs.Messages, m => m.Contains("was rejected", StringComparison.Ordinal) && m.Contains(UserName, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Messages, m => m.Contains(Password, StringComparison.Ordinal));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing); // the system first: stopping spaces still count themselves out
        if (disposing)
        {
            _diagnostics.Dispose();
            _logs.Dispose();
        }
    }

    private static SpaceSeed NewSeed() => new(s_key, DigestScheme.Instance, Digest("n1"));

    /// <summary>A space as the registry builds it, as a child of <paramref name="parent"/>.</summary>
    private async Task<IActorRef> StartSpaceAsync(TestProbe parent, SpaceSeed seed, ICredentialSource? source = null) =>
        await parent.ChildActorOfAsync(ProtectionSpaceActor.Props(seed, Services(source ?? AliceEverywhere(), _diagnostics, s_settings, _logs)));

    private async Task<T> LeaseAsync<T>(IActorRef space)
    {
        TestProbe client = CreateTestProbe();
        space.Tell(Lease(OriginA), client);
        return await client.ExpectMsgAsync<T>();
    }

    /// <summary>A 401 carrying a challenge with <paramref name="nonce"/> answered a request that carried <paramref name="lease"/>.</summary>
    private async Task<ChallengeDecision> ReportAsync(IActorRef space, string nonce, AuthLease? lease)
    {
        TestProbe client = CreateTestProbe();
        space.Tell(Report(OriginA, Digest(nonce), lease), client);
        return await client.ExpectMsgAsync<ChallengeDecision>();
    }

    /// <summary>Runs <paramref name="act"/> and fails if anything Akka logged meanwhile contains
    /// <paramref name="secret"/>. Akka logs asynchronously: a marker logged at the end is awaited
    /// through the TestKit's listener, so every event logged before it has been seen too.</summary>
    private async Task ExpectNoAkkaLogContainingAsync(string secret, Func<Task> act)
    {
        const string EndMarker = "end of the act";
        await EventFilter.Custom(e => $"{e} {(e as Error)?.Cause}".Contains(secret, StringComparison.Ordinal)).ExpectAsync(
            0,
            async () =>
            {
                await act();
                await EventFilter.Info(EndMarker).ExpectOneAsync(() =>
                {
                    Sys.Log.Info(EndMarker);
                    return Task.CompletedTask;
                });
            },
            TimeSpan.Zero);
    }
}
