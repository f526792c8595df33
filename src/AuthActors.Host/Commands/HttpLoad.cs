using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AuthActors.Http;

namespace AuthActors.Host.Commands;

/// <summary>
/// The demo and bench workload: GETs through one <see cref="HttpClient"/>, counted and timed. A
/// request succeeds on 200 with its whole body read; anything else is a failure, whose first few
/// distinct reasons are kept for the summary.
/// </summary>
internal sealed class HttpLoad
{
    private const int KeptReasons = 5;

    private readonly HttpClient _client;
    private readonly Func<int, Uri> _url;
    private readonly WorkProgress? _progress;
    private readonly double[] _latencyMs;
    private readonly ConcurrentDictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private int _succeeded;
    private int _failed;

    public HttpLoad(HttpClient client, int requests, Func<int, Uri> url, WorkProgress? progress)
    {
        _client = client;
        _url = url;
        _progress = progress;
        _latencyMs = new double[requests];
        Array.Fill(_latencyMs, double.NaN);
    }

    public int Succeeded => Volatile.Read(ref _succeeded);

    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Up to five distinct failure reasons, in no particular order.</summary>
    public IReadOnlyCollection<string> FailureReasons => [.. _reasons.Keys];

    /// <summary>Runs the workload with <see cref="LoadRunner"/>; returns the elapsed time.</summary>
    public async Task<TimeSpan> RunAsync(int concurrency, TimeProvider timeProvider, CancellationToken stopIssuing)
    {
        long start = timeProvider.GetTimestamp();
        await LoadRunner.RunAsync(_latencyMs.Length, concurrency, SendAsync, LoadRunner.DefaultDrainTimeout, stopIssuing).ConfigureAwait(false);
        return timeProvider.GetElapsedTime(start);
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0..1, nearest rank) of the requests that finished, in ms; 0 when none did.</summary>
    public double Percentile(double q)
    {
        double[] done = [.. _latencyMs.Where(l => !double.IsNaN(l))];
        if (done.Length == 0)
        {
            return 0;
        }

        Array.Sort(done);
        int rank = (int)Math.Ceiling(q * done.Length) - 1;
        return done[Math.Clamp(rank, 0, done.Length - 1)];
    }

    private async Task SendAsync(int index, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        string? failure;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _url(index));
            using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                failure = null;
            }
            else
            {
                string? reason = null;
                (response.RequestMessage ?? request).Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out reason);
                failure = $"{(int)response.StatusCode} {response.ReasonPhrase}" + (reason is null ? "" : ": " + reason);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure = "cancelled: still in flight when the drain time after Ctrl+C ran out";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            failure = e is OperationCanceledException ? "timed out" : e.Message;
        }

        _latencyMs[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (failure is null)
        {
            Interlocked.Increment(ref _succeeded);
        }
        else
        {
            Interlocked.Increment(ref _failed);
            if (_reasons.Count < KeptReasons)
            {
                _reasons.TryAdd(failure, 0);
            }
        }

        _progress?.Increment();
    }
}
