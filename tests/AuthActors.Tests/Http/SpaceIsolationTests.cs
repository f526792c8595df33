using System.Net;
using AuthActors.Credentials;
using AuthActors.Host.Server;
using AuthActors.Protocol;
using AuthActors.Spaces;

namespace AuthActors.Tests.Http;

/// <summary>A space whose scheme throws is restarted alone; other spaces never notice.</summary>
public sealed class SpaceIsolationTests
{
    [Fact]
    public async Task SpaceActorCrash_FailsItsOwnRequestsClearly_OtherSpacesProceed()
    {
        await using DigestServer good = await DigestServer.StartAsync(new DigestServerOptions());
        await using TestWebServer crashing = await TestWebServer.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = 401;
            ctx.Response.Headers.WWWAuthenticate = "Crash realm=\"boom\"";
            return Task.CompletedTask;
        });
        await using var runtime = new AuthActorsRuntime(
            new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]),
            schemes: new AuthSchemeRegistry([.. AuthSchemeRegistry.Default.Schemes, new CrashingScheme()]));
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));

        Task<HttpResponseMessage>[] crashes = [.. Enumerable.Range(0, 8).Select(i => client.GetAsync(new Uri(crashing.BaseAddress, $"/c/{i}")))];
        LoadResult goodLoad = await RunAsync(client, good.BaseAddress, 200);
        int crashedClearly = 0;
        foreach (Task<HttpResponseMessage> crash in crashes)
        {
            try
            {
                using HttpResponseMessage r = await crash;
                Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            }
            catch (HttpRequestException e) when (e.Message.Contains("failed", StringComparison.Ordinal))
            {
                crashedClearly++;
            }
        }

        Assert.True(goodLoad.Failures.Count == 0, goodLoad.ToString());
        Assert.True(crashedClearly > 0, "no request saw the crash reported");
        using HttpResponseMessage again = await client.GetAsync(new Uri(good.BaseAddress, "/after"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private static async Task<LoadResult> RunAsync(HttpClient client, Uri baseAddress, int count)
    {
        int ok = 0;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using HttpResponseMessage r = await client.GetAsync(new Uri(baseAddress, $"/g/{i}"), ct);
            if (r.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref ok);
            }
            else
            {
                failures.Add(r.StatusCode.ToString());
            }
        });
        return new LoadResult(ok, [.. failures]);
    }

    /// <summary>A scheme whose state throws on every challenge: a bug in a plug-in.</summary>
    private sealed class CrashingScheme : IAuthScheme
    {
        public string Name => "Crash";

        public int Rank(AuthChallenge challenge, ChallengePolicy policy, bool secureTransport, out string? rejection)
        {
            rejection = null;
            return challenge.IsScheme(Name) ? 1 : -1;
        }

        public AuthSchemeState CreateState(AuthChallenge challenge, SpaceContext context) => new State();

        private sealed class State : AuthSchemeState
        {
            public override void OnCredential(Credential credential)
            {
            }

            public override LeaseDecision Lease(LeaseContext request) => throw new InvalidOperationException("plug-in bug");

            public override ChallengeDecision OnChallenge(ChallengeContext context) => throw new InvalidOperationException("plug-in bug");
        }
    }

    [Fact]
    public async Task MalformedChallenge_ReturnsThe401WithTheParseErrorAsReason()
    {
        await using TestWebServer broken = await TestWebServer.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = 401;
            ctx.Response.Headers.WWWAuthenticate = "Digest realm=\"unterminated, nonce=abc";
            return Task.CompletedTask;
        });
        await using var runtime = new AuthActorsRuntime(new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]));
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));

        using HttpResponseMessage response = await client.GetAsync(new Uri(broken.BaseAddress, "/x"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(response.RequestMessage!.Options.TryGetValue(AuthActors.Http.AuthActorsHandler.FailureReasonKey, out string? reason));
        Assert.Contains("unterminated", reason, StringComparison.OrdinalIgnoreCase);
    }
}
