using System.Net;
using AuthActors.Interop.Infrastructure;
using AuthActors.Protocol;
using Xunit.Abstractions;

namespace AuthActors.Interop.Lighttpd;

/// <summary>AuthActors against lighttpd mod_auth (htdigest backend): MD5, SHA-256, and both offered.</summary>
public sealed class LighttpdDigestTests(LighttpdFixture fixture, ITestOutputHelper output) : IClassFixture<LighttpdFixture>
{
    public static TheoryData<string, int> Matrix => new()
    {
        { "md5", 1 }, { "md5", 16 }, { "md5", 128 },
        { "sha256", 1 }, { "sha256", 16 }, { "sha256", 128 },
        { "both", 1 }, { "both", 16 }, { "both", 128 },
    };

    [SkippableTheory]
    [MemberData(nameof(Matrix))]
    public async Task Crawl_AtConcurrency_EveryRequestSucceeds(string location, int concurrency)
    {
        LighttpdServer server = fixture.Require();
        LighttpdLocation where = LighttpdFixture.ByName(location);
        int requests = concurrency switch { 1 => 60, 16 => 480, _ => 1280 };
        await using var client = InteropClient.Create();

        Measured run = await Measured.RunAsync(client, server.AccessLog, requests, concurrency, i => server.Url(where, $"?i={i}"), server.FlushAccessLogAsync);

        string sent = string.Join("/", client.Wire.Exchanges.Select(e => e.Algorithm).OfType<string>().Distinct());
        InteropReport.Add(output, new MatrixRow(
            "lighttpd 1.4", $"offers {string.Join(" + ", where.Algorithms.Select(DigestAlgorithms.ToToken))}", sent, "auth", concurrency,
            requests, run.Load.Failures.Count, run.ServerLines.Count, run.CountStatus(401), run.CountStale,
            client.Runtime.Diagnostics.StaleRefreshes.Total, client.Runtime.Diagnostics.ModeSwitches.Total, run.Load.Elapsed));
        Assert.True(run.Load.Failures.Count == 0, run.Load.ToString());
        Assert.Equal(0, run.Load.Unaccounted);
        Assert.Equal(run.WireAnswered, run.ServerLines.Count);
        Assert.Equal(requests, run.CountStatus(200));
    }

    [SkippableFact]
    public async Task BothOffered_ClientAnswersWithSha256()
    {
        LighttpdServer server = fixture.Require();
        await using var client = InteropClient.Create();

        string outcome = await client.GetAsync(server.Url(LighttpdFixture.Both, "?strongest=1"));

        // lighttpd lists SHA-256 first and MD5 second (two WWW-Authenticate fields); the strongest wins.
        Assert.Equal("200", outcome);
        WireExchange answered = Assert.Single(client.Wire.Exchanges, e => e.Scheme == "Digest");
        Assert.Equal("SHA-256", answered.Algorithm);
    }

    [SkippableFact]
    public async Task BothOffered_Md5AnswerIsAcceptedToo()
    {
        LighttpdServer server = fixture.Require();
        var raw = new RawDigestClient(server.Url(LighttpdFixture.Both), InteropUsers.UserName, InteropUsers.Password);
        await raw.ChallengeAsync(DigestAlgorithm.Md5);

        (HttpStatusCode status, _) = await raw.SendAsync(nc: 1);

        // One htdigest file holds an MD5 and a SHA-256 line for the same user and realm.
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [SkippableFact]
    public async Task NonceCount_IsNotChecked_ReplaysAreAccepted()
    {
        LighttpdServer server = fixture.Require();
        var raw = new RawDigestClient(server.Url(LighttpdFixture.Sha256), InteropUsers.UserName, InteropUsers.Password);
        await raw.ChallengeAsync();

        (HttpStatusCode second, _) = await raw.SendAsync(nc: 2);
        (HttpStatusCode first, _) = await raw.SendAsync(nc: 1);
        (HttpStatusCode again, _) = await raw.SendAsync(nc: 1);

        // lighttpd keeps no per-nonce state: nc order and replays are not checked, so shared
        // leases never meet an out-of-order refusal here (and the space stays in shared mode).
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { second, first, again });
    }

    [SkippableFact]
    public async Task WrongPassword_FailsOnceWithTwoServerLines()
    {
        LighttpdServer server = fixture.Require();
        await using var client = InteropClient.Create(new InteropClientOptions { Password = InteropUsers.WrongPassword });

        Measured run = await Measured.RunAsync(client, server.AccessLog, 1, 1, _ => server.Url(LighttpdFixture.Sha256, "?wrong=1"), server.FlushAccessLogAsync);

        Assert.StartsWith("401 the server refused the credential", Assert.Single(run.Load.Failures), StringComparison.Ordinal);
        Assert.Equal(2, run.CountStatus(401));
        Assert.Equal(2, run.ServerLines.Count);
    }
}
