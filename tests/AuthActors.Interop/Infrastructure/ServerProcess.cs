using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AuthActors.Interop.Infrastructure;

/// <summary>
/// A real server running as a child process on 127.0.0.1. Started, it is ready once its port
/// accepts a connection (polled with a deadline, each wait ends early if the process dies);
/// stopped, it gets SIGTERM, then the whole process tree is killed if it has not exited in time.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>How long a server may take to start listening.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_probeInterval = TimeSpan.FromMilliseconds(50);
    private const int MaxOutputChars = 64 * 1024;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private ServerProcess(ServerLaunch launch, Process process)
    {
        Launch = launch;
        _process = process;
    }

    public ServerLaunch Launch { get; }

    public int Port => Launch.Port;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote to stdout and stderr (the last 64 KiB).</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the server from <paramref name="launch"/> (called with a fresh free port each time)
    /// and waits until it listens. A bind failure (another process took the port between
    /// <see cref="FreePort.Next"/> and the bind) is retried with a new port, twice at most.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(Func<int, ServerLaunch> launch, Func<string, bool>? isBindFailure = null)
    {
        for (int attempt = 1; ; attempt++)
        {
            ServerLaunch plan = launch(FreePort.Next());
            try
            {
                return await StartAsync(plan);
            }
            catch (ServerStartException e) when (attempt < 3 && (isBindFailure ?? LooksLikeBindFailure)(e.Output))
            {
                // The port was taken meanwhile: try another.
            }
        }
    }

    /// <summary>Starts the server exactly as planned (same port) and waits until it listens.</summary>
    public static async Task<ServerProcess> StartAsync(ServerLaunch launch)
    {
        var start = new ProcessStartInfo(launch.FileName)
        {
            WorkingDirectory = launch.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in launch.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in new[] { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY" })
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string value) in launch.Environment)
        {
            start.Environment[name] = value;
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException($"{launch.Name} did not start ({launch.FileName})");
        var server = new ServerProcess(launch, process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilListeningAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Sends a signal (<see cref="Posix.SigHup"/>, <see cref="Posix.SigUsr1"/>, ...) to the server's main process.</summary>
    public void Signal(int signal)
    {
        if (!Posix.TrySignal(Pid, signal))
        {
            throw new InvalidOperationException($"kill({Pid}, {signal}) failed with errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits until the server accepts connections on its port again (after a restart signal).</summary>
    public Task WaitUntilListeningAsync() => WaitUntilListeningAsync(ReadyTimeout);

    /// <summary>Stops the server: SIGTERM, then a kill of the whole tree after a deadline. Safe to call twice.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                Signal(Posix.SigTerm);
                using var timeout = new CancellationTokenSource(s_stopTimeout);
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
            {
                // Did not stop in time, or exited just before the signal: the tree goes down hard below.
            }
        }

        // Children (Apache workers, Squid helpers) may outlive a parent that was killed.
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(s_stopTimeout);
            await _process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static bool LooksLikeBindFailure(string output) =>
        output.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
        || output.Contains("could not bind", StringComparison.OrdinalIgnoreCase);

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // drains the output readers
                throw new ServerStartException($"{Launch.Name} exited with code {_process.ExitCode} before listening on 127.0.0.1:{Port}:\n{Output}", Output);
            }

            if (await CanConnectAsync(Port))
            {
                return;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new ServerStartException($"{Launch.Name} did not listen on 127.0.0.1:{Port} within {timeout}:\n{Output}", Output);
            }

            // Not listening yet: wait a moment, but wake at once if the process dies.
            using var probe = new CancellationTokenSource(s_probeInterval);
            try
            {
                await _process.WaitForExitAsync(probe.Token);
            }
            catch (OperationCanceledException)
            {
                // Still running: probe again.
            }
        }
    }

    private static async Task<bool> CanConnectAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            if (_output.Length > MaxOutputChars)
            {
                _output.Remove(0, _output.Length - (MaxOutputChars / 2));
            }

            _output.AppendLine(line);
        }
    }
}
