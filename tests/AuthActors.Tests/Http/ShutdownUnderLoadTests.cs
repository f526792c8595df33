using System.Collections.Concurrent;
using System.Net;
using AuthActors.Credentials;
using AuthActors.Host.Server;
using AuthActors.Http;
using AuthActors.Spaces;
using AuthActors.Tests.Support;

namespace AuthActors.Tests.Http;

/// <summary>The runtime stops while requests are in flight: each one succeeds or fails with a
/// reason, promptly (no Ask waits out its timeout), and no nc is sent twice.</summary>
[Collection(HeavyTests.Name)]
public sealed class ShutdownUnderLoadTests
{
    private const int Requests = 3000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StopUnderLoad_EveryRequestSucceedsOrFailsWithAReason(bool callersSystem)
    {
        await using DigestServer server = await DigestServer.StartAsync(new DigestServerOptions { Realms = 4, NcCheck = NcCheck.Replay });
        using Akka.Actor.ActorSystem? system = callersSystem ? Akka.Actor.ActorSystem.Create("callers") : null;
        var chain = new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]);
        // Ask and discovery timeouts far above the test's bound: a request that waited them out would fail the test.
        var settings = new SpaceSettings { AskTimeout = TimeSpan.FromSeconds(60), DiscoveryTimeout = TimeSpan.FromSeconds(60) };
        AuthActorsRuntime runtime = system is null ? new AuthActorsRuntime(chain, settings) : new AuthActorsRuntime(system, chain, settings);
        using var client = new HttpClient(AuthHarness.CreateHandler(runtime));
        int ok = 0;
        var failures = new ConcurrentBag<string>();
        var midway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Task load = Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            if (i == Requests / 4)
            {
                midway.TrySetResult();
            }

            try
            {
                using HttpResponseMessage response = await client.GetAsync(new Uri(server.BaseAddress, $"/space/{i % 4}/{i}"), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    response.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason);
                    failures.Add($"{(int)response.StatusCode} {reason}");
                }
            }
            catch (HttpRequestException e)
            {
                failures.Add(e.Message);
            }
        });
        await midway.Task.WaitAsync(TestTimeouts.Default * 10);
        await runtime.StopAsync();
        await load.WaitAsync(TestTimeouts.Default * 5);

        Assert.Equal(Requests, ok + failures.Count);
        Assert.True(ok >= Requests / 4 - 32, $"only {ok} succeeded before the stop");
        Assert.NotEmpty(failures);
        Assert.All(failures, reason => Assert.Contains("AuthActors", reason, StringComparison.Ordinal));
        Assert.Equal(0, server.Stats.NcReplays);
        if (system is not null)
        {
            Assert.False(system.WhenTerminated.IsCompleted);
        }
    }
}
