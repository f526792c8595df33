using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AuthActors.Credentials;
using AuthActors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuthActors.Host.Commands;

/// <summary>
/// The crawl as a <see cref="BackgroundService"/>: GETs every URL, <see cref="CrawlSettings.Concurrency"/>
/// at a time, reads each body to the end, writes one JSON line per URL, prints the summary, sets
/// the exit code (0 when every URL answered 2xx) and stops the app. On Ctrl+C it stops starting
/// URLs, lets those in flight finish (bounded), and still writes and reports what it did.
/// </summary>
internal sealed class CrawlJob(
    CrawlSettings crawl,
    IHttpClientFactory clients,
    HostConsole console,
    JobOutcome outcome,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    IServiceProvider services) : BackgroundService
{
    private readonly ConcurrentDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly Lock _writeLock = new();
    private StreamWriter? _out;
    private WorkProgress? _progress;
    private int _succeeded;
    private int _failed;
    private long _attempts;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            outcome.ExitCode = await CrawlAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await console.Error.WriteLineAsync("crawl: " + e.Message).ConfigureAwait(false);
            outcome.ExitCode = ExitCodes.Failed;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task<int> CrawlAsync(CancellationToken stoppingToken)
    {
        _out = crawl.OutPath is { } path ? new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) : null;
        try
        {
            _progress = new WorkProgress(crawl.Urls.Count, "crawl", console.ErrorIsTerminal ? null : console.Error);
            long start = timeProvider.GetTimestamp();
            Task<int> run = LoadRunner.RunAsync(crawl.Urls.Count, crawl.Concurrency, FetchOneAsync, LoadRunner.DefaultDrainTimeout, stoppingToken);
            int started = await ProgressDisplay.RunAsync(console.ErrorIsTerminal ? console.CreateErrorAnsiConsole() : null, _progress, run, timeProvider).ConfigureAwait(false);
            TimeSpan elapsed = timeProvider.GetElapsedTime(start);
            if (_out is not null)
            {
                await _out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }

            bool interrupted = stoppingToken.IsCancellationRequested;
            IReadOnlyList<IReadOnlyList<string>> fleet = services.GetService<FleetSettings>() is null
                ? []
                : await FleetJoin.DescribeAsync(services).ConfigureAwait(false);
            PrintSummary(elapsed, started, interrupted, fleet);
            if (interrupted)
            {
                await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"crawl: interrupted after {started} of {crawl.Urls.Count} URLs; in-flight requests were let finish")).ConfigureAwait(false);
                return ExitCodes.Interrupted;
            }

            return _failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }
        finally
        {
            if (_out is not null)
            {
                await _out.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task FetchOneAsync(int index, CancellationToken cancellationToken)
    {
        Uri url = crawl.Urls[index];
        HttpClient client = clients.CreateClient(ClientServices.ClientName);
        var attempts = new StrongBox<int>();
        long start = Stopwatch.GetTimestamp();
        int? status = null;
        long bytes = 0;
        string? error = null;
        // --timeout bounds the whole exchange, body included (HttpClient.Timeout stops at the
        // headers when the body is streamed): a server trickling bytes cannot hold a crawl.
        using var exchange = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        exchange.CancelAfter(crawl.Client.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Options.Set(WireHandler.AttemptsKey, attempts);
            using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, exchange.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            bytes = await CountBodyAsync(response.Content, exchange.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                string? reason = null;
                (response.RequestMessage ?? request).Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out reason);
                error = string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {response.ReasonPhrase}{(reason is null ? "" : ": " + reason)}");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error = "cancelled: still in flight when the drain time after Ctrl+C ran out";
        }
        catch (OperationCanceledException)
        {
            error = $"timed out after {DurationParser.Format(crawl.Client.Timeout)}";
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            error = SecretMasking.MaskUserInfo((e.InnerException is { Message.Length: > 0 } inner && e is HttpRequestException ? e.Message + " (" + inner.Message + ")" : e.Message).ReplaceLineEndings(" "));
        }

        var record = new CrawlRecord
        {
            Url = UrlUserInfoCredentialSource.StripUserInfo(url).AbsoluteUri,
            Status = status,
            Bytes = bytes,
            ElapsedMs = Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 3),
            Attempts = attempts.Value,
            Error = error,
        };
        Interlocked.Increment(ref error is null ? ref _succeeded : ref _failed);
        Interlocked.Add(ref _attempts, attempts.Value);
        _outcomes.AddOrUpdate(status is { } s ? "HTTP " + s.ToString(CultureInfo.InvariantCulture) : "no response", 1, (_, n) => n + 1);
        if (_out is not null)
        {
            string line = JsonSerializer.Serialize(record, HostJsonContext.Default.CrawlRecord);
            lock (_writeLock)
            {
                _out.WriteLine(line);
            }
        }

        _progress!.Increment();
    }

    private static async Task<long> CountBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            Stream body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                long total = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return total;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void PrintSummary(TimeSpan elapsed, int started, bool interrupted, IReadOnlyList<IReadOnlyList<string>> fleet)
    {
        static string N(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        int done = Volatile.Read(ref _succeeded) + Volatile.Read(ref _failed);
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "URLs", N(crawl.Urls.Count, "N0") },
            new[] { "succeeded (2xx)", N(Volatile.Read(ref _succeeded), "N0") },
            new[] { "failed", N(Volatile.Read(ref _failed), "N0") },
            new[] { "malformed lines skipped", N(crawl.Skipped, "N0") },
            new[] { "requests on the wire", N(Interlocked.Read(ref _attempts), "N0") },
            new[] { "elapsed", N(elapsed.TotalSeconds, "0.00") + " s" },
            new[] { "URLs per second", N(elapsed <= TimeSpan.Zero ? 0 : done / elapsed.TotalSeconds, "N1") },
        };
        if (interrupted)
        {
            rows.Add(["not started", N(crawl.Urls.Count - started, "N0")]);
        }

        foreach ((string what, int count) in _outcomes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            rows.Add([what, N(count, "N0")]);
        }

        rows.AddRange(fleet);
        SummaryTable.Write(console, interrupted ? "AuthActors crawl (interrupted)" : "AuthActors crawl", headers: null, rows);
    }
}
