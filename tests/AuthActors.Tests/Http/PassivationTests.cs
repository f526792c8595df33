using System.Net;
using AuthActors.Credentials;
using AuthActors.Host.Server;
using AuthActors.Spaces;
using AuthActors.Tests.TestKit;

namespace AuthActors.Tests.Http;

/// <summary>Idle spaces passivate; the next request rebuilds them without replaying an nc.</summary>
public sealed class PassivationTests
{
    [Fact]
    public async Task IdleSpace_Passivates_ThenIsRebuiltWithOneFreshNonce()
    {
        var clock = new FakeTimeProvider();
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { NcCheck = NcCheck.Replay });
        await using var runtime = new AuthActorsRuntime(
            new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]),
            new SpaceSettings { PassivateAfter = TimeSpan.FromMinutes(1) },
            timeProvider: clock);
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));
        await SendAsync(client, server, 20);
        Assert.Equal(1, await runtime.CountLiveSpacesAsync());

        clock.Advance(TimeSpan.FromMinutes(2));
        for (int i = 0; i < 500 && await runtime.CountLiveSpacesAsync() > 0; i++)
        {
            // The passivation travels space -> registry -> PoisonPill; each question is a real round trip.
        }

        Assert.Equal(0, await runtime.CountLiveSpacesAsync());
        Assert.Equal(1, runtime.Diagnostics.Passivations.Total);

        await SendAsync(client, server, 20);

        Assert.Equal(1, await runtime.CountLiveSpacesAsync());
        Assert.Equal(2, server.Stats.Challenges);
        Assert.Equal(0, server.Stats.NcReplays);
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
