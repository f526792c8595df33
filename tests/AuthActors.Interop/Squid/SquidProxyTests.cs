using System.Net;
using AuthActors.Host.Server;
using AuthActors.Interop.Infrastructure;
using AuthActors.Spaces;
using Xunit.Abstractions;

namespace AuthActors.Interop.Squid;

/// <summary>What every Squid variant must do: 407 answered with Proxy-Authorization, every request
/// through at 1, 16 and 128 concurrent, nothing lost on the way to the origin.</summary>
public abstract class SquidProxyTests<TFixture>(TFixture fixture, ITestOutputHelper output)
    where TFixture : SquidFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected ITestOutputHelper Output { get; } = output;

    [SkippableFact]
    public async Task FirstRequest_407IsAnsweredWithProxyAuthorization()
    {
        (SquidServer squid, DigestServer origin) = Fixture.Require();
        await using var client = CreateClient(squid);

        string outcome = await client.GetAsync(Target(origin, "first"));

        Assert.Equal("200", outcome);
        Assert.Collection(
            client.Wire.Exchanges,
            challenge => Assert.Equal((407, false), (challenge.Status!.Value, challenge.ProxyCredentials)),
            answer =>
            {
                Assert.Equal((200, true), (answer.Status!.Value, answer.ProxyCredentials));
                Assert.Equal(squid.Options.Scheme, answer.Scheme!.ToLowerInvariant());
            });
    }

    [SkippableFact]
    public async Task WrongPassword_FailsOnceWith407AndAReason()
    {
        (SquidServer squid, DigestServer origin) = Fixture.Require();
        await using var client = CreateClient(squid, InteropUsers.WrongPassword);
        long originBefore = origin.Stats.OpenRequests;

        Measured run = await Measured.RunAsync(client, squid.AccessLog, 1, 1, _ => Target(origin, "wrong"));

        Assert.StartsWith("407 the server refused the credential", Assert.Single(run.Load.Failures), StringComparison.Ordinal);
        Assert.Equal(2, run.CountStatus(407));
        Assert.Equal(2, run.ServerLines.Count);
        Assert.Equal(originBefore, origin.Stats.OpenRequests);
    }

    /// <summary>A bounded crawl through the proxy: every request must succeed and reach the origin exactly once.</summary>
    protected async Task CrawlAsync(int concurrency, LeaseMode mode = LeaseMode.Auto)
    {
        (SquidServer squid, DigestServer origin) = Fixture.Require();
        int requests = concurrency switch { 1 => 60, 16 => 480, _ => 1280 };
        await using var client = CreateClient(squid, settings: new SpaceSettings { LeaseMode = mode });
        long originBefore = origin.Stats.OpenRequests;

        Measured run = await Measured.RunAsync(client, squid.AccessLog, requests, concurrency, i => Target(origin, $"{mode}-c{concurrency}-{i}"));

        Report(squid, concurrency, run, client, mode == LeaseMode.Auto ? null : $"{mode} leases forced");
        Assert.True(run.Load.Failures.Count == 0, run.Load.ToString());
        Assert.Equal(0, run.Load.Unaccounted);
        Assert.Equal(run.WireAnswered, run.ServerLines.Count);
        Assert.Equal(requests, run.CountStatus(200));
        // Nothing lost or doubled: the origin saw each successful request exactly once.
        Assert.Equal(requests, origin.Stats.OpenRequests - originBefore);
    }

    protected static Uri Target(DigestServer origin, string name) => new(origin.BaseAddress, "/open/" + name);

    private protected static InteropClient CreateClient(SquidServer squid, string password = InteropUsers.Password, SpaceSettings? settings = null) =>
        InteropClient.Create(new InteropClientOptions
        {
            Password = password,
            Proxy = new WebProxy(squid.ProxyAddress),
            Settings = settings,
        });

    private protected void Report(SquidServer squid, int concurrency, Measured run, InteropClient client, string? note = null)
    {
        InteropReport.Add(Output, new MatrixRow(
            "Squid 5 (proxy)", squid.Options.Describe() + (note is null ? "" : ", " + note), squid.Options.Scheme == "basic" ? "Basic" : "MD5",
            squid.Options.Scheme == "basic" ? "-" : "auth", concurrency, run.Load.Requests, run.Load.Failures.Count,
            run.ServerLines.Count, run.CountStatus(407), client.Wire.StaleChallenges,
            client.Runtime.Diagnostics.StaleRefreshes.Total, client.Runtime.Diagnostics.ModeSwitches.Total, run.Load.Elapsed));
        if (run.Load.Failures.Count > 0)
        {
            InteropReport.Note(Output, run.Load.ToString());
        }
    }
}
