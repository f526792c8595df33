using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AuthActors.Credentials;
using AuthActors.Http;
using AuthActors.Interop.Infrastructure;
using AuthActors.Spaces;

namespace AuthActors.Interop.Throughput;

/// <summary>
/// Sends GETs with one client at a fixed concurrency, first a warm-up that is not counted (JIT,
/// connections, the first challenge), then the measured requests, and counts what the server
/// logged for them. No request goes through a recorder: the client stack is what an application
/// would run.
/// </summary>
internal static class ThroughputRunner
{
    public const int Concurrency = 64;

    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Measured requests per run: AUTHACTORS_INTEROP_THROUGHPUT_REQUESTS, default 5,000.</summary>
    public static int Requests => InteropEnvironment.Scale("AUTHACTORS_INTEROP_THROUGHPUT_REQUESTS", 5_000);

    /// <summary>Warm-up requests per run (not counted): a fifth of <see cref="Requests"/>, at least 500.</summary>
    public static int WarmUp => Math.Max(500, Requests / 5);

    public static async Task<ThroughputResult> RunAsync(
        ThroughputClient client, Uri url, string location, AccessLog log, Func<Task>? flush = null)
    {
        var origin = new Uri(url.GetLeftPart(UriPartial.Authority) + "/");
        AuthActorsRuntime? runtime = null;
        HttpMessageHandler handler;
        var sockets = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false };
        switch (client)
        {
            case ThroughputClient.AuthActors:
                runtime = new AuthActorsRuntime(new CredentialChain([new InMemoryCredentialSource().Add(origin, InteropUsers.UserName, InteropUsers.Password)]));
                handler = new AuthActorsHandler(runtime, new AuthActorsHandlerOptions { UseDefaultProxy = false }) { InnerHandler = sockets };
                break;
            case ThroughputClient.Builtin:
                sockets.Credentials = new CredentialCache { { origin, "Digest", new NetworkCredential(InteropUsers.UserName, InteropUsers.Password) } };
                sockets.PreAuthenticate = true;
                handler = sockets;
                break;
            default:
                handler = sockets;
                break;
        }

        try
        {
            using var http = new HttpClient(handler) { Timeout = s_requestTimeout };
            if (flush is not null)
            {
                await flush();
            }

            // The warm-up's lines are all written once its last 200 is: the measured run counts from there.
            int warmMark = log.Mark();
            (IReadOnlyList<string> warmFailures, _) = await SendAllAsync(http, url, WarmUp);
            await WaitForOkLinesAsync(log, warmMark, WarmUp - warmFailures.Count, flush);
            int mark = log.Mark();
            int requests = Requests;
            (IReadOnlyList<string> failures, TimeSpan elapsed) = await SendAllAsync(http, url, requests);
            IReadOnlyList<string> lines = await WaitForOkLinesAsync(log, mark, requests - failures.Count, flush);
            return new ThroughputResult(client, location, requests, failures, elapsed, lines.Count);
        }
        finally
        {
            if (runtime is not null)
            {
                await runtime.DisposeAsync();
            }
        }
    }

    private static async Task<(IReadOnlyList<string> Failures, TimeSpan Elapsed)> SendAllAsync(HttpClient http, Uri url, int count)
    {
        var failures = new ConcurrentQueue<string>();
        int next = -1;

        async Task WorkerAsync()
        {
            while (Interlocked.Increment(ref next) < count)
            {
                try
                {
                    using HttpResponseMessage response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Enqueue(e.GetType().Name + ": " + e.Message);
                }
            }
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(WorkerAsync)));
        return ([.. failures], clock.Elapsed);
    }

    /// <summary>The lines after <paramref name="mark"/> once at least <paramref name="ok"/> of them are 200s (or the log timeout passed).</summary>
    private static async Task<IReadOnlyList<string>> WaitForOkLinesAsync(AccessLog log, int mark, int ok, Func<Task>? flush)
    {
        IReadOnlyList<string> last = [];
        IReadOnlyList<string>? done = await FileProbe.WaitAsync<IReadOnlyList<string>>(log.Path, async () =>
        {
            if (flush is not null)
            {
                await flush();
            }

            last = [.. log.ReadLines().Skip(mark)];
            return last.Count(l => l.StartsWith("200 ", StringComparison.Ordinal)) >= ok ? last : null;
        }, Measured.LogTimeout);
        return done ?? last;
    }
}
