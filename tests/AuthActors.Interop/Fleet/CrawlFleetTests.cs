using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AuthActors.Host.Server;
using AuthActors.Interop.Curl;
using AuthActors.Interop.Infrastructure;

namespace AuthActors.Interop.Fleet;

/// <summary>
/// Real <c>authactors crawl</c> processes against a real <c>authactors serve --shared-nonce</c>
/// that refuses a reused nc (the failure issue #13 measured: alone, the processes collide). As a
/// fleet (<c>--cluster-seed</c>), every URL of every process succeeds and no nc is sent twice.
/// </summary>
public sealed partial class CrawlFleetTests
{
    private const int Urls = 600;
    private static readonly TimeSpan s_crawlTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ThreeCrawlProcesses_AsAFleet_OnASharedNonce_AllSucceed_NoNcReplayed()
    {
        await using ServerProcess serve = await ServeProcess.StartAsync("--shared-nonce", "60s", "--nc-check", "replay");
        using var temp = new TempDirectory("authactors-fleet");
        string urls = temp.WriteFile("urls.txt", string.Join('\n', Enumerable.Range(0, Urls).Select(i => $"http://127.0.0.1:{serve.Port}/space/0/p{i}")));
        int seedPort = FreePort.Next();
        string seed = $"127.0.0.1:{seedPort.ToString(CultureInfo.InvariantCulture)}";

        Task<CrawlRun> first = CrawlAsync(urls, "--cluster-port", seedPort.ToString(CultureInfo.InvariantCulture), "--cluster-seed", seed);
        Task<CrawlRun> second = CrawlAsync(urls, "--cluster-seed", seed);
        Task<CrawlRun> third = CrawlAsync(urls, "--cluster-seed", seed);
        CrawlRun[] runs = await Task.WhenAll(first, second, third);

        Assert.All(runs, run =>
        {
            Assert.True(run.ExitCode == 0, $"crawl exited {run.ExitCode}: {run.Output}");
            Assert.Equal(Urls, run.Summary("succeeded (2xx)"));
            Assert.Equal(0, run.Summary("failed"));
            Assert.Contains("fleet member", run.Output, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("nc-replay", serve.Output, StringComparison.Ordinal);
    }

    private static async Task<CrawlRun> CrawlAsync(string urls, params string[] fleet)
    {
        string host = typeof(DigestServer).Assembly.Location;
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(host)!,
        };
        foreach (string arg in (string[])[host, "crawl", urls, "-u", InteropUsers.UserName, "--password", InteropUsers.Password, "-c", "16", .. fleet])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_crawlTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crawl did not finish within {s_crawlTimeout}");
        }

        return new CrawlRun(process.ExitCode, new StringBuilder().Append(await stdout).Append(await stderr).ToString());
    }

    [GeneratedRegex(@"^\s*(?<name>[a-z0-9 ()]+?)\s{2,}(?<value>[0-9,]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SummaryRow();

    private sealed record CrawlRun(int ExitCode, string Output)
    {
        public int Summary(string row) =>
            SummaryRow().Matches(Output).Where(m => m.Groups["name"].Value == row)
                .Select(m => int.Parse(m.Groups["value"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))
                .DefaultIfEmpty(-1).First();
    }
}
