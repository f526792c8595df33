using System.CommandLine;
using System.Globalization;
using System.Net;
using AuthActors.Credentials;
using AuthActors.Host.Server;
using AuthActors.Http;
using AuthActors.Spaces;

namespace AuthActors.Host.Commands;

/// <summary>
/// <c>authactors bench</c>: one embedded server, the same workload three ways, one after the
/// other: <c>none</c> (the open path, no auth), <c>authactors</c> (<see cref="AuthActorsHandler"/>)
/// and <c>builtin</c> (SocketsHttpHandler with a CredentialCache Digest credential and
/// PreAuthenticate). With <c>--scheme bearer</c> the workload is on the Bearer path and builtin,
/// which has no Bearer, is left out. Each client first sends a warm-up (a quarter of the
/// requests, at most 5,000) that is not counted.
/// </summary>
internal static class BenchCommand
{
    public const string None = "none";
    public const string AuthActors = "authactors";
    public const string Builtin = "builtin";

    public static Command Create(HostConsole console, WorkloadSettings defaults)
    {
        var workload = new WorkloadOptions(defaults);
        var command = new Command("bench", "Compare no auth, AuthActors and .NET's built-in Digest against the embedded server: requests/s, round trips per request, ratio to no auth.");
        workload.AddTo(command);
        command.SetAction((result, ct) => RunAsync(workload.Read(result), console, TimeProvider.System, ct));
        return command;
    }

    /// <summary>
    /// Runs the three clients. Exits 0 when none and authactors had no failure (builtin's failures,
    /// e.g. an algorithm .NET does not support, are reported, not fatal), 130 on Ctrl+C.
    /// </summary>
    public static async Task<int> RunAsync(WorkloadSettings settings, HostConsole console, TimeProvider timeProvider, CancellationToken ct)
    {
        string password = WorkloadSettings.NewPassword();
        DigestServer server;
        try
        {
            server = await settings.StartServerAsync(password, ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"bench: cannot start the embedded server: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        await using (server.ConfigureAwait(false))
        {
            await console.Out.WriteLineAsync("AuthActors bench: " + settings.Describe(server.BaseAddress)).ConfigureAwait(false);
            bool bearer = settings.Scheme == WorkloadScheme.Bearer;
            if (bearer)
            {
                // SocketsHttpHandler answers Basic, Digest, NTLM and Negotiate; a CredentialCache has no Bearer.
                await console.Out.WriteLineAsync("bench: the builtin client has no Bearer support; --scheme bearer runs none and authactors only").ConfigureAwait(false);
            }

            var measured = new List<(string Client, Measurement Figures)>(3);
            foreach (string client in bearer ? (string[])[None, AuthActors] : [None, AuthActors, Builtin])
            {
                if (ct.IsCancellationRequested)
                {
                    break;
                }

                measured.Add((client, await MeasureAsync(client, settings, server, password, console, timeProvider, ct).ConfigureAwait(false)));
            }

            double noneRate = measured.FirstOrDefault(m => m.Client == None).Figures?.RequestsPerSecond ?? 0;
            var report = new BenchReport
            {
                Results = [.. measured.Select(m => new BenchResult
                {
                    Client = m.Client,
                    Requests = m.Figures.Requests,
                    Failed = m.Figures.Failed,
                    RequestsPerSecond = Math.Round(m.Figures.RequestsPerSecond, 1),
                    RoundTripsPerRequest = Math.Round(m.Figures.RoundTripsPerRequest, 4),
                    RatioToNone = noneRate <= 0 ? 0 : Math.Round(m.Figures.RequestsPerSecond / noneRate, 3),
                })],
            };

            PrintTable(console, report, ct.IsCancellationRequested);
            if (bearer && measured.FirstOrDefault(m => m.Client == AuthActors).Figures is { } authActors)
            {
                await console.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"authactors: {authActors.TokenRequests} token requests and {authActors.InvalidTokens} invalid tokens refused during the measured run (server counts; tokens good for {DurationParser.Format(settings.TokenLifetime)})")).ConfigureAwait(false);
            }

            foreach ((string client, Measurement figures) in measured)
            {
                foreach (string reason in figures.FailureReasons)
                {
                    await console.Error.WriteLineAsync($"bench: {client}: failed: {reason}").ConfigureAwait(false);
                }
            }

            if (settings.JsonPath is { } path)
            {
                await HostJsonContext.WriteFileAsync(path, report, HostJsonContext.Indented.BenchReport, CancellationToken.None).ConfigureAwait(false);
            }

            if (ct.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync("bench: interrupted; in-flight requests were let finish").ConfigureAwait(false);
                return ExitCodes.Interrupted;
            }

            return report.Results.Where(r => r.Client != Builtin).All(r => r.Failed == 0) ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }

    private static async Task<Measurement> MeasureAsync(
        string client,
        WorkloadSettings settings,
        DigestServer server,
        string password,
        HostConsole console,
        TimeProvider timeProvider,
        CancellationToken ct)
    {
        AuthActorsRuntime? runtime = null;
        HttpMessageHandler handler;
        switch (client)
        {
            case AuthActors:
                // The user is also the server's OAuth client, with the same secret.
                runtime = new AuthActorsRuntime(
                    new CredentialChain([new InMemoryCredentialSource().Add(server.BaseAddress, WorkloadSettings.UserName, password)]),
                    schemes: settings.Scheme == WorkloadScheme.Bearer
                        ? new AuthSchemeRegistry([.. AuthSchemeRegistry.Default.Schemes, WorkloadSettings.CreateBearerScheme(server)])
                        : null);
                runtime.Start();
                handler = new AuthActorsHandler(runtime, new AuthActorsHandlerOptions { UseDefaultProxy = false }) { InnerHandler = CreateSocketsHandler() };
                break;
            case Builtin:
                SocketsHttpHandler builtin = CreateSocketsHandler();
                builtin.Credentials = new CredentialCache { { server.BaseAddress, "Digest", new NetworkCredential(WorkloadSettings.UserName, password) } };
                builtin.PreAuthenticate = true;
                handler = builtin;
                break;
            default:
                handler = CreateSocketsHandler();
                break;
        }

        try
        {
            using var http = new HttpClient(handler);
            Func<int, Uri> url = client == None ? i => WorkloadSettings.OpenUrl(server.BaseAddress, i) : i => settings.Url(server.BaseAddress, i);

            // Warm-up: JIT, connections and (for authactors) each space's first challenge.
            // Long enough for tiered JIT to settle on both client and server paths (a short one
            // left "none" measured half-optimised; see docs/benchmarks.md).
            int warmUp = Math.Min(5_000, settings.Requests / 4);
            if (warmUp > 0)
            {
                await new HttpLoad(http, warmUp, url, progress: null).RunAsync(settings.Concurrency, timeProvider, ct).ConfigureAwait(false);
            }

            var progress = new WorkProgress(settings.Requests, "bench " + client, console.IsTerminal ? null : console.Out);
            var load = new HttpLoad(http, settings.Requests, i => url(i + warmUp), progress);
            DigestServerStatsSnapshot before = server.Stats.Snapshot();
            TimeSpan elapsed = await ProgressDisplay.RunAsync(
                console.IsTerminal ? console.CreateAnsiConsole() : null,
                progress,
                load.RunAsync(settings.Concurrency, timeProvider, ct),
                timeProvider).ConfigureAwait(false);
            long requests = load.Succeeded + load.Failed;
            DigestServerStatsSnapshot after = server.Stats.Snapshot();
            long serverRequests = after.Requests - before.Requests;
            return new Measurement(
                requests,
                load.Failed,
                elapsed <= TimeSpan.Zero ? 0 : requests / elapsed.TotalSeconds,
                requests == 0 ? 0 : (double)serverRequests / requests,
                load.FailureReasons,
                after.TokenRequests - before.TokenRequests,
                after.InvalidTokens - before.InvalidTokens);
        }
        finally
        {
            if (runtime is not null)
            {
                await runtime.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static SocketsHttpHandler CreateSocketsHandler() => new() { UseProxy = false, AllowAutoRedirect = false };

    private static void PrintTable(HostConsole console, BenchReport report, bool interrupted)
    {
        static string N(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        SummaryTable.Write(
            console,
            interrupted ? "AuthActors bench (interrupted)" : "AuthActors bench",
            ["client", "requests", "failed", "requests/s", "round trips/request", "ratio to none"],
            [.. report.Results.Select(r => (IReadOnlyList<string>)
            [
                r.Client,
                N(r.Requests, "N0"),
                N(r.Failed, "N0"),
                N(r.RequestsPerSecond, "N0"),
                N(r.RoundTripsPerRequest, "0.000"),
                N(r.RatioToNone, "0.00"),
            ])]);
    }

    private sealed record Measurement(
        long Requests,
        long Failed,
        double RequestsPerSecond,
        double RoundTripsPerRequest,
        IReadOnlyCollection<string> FailureReasons,
        long TokenRequests,
        long InvalidTokens);
}
