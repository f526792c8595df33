using System.Net;
using System.Text;
using AuthActors.Host.Server;
using AuthActors.Protocol;

namespace AuthActors.Tests.Host;

/// <summary>The embedded Digest server, driven by a raw HttpClient and the protocol core's header writer.</summary>
public sealed class DigestServerTests
{
    private const string Target = "/data/item?x=1";

    [Fact]
    public async Task Unauthenticated_Returns401WithOneChallengePerAlgorithmStrongestFirst()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions
        {
            Algorithms = [DigestAlgorithm.Md5, DigestAlgorithm.Sha256, DigestAlgorithm.Sha512_256, DigestAlgorithm.Sha256Sess],
        });
        using var client = new DigestTestClient(server);

        using HttpResponseMessage response = await client.GetAsync(Target);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        string[] fields = DigestTestClient.ChallengeFields(response);
        Assert.Equal(4, fields.Length);
        IReadOnlyList<DigestChallenge> challenges = DigestTestClient.Challenges(response);
        Assert.Equal(
            [DigestAlgorithm.Sha512_256, DigestAlgorithm.Sha256, DigestAlgorithm.Sha256Sess, DigestAlgorithm.Md5],
            challenges.Select(c => c.Algorithm));
        Assert.All(challenges, c =>
        {
            Assert.Equal("authactors", c.Realm);
            Assert.Equal(DigestQop.Auth, c.QopOptions);
            Assert.True(c.Utf8);
            Assert.False(c.Stale);
            Assert.False(c.UserHash);
            Assert.Equal(challenges[0].Nonce, c.Nonce);
            Assert.Equal(challenges[0].Opaque, c.Opaque);
        });
        Assert.Matches("^[0-9a-f]{32}$", challenges[0].Nonce);
        Assert.StartsWith("Digest realm=\"authactors\", qop=\"auth\", algorithm=SHA-512-256, nonce=\"", fields[0], StringComparison.Ordinal);
        Assert.EndsWith(", charset=UTF-8", fields[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Md5Sess)]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Sha256Sess)]
    [InlineData(DigestAlgorithm.Sha512_256)]
    [InlineData(DigestAlgorithm.Sha512_256Sess)]
    public async Task CorrectHeader_EachAlgorithm_Returns200WithBody(DigestAlgorithm algorithm)
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Algorithms = [algorithm], ResponseBytes = 16 });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        Assert.Equal(algorithm, challenge.Algorithm);

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok.............\n", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, server.Stats.Succeeded);
    }

    [Fact]
    public async Task QopAuthInt_RightBodyHash_Returns200()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Qop = DigestQop.AuthInt });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync("/upload");
        Assert.Equal(DigestQop.AuthInt, challenge.QopOptions);
        byte[] body = Encoding.UTF8.GetBytes("{\"hello\":\"world\"}");

        string authorization = DigestTestClient.Authorization(challenge, "POST", "/upload", qop: DigestQop.AuthInt, body: body);
        using HttpResponseMessage response = await client.SendAsync(HttpMethod.Post, "/upload", authorization, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task QopAuthInt_BodyChangedAfterSigning_Returns401()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Qop = DigestQop.AuthInt });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync("/upload");

        string authorization = DigestTestClient.Authorization(challenge, "POST", "/upload", qop: DigestQop.AuthInt, body: "signed"u8.ToArray());
        using HttpResponseMessage response = await client.SendAsync(HttpMethod.Post, "/upload", authorization, "tampered"u8.ToArray());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, server.Stats.BadCredentials);
    }

    [Fact]
    public async Task QopAuthInt_GetWithoutBody_Returns200()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Qop = DigestQop.AuthInt, Algorithms = [DigestAlgorithm.Sha512_256] });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, qop: DigestQop.AuthInt));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task QopBoth_Offered_ChallengeListsBothAndAuthWorks()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Qop = DigestQop.Auth | DigestQop.AuthInt });
        using var client = new DigestTestClient(server);
        using HttpResponseMessage challengeResponse = await client.GetAsync(Target);
        Assert.Contains("qop=\"auth, auth-int\"", DigestTestClient.ChallengeFields(challengeResponse)[0], StringComparison.Ordinal);
        DigestChallenge challenge = DigestTestClient.Challenges(challengeResponse)[0];

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, qop: DigestQop.Auth));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task QopNone_Rfc2069Challenge_NoQopResponseReturns200()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Qop = DigestQop.None, Algorithms = [DigestAlgorithm.Md5] });
        using var client = new DigestTestClient(server);
        using HttpResponseMessage challengeResponse = await client.GetAsync(Target);
        Assert.DoesNotContain("qop", DigestTestClient.ChallengeFields(challengeResponse)[0], StringComparison.Ordinal);
        DigestChallenge challenge = DigestTestClient.Challenges(challengeResponse)[0];

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, qop: DigestQop.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task QopNone_ResponseWithQopAuth_Returns401()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Qop = DigestQop.None });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, qop: DigestQop.Auth));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WrongPassword_Returns401WithoutStaleAndCountsBadCredentials()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, password: "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(DigestTestClient.Challenges(response)[0].Stale);
        Assert.Equal(1, server.Stats.BadCredentials);
        Assert.Equal(0, server.Stats.Succeeded);
    }

    [Fact]
    public async Task UnknownUser_Returns401AndCountsBadCredentials()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, user: "nobody"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, server.Stats.BadCredentials);
    }

    [Fact]
    public async Task OpaqueMismatch_Returns401()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, opaque: "not-the-opaque"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, server.Stats.BadCredentials);
    }

    [Fact]
    public async Task AlgorithmNotOffered_Returns401()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Algorithms = [DigestAlgorithm.Sha256] });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        AuthChallenge md5 = ChallengeParser.Parse(challenge.Source.ToString().Replace("SHA-256", "MD5", StringComparison.Ordinal)).Challenges[0];
        Assert.True(DigestChallenge.TryCreate(md5, out DigestChallenge? downgraded, out _));

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(downgraded, "GET", Target));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, server.Stats.BadCredentials);
    }

    [Fact]
    public async Task UriNotTheRequestTarget_Returns400()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", "/some/other/path"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MalformedDigestHeader_Returns401AndCountsBadCredentials()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);

        using HttpResponseMessage response = await client.GetAsync(Target, "Digest username=\"user\", realm=");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, server.Stats.BadCredentials);
    }

    [Fact]
    public async Task SpacePath_IsProtectedByItsRealm()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Realms = 3 });
        using var client = new DigestTestClient(server);

        DigestChallenge space = await client.GetChallengeAsync("/space/2/file");
        DigestChallenge other = await client.GetChallengeAsync("/space/7/file");
        DigestChallenge root = await client.GetChallengeAsync("/");

        Assert.Equal("space-2@authactors", space.Realm);
        Assert.Equal("authactors", other.Realm);
        Assert.Equal("authactors", root.Realm);
        Assert.NotEqual(space.Opaque, root.Opaque);
    }

    [Fact]
    public async Task RealmOfAnotherPath_Returns401()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Realms = 2 });
        using var client = new DigestTestClient(server);
        DigestChallenge space0 = await client.GetChallengeAsync("/space/0/a");

        using HttpResponseMessage response = await client.GetAsync("/space/1/a", DigestTestClient.Authorization(space0, "GET", "/space/1/a"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("space-1@authactors", DigestTestClient.Challenges(response)[0].Realm);
    }

    [Fact]
    public async Task UserHash_HashedUserName_Returns200()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { UserHash = true, Algorithms = [DigestAlgorithm.Sha512_256] });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        Assert.True(challenge.UserHash);
        string authorization = DigestTestClient.Authorization(challenge, "GET", Target, userHash: true);
        Assert.Contains("userhash=true", authorization, StringComparison.Ordinal);
        Assert.DoesNotContain("\"user\"", authorization, StringComparison.Ordinal);

        using HttpResponseMessage response = await client.GetAsync(Target, authorization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UserHash_NotAdvertised_HashedUserNameReturns401()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, userHash: true));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ExtendedUserName_NonAsciiUserSentAsUserNameStar_Returns200()
    {
        // RFC 7616 §3.9.2's user: the writer sends it as username*=UTF-8''J%C3%A4s%C3%B8n%20Doe.
        const string User = "Jäsøn Doe";
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions
        {
            Users = new Dictionary<string, string> { [User] = "Secret, or not?" },
            Algorithms = [DigestAlgorithm.Sha512_256],
        });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        string authorization = DigestTestClient.Authorization(challenge, "GET", Target, user: User, password: "Secret, or not?");
        Assert.Contains("username*=UTF-8''J%C3%A4s%C3%B8n%20Doe", authorization, StringComparison.Ordinal);

        using HttpResponseMessage response = await client.GetAsync(Target, authorization);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NextNonce_SuccessCarriesAuthenticationInfoWhoseRspAuthVerifies()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { SendNextNonce = true });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        DigestRequest request = DigestTestClient.Request(challenge, "GET", Target, nc: 1);

        using HttpResponseMessage response = await client.GetAsync(Target, DigestAuthorizationWriter.Write(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string field = Assert.Single(response.Headers.GetValues("Authentication-Info"));
        Assert.True(AuthenticationInfo.TryParse(field, out AuthenticationInfo? info, out string? error), error);
        Assert.Equal(challenge.Nonce, info.NextNonce);
        Assert.Equal(DigestQop.Auth, info.Qop);
        Assert.Equal(request.Cnonce, info.Cnonce);
        Assert.Equal(1u, info.Nc);
        Assert.True(DigestCalculator.VerifyRspAuth(request, info.RspAuth!));
    }

    [Fact]
    public async Task NextNonceOff_SuccessHasNoAuthenticationInfo()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);

        using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Authentication-Info"));
    }

    [Fact]
    public async Task ManyConcurrentClients_OneNonceWithDistinctNc_AllSucceed()
    {
        const int Clients = 64;
        const int PerClient = 8;
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { NcCheck = NcCheck.Replay });
        using var client = new DigestTestClient(server);
        DigestChallenge challenge = await client.GetChallengeAsync(Target);
        int nc = 0;

        HttpStatusCode[][] statuses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            var results = new HttpStatusCode[PerClient];
            for (int i = 0; i < PerClient; i++)
            {
                uint mine = (uint)Interlocked.Increment(ref nc);
                using HttpResponseMessage response = await client.GetAsync(Target, DigestTestClient.Authorization(challenge, "GET", Target, nc: mine));
                results[i] = response.StatusCode;
            }

            return results;
        }));

        Assert.All(statuses.SelectMany(s => s), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(Clients * PerClient, server.Stats.Succeeded);
        Assert.Equal(0, server.Stats.NcReplays);
    }
}
