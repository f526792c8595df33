using System.Text.Json;
using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary><c>authactors bench</c> with a small workload: the three clients and the JSON field names.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_Json_WritesTheThreeClientsWithTheirFields()
    {
        using var temp = new TempDirectory();
        string json = temp.File("bench.json");

        HostResult result = await HostRun.RunAsync(["bench", "--requests", "200", "--concurrency", "8", "--spaces", "2", "--json", json]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        JsonElement[] results = [.. document.RootElement.GetProperty("results").EnumerateArray()];
        Assert.Equal(["none", "authactors", "builtin"], results.Select(r => r.GetProperty("client").GetString()));
        string[] fields = ["client", "requests", "failed", "requests_per_second", "round_trips_per_request", "ratio_to_none"];
        Assert.All(results, r =>
        {
            Assert.Equal(fields.Order(), r.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(200, r.GetProperty("requests").GetInt64());
            Assert.Equal(0, r.GetProperty("failed").GetInt64());
        });
        Assert.Equal(1.0, results[0].GetProperty("ratio_to_none").GetDouble());
    }

    [Fact]
    public async Task Bench_RoundTrips_AuthActorsAnswersPreemptivelyWhereBuiltinPaysA401EachTime()
    {
        using var temp = new TempDirectory();
        string json = temp.File("bench.json");

        // Nonces outlive the run: no stale 401s, so the figures do not depend on the CI's speed.
        HostResult result = await HostRun.RunAsync(["bench", "--requests", "200", "--concurrency", "8", "--spaces", "2", "--nonce-lifetime", "5m", "--json", json]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Dictionary<string, double> roundTrips = document.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("client").GetString()!, r => r.GetProperty("round_trips_per_request").GetDouble());
        Assert.Equal(1.0, roundTrips["none"]);
        // The warm-up discovered both spaces: every measured request goes out preemptively.
        Assert.InRange(roundTrips["authactors"], 1.0, 1.05);
        Assert.Equal(2.0, roundTrips["builtin"]);
    }

    [Fact]
    public async Task Bench_Table_ListsEachClientWithRatioToNone()
    {
        HostResult result = await HostRun.RunAsync(["bench", "--requests", "100", "--concurrency", "4", "--spaces", "1"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Contains("ratio to none", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+none\s+100\s+0\s", result.Output);
        Assert.Matches(@"(?m)^\s+authactors\s+100\s+0\s", result.Output);
        Assert.Matches(@"(?m)^\s+builtin\s+100\s+0\s", result.Output);
    }
}
