using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthActors.Host.Commands;

/// <summary>
/// <c>authactors crawl FILE|-</c>: many URLs concurrently through AuthActors on the generic host
/// (<see cref="CrawlJob"/>), progress on stderr, one JSON line per URL with <c>--out</c>, a
/// summary at the end.
/// </summary>
internal static class CrawlCommand
{
    private const int DefaultConcurrency = 16;

    public static Command Create(HostConsole console)
    {
        var file = new Argument<string>("file") { Description = "A file with one URL a line (blank lines and # comments skipped), or - for standard input." };
        var concurrency = new Option<int>("--concurrency", "-c")
        {
            Description = "How many requests are in flight at once.",
            DefaultValueFactory = _ => DefaultConcurrency,
            CustomParser = r => OptionParsing.ParseOne(r, DefaultConcurrency, "--concurrency", OptionParsing.IntIn(1, 10_000, "a concurrency")),
        };
        var output = new Option<string?>("--out", "-o", "--output")
        {
            Description = "Write one JSON object per URL to FILE.jsonl: url, status, bytes, elapsed_ms, attempts, error.",
            HelpName = "FILE.jsonl",
        };
        var client = new ClientOptions();
        var fleet = new FleetOptions();
        var command = new Command("crawl", "Fetch many URLs concurrently through AuthActors, with progress on stderr and a JSON-lines report.")
        {
            file, concurrency, output,
        };
        client.AddTo(command);
        fleet.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            if (!client.TryRead(result, out ClientSettings settings, out string? error, console.ReadSecret)
                || !fleet.TryRead(result, out FleetSettings? fleetSettings, out error))
            {
                await console.Error.WriteLineAsync("crawl: " + error).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            HostConfigurationLayers? layers = await client.Configuration.TryBuildAsync(result, console, "crawl").ConfigureAwait(false);
            if (layers is null)
            {
                return ExitCodes.Usage;
            }

            string path = result.GetValue(file) ?? "-";
            UrlList list;
            try
            {
                list = await ReadAsync(path, console, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"crawl: cannot read '{path}': {e.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            foreach (string problem in list.Problems)
            {
                await console.Error.WriteLineAsync("crawl: " + problem).ConfigureAwait(false);
            }

            var crawl = new CrawlSettings
            {
                Urls = list.Urls,
                Skipped = list.Problems.Count,
                Concurrency = result.GetValue(concurrency),
                OutPath = result.GetValue(output),
                Client = settings,
            };
            return await JobHost.RunAsync(
                console,
                FleetJoin.Configure(layers.Root, fleetSettings),
                // Per-URL failures go to the report; only errors are logged.
                LogLevel.Error,
                services =>
                {
                    ClientServices.Add(services, settings, list.Urls, verbose: null);
                    FleetJoin.Add(services, fleetSettings, "crawl");
                    services.AddSingleton(crawl);
                    services.AddHostedService<CrawlJob>();
                },
                ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<UrlList> ReadAsync(string path, HostConsole console, CancellationToken ct)
    {
        if (path == "-")
        {
            return await UrlList.ReadAsync(console.In, ct).ConfigureAwait(false);
        }

        using var reader = new StreamReader(path);
        return await UrlList.ReadAsync(reader, ct).ConfigureAwait(false);
    }
}
