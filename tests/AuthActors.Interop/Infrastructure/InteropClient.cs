using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AuthActors.Credentials;
using AuthActors.Http;
using AuthActors.Spaces;

namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// An HttpClient over AuthActors as an application would build it: AuthActorsHandler, then a
/// <see cref="WireRecorder"/>, then SocketsHttpHandler (no automatic redirects; a proxy when
/// asked for). Each test owns one and disposes it.
/// </summary>
internal sealed class InteropClient : IAsyncDisposable
{
    private readonly TimeSpan _requestTimeout;

    private InteropClient(AuthActorsRuntime runtime, WireRecorder wire, HttpClient http, InMemoryCredentialSource credentials, TimeSpan requestTimeout)
    {
        Runtime = runtime;
        Wire = wire;
        Http = http;
        Credentials = credentials;
        _requestTimeout = requestTimeout;
    }

    public AuthActorsRuntime Runtime { get; }

    public WireRecorder Wire { get; }

    public HttpClient Http { get; }

    public InMemoryCredentialSource Credentials { get; }

    public static InteropClient Create(InteropClientOptions? options = null)
    {
        options ??= new InteropClientOptions();
        var credentials = new InMemoryCredentialSource();
        if (options.UseDefaultCredential)
        {
            credentials.SetDefault(options.UserName, options.Password);
        }

        foreach ((Uri origin, string user, string password) in options.PerOrigin)
        {
            credentials.Add(origin, user, password);
        }

        var runtime = new AuthActorsRuntime(new CredentialChain([credentials]), options.Settings);
        var primary = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = options.Proxy is not null,
            Proxy = options.Proxy,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
        };
        options.ConfigurePrimary?.Invoke(primary);
        var wire = new WireRecorder(primary, options.RecordExchanges);
        var handler = new AuthActorsHandler(runtime, new AuthActorsHandlerOptions
        {
            Proxy = options.Proxy,
            UseDefaultProxy = false,
            FollowRedirects = options.FollowRedirects,
        })
        {
            InnerHandler = wire,
        };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        return new InteropClient(runtime, wire, http, credentials, options.RequestTimeout);
    }

    /// <summary>One GET with the per-request timeout; the outcome as a short string ("200", "401 reason", "timeout", ...).</summary>
    public async Task<string> GetAsync(Uri url)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout);
        try
        {
            using HttpResponseMessage response = await Http.GetAsync(url, timeout.Token);
            await response.Content.LoadIntoBufferAsync(timeout.Token);
            return Describe(response);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return $"timeout after {_requestTimeout.TotalSeconds:F0} s";
        }
        catch (HttpRequestException e)
        {
            return "error: " + e.Message;
        }
    }

    /// <summary>
    /// Sends <paramref name="requests"/> GETs, <paramref name="concurrency"/> at a time, each
    /// bounded by the request timeout, and accounts for every one.
    /// </summary>
    public async Task<LoadResult> RunAsync(int requests, int concurrency, Func<int, Uri> url)
    {
        int ok = 0;
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, _) =>
            {
                string outcome = await GetAsync(url(i));
                if (outcome == "200")
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    failures.Enqueue(outcome);
                }
            });
        return new LoadResult(requests, ok, [.. failures], clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Runtime.DisposeAsync();
    }

    private static string Describe(HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return "200";
        }

        return response.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason)
            ? $"{status} {reason}"
            : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
