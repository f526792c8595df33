using System.Globalization;
using AuthActors.Host.Server;
using AuthActors.Spaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuthActors.Host.Commands;

/// <summary>
/// The demo as a <see cref="BackgroundService"/>: sends the workload through the AuthActors
/// client, prints the summary (and <c>--json</c>), sets the exit code and stops the app. On
/// Ctrl+C it stops issuing, lets in-flight requests finish (bounded) and still reports.
/// </summary>
internal sealed class DemoJob(
    DemoJob.Run run,
    IHttpClientFactory clients,
    AuthActorsRuntime runtime,
    HostConsole console,
    JobOutcome outcome,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    IServiceProvider services) : BackgroundService
{
    /// <summary>The named HttpClient the demo sends through.</summary>
    public const string ClientName = "authactors-demo";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            outcome.ExitCode = await RunWorkloadAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or HttpRequestException)
        {
            await console.Error.WriteLineAsync("demo: " + e.Message).ConfigureAwait(false);
            outcome.ExitCode = ExitCodes.Failed;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task<int> RunWorkloadAsync(CancellationToken stoppingToken)
    {
        WorkloadSettings settings = run.Settings;
        DigestServer server = run.Server;
        HttpClient client = clients.CreateClient(ClientName);
        // Progress goes to stderr, as crawl's does: stdout is for the summary.
        var progress = new WorkProgress(settings.Requests, "demo", console.ErrorIsTerminal ? null : console.Error);
        var load = new HttpLoad(client, settings.Requests, i => settings.Url(server.BaseAddress, i), progress);
        DigestServerStatsSnapshot before = server.Stats.Snapshot();
        long staleBefore = runtime.Diagnostics.StaleRefreshes.Total;

        TimeSpan elapsed = await ProgressDisplay.RunAsync(
            console.ErrorIsTerminal ? console.CreateErrorAnsiConsole() : null,
            progress,
            load.RunAsync(settings.Concurrency, timeProvider, stoppingToken),
            timeProvider).ConfigureAwait(false);

        bool interrupted = stoppingToken.IsCancellationRequested;
        DigestServerStatsSnapshot after = server.Stats.Snapshot();
        long requests = load.Succeeded + load.Failed;
        bool bearer = settings.Scheme == WorkloadScheme.Bearer;
        var report = new DemoReport
        {
            Requests = requests,
            Succeeded = load.Succeeded,
            Failed = load.Failed,
            Server401s = after.Challenges - before.Challenges,
            StaleRefreshes = runtime.Diagnostics.StaleRefreshes.Total - staleBefore,
            NcReplays = after.NcReplays - before.NcReplays,
            TokenRequests = bearer ? after.TokenRequests - before.TokenRequests : null,
            InvalidTokens = bearer ? after.InvalidTokens - before.InvalidTokens : null,
            RoundTripsPerRequest = requests == 0 ? 0 : Math.Round((double)(after.Requests - before.Requests) / requests, 4),
            RequestsPerSecond = elapsed <= TimeSpan.Zero ? 0 : Math.Round(requests / elapsed.TotalSeconds, 1),
            P50Ms = Math.Round(load.Percentile(0.50), 3),
            P99Ms = Math.Round(load.Percentile(0.99), 3),
        };

        IReadOnlyList<IReadOnlyList<string>> fleet = services.GetService<FleetSettings>() is null
            ? []
            : await FleetJoin.DescribeAsync(services).ConfigureAwait(false);
        PrintSummary(report, elapsed, interrupted, fleet);
        foreach (string reason in load.FailureReasons)
        {
            await console.Error.WriteLineAsync("demo: failed: " + reason).ConfigureAwait(false);
        }

        if (settings.JsonPath is { } path)
        {
            await HostJsonContext.WriteFileAsync(path, report, HostJsonContext.Indented.DemoReport, CancellationToken.None).ConfigureAwait(false);
        }

        if (interrupted)
        {
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"demo: interrupted after {requests} of {settings.Requests} requests; in-flight requests were let finish")).ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }

        return report.Failed == 0 && report.Requests == settings.Requests ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private void PrintSummary(DemoReport report, TimeSpan elapsed, bool interrupted, IReadOnlyList<IReadOnlyList<string>> fleet)
    {
        static string N(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        SummaryTable.Write(
            console,
            interrupted ? "AuthActors demo (interrupted)" : "AuthActors demo",
            headers: null,
            [
                ["requests", N(report.Requests, "N0")],
                ["succeeded", N(report.Succeeded, "N0")],
                ["failed", N(report.Failed, "N0")],
                ["401s served", N(report.Server401s, "N0")],
                report.TokenRequests is { } tokenRequests ? ["token requests", N(tokenRequests, "N0")] : ["stale refreshes", N(report.StaleRefreshes, "N0")],
                report.InvalidTokens is { } invalidTokens ? ["invalid tokens refused", N(invalidTokens, "N0")] : ["nc replays rejected", N(report.NcReplays, "N0")],
                ["round trips per request", N(report.RoundTripsPerRequest, "0.0000")],
                ["requests per second", N(report.RequestsPerSecond, "N0")],
                ["p50 latency", N(report.P50Ms, "0.00") + " ms"],
                ["p99 latency", N(report.P99Ms, "0.00") + " ms"],
                ["elapsed", N(elapsed.TotalSeconds, "0.00") + " s"],
                .. fleet,
            ]);
    }

    /// <summary>What the job works on: the embedded server and the workload.</summary>
    internal sealed record Run(DigestServer Server, WorkloadSettings Settings);
}
