using AuthActors.Interop.Apache;
using AuthActors.Interop.Infrastructure;
using AuthActors.Interop.Lighttpd;
using Xunit.Abstractions;

namespace AuthActors.Interop.Throughput;

/// <summary>
/// Requests per second at 64 concurrent requests against real servers: a plain HttpClient on an
/// open file (the baseline, measured before and after), AuthActors and .NET's built-in Digest on a
/// Digest location of the same server. Measurements, not speed assertions: each test asserts only
/// that nothing failed and how many round trips a request took. Runs only with
/// <c>AUTHACTORS_INTEROP_THROUGHPUT=1</c>; <c>AUTHACTORS_INTEROP_THROUGHPUT_REQUESTS</c> sets the
/// measured requests per run (default 5,000).
/// </summary>
public sealed class ThroughputTests(ThroughputFixture fixture, ITestOutputHelper output) : IClassFixture<ThroughputFixture>
{
    private const string Header = "| server | location | client | requests/s | round trips/request | ratio to open | failed |";

    [SkippableFact]
    public async Task Lighttpd_Sha256_AuthActorsAndBuiltinAgainstOpen()
    {
        LighttpdServer server = fixture.RequireLighttpd();
        await MeasureAsync("lighttpd 1.4", new Uri(server.BaseAddress, ThroughputFixture.OpenPath), server.Url(LighttpdFixture.Sha256), "/sha256/ (SHA-256)", server.AccessLog, server.FlushAccessLogAsync);
    }

    [SkippableFact]
    public async Task Lighttpd_Md5_AuthActorsAndBuiltinAgainstOpen()
    {
        LighttpdServer server = fixture.RequireLighttpd();
        await MeasureAsync("lighttpd 1.4", new Uri(server.BaseAddress, ThroughputFixture.OpenPath), server.Url(LighttpdFixture.Md5), "/md5/ (MD5)", server.AccessLog, server.FlushAccessLogAsync);
    }

    [SkippableFact]
    public async Task Apache_Md5NcCheckOff_AuthActorsAndBuiltinAgainstOpen()
    {
        ApacheServer server = fixture.RequireApache();
        await MeasureAsync("Apache 2.4", new Uri(server.BaseAddress, ThroughputFixture.OpenPath), server.Url(ApacheFixture.Long), "/long/ (MD5, nc check off)", server.AccessLog, flush: null);
    }

    private async Task MeasureAsync(string serverName, Uri open, Uri digest, string location, AccessLog log, Func<Task>? flush)
    {
        ThroughputResult openBefore = await ThroughputRunner.RunAsync(ThroughputClient.Plain, open, "/open/ (no auth)", log, flush);
        ThroughputResult authActors = await ThroughputRunner.RunAsync(ThroughputClient.AuthActors, digest, location, log, flush);
        ThroughputResult builtin = await ThroughputRunner.RunAsync(ThroughputClient.Builtin, digest, location, log, flush);
        ThroughputResult openAfter = await ThroughputRunner.RunAsync(ThroughputClient.Plain, open, "/open/ (no auth)", log, flush);

        // The baseline is the mean of the open runs before and after, so a drift in machine load
        // during the test weighs on both sides alike.
        double openRate = (openBefore.RequestsPerSecond + openAfter.RequestsPerSecond) / 2;
        InteropReport.Note(output, $"throughput, {ThroughputRunner.Requests} requests at {ThroughputRunner.Concurrency} concurrent after {ThroughputRunner.WarmUp} warm-up requests per run");
        InteropReport.Note(output, Header);
        foreach (ThroughputResult result in new[] { openBefore, authActors, builtin, openAfter })
        {
            InteropReport.Note(output, result.ToRow(serverName, openRate));
        }

        Assert.All(new[] { openBefore, authActors, builtin, openAfter }, r => Assert.True(r.Failures.Count == 0, r.Describe()));
        Assert.Equal(1.0, openBefore.RoundTripsPerRequest);
        Assert.Equal(1.0, openAfter.RoundTripsPerRequest);

        // AuthActors re-uses the nonce with the next nc: after the warm-up's first challenge, one
        // round trip per request (a 401 only when a nonce goes stale, which these long-lived
        // nonces do not during a run). .NET's handler answers every request's 401 afresh.
        Assert.Equal(1.0, authActors.RoundTripsPerRequest);
        Assert.Equal(2.0, builtin.RoundTripsPerRequest);
    }
}
