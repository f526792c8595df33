using System.Collections.Concurrent;
using System.Net;
using AuthActors.Credentials;
using AuthActors.Host.Server;
using AuthActors.Http;
using AuthActors.Spaces;

namespace AuthActors.Tests.Http;

/// <summary>
/// A real Kestrel Digest server on 127.0.0.1 and an HttpClient that goes through an
/// <see cref="AuthActorsHandler"/> over its own runtime. Each test owns one and disposes it.
/// </summary>
internal sealed class AuthHarness : IAsyncDisposable
{
    private AuthHarness(DigestServer server, AuthActorsRuntime runtime, InMemoryCredentialSource credentials, HttpClient client)
    {
        Server = server;
        Runtime = runtime;
        Credentials = credentials;
        Client = client;
    }

    public DigestServer Server { get; }

    public AuthActorsRuntime Runtime { get; }

    public InMemoryCredentialSource Credentials { get; }

    public HttpClient Client { get; }

    public static async Task<AuthHarness> StartAsync(
        DigestServerOptions? server = null,
        string user = "user",
        string password = "passwd",
        SpaceSettings? settings = null,
        AuthActorsHandlerOptions? handler = null,
        IEnumerable<IAuthScheme>? schemes = null)
    {
        DigestServer digestServer = await DigestServer.StartAsync(server ?? new DigestServerOptions());
        var credentials = new InMemoryCredentialSource().SetDefault(user, password);
        var chain = new CredentialChain([credentials]);
        var runtime = new AuthActorsRuntime(
            chain,
            settings,
            schemes is null ? null : new AuthSchemeRegistry([.. AuthSchemeRegistry.Default.Schemes, .. schemes]));
        var client = new HttpClient(CreateHandler(runtime, handler));
        return new AuthHarness(digestServer, runtime, credentials, client);
    }

    public static AuthActorsHandler CreateHandler(AuthActorsRuntime runtime, AuthActorsHandlerOptions? options = null, HttpMessageHandler? inner = null) =>
        new(runtime, options ?? new AuthActorsHandlerOptions { UseDefaultProxy = false })
        {
            InnerHandler = inner ?? new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false },
        };

    public Uri Url(string path) => new(Server.BaseAddress, path);

    /// <summary>Sends <paramref name="requests"/> GETs, <paramref name="concurrency"/> at a time, and
    /// counts what came back. Every request is accounted for: a success, or a failure with its reason.</summary>
    public async Task<LoadResult> RunLoadAsync(int requests, int concurrency, Func<int, string> path, Func<int, Task>? afterEach = null)
    {
        int ok = 0;
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, ct) =>
            {
                try
                {
                    using HttpResponseMessage response = await Client.GetAsync(Url(path(i)), ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref ok);
                    }
                    else
                    {
                        response.RequestMessage!.Options.TryGetValue(AuthActorsHandler.FailureReasonKey, out string? reason);
                        failures.Add($"{(int)response.StatusCode} {reason}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failures.Add(e.Message);
                }

                if (afterEach is not null)
                {
                    await afterEach(i);
                }
            });
        return new LoadResult(ok, [.. failures]);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Runtime.DisposeAsync();
        await Server.DisposeAsync();
    }
}

internal sealed record LoadResult(int Succeeded, IReadOnlyList<string> Failures)
{
    public override string ToString() =>
        $"{Succeeded} ok, {Failures.Count} failed: {string.Join(" | ", Failures.Distinct().Take(5))}";
}
