using System.Text.Json;
using System.Text.RegularExpressions;
using AuthActors.Host.Commands;

namespace AuthActors.Tests.Host;

/// <summary><c>authactors demo</c> and the no-argument run, end to end in-process with small workloads.</summary>
public sealed partial class DemoCommandTests
{
    private static readonly WorkloadSettings s_small = new() { Requests = 300, Concurrency = 8, Spaces = 3 };

    [Fact]
    public async Task Demo_SmallWorkload_ExitsZeroWithNoFailures()
    {
        // The default short nonce lifetime: stale nonces may happen, and are answered.
        HostResult result = await HostRun.RunAsync(["demo", "--requests", "500", "--concurrency", "16", "--spaces", "4"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Matches(@"succeeded\s+500\b", result.Output);
        Assert.Matches(@"failed\s+0\b", result.Output);
        Assert.Matches(@"nc replays rejected\s+0\b", result.Output);
    }

    [Fact]
    public async Task Demo_Json_WritesEveryFigure()
    {
        using var temp = new TempDirectory();
        string json = temp.File("demo.json");

        // Nonces outlive the run here, so every 401 is a space's discovery, whatever the CI speed.
        HostResult result = await HostRun.RunAsync(["demo", "--requests", "500", "--concurrency", "16", "--spaces", "4", "--nonce-lifetime", "5m", "--json", json]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        JsonElement root = document.RootElement;
        string[] fields = ["requests", "succeeded", "failed", "server_401s", "stale_refreshes", "nc_replays", "round_trips_per_request", "requests_per_second", "p50_ms", "p99_ms"];
        Assert.Equal(fields.Order(), root.EnumerateObject().Select(p => p.Name).Order());
        Assert.All(fields, f => Assert.Equal(JsonValueKind.Number, root.GetProperty(f).ValueKind));
        Assert.Equal(500, root.GetProperty("requests").GetInt64());
        Assert.Equal(500, root.GetProperty("succeeded").GetInt64());
        Assert.Equal(0, root.GetProperty("failed").GetInt64());
        // At least each space's first challenge, at most one per request in flight when it was
        // discovered: far fewer than one 401 per request.
        long challenges = root.GetProperty("server_401s").GetInt64();
        Assert.InRange(challenges, 4, 4 * 16);
        Assert.InRange(root.GetProperty("round_trips_per_request").GetDouble(), 1.0, 1.0 + (4 * 16 / 500.0));
        Assert.True(root.GetProperty("p99_ms").GetDouble() >= root.GetProperty("p50_ms").GetDouble());
    }

    [Fact]
    public async Task NoArguments_RunsTheDemoWithTheDefaultWorkload()
    {
        HostResult result = await HostRun.RunAsync([], workload: s_small);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Contains("AuthActors demo: 300 requests, 8 concurrent, 3 protection spaces, SHA-256", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"succeeded\s+300\b", result.Output);
    }

    [Fact]
    public async Task Demo_NotATerminal_PrintsPlainProgressLinesOnStandardError_AsCrawlDoes()
    {
        HostResult result = await HostRun.RunAsync(["demo"], workload: s_small);

        Assert.Contains("demo: 300/300 (100%)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("demo: 300/300", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Error);
    }

    [Fact]
    public async Task Demo_Algorithm_IsWhatTheServerOffersAndTheClientAnswers()
    {
        HostResult result = await HostRun.RunAsync(["demo", "--algorithm", "SHA-512-256-sess", "--requests", "100", "--concurrency", "4", "--spaces", "2"]);

        Assert.True(result.Exit == ExitCodes.Ok, result.ToString());
        Assert.Contains("2 protection spaces, SHA-512-256-sess qop=auth", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_BadOption_ExitsTwoNamingIt()
    {
        HostResult result = await HostRun.RunAsync(["demo", "--concurrency", "0"]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains("--concurrency", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_BadSettingInTheEnvironment_ExitsTwoNamingTheKey()
    {
        HostResult result = await HostRun.RunAsync(["demo"], workload: s_small, environment: new Dictionary<string, string> { ["AUTHACTORS__ASK_TIMEOUT"] = "soon" });

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains("authactors:ask-timeout", Assert.Single(result.Error.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_Cancelled_StopsIssuingPrintsTheSummaryAndExits130()
    {
        var output = new CapturingWriter();
        var error = new CapturingWriter();
        using var stop = new CancellationTokenSource();
        Task<Match> firstProgress = error.WaitForLineAsync(ProgressLine());
        Task<int> run = HostCommandLine.InvokeAsync(
            ["demo", "--requests", "40000", "--concurrency", "8", "--spaces", "2"],
            HostRun.Console(output, error),
            ct: stop.Token);

        await firstProgress.WaitAsync(DigestTestClient.Timeout);
        await stop.CancelAsync();
        int exit = await run.WaitAsync(DigestTestClient.Timeout);

        Assert.Equal(ExitCodes.Interrupted, exit);
        Assert.Contains("AuthActors demo (interrupted)", output.Text, StringComparison.Ordinal);
        Assert.Contains("demo: interrupted after", error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("40000/40000", output.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"demo: \d+/40000 \(")]
    private static partial Regex ProgressLine();
}
