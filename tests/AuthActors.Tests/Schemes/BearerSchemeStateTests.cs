using System.Net;
using AuthActors.Credentials;
using AuthActors.Protocol;
using AuthActors.Spaces;
using AuthActors.Spaces.Schemes;

namespace AuthActors.Tests.Schemes;

/// <summary>The Bearer space state on its own (no actor, no network): one token request for all
/// waiting callers, refresh ahead of expiry, backoff, and what each challenge leads to.</summary>
public sealed class BearerSchemeStateTests
{
    private static readonly Credential s_client = new("client-1", "s3cr3t-value");

    [Fact]
    public void Lease_WithoutToken_ManyCallersWaitOnOneTokenRequest()
    {
        using var f = new Fixture();

        var decisions = Enumerable.Range(0, 500).Select(_ => f.State.Lease(default)).ToList();

        Assert.All(decisions, d => Assert.Equal(LeaseDecisionKind.Wait, d.Kind));
        Assert.Equal(1, f.Context.PendingCount);
    }

    [Fact]
    public async Task Lease_AfterTokenArrives_IssuesItAsBearerHeader()
    {
        using var f = new Fixture();
        f.State.Lease(default);

        await f.Context.RunNextAsync();
        LeaseDecision decision = f.State.Lease(default);

        Assert.Equal(LeaseDecisionKind.Issue, decision.Kind);
        Assert.Equal("Bearer tok-1", await Header(decision.Lease!));
        Assert.Equal(1, f.Endpoint.Requests);
    }

    [Fact]
    public async Task Lease_InsideRefreshSkew_IssuesCurrentTokenAndRefreshesOnceInBackground()
    {
        using var f = new Fixture(lifetime: 100);
        await f.WarmAsync();
        f.Context.Clock.Advance(TimeSpan.FromSeconds(71)); // 29 s left, skew 30 s

        LeaseDecision first = f.State.Lease(default);
        LeaseDecision second = f.State.Lease(default);

        Assert.Equal("Bearer tok-1", await Header(first.Lease!));
        Assert.Equal("Bearer tok-1", await Header(second.Lease!));
        Assert.Equal(1, f.Context.PendingCount);
    }

    [Fact]
    public async Task Lease_AfterBackgroundRefresh_IssuesTheNewToken()
    {
        using var f = new Fixture(lifetime: 100);
        await f.WarmAsync();
        f.Context.Clock.Advance(TimeSpan.FromSeconds(71));
        f.State.Lease(default);

        await f.Context.RunNextAsync();

        Assert.Equal("Bearer tok-2", await Header(f.State.Lease(default).Lease!));
    }

    [Fact]
    public async Task Lease_BeforeRefreshSkew_StartsNoRequest()
    {
        using var f = new Fixture(lifetime: 100);
        await f.WarmAsync();
        f.Context.Clock.Advance(TimeSpan.FromSeconds(69));

        f.State.Lease(default);

        Assert.Equal(0, f.Context.PendingCount);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    public async Task Lease_LifetimeShorterThanTwiceSkew_RefreshesAtHalfLifetime(int elapsedSeconds, int expectedRequests)
    {
        using var f = new Fixture(lifetime: 10);
        await f.WarmAsync();
        f.Context.Clock.Advance(TimeSpan.FromSeconds(elapsedSeconds));

        f.State.Lease(default);

        Assert.Equal(expectedRequests, f.Context.PendingCount);
    }

    [Fact]
    public async Task Lease_AfterExpiry_WaitsForOneRefresh()
    {
        using var f = new Fixture(lifetime: 60);
        await f.WarmAsync();
        f.Context.Clock.Advance(TimeSpan.FromSeconds(60));

        var decisions = Enumerable.Range(0, 10).Select(_ => f.State.Lease(default)).ToList();

        Assert.All(decisions, d => Assert.Equal(LeaseDecisionKind.Wait, d.Kind));
        Assert.Equal(1, f.Context.PendingCount);
    }

    [Fact]
    public async Task Lease_NoExpiresIn_KeepsTheTokenWithoutRefreshing()
    {
        using var f = new Fixture(lifetime: null);
        await f.WarmAsync();
        f.Context.Clock.Advance(TimeSpan.FromDays(400));

        LeaseDecision decision = f.State.Lease(default);

        Assert.Equal("Bearer tok-1", await Header(decision.Lease!));
        Assert.Equal(0, f.Context.PendingCount);
    }

    [Fact]
    public async Task Lease_TokenEndpointFailed_FailsWithItsErrorAndTheBackoff()
    {
        using var f = new Fixture();
        f.Endpoint.Respond = _ => StubTokenHandler.Json(HttpStatusCode.BadRequest, """{"error":"invalid_client","error_description":"unknown client"}""");
        f.State.Lease(default);

        await f.Context.RunNextAsync();
        LeaseDecision decision = f.State.Lease(default);

        Assert.Equal(LeaseDecisionKind.Fail, decision.Kind);
        Assert.Contains("400", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("invalid_client (unknown client)", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("allowed in 1 s", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(0, f.Context.PendingCount);
    }

    [Fact]
    public async Task Lease_AfterBackoff_TriesAgain()
    {
        using var f = new Fixture();
        f.Endpoint.Respond = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        f.State.Lease(default);
        await f.Context.RunNextAsync();
        f.Context.Clock.Advance(TimeSpan.FromSeconds(1));

        LeaseDecision decision = f.State.Lease(default);

        Assert.Equal(LeaseDecisionKind.Wait, decision.Kind);
        Assert.Equal(1, f.Context.PendingCount);
    }

    [Fact]
    public async Task Backoff_ConsecutiveFailures_DoublesUpToMax()
    {
        using var f = new Fixture(maxBackoffSeconds: 4);
        f.Endpoint.Respond = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var observed = new List<int>();

        // Measure each backoff by advancing one second at a time until a lease starts a request.
        f.State.Lease(default);
        for (int failure = 0; failure < 5; failure++)
        {
            await f.Context.RunNextAsync();
            int seconds = 0;
            while (f.State.Lease(default).Kind == LeaseDecisionKind.Fail)
            {
                f.Context.Clock.Advance(TimeSpan.FromSeconds(1));
                seconds++;
            }

            observed.Add(seconds);
        }

        Assert.Equal([1, 2, 4, 4, 4], observed);
    }

    [Fact]
    public async Task Backoff_AfterSuccess_StartsOverAtMin()
    {
        using var f = new Fixture(lifetime: 10);
        int calls = 0;
        f.Endpoint.Respond = _ => ++calls == 2
            ? StubTokenHandler.Token("tok-2", 10)
            : new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        f.State.Lease(default);
        await f.Context.RunNextAsync(); // fails: 1 s
        f.Context.Clock.Advance(TimeSpan.FromSeconds(1));
        f.State.Lease(default);
        await f.Context.RunNextAsync(); // succeeds
        f.Context.Clock.Advance(TimeSpan.FromSeconds(10));
        f.State.Lease(default);
        await f.Context.RunNextAsync(); // fails again

        Assert.Equal(LeaseDecisionKind.Fail, f.State.Lease(default).Kind);
        f.Context.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(LeaseDecisionKind.Wait, f.State.Lease(default).Kind);
    }

    [Fact]
    public async Task Lease_BackgroundRefreshFailed_KeepsIssuingTheValidToken()
    {
        using var f = new Fixture(lifetime: 100);
        await f.WarmAsync();
        f.Endpoint.Respond = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        f.Context.Clock.Advance(TimeSpan.FromSeconds(80));
        f.State.Lease(default);

        await f.Context.RunNextAsync();
        LeaseDecision decision = f.State.Lease(default);

        Assert.Equal("Bearer tok-1", await Header(decision.Lease!));
        Assert.Equal(0, f.Context.PendingCount); // backing off, no new request yet
    }

    [Fact]
    public async Task OnChallenge_NoErrorForRequestWithoutToken_RetriesAsFirstChallenge()
    {
        using var f = new Fixture();
        await f.WarmAsync();

        ChallengeDecision decision = f.State.OnChallenge(new ChallengeContext(Challenge(), null, false));

        Assert.Equal(ChallengeDecisionKind.Retry, decision.Kind);
        Assert.Equal(RetryReason.Challenge, decision.RetryReason);
        Assert.Equal("Bearer tok-1", await Header(decision.Lease!));
    }

    [Fact]
    public async Task OnChallenge_FirstChallengeBeforeAnyToken_WaitsThenRetries()
    {
        using var f = new Fixture();
        var context = new ChallengeContext(Challenge(), null, false);

        ChallengeDecision before = f.State.OnChallenge(context);
        await f.Context.RunNextAsync();
        ChallengeDecision after = f.State.OnChallenge(context);

        Assert.Equal(ChallengeDecisionKind.Wait, before.Kind);
        Assert.Equal(ChallengeDecisionKind.Retry, after.Kind);
        Assert.Equal(RetryReason.Challenge, after.RetryReason);
    }

    [Fact]
    public async Task OnChallenge_InvalidTokenForProvenCurrentToken_OneRefreshThenStaleRetries()
    {
        using var f = new Fixture();
        AuthLease held = await f.WarmAsync();
        f.State.OnCompleted(held, new LeaseOutcome(200, null));
        var context = new ChallengeContext(Challenge(error: "invalid_token"), held, false);

        var before = Enumerable.Range(0, 10).Select(_ => f.State.OnChallenge(context)).ToList();
        Assert.Equal(1, f.Context.PendingCount);
        await f.Context.RunNextAsync();
        var after = Enumerable.Range(0, 10).Select(_ => f.State.OnChallenge(context)).ToList();

        Assert.All(before, d => Assert.Equal(ChallengeDecisionKind.Wait, d.Kind));
        Assert.All(after, d => Assert.Equal(ChallengeDecisionKind.Retry, d.Kind));
        Assert.All(after, d => Assert.Equal(RetryReason.Stale, d.RetryReason));
        Assert.Equal("Bearer tok-2", await Header(after[0].Lease!));
        Assert.Equal(2, f.Endpoint.Requests);
    }

    [Fact]
    public async Task OnChallenge_InvalidTokenForOlderToken_RetriesWithCurrentWithoutRequest()
    {
        using var f = new Fixture(lifetime: 100);
        AuthLease old = await f.WarmAsync();
        f.Context.Clock.Advance(TimeSpan.FromSeconds(80));
        f.State.Lease(default);
        await f.Context.RunNextAsync(); // tok-2 replaced tok-1 ahead of expiry

        ChallengeDecision decision = f.State.OnChallenge(new ChallengeContext(Challenge(error: "invalid_token"), old, false));

        Assert.Equal(ChallengeDecisionKind.Retry, decision.Kind);
        Assert.Equal(RetryReason.Stale, decision.RetryReason);
        Assert.Equal("Bearer tok-2", await Header(decision.Lease!));
        Assert.Equal(0, f.Context.PendingCount);
    }

    [Fact]
    public async Task OnChallenge_InvalidTokenForUnprovenToken_RejectsWithoutAnotherRequest()
    {
        using var f = new Fixture();
        AuthLease fresh = await f.WarmAsync();

        ChallengeDecision decision = f.State.OnChallenge(new ChallengeContext(Challenge(error: "invalid_token"), fresh, false));

        Assert.Equal(ChallengeDecisionKind.Reject, decision.Kind);
        Assert.Contains("client-1", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(0, f.Context.PendingCount);
    }

    [Fact]
    public async Task OnCompleted_ProxyAnswered407_DoesNotProveTheToken()
    {
        using var f = new Fixture();
        AuthLease held = await f.WarmAsync();
        f.State.OnCompleted(held, new LeaseOutcome(407, null));

        ChallengeDecision decision = f.State.OnChallenge(new ChallengeContext(Challenge(error: "invalid_token"), held, false));

        Assert.Equal(ChallengeDecisionKind.Reject, decision.Kind);
    }

    [Fact]
    public async Task Lease_AfterTokenProven_NoLongerAsksForCompletion()
    {
        using var f = new Fixture();
        AuthLease held = await f.WarmAsync();

        f.State.OnCompleted(held, new LeaseOutcome(200, null));
        AuthLease next = f.State.Lease(default).Lease!;

        Assert.True(held.WantsCompletion);
        Assert.False(next.WantsCompletion);
    }

    [Theory]
    [InlineData("insufficient_scope")]
    [InlineData("invalid_request")]
    [InlineData("something_else")]
    public async Task OnChallenge_OtherErrors_GiveUpWithTheServersReason(string error)
    {
        using var f = new Fixture();
        AuthLease held = await f.WarmAsync();
        f.State.OnCompleted(held, new LeaseOutcome(200, null));

        ChallengeDecision decision = f.State.OnChallenge(new ChallengeContext(Challenge(error: error, scope: "admin"), held, false));

        Assert.Equal(ChallengeDecisionKind.GiveUp, decision.Kind);
        Assert.Contains(error, decision.Reason, StringComparison.Ordinal);
        Assert.Contains("scope needed: \"admin\"", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(0, f.Context.PendingCount);
    }

    [Fact]
    public async Task OnChallenge_InvalidTokenWhileBackingOff_GivesUpWithTheEndpointError()
    {
        using var f = new Fixture();
        AuthLease held = await f.WarmAsync();
        f.State.OnCompleted(held, new LeaseOutcome(200, null));
        f.Endpoint.Respond = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var context = new ChallengeContext(Challenge(error: "invalid_token"), held, false);
        f.State.OnChallenge(context);

        await f.Context.RunNextAsync();
        ChallengeDecision decision = f.State.OnChallenge(context);

        Assert.Equal(ChallengeDecisionKind.GiveUp, decision.Kind);
        Assert.Contains("503", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticToken_IssuedWithoutAnyRequest()
    {
        using var f = new Fixture(tokenEndpoint: false);
        f.State.OnCredential(new Credential("", "static-tok"));

        LeaseDecision decision = f.State.Lease(default);

        Assert.Equal("Bearer static-tok", await Header(decision.Lease!));
        Assert.Equal(0, f.Context.PendingCount);
    }

    [Fact]
    public void StaticToken_Refused_Rejects()
    {
        using var f = new Fixture(tokenEndpoint: false);
        f.State.OnCredential(new Credential("token", "static-tok"));
        AuthLease lease = f.State.Lease(default).Lease!;

        ChallengeDecision decision = f.State.OnChallenge(new ChallengeContext(Challenge(error: "invalid_token"), lease, false));

        Assert.Equal(ChallengeDecisionKind.Reject, decision.Kind);
    }

    [Fact]
    public void StaticToken_FromALogin_IsNotSent()
    {
        using var f = new Fixture(tokenEndpoint: false);
        f.State.OnCredential(new Credential("alice", "alices-password"));

        LeaseDecision decision = f.State.Lease(default);

        Assert.Equal(LeaseDecisionKind.Fail, decision.Kind);
        Assert.Contains("alice", decision.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("alices-password", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("line\r\nX-Injected: 1")]
    [InlineData("=abc")]
    public void StaticToken_NotAB64Token_IsNotSent(string token)
    {
        using var f = new Fixture(tokenEndpoint: false);
        f.State.OnCredential(new Credential("", token));

        LeaseDecision decision = f.State.Lease(default);

        Assert.Equal(LeaseDecisionKind.Fail, decision.Kind);
        Assert.Contains("b64token", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientCredentials_WithoutClientId_FailsClearly()
    {
        using var f = new Fixture();
        f.State.OnCredential(new Credential("", "secret"));

        LeaseDecision decision = f.State.Lease(default);

        Assert.Equal(LeaseDecisionKind.Fail, decision.Kind);
        Assert.Contains("no client id", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(0, f.Context.PendingCount);
    }

    [Fact]
    public async Task OnCredential_WhileTokenRequestInFlight_DropsItsAnswer()
    {
        using var f = new Fixture();
        f.State.Lease(default);
        f.State.OnCredential(new Credential("client-2", "other-secret"));
        f.State.Lease(default);

        await f.Context.RunNextAsync(); // the old client's tok-1: dropped
        LeaseDecision stillWaiting = f.State.Lease(default);
        await f.Context.RunNextAsync();
        LeaseDecision issued = f.State.Lease(default);

        Assert.Equal(LeaseDecisionKind.Wait, stillWaiting.Kind);
        Assert.Equal("Bearer tok-2", await Header(issued.Lease!));
    }

    [Fact]
    public async Task TokenRequest_ThrowingInvoker_BecomesAClearFailure()
    {
        using var f = new Fixture();
        f.Endpoint.Respond = _ => throw new InvalidOperationException("boom");
        f.State.Lease(default);

        await f.Context.RunNextAsync();
        LeaseDecision decision = f.State.Lease(default);

        Assert.Equal(LeaseDecisionKind.Fail, decision.Kind);
        Assert.Contains("InvalidOperationException: boom", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_NeverInLogsReasonsOrToString()
    {
        using var f = new Fixture(lifetime: 10);
        var texts = new List<string?>();
        AuthLease lease = await f.WarmAsync();
        texts.Add(lease.ToString());
        f.State.OnCompleted(lease, new LeaseOutcome(200, null));
        texts.Add(f.State.OnChallenge(new ChallengeContext(Challenge(error: "invalid_token"), lease, false)).Reason);
        f.Endpoint.Respond = _ => StubTokenHandler.Json(HttpStatusCode.Unauthorized, """{"error":"invalid_client","error_description":"bad secret s3cr3t-value"}""");
        await f.Context.RunNextAsync();
        texts.Add(f.State.Lease(default).Reason);

        texts.AddRange(f.Context.Logs.Messages);
        Assert.Contains(texts, t => t is not null && t.Contains("invalid_client", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t is not null && (t.Contains("tok-1", StringComparison.Ordinal) || t.Contains("s3cr3t", StringComparison.Ordinal)));
    }

    private static AuthChallenge Challenge(string? error = null, string? scope = null)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("realm", "api") };
        if (error is not null)
        {
            parameters.Add(new("error", error));
        }

        if (scope is not null)
        {
            parameters.Add(new("scope", scope));
        }

        return new AuthChallenge("Bearer", parameters);
    }

    private static async Task<string?> Header(AuthLease lease) =>
        await lease.CreateHeaderValueAsync(default, CancellationToken.None);

    /// <summary>A state over a stub endpoint that hands out tok-1, tok-2, … valid <c>lifetime</c> seconds.</summary>
    private sealed class Fixture : IDisposable
    {
        public Fixture(int? lifetime = 3600, bool tokenEndpoint = true, int maxBackoffSeconds = 60)
        {
            int issued = 0;
            Endpoint.Respond = _ => StubTokenHandler.Token($"tok-{Interlocked.Increment(ref issued)}", lifetime);
            var options = new BearerSchemeOptions
            {
                TokenEndpoint = tokenEndpoint ? new Uri("https://auth.example/token") : null,
                TokenClientFactory = Endpoint.Factory,
                MaxBackoff = TimeSpan.FromSeconds(maxBackoffSeconds),
            };
            State = (BearerSchemeState)new BearerScheme(options).CreateState(new AuthChallenge("Bearer", []), Context);

            // The actor binds a credential before any lease; static-token tests bind their own.
            State.OnCredential(s_client);
        }

        public ManualSpaceContext Context { get; } = new();

        public StubTokenHandler Endpoint { get; } = new();

        public BearerSchemeState State { get; }

        /// <summary>Fetches the first token; returns its lease.</summary>
        public async Task<AuthLease> WarmAsync()
        {
            Assert.Equal(LeaseDecisionKind.Wait, State.Lease(default).Kind);
            await Context.RunNextAsync();
            return State.Lease(default).Lease!;
        }

        public void Dispose()
        {
            Context.Dispose();
            Endpoint.Dispose();
        }
    }
}
