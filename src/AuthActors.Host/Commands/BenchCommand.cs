using System.CommandLine;
using System.Globalization;
using AuthActors.Host.Server;
using AuthActors.Http;

namespace AuthActors.Host.Commands;

/// <summary>
/// <c>authactors bench</c>: the same workload three ways, <c>none</c> (the open path, no auth),
/// <c>authactors</c> (<see cref="AuthActorsHandler"/>) and <c>builtin</c> (SocketsHttpHandler with
/// the credential and PreAuthenticate), in interleaved rounds (none, authactors, builtin, none, ...)
/// so that a change in machine load hits every client alike; the report gives medians and the
/// spread. Against the embedded server in a child process (its CPU is not the client's), in this
/// process (<c>--in-process</c>), or any server (<c>--url</c>, <c>--open-url</c>, <c>--user</c>).
/// With <c>--scheme bearer</c> builtin, which has no Bearer, is left out. Each client is warmed up
/// once (a quarter of the requests, at most 5,000), not counted.
/// </summary>
internal static class BenchCommand
{
    public const string None = "none";
    public const string AuthActors = "authactors";
    public const string Builtin = "builtin";

    public static Command Create(HostConsole console, WorkloadSettings defaults)
    {
        var workload = new WorkloadOptions(defaults);
        var url = new Option<string?>("--url") { Description = "Bench this server's URL (authenticated clients) instead of the embedded server.", HelpName = "URL" };
        var openUrl = new Option<string?>("--open-url") { Description = "The no-auth baseline's URL on the same server (with --url); without it, none is left out.", HelpName = "URL" };
        var user = new Option<string?>("--user", "-u") { Description = "NAME:PASSWORD for --url.", HelpName = "NAME:PASSWORD" };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of none, authactors, builtin, interleaved. Default: 5.", HelpName = "N" };
        var inProcess = new Option<bool>("--in-process") { Description = "Run the embedded server in this process (its CPU then counts as the client's)." };
        var command = new Command("bench", "Compare no auth, AuthActors and .NET's built-in Digest in interleaved rounds: requests/s (median, spread), round trips, client CPU and allocations per request, ratios.")
        {
            url, openUrl, user, rounds, inProcess,
        };
        workload.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            int roundCount = result.GetResult(rounds) is null ? 5 : result.GetValue(rounds);
            if (roundCount is < 1 or > 100)
            {
                await console.Error.WriteLineAsync("bench: --rounds must be between 1 and 100").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            string? targetText = result.GetValue(url);
            string? openText = result.GetValue(openUrl);
            Uri? target = null;
            Uri? open = null;
            if ((targetText is not null && !UrlList.TryParse(targetText, out target)) || (openText is not null && !UrlList.TryParse(openText, out open)))
            {
                await console.Error.WriteLineAsync("bench: --url and --open-url take an http:// or https:// URL").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            string? credential = result.GetValue(user);
            if (target is not null && (credential is null || !credential.Contains(':', StringComparison.Ordinal)))
            {
                await console.Error.WriteLineAsync("bench: --url needs --user NAME:PASSWORD").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var options = new BenchOptions(target, open, credential, roundCount, result.GetValue(inProcess));
            return await RunAsync(workload.Read(result), options, console, TimeProvider.System, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The embedded defaults: a child-process server, five rounds.</summary>
    public static Task<int> RunAsync(WorkloadSettings settings, HostConsole console, TimeProvider timeProvider, CancellationToken ct) =>
        RunAsync(settings, new BenchOptions(null, null, null, 5, InProcess: false), console, timeProvider, ct);

    /// <summary>
    /// Runs the rounds. Exits 0 when none and authactors had no failure (builtin's failures, e.g.
    /// an algorithm .NET does not support, are reported, not fatal), 130 on Ctrl+C.
    /// </summary>
    public static async Task<int> RunAsync(WorkloadSettings settings, BenchOptions options, HostConsole console, TimeProvider timeProvider, CancellationToken ct)
    {
        BenchTarget target;
        try
        {
            target = options.Url is { } url
                ? BenchTarget.External(url, options.OpenUrl, options.User!)
                : options.InProcess || settings.Scheme == WorkloadScheme.Bearer
                    ? await BenchTarget.InProcessAsync(settings, ct).ConfigureAwait(false)
                    : await BenchTarget.ChildProcessAsync(settings, ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"bench: cannot start the server: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        await using (target.ConfigureAwait(false))
        {
            // With --json - the JSON is stdout, so the banner and table go to stderr.
            TextWriter report = settings.JsonPath is "-" ? console.Error : console.Out;
            await report.WriteLineAsync($"AuthActors bench: {target.Description}, {options.Rounds} interleaved rounds").ConfigureAwait(false);
            bool bearer = settings.Scheme == WorkloadScheme.Bearer;
            if (bearer)
            {
                // SocketsHttpHandler answers Basic, Digest, NTLM and Negotiate; a CredentialCache has no Bearer.
                await report.WriteLineAsync("bench: the builtin client has no Bearer support; --scheme bearer runs none and authactors only").ConfigureAwait(false);
            }

            string[] names = bearer ? [None, AuthActors] : [None, AuthActors, Builtin];
            if (options.Url is not null && options.OpenUrl is null)
            {
                names = [.. names.Where(n => n != None)];
            }

            var clients = new List<BenchClient>();
            try
            {
                foreach (string name in names)
                {
                    clients.Add(await BenchClient.CreateAsync(name, settings, target, timeProvider, ct).ConfigureAwait(false));
                }

                DigestServerStatsSnapshot? before = target.InProcess?.Stats.Snapshot();
                for (int round = 0; round < options.Rounds && !ct.IsCancellationRequested; round++)
                {
                    foreach (BenchClient client in clients)
                    {
                        if (ct.IsCancellationRequested)
                        {
                            break;
                        }

                        await client.RunRoundAsync(settings, target, console, timeProvider, ct).ConfigureAwait(false);
                    }
                }

                BenchReport figures = Summarize(clients, target, options.Rounds);
                PrintTable(console, report, figures, ct.IsCancellationRequested);
                if (bearer && before is { } start && target.InProcess is { } server)
                {
                    DigestServerStatsSnapshot end = server.Stats.Snapshot();
                    await report.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"authactors: {end.TokenRequests - start.TokenRequests} token requests and {end.InvalidTokens - start.InvalidTokens} invalid tokens refused during the measured run (server counts; tokens good for {DurationParser.Format(settings.TokenLifetime)})")).ConfigureAwait(false);
                }
                foreach (BenchClient client in clients)
                {
                    foreach (string reason in client.FailureReasons)
                    {
                        await console.Error.WriteLineAsync($"bench: {client.Name}: failed: {reason}").ConfigureAwait(false);
                    }
                }

                if (settings.JsonPath is "-")
                {
                    await console.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(figures, HostJsonContext.Indented.BenchReport)).ConfigureAwait(false);
                }
                else if (settings.JsonPath is { } path)
                {
                    await HostJsonContext.WriteFileAsync(path, figures, HostJsonContext.Indented.BenchReport, CancellationToken.None).ConfigureAwait(false);
                }

                if (ct.IsCancellationRequested)
                {
                    await console.Error.WriteLineAsync("bench: interrupted; in-flight requests were let finish").ConfigureAwait(false);
                    return ExitCodes.Interrupted;
                }

                return figures.Results.Where(r => r.Client != Builtin).All(r => r.Failed == 0) ? ExitCodes.Ok : ExitCodes.Failed;
            }
            finally
            {
                foreach (BenchClient client in clients)
                {
                    await client.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Medians over the rounds (a client's rounds are interleaved with the others'), the rate's spread, and the ratios.</summary>
    internal static BenchReport Summarize(IReadOnlyList<BenchClient> clients, BenchTarget target, int rounds)
    {
        var medians = clients.ToDictionary(c => c.Name, c => (Rate: Median(c.Rounds.Select(r => r.RequestsPerSecond)), Cpu: Median(c.Rounds.Select(r => r.CpuMicrosecondsPerRequest))));
        (double noneRate, double noneCpu) = medians.GetValueOrDefault(None);
        double Ratio(double value, double baseline) => baseline <= 0 ? 0 : Math.Round(value / baseline, 3);
        return new BenchReport
        {
            Target = target.Description,
            Rounds = rounds,
            Results = [.. clients.Select(c => new BenchResult
            {
                Client = c.Name,
                Requests = c.Rounds.Sum(r => r.Requests),
                Failed = c.Rounds.Sum(r => r.Failed),
                RequestsPerSecond = Math.Round(medians[c.Name].Rate, 1),
                RequestsPerSecondMin = Math.Round(c.Rounds.Select(r => r.RequestsPerSecond).DefaultIfEmpty().Min(), 1),
                RequestsPerSecondMax = Math.Round(c.Rounds.Select(r => r.RequestsPerSecond).DefaultIfEmpty().Max(), 1),
                RoundTripsPerRequest = Math.Round(Median(c.Rounds.Select(r => r.RoundTripsPerRequest)), 4),
                CpuMicrosecondsPerRequest = Math.Round(medians[c.Name].Cpu, 1),
                AllocatedBytesPerRequest = Math.Round(Median(c.Rounds.Select(r => r.AllocatedBytesPerRequest)), 0),
                RatioToNone = Ratio(medians[c.Name].Rate, noneRate),
                CpuRatioToNone = Ratio(medians[c.Name].Cpu, noneCpu),
            })],
            AuthActorsToBuiltin = medians.TryGetValue(AuthActors, out var a) && medians.TryGetValue(Builtin, out var b) ? Ratio(a.Rate, b.Rate) : 0,
        };
    }

    /// <summary>The median (the mean of the middle two for an even count); 0 for none.</summary>
    internal static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void PrintTable(HostConsole console, TextWriter writer, BenchReport report, bool interrupted)
    {
        static string N(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        SummaryTable.Write(
            writer == console.Out ? console : new HostConsole { Out = writer, Error = console.Error, CreateLoggerFactory = console.CreateLoggerFactory },
            interrupted ? "AuthActors bench (interrupted)" : "AuthActors bench",
            ["client", "requests", "failed", "requests/s (median)", "min-max", "round trips/request", "CPU µs/request", "bytes/request", "ratio to none", "CPU to none"],
            [.. report.Results.Select(r => (IReadOnlyList<string>)
            [
                r.Client,
                N(r.Requests, "N0"),
                N(r.Failed, "N0"),
                N(r.RequestsPerSecond, "N0"),
                N(r.RequestsPerSecondMin, "N0") + "-" + N(r.RequestsPerSecondMax, "N0"),
                N(r.RoundTripsPerRequest, "0.000"),
                N(r.CpuMicrosecondsPerRequest, "0.0"),
                N(r.AllocatedBytesPerRequest, "N0"),
                N(r.RatioToNone, "0.00"),
                N(r.CpuRatioToNone, "0.00"),
            ])]);
        if (report.AuthActorsToBuiltin > 0)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"authactors/builtin: {report.AuthActorsToBuiltin:0.00}x the requests/s"));
        }
    }
}

/// <summary>How bench was asked to run: the target (or the embedded server) and the rounds.</summary>
internal sealed record BenchOptions(Uri? Url, Uri? OpenUrl, string? User, int Rounds, bool InProcess);
