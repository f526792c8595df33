using AuthActors.Credentials;
using AuthActors.Diagnostics;
using AuthActors.Protocol;
using AuthActors.Spaces;
using AuthActors.Spaces.Schemes;
using AuthActors.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthActors.Tests.Spaces;

/// <summary>The Digest space state machine on its own (no actor, no network): nonce adoption,
/// nc order, stale refresh once, strict-server detection and exclusive leases.</summary>
public sealed class DigestSchemeStateTests
{
    private static readonly Credential s_credential = new("Mufasa", "Circle of Life");

    [Fact]
    public void Lease_Shared_NcStrictlyIncreasesOnOneNonce()
    {
        DigestSchemeState state = NewState(Challenge("n1"));

        var leases = Enumerable.Range(0, 5).Select(_ => Issue(state)).ToList();

        Assert.All(leases, l => Assert.Equal("n1", l.Nonce));
        Assert.Equal([1u, 2u, 3u, 4u, 5u], leases.Select(l => l.Nc));
    }

    [Fact]
    public void Stale_ReportedByManyHoldersOfTheOldNonce_RefreshesOnce()
    {
        var context = new FakeSpaceContext();
        DigestSchemeState state = NewState(Challenge("n1"), context);
        IssueMany(state, 200);
        context.Clock.Advance(TimeSpan.FromSeconds(30)); // an old, much-used nonce: expiry
        var holders = Enumerable.Range(0, 10).Select(_ => Issue(state)).ToList();

        var retries = holders.Select((l, i) => state.OnChallenge(new ChallengeContext(Challenge($"fresh{i}", stale: true), l, false))).ToList();

        Assert.All(retries, d => Assert.Equal(ChallengeDecisionKind.Retry, d.Kind));
        Assert.All(retries, d => Assert.Equal(RetryReason.Stale, d.RetryReason));
        Assert.All(retries, d => Assert.Equal("fresh0", ((DigestLease)d.Lease!).Nonce));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (uint)i), retries.Select(d => ((DigestLease)d.Lease!).Nc));
        Assert.Equal(1, context.Diagnostics.StaleRefreshes.Total);
    }

    [Fact]
    public void SharedNonceStaleWhileYoung_SwitchesToExclusive_RetryCountsAsRefusedNonce()
    {
        DigestSchemeState state = NewState(Challenge("n1"));
        DigestLease first = Issue(state);

        ChallengeDecision switched = state.OnChallenge(new ChallengeContext(Challenge("n2", stale: true), first, false));

        Assert.Equal(LeaseMode.Exclusive, state.Mode);
        Assert.Equal(RetryReason.NonceRefused, switched.RetryReason);
        Assert.Equal(("n2", 1u), (((DigestLease)switched.Lease!).Nonce, ((DigestLease)switched.Lease!).Nc));
    }

    [Fact]
    public void SharedNonceStaleAfterItsAge_IsExpiry_StaysShared()
    {
        var context = new FakeSpaceContext();
        DigestSchemeState state = NewState(Challenge("n1"), context);
        for (int round = 0; round < 3; round++)
        {
            DigestLease last = IssueMany(state, 200);
            context.Clock.Advance(TimeSpan.FromSeconds(30));
            state.OnChallenge(new ChallengeContext(Challenge($"fresh{round}", stale: true), last, false));
        }

        Assert.Equal(LeaseMode.Shared, state.Mode);
        Assert.Equal(3, context.Diagnostics.StaleRefreshes.Total);
    }

    [Fact]
    public void Rejection_BeforeAnySuccess_IsAWrongCredential()
    {
        DigestSchemeState state = NewState(Challenge("n1"));
        DigestLease lease = Issue(state);

        ChallengeDecision decision = state.OnChallenge(new ChallengeContext(Challenge("n2"), lease, false));

        Assert.Equal(ChallengeDecisionKind.Reject, decision.Kind);
    }

    [Fact]
    public void Rejection_AfterTheCredentialWorked_SwitchesToExclusive_NotAWrongCredential()
    {
        var context = new FakeSpaceContext();
        DigestSchemeState state = NewState(Challenge("n1"), context);
        DigestLease first = Issue(state);
        DigestLease second = Issue(state);
        state.OnCompleted(first, new LeaseOutcome(200, null));

        ChallengeDecision decision = state.OnChallenge(new ChallengeContext(Challenge("n2"), second, false));

        Assert.Equal(ChallengeDecisionKind.Retry, decision.Kind);
        Assert.Equal(LeaseMode.Exclusive, state.Mode);
        Assert.Equal("n2", ((DigestLease)decision.Lease!).Nonce);
        Assert.Equal(1u, ((DigestLease)decision.Lease!).Nc);
        Assert.Equal(1, context.Diagnostics.ModeSwitches.Total);
    }

    [Fact]
    public void Exclusive_OneRequestPerNonce_PoolGrowsByFetching()
    {
        DigestSchemeState state = NewState(Challenge("n1"), new FakeSpaceContext(LeaseMode.Exclusive, maxPool: 2));

        LeaseDecision a = state.Lease(new LeaseContext("/", false));
        LeaseDecision b = state.Lease(new LeaseContext("/", false));
        LeaseDecision c = state.Lease(new LeaseContext("/", false));

        Assert.Equal("n1", Assert.IsType<DigestLease>(a.Lease).Nonce);
        NonceFetchLease fetch = Assert.IsType<NonceFetchLease>(b.Lease);
        Assert.Equal(LeaseDecisionKind.Wait, c.Kind);

        ChallengeDecision fetched = state.OnChallenge(new ChallengeContext(Challenge("n2"), fetch, false));
        Assert.Equal("n2", ((DigestLease)fetched.Lease!).Nonce);
        Assert.Equal(2, state.PoolSize);

        state.OnCompleted(a.Lease!, new LeaseOutcome(200, null));
        DigestLease reused = Assert.IsType<DigestLease>(state.Lease(new LeaseContext("/", false)).Lease);
        Assert.Equal("n1", reused.Nonce);
        Assert.Equal(2u, reused.Nc);
    }

    [Fact]
    public async Task Exclusive_OpaquePerClientServer_NeverTwoSlotsOnOneOpaque()
    {
        // Apache with AuthDigestNcCheck: each client gets its own opaque and one nc sequence.
        DigestSchemeState state = NewState(Challenge("n1", opaque: "c1"), new FakeSpaceContext(LeaseMode.Exclusive));
        DigestLease held = Issue(state);
        NonceFetchLease fetch = Assert.IsType<NonceFetchLease>(state.Lease(new LeaseContext("/", false)).Lease);
        ChallengeDecision fetched = state.OnChallenge(new ChallengeContext(Challenge("n1", opaque: "c2"), fetch, false));
        Assert.Equal("c2", await OpaqueAsync(fetched));

        // A challenge that echoes c1 (to a request that carried it) must not open a second c1 slot.
        ChallengeDecision echoed = state.OnChallenge(new ChallengeContext(Challenge("n9", opaque: "c1"), null, false));

        Assert.Equal(ChallengeDecisionKind.Wait, echoed.Kind);
        Assert.Equal(2, state.PoolSize);
        _ = held;
    }

    [Fact]
    public void Exclusive_FixedOpaqueServer_OneSlotPerNonce()
    {
        DigestSchemeState state = NewState(Challenge("n1", opaque: "fixed"), new FakeSpaceContext(LeaseMode.Exclusive));
        _ = Issue(state);
        NonceFetchLease fetch = Assert.IsType<NonceFetchLease>(state.Lease(new LeaseContext("/", false)).Lease);
        state.OnChallenge(new ChallengeContext(Challenge("n2", opaque: "fixed"), fetch, false));

        ChallengeDecision another = state.OnChallenge(new ChallengeContext(Challenge("n3", opaque: "fixed"), null, false));

        Assert.Equal(ChallengeDecisionKind.Retry, another.Kind);
        Assert.Equal(3, state.PoolSize);
    }

    [Fact]
    public void NextNonce_InAuthenticationInfo_IsUsedByTheNextLease()
    {
        DigestSchemeState state = NewState(Challenge("n1"), new FakeSpaceContext(LeaseMode.Exclusive));
        DigestLease lease = Issue(state);

        state.OnCompleted(lease, new LeaseOutcome(200, "nextnonce=\"n9\", qop=auth"));
        DigestLease next = Issue(state);

        Assert.Equal("n9", next.Nonce);
        Assert.Equal(1u, next.Nc);
    }

    [Fact]
    public void NextNonce_InAutoMode_SwitchesToExclusive()
    {
        DigestSchemeState state = NewState(Challenge("n1"));
        DigestLease lease = Issue(state);

        state.OnCompleted(lease, new LeaseOutcome(200, "nextnonce=\"n9\""));

        Assert.Equal(LeaseMode.Exclusive, state.Mode);
        Assert.Equal("n9", Issue(state).Nonce);
    }

    [Fact]
    public void RebuiltSpace_FetchesAFreshNonceOnce_OthersWait_NoNcRestartOnTheOldNonce()
    {
        DigestSchemeState state = NewState(Challenge("used"), new FakeSpaceContext(rebuilt: true));

        LeaseDecision first = state.Lease(new LeaseContext("/", false));
        LeaseDecision second = state.Lease(new LeaseContext("/", false));
        NonceFetchLease fetch = Assert.IsType<NonceFetchLease>(first.Lease);
        Assert.Equal(LeaseDecisionKind.Wait, second.Kind);

        ChallengeDecision fetched = state.OnChallenge(new ChallengeContext(Challenge("fresh"), fetch, false));
        DigestLease next = Issue(state);

        Assert.Equal(("fresh", 1u), (((DigestLease)fetched.Lease!).Nonce, ((DigestLease)fetched.Lease!).Nc));
        Assert.Equal(("fresh", 2u), (next.Nonce, next.Nc));
    }

    [Fact]
    public async Task Lease_ComputesTheRfc7616Sha256Response()
    {
        DigestSchemeState state = NewState(AuthChallengeOf(
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""));
        DigestLease lease = Issue(state);

        string? header = await lease.CreateHeaderValueAsync(
            new AuthRequest(HttpMethod.Get, new Uri("http://example.org/dir/index.html"), "/dir/index.html", null, false), default);

        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? sent, out _));
        string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "Mufasa", "http-auth@example.org", "Circle of Life");
        Assert.True(DigestVerifier.Verify(sent, "GET", ha1));
        Assert.Equal("00000001", sent.NcText);
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", sent.Opaque);
    }

    private static DigestSchemeState NewState(AuthChallenge challenge, FakeSpaceContext? context = null)
    {
        var state = (DigestSchemeState)DigestScheme.Instance.CreateState(challenge, context ?? new FakeSpaceContext());
        state.OnCredential(s_credential);
        return state;
    }

    private static DigestLease IssueMany(DigestSchemeState state, int count)
    {
        DigestLease last = Issue(state);
        for (int i = 1; i < count; i++)
        {
            last = Issue(state);
        }

        return last;
    }

    private static DigestLease Issue(DigestSchemeState state) =>
        Assert.IsType<DigestLease>(state.Lease(new LeaseContext("/", false)).Lease);

    private static AuthChallenge Challenge(string nonce, bool stale = false, string? opaque = null) =>
        AuthChallengeOf($"Digest realm=\"r\", qop=\"auth\", algorithm=SHA-256, nonce=\"{nonce}\"{(opaque is null ? "" : $", opaque=\"{opaque}\"")}{(stale ? ", stale=true" : "")}");

    private static async Task<string?> OpaqueAsync(ChallengeDecision decision)
    {
        string? header = await ((DigestLease)decision.Lease!).CreateHeaderValueAsync(
            new AuthRequest(HttpMethod.Get, new Uri("http://example.org/"), "/", null, false), default);
        return DigestCredentials.TryParse(header, out DigestCredentials? c, out _) ? c.Opaque : null;
    }

    private static AuthChallenge AuthChallengeOf(string header) => ChallengeParser.Parse(header).Challenges.Single();

    private sealed class FakeSpaceContext(LeaseMode mode = LeaseMode.Auto, int maxPool = 64, bool rebuilt = false) : SpaceContext
    {
        public override bool IsRebuilt => rebuilt;

        public override SpaceKey Key { get; } = new(new OriginKey(false, "http", "example.org", 80), "r");

        public override SpaceSettings Settings { get; } = new() { LeaseMode = mode, MaxNoncePool = maxPool };

        public FakeTimeProvider Clock { get; } = new();

        public override TimeProvider TimeProvider => Clock;

        public override ILogger Logger => NullLogger.Instance;

        public override AuthActorsDiagnostics Diagnostics { get; } = new();

        public override void Run<T>(Func<CancellationToken, Task<T>> work, Action<T> onSuccess, Action<Exception> onFailure) =>
            throw new NotSupportedException("Digest does no I/O");
    }
}
