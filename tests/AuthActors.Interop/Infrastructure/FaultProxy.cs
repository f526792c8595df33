using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a real server that injects transport faults: resets,
/// connections closed after the request, or no answer at all. Every connection task is kept and
/// awaited on dispose; nothing runs unobserved.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, Task> _connections = new();
    private readonly Task _acceptLoop;
    private int _nextId;
    private volatile FaultMode _mode;

    public FaultProxy(Uri upstream, FaultMode mode)
    {
        _upstream = new IPEndPoint(IPAddress.Loopback, upstream.Port);
        _mode = mode;
        _listener.Start();
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/"));
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _nextId);

    public FaultMode Mode
    {
        get => _mode;
        set => _mode = value;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        await Task.WhenAll(_connections.Values);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return; // stopped
            }

            int id = Interlocked.Increment(ref _nextId);
            _connections[id] = HandleAsync(id, client, _mode);
        }
    }

    private async Task HandleAsync(int id, Socket client, FaultMode mode)
    {
        await Task.Yield(); // off the accept loop
        try
        {
            switch (mode)
            {
                case FaultMode.Reset:
                    client.LingerState = new LingerOption(true, 0);
                    client.Close();
                    break;
                case FaultMode.CloseAfterRequest:
                    await ReadSomeAsync(client);
                    client.Shutdown(SocketShutdown.Both);
                    break;
                case FaultMode.Blackhole:
                    while (await ReadSomeAsync(client) > 0)
                    {
                        // keep reading and never answer
                    }

                    break;
                default:
                    await ForwardAsync(client);
                    break;
            }
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the proxy stopped: the connection ends, which is the point.
        }
        finally
        {
            client.Dispose();
            _connections.TryRemove(id, out _);
        }
    }

    private async Task<int> ReadSomeAsync(Socket client)
    {
        byte[] buffer = new byte[16 * 1024];
        return await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
    }

    private async Task ForwardAsync(Socket client)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await upstream.ConnectAsync(_upstream, _stop.Token);
        using var clientStream = new NetworkStream(client, ownsSocket: false);
        using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        Task up = PipeAsync(clientStream, upstreamStream, upstream, done.Token);
        Task down = PipeAsync(upstreamStream, clientStream, client, done.Token);
        await Task.WhenAny(up, down);
        await done.CancelAsync();
        await Task.WhenAll(up, down);
    }

    private static async Task PipeAsync(Stream from, Stream to, Socket toSocket, CancellationToken token)
    {
        try
        {
            await from.CopyToAsync(to, token);
            toSocket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // One side closed or the proxy stopped.
        }
    }
}
