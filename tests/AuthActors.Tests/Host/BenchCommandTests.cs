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

        HostResult result = await HostRun.RunAsync(["bench", "--in-process", "--rounds", "1", "--requests", "200", "--concurrency", "8", "--spaces", "2", "--json", json]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        JsonElement[] results = [.. document.RootElement.GetProperty("results").EnumerateArray()];
        Assert.Equal(["none", "authactors", "builtin"], results.Select(r => r.GetProperty("client").GetString()));
        string[] fields = ["client", "requests", "failed", "requests_per_second", "requests_per_second_min", "requests_per_second_max", "round_trips_per_request", "cpu_us_per_request", "allocated_bytes_per_request", "ratio_to_none", "cpu_ratio_to_none"];
        Assert.All(results, r =>
        {
            Assert.Equal(fields.Order(), r.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(200, r.GetProperty("requests").GetInt64());
            Assert.Equal(0, r.GetProperty("failed").GetInt64());
        });
        Assert.Equal(1.0, results[0].GetProperty("ratio_to_none").GetDouble());
        Assert.All(results, r => Assert.True(r.GetProperty("cpu_us_per_request").GetDouble() > 0));
        Assert.True(document.RootElement.GetProperty("authactors_to_builtin").GetDouble() > 0);
    }

    [Fact]
    public async Task Bench_AnyServer_WithUrlOpenUrlAndUser_InterleavesTheRounds()
    {
        await using AuthActors.Host.Server.DigestServer server = await AuthActors.Host.Server.DigestServer.StartAsync(new AuthActors.Host.Server.DigestServerOptions());
        var output = new CapturingWriter();
        var error = new CapturingWriter();

        int exit = await HostCommandLine.InvokeAsync(
                ["bench", "--url", new Uri(server.BaseAddress, "/x").ToString(), "--open-url", new Uri(server.BaseAddress, "/open/x").ToString(), "-u", "user:passwd",
                 "--rounds", "2", "--requests", "100", "--concurrency", "4", "--json", "-"],
                HostRun.Console(output, error))
            .WaitAsync(DigestTestClient.Timeout);

        Assert.True(exit == ExitCodes.Ok, error.Text);
        using JsonDocument document = JsonDocument.Parse(output.Text);
        Assert.Equal(2, document.RootElement.GetProperty("rounds").GetInt32());
        Dictionary<string, JsonElement> results = document.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("client").GetString()!);
        Assert.Equal(["none", "authactors", "builtin"], results.Keys);
        Assert.All(results.Values, r => Assert.Equal(200, r.GetProperty("requests").GetInt64()));
        Assert.Equal(1.0, results["authactors"].GetProperty("round_trips_per_request").GetDouble());
        Assert.Equal(2.0, results["builtin"].GetProperty("round_trips_per_request").GetDouble());
        Assert.Contains("AuthActors bench", error.Text, StringComparison.Ordinal); // the table goes to stderr beside --json -
    }

    [Theory]
    [InlineData(new double[] { 3 }, 3)]
    [InlineData(new double[] { 5, 1, 3 }, 3)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    [InlineData(new double[0], 0)]
    public void Median_OfTheRounds(double[] values, double median) =>
        Assert.Equal(median, BenchCommand.Median(values));

    [Fact]
    public async Task Bench_RoundTrips_AuthActorsAnswersPreemptivelyWhereBuiltinPaysA401EachTime()
    {
        using var temp = new TempDirectory();
        string json = temp.File("bench.json");

        // Nonces outlive the run: no stale 401s, so the figures do not depend on the CI's speed.
        HostResult result = await HostRun.RunAsync(["bench", "--in-process", "--rounds", "1", "--requests", "200", "--concurrency", "8", "--spaces", "2", "--nonce-lifetime", "5m", "--json", json]);

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
        HostResult result = await HostRun.RunAsync(["bench", "--in-process", "--rounds", "1", "--requests", "100", "--concurrency", "4", "--spaces", "1"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Contains("ratio to none", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+none\s+100\s+0\s", result.Output);
        Assert.Matches(@"(?m)^\s+authactors\s+100\s+0\s", result.Output);
        Assert.Matches(@"(?m)^\s+builtin\s+100\s+0\s", result.Output);
    }
}
