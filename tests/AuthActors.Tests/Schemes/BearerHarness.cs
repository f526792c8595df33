using System.Collections.Concurrent;
using System.Net;
using AuthActors.Credentials;
using AuthActors.Http;
using AuthActors.Spaces;
using AuthActors.Spaces.Schemes;
using AuthActors.Tests.Http;
using AuthActors.Tests.Support;

namespace AuthActors.Tests.Schemes;

/// <summary>
/// The OAuth servers plus a client whose runtime knows <see cref="BearerScheme"/>, on a fake clock
/// shared by client and servers. Asks, discovery and passivation are set far beyond any step a test
/// takes on that clock, so moving it never times out a request in flight; every wait of the test
/// itself is bounded in real time. Each test owns one and disposes it.
/// </summary>
internal sealed class BearerHarness : IAsyncDisposable
{
    private static readonly SpaceSettings s_settings = new()
    {
        AskTimeout = TimeSpan.FromHours(1),
        DiscoveryTimeout = TimeSpan.FromHours(1),
        PassivateAfter = TimeSpan.FromDays(1),
    };

    private BearerHarness(OAuthTestServers servers, FakeTimeProvider clock, InMemoryCredentialSource credentials, AuthActorsRuntime runtime, HttpClient client, CollectingLoggerFactory logs)
    {
        Servers = servers;
        Clock = clock;
        Credentials = credentials;
        Runtime = runtime;
        Client = client;
        Logs = logs;
    }

    public OAuthTestServers Servers { get; }

    public FakeTimeProvider Clock { get; }

    public InMemoryCredentialSource Credentials { get; }

    public AuthActorsRuntime Runtime { get; }

    public HttpClient Client { get; }

    public CollectingLoggerFactory Logs { get; }

    /// <summary>Starts servers and client. By default the scheme uses the servers' token endpoint
    /// with the right client credentials; <paramref name="staticToken"/> switches to a static token.</summary>
    public static async Task<BearerHarness> StartAsync(string? staticToken = null, Func<Uri, BearerSchemeOptions, BearerSchemeOptions>? configure = null)
    {
        var clock = new FakeTimeProvider();
        OAuthTestServers servers = await OAuthTestServers.StartAsync(clock);
        var options = new BearerSchemeOptions
        {
            TokenEndpoint = staticToken is null ? servers.TokenEndpoint : null,
            AllowHttp = true,
            TokenRequestTimeout = TimeSpan.FromHours(1),
        };
        options = configure?.Invoke(servers.TokenEndpoint, options) ?? options;
        var credentials = staticToken is null
            ? new InMemoryCredentialSource().SetDefault(OAuthTestServers.ClientId, OAuthTestServers.ClientSecret)
            : new InMemoryCredentialSource().SetDefault("", staticToken);
        var logs = new CollectingLoggerFactory();
        var runtime = new AuthActorsRuntime(
            new CredentialChain([credentials]),
            s_settings,
            new AuthSchemeRegistry([.. AuthSchemeRegistry.Default.Schemes, new BearerScheme(options)]),
            logs,
            timeProvider: clock);
        var client = new HttpClient(AuthHarness.CreateHandler(runtime));
        return new BearerHarness(servers, clock, credentials, runtime, client, logs);
    }

    /// <summary>One GET, bounded in real time.</summary>
    public Task<HttpResponseMessage> GetAsync(string path) =>
        Client.GetAsync(Servers.Api(path)).WaitAsync(TestTimeouts.Dilated(TimeSpan.FromSeconds(30)));

    /// <summary>Why the handler returned a 401 unanswered, or null.</summary>
    public static string? FailureReason(HttpResponseMessage response) =>
        response.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason) ? reason : null;

    /// <summary>Sends <paramref name="count"/> GETs all at once (released together by one gate).</summary>
    public async Task<LoadResult> BurstAsync(int count)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<string?>[] requests = [.. Enumerable.Range(0, count).Select(async i =>
        {
            await gate.Task;
            return await SendAsync($"/data/{i}", CancellationToken.None);
        })];
        gate.SetResult();
        string?[] outcomes = await Task.WhenAll(requests).WaitAsync(TestTimeouts.Dilated(TimeSpan.FromSeconds(60)));
        return Result(outcomes);
    }

    /// <summary>Sends <paramref name="requests"/> GETs, <paramref name="concurrency"/> at a time;
    /// <paramref name="afterEach"/> runs after each (to move the clock under load).</summary>
    public async Task<LoadResult> RunLoadAsync(int requests, int concurrency, Action<int>? afterEach = null)
    {
        var outcomes = new ConcurrentBag<string?>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, ct) =>
            {
                outcomes.Add(await SendAsync($"/data/{i}", ct));
                afterEach?.Invoke(i);
            }).WaitAsync(TestTimeouts.Dilated(TimeSpan.FromSeconds(60)));
        return Result([.. outcomes]);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Runtime.DisposeAsync();
        await Servers.DisposeAsync();
        Runtime.Diagnostics.Dispose();
        Logs.Dispose();
    }

    /// <summary>Null for a 200, else what went wrong.</summary>
    private async Task<string?> SendAsync(string path, CancellationToken ct)
    {
        try
        {
            using HttpResponseMessage response = await Client.GetAsync(Servers.Api(path), ct);
            return response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode} {FailureReason(response)}";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    private static LoadResult Result(IReadOnlyCollection<string?> outcomes) =>
        new(outcomes.Count(o => o is null), [.. outcomes.Where(o => o is not null).Select(o => o!)]);
}
