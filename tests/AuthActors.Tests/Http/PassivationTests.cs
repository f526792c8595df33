using System.Net;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using AuthActors.Credentials;
using AuthActors.Host.Server;
using AuthActors.Spaces;

namespace AuthActors.Tests.Http;

/// <summary>Idle spaces passivate (Akka's ReceiveTimeout, on a manual TestScheduler); the next
/// request rebuilds them without replaying an nc.</summary>
public sealed class PassivationTests() : TestKit(ManualScheduler)
{
    private const string ManualScheduler = "akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"";

    [Fact]
    public async Task IdleSpace_Passivates_ThenIsRebuiltWithOneFreshNonce()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { NcCheck = NcCheck.Replay });
        await using var runtime = new AuthActorsRuntime(
            Sys,
            new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]),
            new SpaceSettings { PassivateAfter = TimeSpan.FromMinutes(1) });
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));
        await SendAsync(client, server, 20);
        IActorRef space = Assert.Single(await runtime.GetSpacesAsync());
        Watch(space);

        ((TestScheduler)Sys.Scheduler).Advance(TimeSpan.FromMinutes(2));

        await ExpectTerminatedAsync(space);
        Assert.Equal(0, await runtime.CountLiveSpacesAsync());
        Assert.Equal(1, runtime.Diagnostics.Passivations.Total);

        await SendAsync(client, server, 20);

        Assert.Equal(1, await runtime.CountLiveSpacesAsync());
        Assert.Equal(2, server.Stats.Challenges);
        Assert.Equal(0, server.Stats.NcReplays);
    }

    [Fact]
    public async Task BusySpace_WithinPassivateAfter_StaysAlive()
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions());
        await using var runtime = new AuthActorsRuntime(
            Sys,
            new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]),
            new SpaceSettings { PassivateAfter = TimeSpan.FromMinutes(1) });
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));
        await SendAsync(client, server, 5);
        IActorRef space = Assert.Single(await runtime.GetSpacesAsync());

        ((TestScheduler)Sys.Scheduler).Advance(TimeSpan.FromSeconds(50));
        await SendAsync(client, server, 5);
        ((TestScheduler)Sys.Scheduler).Advance(TimeSpan.FromSeconds(50));

        Assert.Equal(space, Assert.Single(await runtime.GetSpacesAsync()));
        Assert.Equal(0, runtime.Diagnostics.Passivations.Total);
        Assert.Equal(1, server.Stats.Challenges);
    }

    private static async Task SendAsync(HttpClient client, DigestServer server, int count)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, $"/p/{i}"), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });
    }
}
