using System.Net;
using AuthActors.Credentials;
using AuthActors.Http;
using AuthActors.Spaces;
using BenchmarkDotNet.Attributes;

namespace AuthActors.Benchmarks.Http;

/// <summary>
/// What AuthActors adds to one request on the client, with the network taken out: the inner
/// handler answers at once (401 with a Digest challenge to a request without Authorization, 200
/// otherwise). Baseline: the same HttpClient without the AuthActors handler. The difference is
/// the steady-state cost of a lease (one Ask through the registry to the space actor) plus the
/// SHA-256 header. Concurrent: 64 requests in flight, as the host's bench runs.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup], not IDisposable.
public class HandlerOverheadBenchmarks
#pragma warning restore CA1001
{
    private const int Concurrent = 64;
    private static readonly Uri s_uri = new("http://127.0.0.1:8080/space/0/item");

    private AuthActorsRuntime _runtime = null!;
    private HttpClient _plain = null!;
    private HttpClient _authenticated = null!;
    private AuthLease _lease = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new AuthActorsRuntime(new CredentialChain([new InMemoryCredentialSource().SetDefault("user", "passwd")]));
        _plain = new HttpClient(new InstantServer());
        _authenticated = new HttpClient(new AuthActorsHandler(_runtime, new AuthActorsHandlerOptions { UseDefaultProxy = false }) { InnerHandler = new InstantServer() });
        using HttpResponseMessage warm = _authenticated.GetAsync(s_uri).GetAwaiter().GetResult();
        if (warm.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"warm-up answered {warm.StatusCode}");
        }

        _lease = (AuthLease)_runtime.LeaseAsync(OriginKey.From(s_uri), "/space/0/item", hasBody: false).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _authenticated.Dispose();
        _runtime.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<HttpStatusCode> PlainRequest()
    {
        using HttpResponseMessage r = await _plain.GetAsync(s_uri);
        return r.StatusCode;
    }

    [Benchmark]
    public async Task<HttpStatusCode> AuthenticatedRequest()
    {
        using HttpResponseMessage r = await _authenticated.GetAsync(s_uri);
        return r.StatusCode;
    }

    /// <summary>The lease alone: one Ask to the space (steady state), no header, no HTTP.</summary>
    [Benchmark]
    public async Task<object> LeaseOnly()
    {
        object lease = await _runtime.LeaseAsync(OriginKey.From(s_uri), "/space/0/item", hasBody: false);
        return lease;
    }

    /// <summary>The header alone, from a lease taken once (the caller's-thread part of the cost).</summary>
    [Benchmark]
    public ValueTask<string?> HeaderOnly() =>
        _lease.CreateHeaderValueAsync(new AuthRequest(HttpMethod.Get, s_uri, "/space/0/item", null, false), default);

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task Plain64Concurrent() => RunConcurrent(_plain);

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task Authenticated64Concurrent() => RunConcurrent(_authenticated);

    private static Task RunConcurrent(HttpClient client)
    {
        var tasks = new Task[Concurrent];
        for (int i = 0; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(async () =>
            {
                using HttpResponseMessage r = await client.GetAsync(s_uri);
            });
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>Answers like a Digest server without checking anything and without I/O.</summary>
    private sealed class InstantServer : HttpMessageHandler
    {
        private const string Challenge = "Digest realm=\"space-0\", qop=\"auth\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"x\"";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(request.Headers.Contains("Authorization")
                ? HttpStatusCode.OK
                : HttpStatusCode.Unauthorized) { RequestMessage = request };
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Headers.TryAddWithoutValidation("WWW-Authenticate", Challenge);
            }

            return Task.FromResult(response);
        }
    }
}
