using System.Net;
using System.Text;
using AuthActors.Host.Server;
using AuthActors.Http;
using AuthActors.Protocol;
using AuthActors.Spaces;

namespace AuthActors.Tests.Http;

/// <summary>The handler and the space actors end to end, against the embedded Kestrel Digest server.</summary>
public sealed class AuthActorsHandlerTests
{
    [Fact]
    public async Task ColdBurst_10000RequestsFrom256Tasks_OneChallengeAndNoNcSeenTwice()
    {
        await using AuthHarness h = await AuthHarness.StartAsync(new DigestServerOptions { Realms = 1, NcCheck = NcCheck.Replay });

        LoadResult result = await h.RunLoadAsync(10_000, 256, i => $"/space/0/item/{i}");

        Assert.True(result.Failures.Count == 0, result.ToString());
        Assert.Equal(10_000, result.Succeeded);
        Assert.True(h.Server.Stats.Challenges == 1, h.Server.Stats.Snapshot().ToString());
        Assert.Equal(0, h.Server.Stats.NcReplays);
    }

    [Fact]
    public async Task SeveralRealms_AfterFirstWave_NoFurtherChallenges()
    {
        await using AuthHarness h = await AuthHarness.StartAsync(new DigestServerOptions { Realms = 4 });
        LoadResult warm = await h.RunLoadAsync(400, 16, i => $"/space/{i % 4}/item/{i}");
        long challengesAfterWarmUp = h.Server.Stats.Challenges;

        LoadResult steady = await h.RunLoadAsync(2_000, 16, i => $"/space/{i % 4}/item/{i}");

        Assert.True(warm.Failures.Count == 0, warm.ToString());
        Assert.True(steady.Failures.Count == 0, steady.ToString());
        Assert.InRange(challengesAfterWarmUp, 4, 4 + 16);
        Assert.Equal(challengesAfterWarmUp, h.Server.Stats.Challenges);
        Assert.Equal(4, await h.Runtime.CountLiveSpacesAsync());
    }

    [Theory]
    [InlineData(LeaseMode.Shared, 1)]
    [InlineData(LeaseMode.Auto, 64)]
    public async Task StaleNonces_UnderLoad_NoFailuresAndOneRefreshPerStaleNonce(LeaseMode mode, int noncesPerExpiry)
    {
        // Nonces live one second on the server's clock; the test moves that clock on every 1,000
        // requests while 64 are in flight, so each step makes every nonce in use stale once: the
        // shared one, or (Auto switches a space whose nonces die young) each exclusive slot's.
        var clock = new AuthActors.Tests.Host.ManualTimeProvider();
        await using AuthHarness h = await AuthHarness.StartAsync(
            new DigestServerOptions { Realms = 1, NonceLifetime = TimeSpan.FromSeconds(1), TimeProvider = clock },
            settings: new SpaceSettings { LeaseMode = mode });
        int expiries = 0;

        LoadResult result = await h.RunLoadAsync(6_000, 64, i => $"/space/0/{i}", i =>
        {
            if (i % 1000 == 500)
            {
                Interlocked.Increment(ref expiries);
                clock.Advance(TimeSpan.FromSeconds(2));
            }

            return Task.CompletedTask;
        });

        Assert.True(result.Failures.Count == 0, result.ToString());
        Assert.True(h.Server.Stats.StaleChallenges > 0, "the server never said stale=true");
        // One refresh per expired nonce, however many callers held it (no stampede).
        Assert.InRange(h.Runtime.Diagnostics.StaleRefreshes.Total, 1, expiries * noncesPerExpiry);
        Assert.Equal(0, h.Server.Stats.BadCredentials);
    }

    [Theory]
    [InlineData(NcCheck.Increasing, false)]
    [InlineData(NcCheck.Replay, true)]
    public async Task StrictServers_64Concurrent_NoFailures(NcCheck ncCheck, bool oneTimeNonces)
    {
        await using AuthHarness h = await AuthHarness.StartAsync(new DigestServerOptions { Realms = 1, NcCheck = ncCheck, OneTimeNonces = oneTimeNonces });

        LoadResult result = await h.RunLoadAsync(3_000, 64, i => $"/space/0/{i}");
        long challengesAfterWarmUp = h.Server.Stats.Challenges;
        LoadResult steady = await h.RunLoadAsync(2_000, 64, i => $"/space/0/{i}");

        Assert.True(result.Failures.Count == 0, result.ToString());
        Assert.True(steady.Failures.Count == 0, steady.ToString());
        Assert.Equal(0, h.Server.Stats.NcReplays);
        // Exclusive leases in the steady state: at most a handful of new 401s per 2,000 requests.
        Assert.InRange(h.Server.Stats.Challenges - challengesAfterWarmUp, 0, 64);
    }

    [Fact]
    public async Task WrongPassword_ReturnsTheChallengeWithAReason_AndNeverLoops()
    {
        await using AuthHarness h = await AuthHarness.StartAsync(new DigestServerOptions(), password: "wrong");

        using HttpResponseMessage first = await h.Client.GetAsync(h.Url("/space/0/a"));
        using HttpResponseMessage second = await h.Client.GetAsync(h.Url("/space/0/b"));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.True(first.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason));
        Assert.Contains("refused the credential", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", reason, StringComparison.Ordinal);
        // First: anonymous then one try with the credential. Second: the space knows it is refused.
        Assert.Equal(3, h.Server.Stats.Requests);
        Assert.Equal(1, h.Server.Stats.BadCredentials);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Md5Sess)]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Sha256Sess)]
    [InlineData(DigestAlgorithm.Sha512_256)]
    [InlineData(DigestAlgorithm.Sha512_256Sess)]
    public async Task EveryAlgorithm_Succeeds_WithOneChallenge(DigestAlgorithm algorithm)
    {
        await using AuthHarness h = await AuthHarness.StartAsync(new DigestServerOptions { Algorithms = [algorithm], SendNextNonce = false });

        LoadResult result = await h.RunLoadAsync(50, 4, i => $"/x/{i}");

        Assert.True(result.Failures.Count == 0, result.ToString());
        Assert.Equal(1, h.Server.Stats.Challenges);
    }

    [Fact]
    public async Task UserHashAndNextNonce_Succeed()
    {
        await using AuthHarness h = await AuthHarness.StartAsync(
            new DigestServerOptions { UserHash = true, SendNextNonce = true, Users = new Dictionary<string, string> { ["Jäsøn Doe"] = "Secret, or not?" } },
            user: "Jäsøn Doe",
            password: "Secret, or not?");

        LoadResult result = await h.RunLoadAsync(200, 8, i => $"/x/{i}");

        Assert.True(result.Failures.Count == 0, result.ToString());
    }

    [Fact]
    public async Task StrongestOffered_IsChosen()
    {
        await using var server = await DigestServer.StartAsync(new DigestServerOptions { Algorithms = [DigestAlgorithm.Sha512_256, DigestAlgorithm.Sha256, DigestAlgorithm.Md5] });
        await using var runtime = new AuthActorsRuntime(new AuthActors.Credentials.CredentialChain([new AuthActors.Credentials.InMemoryCredentialSource().SetDefault("user", "passwd")]));
        var recorder = new RecordingHandler(new SocketsHttpHandler { UseProxy = false });
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime, inner: recorder));

        using HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, "/x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(recorder.Sent, s => s.Authorization?.Contains("algorithm=SHA-512-256", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(recorder.Sent, s => s.Authorization?.Contains("algorithm=MD5", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task NcValues_AreStrictlyIncreasingPerNonce_AcrossConcurrentCallers()
    {
        await using var server = await DigestServer.StartAsync(new DigestServerOptions());
        await using var runtime = new AuthActorsRuntime(new AuthActors.Credentials.CredentialChain([new AuthActors.Credentials.InMemoryCredentialSource().SetDefault("user", "passwd")]));
        var recorder = new RecordingHandler(new SocketsHttpHandler { UseProxy = false });
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime, inner: recorder));

        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            using HttpResponseMessage r = await client.GetAsync(new Uri(server.BaseAddress, $"/p/{i}"), ct);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        });

        var pairs = recorder.Sent.Where(s => s.Authorization is not null)
            .Select(s => DigestCredentials.TryParse(s.Authorization, out DigestCredentials? c, out _) ? (c.Nonce, c.Nc) : default)
            .ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.Equal(500, pairs.Count);
    }

    [Fact]
    public async Task AuthInt_PostWithBody_Succeeds()
    {
        await using AuthHarness h = await AuthHarness.StartAsync(new DigestServerOptions { Qop = DigestQop.AuthInt });

        using HttpResponseMessage first = await h.Client.PostAsync(h.Url("/x/1"), new StringContent("hello, body"));
        using HttpResponseMessage second = await h.Client.PostAsync(h.Url("/x/2"), new StringContent("another body"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, h.Server.Stats.Challenges);
    }

    [Fact]
    public async Task StreamBody_WithinBufferLimit_IsBufferedAndRetried()
    {
        await using AuthHarness h = await AuthHarness.StartAsync(new DigestServerOptions { Qop = DigestQop.AuthInt });
        using var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(new string('a', 4096))));

        using HttpResponseMessage response = await h.Client.PostAsync(h.Url("/x"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StreamBody_OverBufferLimit_ReturnsTheChallengeWithAReason()
    {
        await using AuthHarness h = await AuthHarness.StartAsync(handler: new AuthActorsHandlerOptions { BufferLimit = 1024, UseDefaultProxy = false });
        using var content = new StreamContent(new NonSeekableStream(new byte[4096]));

        using HttpResponseMessage response = await h.Client.PostAsync(h.Url("/x"), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason));
        Assert.Contains("cannot be re-sent", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyDigest_407IsAnswered_ThenPreemptive()
    {
        await using var proxy = await DigestServer.StartAsync(new DigestServerOptions { Proxy = true });
        await using var runtime = new AuthActorsRuntime(new AuthActors.Credentials.CredentialChain([new AuthActors.Credentials.InMemoryCredentialSource().SetDefault("user", "passwd")]));
        var webProxy = new WebProxy(proxy.BaseAddress);
        var handler = new AuthActorsHandler(runtime, new AuthActorsHandlerOptions { Proxy = webProxy })
        {
            InnerHandler = new SocketsHttpHandler { Proxy = webProxy, UseProxy = true, AllowAutoRedirect = false },
        };
        using var client = new HttpClient(handler);

        for (int i = 0; i < 20; i++)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri($"http://origin.invalid/page/{i}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, proxy.Stats.Challenges);
        Assert.Equal(20, proxy.Stats.Succeeded);
    }

    [Fact]
    public async Task Cancellation_MidFlight_LeavesTheSpaceConsistent()
    {
        await using AuthHarness h = await AuthHarness.StartAsync(new DigestServerOptions { NcCheck = NcCheck.Replay });
        using (var cts = new CancellationTokenSource())
        {
            Task[] inFlight = [.. Enumerable.Range(0, 64).Select(i => h.Client.GetAsync(h.Url($"/c/{i}"), cts.Token))];
            cts.Cancel();
            foreach (Task t in inFlight)
            {
                try
                {
                    await t;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        LoadResult after = await h.RunLoadAsync(500, 16, i => $"/d/{i}");

        Assert.True(after.Failures.Count == 0, after.ToString());
        Assert.Equal(0, h.Server.Stats.NcReplays);
    }

    /// <summary>A body that can be read once, like a network stream.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
