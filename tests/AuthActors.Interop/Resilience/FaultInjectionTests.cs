using AuthActors.Host.Server;
using AuthActors.Interop.Infrastructure;
using AuthActors.Protocol;
using Xunit.Abstractions;

namespace AuthActors.Interop.Resilience;

/// <summary>
/// One client (one runtime) crawls a healthy origin and a faulty one at the same time: the
/// faulty space fails cleanly (every request ends, with a reason, in bounded round trips) and
/// the healthy one does not notice.
/// </summary>
public sealed class FaultInjectionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(FaultyOrigin.Reset, "error: ")]
    [InlineData(FaultyOrigin.CloseAfterRequest, "error: ")]
    [InlineData(FaultyOrigin.Blackhole, "timeout after 2 s")]
    [InlineData(FaultyOrigin.MalformedChallenge, "401 ")]
    [InlineData(FaultyOrigin.ChallengeStorm, "401 the server refused the credential")]
    [InlineData(FaultyOrigin.StaleStorm, "401 the request already retried once for a stale nonce")]
    public async Task FaultyOrigin_FailsCleanlyWhileAHealthyOriginProceeds(string fault, string expectedFailure)
    {
        await using DigestServer healthy = await DigestServer.StartAsync(InteropServers.DigestOptions());
        await using FaultyOrigin faulty = await FaultyOrigin.StartAsync(fault);
        await using var client = InteropClient.Create(new InteropClientOptions { RequestTimeout = s_requestTimeout });
        // The actor system starts before the clock does: a cold Akka start in a loaded test
        // process is not what the 2 s bound is about.
        client.Runtime.Start();

        Task<LoadResult> good = client.RunAsync(64, 8, i => new Uri(healthy.BaseAddress, $"/ok/{i}"));
        Task<LoadResult> bad = client.RunAsync(8, 8, i => new Uri(faulty.BaseAddress, $"/bad/{i}"));
        await Task.WhenAll(good, bad).WaitAsync(TimeSpan.FromSeconds(60));

        LoadResult healthyLoad = await good;
        LoadResult faultyLoad = await bad;
        int faultyExchanges = client.Wire.Exchanges.Count(e => e.Uri.Port == faulty.BaseAddress.Port);
        output.WriteLine($"{fault}: faulty {faultyLoad} in {faultyExchanges} exchanges; healthy {healthyLoad}");
        Assert.True(healthyLoad.Failures.Count == 0, healthyLoad.ToString());
        Assert.Equal(0, faultyLoad.Succeeded);
        Assert.All(faultyLoad.Failures, f => Assert.StartsWith(expectedFailure, f, StringComparison.Ordinal));
        Assert.Equal(0, faultyLoad.Unaccounted);
        // Bounded: one retry of each kind at most (a challenge, a refused nonce, a stale nonce), so
        // no request goes on the wire more than four times however the server misbehaves.
        Assert.InRange(faultyExchanges, 1, 4 * faultyLoad.Requests);
    }

    [Fact]
    public async Task MalformedChallenge_FailureReasonCarriesTheParseError()
    {
        await using FaultyOrigin faulty = await FaultyOrigin.StartAsync(FaultyOrigin.MalformedChallenge);
        await using var client = InteropClient.Create();

        string outcome = await client.GetAsync(new Uri(faulty.BaseAddress, "/bad"));

        // DESIGN.md: a malformed challenge gets "a clear error", surfaced with the response.
        string? parseError = ChallengeParser.Parse(FaultyOrigin.MalformedChallengeValue).Error;
        Assert.NotNull(parseError);
        Assert.StartsWith("401 ", outcome, StringComparison.Ordinal);
        Assert.Contains(parseError, outcome, StringComparison.Ordinal);
    }
}
