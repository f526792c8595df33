using System.Net;
using AuthActors.Credentials;
using AuthActors.Http;
using AuthActors.Spaces;

namespace AuthActors.Host.Commands;

/// <summary>
/// One of bench's clients, kept for every round (its connections and, for authactors, its spaces
/// stay warm): the handler pipeline with a counter of the requests that reach the wire, and the
/// figures of each round.
/// </summary>
internal sealed class BenchClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly WireCounter _wire;
    private readonly AuthActorsRuntime? _runtime;
    private readonly HashSet<string> _failureReasons = [];
    private int _offset;

    private BenchClient(string name, HttpClient http, WireCounter wire, AuthActorsRuntime? runtime)
    {
        Name = name;
        _http = http;
        _wire = wire;
        _runtime = runtime;
    }

    public string Name { get; }

    public List<RoundFigures> Rounds { get; } = [];

    public IReadOnlyCollection<string> FailureReasons => _failureReasons;

    /// <summary>Builds the client and warms it up (JIT, connections, each space's first challenge).</summary>
    public static async Task<BenchClient> CreateAsync(string name, WorkloadSettings settings, BenchTarget target, TimeProvider timeProvider, CancellationToken ct)
    {
        var wire = new WireCounter();
        var sockets = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            // Counted on the connection: builtin's own second round trip (its Digest handshake
            // inside SocketsHttpHandler) never passes a DelegatingHandler.
            PlaintextStreamFilter = (context, _) => ValueTask.FromResult<Stream>(new WireCounter.CountingStream(context.PlaintextStream, wire)),
        };
        AuthActorsRuntime? runtime = null;
        HttpMessageHandler handler = sockets;
        switch (name)
        {
            case BenchCommand.AuthActors:
                Uri origin = target.Auth(0);
                runtime = new AuthActorsRuntime(
                    new CredentialChain([new InMemoryCredentialSource().Add(origin, target.UserName, target.Password)]),
                    schemes: settings.Scheme == WorkloadScheme.Bearer && target.InProcess is { } server
                        ? new AuthSchemeRegistry([.. AuthSchemeRegistry.Default.Schemes, WorkloadSettings.CreateBearerScheme(server)])
                        : null);
                runtime.Start();
                handler = new AuthActorsHandler(runtime, new AuthActorsHandlerOptions { UseDefaultProxy = false }) { InnerHandler = sockets };
                break;
            case BenchCommand.Builtin:
                sockets.Credentials = new NetworkCredential(target.UserName, target.Password);
                sockets.PreAuthenticate = true;
                break;
        }

        var client = new BenchClient(name, new HttpClient(handler), wire, runtime);
        int warmUp = Math.Min(5_000, settings.Requests / 4);
        if (warmUp > 0)
        {
            await new HttpLoad(client._http, warmUp, client.Url(target), progress: null).RunAsync(settings.Concurrency, timeProvider, ct).ConfigureAwait(false);
            client._offset += warmUp;
        }

        return client;
    }

    /// <summary>One round: rate, requests on the wire, this process's CPU and allocations, per request.</summary>
    public async Task RunRoundAsync(WorkloadSettings settings, BenchTarget target, HostConsole console, TimeProvider timeProvider, CancellationToken ct)
    {
        Func<int, Uri> url = Url(target);
        int offset = _offset;
        var progress = new WorkProgress(settings.Requests, "bench " + Name, console.ErrorIsTerminal ? null : console.Error);
        var load = new HttpLoad(_http, settings.Requests, i => url(i + offset), progress);
        long wireBefore = _wire.Count;
        TimeSpan cpuBefore = Environment.CpuUsage.TotalTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan elapsed = await load.RunAsync(settings.Concurrency, timeProvider, ct).ConfigureAwait(false);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        TimeSpan cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        long requests = load.Succeeded + load.Failed;
        _offset += settings.Requests;
        foreach (string reason in load.FailureReasons)
        {
            _failureReasons.Add(reason);
        }

        Rounds.Add(new RoundFigures(
            requests,
            load.Failed,
            elapsed <= TimeSpan.Zero ? 0 : requests / elapsed.TotalSeconds,
            requests == 0 ? 0 : (double)(_wire.Count - wireBefore) / requests,
            requests == 0 ? 0 : cpu.TotalMicroseconds / requests,
            requests == 0 ? 0 : (double)allocated / requests));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Func<int, Uri> Url(BenchTarget target) => Name == BenchCommand.None ? target.Open : target.Auth;

    /// <summary>Counts the requests written on the client's connections: every write that starts
    /// with a request line (HTTP/1.1 writes one per request; bench sends no bodies).</summary>
    private sealed class WireCounter
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        private void Saw(ReadOnlySpan<byte> written)
        {
            if (written.StartsWith("GET "u8) || written.StartsWith("HEAD "u8) || written.StartsWith("POST "u8))
            {
                Interlocked.Increment(ref _count);
            }
        }

        /// <summary>The connection's stream, passing everything through, counting request lines.</summary>
        internal sealed class CountingStream(Stream inner, WireCounter counter) : Stream
        {
            public override bool CanRead => inner.CanRead;

            public override bool CanSeek => false;

            public override bool CanWrite => inner.CanWrite;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override void Flush() => inner.Flush();

            public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

            public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count)
            {
                counter.Saw(buffer.AsSpan(offset, count));
                inner.Write(buffer, offset, count);
            }

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                counter.Saw(buffer.Span);
                return inner.WriteAsync(buffer, cancellationToken);
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }

            public override async ValueTask DisposeAsync()
            {
                await inner.DisposeAsync().ConfigureAwait(false);
                await base.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>One client's figures for one round.</summary>
internal sealed record RoundFigures(long Requests, long Failed, double RequestsPerSecond, double RoundTripsPerRequest, double CpuMicrosecondsPerRequest, double AllocatedBytesPerRequest);
